<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="58"/>
        <source>Generate report</source>
        <translation>生成报告</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="59"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="60"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="68"/>
        <source>District summary</source>
        <translation>区县汇总报告</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="78"/>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="79"/>
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="95"/>
        <source>Inspection</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="97"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="102"/>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="104"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="106"/>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="125"/>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="137"/>
        <source>signed</source>
        <translation>已签署</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="137"/>
        <source>not signed</source>
        <translation>未签署</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="178"/>
        <source>This inspection has no report yet: answer it first.</source>
        <translation>此检查尚无报告：请先填写检查内容。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="202"/>
        <source>Generating the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="215"/>
        <source>Generating the district summary…</source>
        <translation>正在生成区县汇总报告…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="216"/>
        <source>District summary ready.</source>
        <translation>区县汇总报告已生成。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="237"/>
        <source>The report could not be made.</source>
        <translation>无法生成报告。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="246"/>
        <source>That password does not open your signing key. Try again:</source>
        <translation>密码不正确，无法打开您的签名密钥。请重新输入：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="247"/>
        <source>Your signing key is protected by a password. Type it to sign the report:</source>
        <translation>您的签名密钥设有密码。请输入密码以签署报告：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="249"/>
        <source>Signing key password</source>
        <translation>签名密钥密码</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="257"/>
        <source>Report ready, signed digitally.</source>
        <translation>报告已生成，并已加数字签名。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="258"/>
        <source>Report ready. The inspection is not signed: the report is a draft.</source>
        <translation>报告已生成。该检查尚未签署，报告为草稿。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="277"/>
        <source>Print report</source>
        <translation>打印报告</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="288"/>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="313"/>
        <source>Save report as PDF</source>
        <translation>将报告另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="315"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="329"/>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
</context>
</TS>
