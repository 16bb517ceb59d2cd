<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="54"/>
        <source>Generate report</source>
        <translation>生成报告</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="55"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="56"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="64"/>
        <source>District summary</source>
        <translation>区县汇总报告</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="74"/>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="75"/>
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="91"/>
        <source>Inspection</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="93"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="98"/>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="100"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="102"/>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="121"/>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="133"/>
        <source>signed</source>
        <translation>已签署</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="133"/>
        <source>not signed</source>
        <translation>未签署</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="174"/>
        <source>This inspection has no report yet: answer it first.</source>
        <translation>此检查尚无报告：请先填写检查内容。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="198"/>
        <source>Generating the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="211"/>
        <source>Generating the district summary…</source>
        <translation>正在生成区县汇总报告…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="212"/>
        <source>District summary ready.</source>
        <translation>区县汇总报告已生成。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="229"/>
        <source>The report could not be made.</source>
        <translation>无法生成报告。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="234"/>
        <source>Report ready, signed digitally.</source>
        <translation>报告已生成，并已加数字签名。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="235"/>
        <source>Report ready. The inspection is not signed: the report is a draft.</source>
        <translation>报告已生成。该检查尚未签署，报告为草稿。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="254"/>
        <source>Print report</source>
        <translation>打印报告</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="265"/>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="290"/>
        <source>Save report as PDF</source>
        <translation>将报告另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="292"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="306"/>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
</context>
</TS>
