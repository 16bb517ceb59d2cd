<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="58" />
        <source>Generate report</source>
        <translation>生成报告</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="59" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="60" />
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="68" />
        <source>District summary</source>
        <translation>区县汇总报告</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="78" />
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="79" />
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="95" />
        <source>Inspection</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="97" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="102" />
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="104" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="106" />
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="125" />
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="137" />
        <source>signed</source>
        <translation>已签署</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="137" />
        <source>not signed</source>
        <translation>未签署</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="178" />
        <source>This inspection has no report yet: answer it first.</source>
        <translation>此检查尚无报告：请先填写检查内容。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="202" />
        <source>Generating the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="215" />
        <source>Generating the district summary…</source>
        <translation>正在生成区县汇总报告…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="216" />
        <source>District summary ready.</source>
        <translation>区县汇总报告已生成。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="237" />
        <source>The report could not be made.</source>
        <translation>无法生成报告。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="246" />
        <source>That password does not open your signing key. Try again:</source>
        <translation>密码不正确，无法打开您的签名密钥。请重新输入：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="247" />
        <source>Your signing key is protected by a password. Type it to sign the report:</source>
        <translation>您的签名密钥设有密码。请输入密码以签署报告：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="249" />
        <source>Signing key password</source>
        <translation>签名密钥密码</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="257" />
        <source>Report ready, signed digitally.</source>
        <translation>报告已生成，并已加数字签名。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="258" />
        <source>Report ready. The inspection is not signed: the report is a draft.</source>
        <translation>报告已生成。该检查尚未签署，报告为草稿。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="277" />
        <source>Print report</source>
        <translation>打印报告</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="288" />
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="313" />
        <source>Save report as PDF</source>
        <translation>将报告另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="315" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="329" />
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
</context>
<context><name>OfficeTools</name><message>
        <location filename="../../ui/pages/office_tools.py" line="29" />
        <source>Office documents</source>
        <translation>督导文书</translation>
    </message>
    <message>
        <location filename="../../ui/pages/office_tools.py" line="31" />
        <source>Opinion letter</source>
        <translation>督导意见书</translation>
    </message>
    <message>
        <location filename="../../ui/pages/office_tools.py" line="32" />
        <source>Rectification notice</source>
        <translation>整改通知书</translation>
    </message>
    <message>
        <location filename="../../ui/pages/office_tools.py" line="33" />
        <source>Ledger</source>
        <translation>整改台账</translation>
    </message>
    <message>
        <location filename="../../ui/pages/office_tools.py" line="34" />
        <source>Ledger to Excel…</source>
        <translation>台账导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/office_tools.py" line="35" />
        <source>Results to Excel…</source>
        <translation>结果导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/office_tools.py" line="36" />
        <source>Import roster…</source>
        <translation>导入名册…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/office_tools.py" line="37" />
        <source>Roster template…</source>
        <translation>名册模板…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/office_tools.py" line="51" />
        <source>Making the document…</source>
        <translation>正在生成文书…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/office_tools.py" line="54" />
        <source>Document ready, signed digitally.</source>
        <translation>文书已生成，已数字签名。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/office_tools.py" line="55" />
        <source>Document ready. The inspection is not signed: the document is a draft.</source>
        <translation>文书已生成。检查尚未签署，此文书为草稿。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/office_tools.py" line="61" />
        <source>Making the ledger…</source>
        <translation>正在生成整改台账…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/office_tools.py" line="62" />
        <source>Ledger ready.</source>
        <translation>整改台账已生成。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/office_tools.py" line="67" />
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <location filename="../../ui/pages/office_tools.py" line="103" />
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/office_tools.py" line="109" />
        <source>Import roster</source>
        <translation>导入名册</translation>
    </message>
    <message>
        <location filename="../../ui/pages/office_tools.py" line="127" />
        <source>All rows imported: %1 schools added, %2 updated; %3 teachers added, %4 updated.</source>
        <translation>全部行已导入：新增学校 %1 所、更新 %2 所；新增教师 %3 名、更新 %4 名。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/office_tools.py" line="134" />
        <source>Roster not imported</source>
        <translation>名册未导入</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/office_tools.py" line="135" />
        <source>Nothing was imported: %n row(s) must be corrected first.</source>
        <translation>
            <numerusform>未导入任何数据：有 %n 行需要先更正。</numerusform>
        </translation>
    </message>
</context></TS>