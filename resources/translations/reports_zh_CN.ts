<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="53" />
        <source>Generate report</source>
        <translation>生成报告</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="54" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="55" />
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="63" />
        <source>District summary</source>
        <translation>区县汇总报告</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="80" />
        <source>Inspection</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="82" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="87" />
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="89" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="91" />
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="109" />
        <source>signed</source>
        <translation>已签署</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="109" />
        <source>not signed</source>
        <translation>未签署</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="139" />
        <source>This inspection has no report yet: answer it first.</source>
        <translation>此检查尚无报告：请先填写检查内容。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="163" />
        <source>Generating the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="176" />
        <source>Generating the district summary…</source>
        <translation>正在生成区县汇总报告…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="177" />
        <source>District summary ready.</source>
        <translation>区县汇总报告已生成。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="194" />
        <source>The report could not be made.</source>
        <translation>无法生成报告。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="199" />
        <source>Report ready, signed digitally.</source>
        <translation>报告已生成，并已加数字签名。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="200" />
        <source>Report ready. The inspection is not signed: the report is a draft.</source>
        <translation>报告已生成。该检查尚未签署，报告为草稿。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="218" />
        <source>Print report</source>
        <translation>打印报告</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="229" />
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="254" />
        <source>Save report as PDF</source>
        <translation>将报告另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="256" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="270" />
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
</context>
</TS>