<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>InspectionRunner</name>
    <message numerus="yes">
        <source>Not complete yet: %n item(s) still need an answer, a photo or the facts of a failure (marked red).</source>
        <translation>
            <numerusform>Not complete yet: %n item still needs an answer, a photo or the facts of a failure (marked red).</numerusform>
            <numerusform>Not complete yet: %n items still need an answer, a photo or the facts of a failure (marked red).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ItemView</name>
    <message numerus="yes">
        <location filename="../../ui/runner/item_view.py" line="140" />
        <source>%n action(s) raised: %1</source>
        <translation>
            <numerusform>%n action raised: %1</numerusform>
            <numerusform>%n actions raised: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScorePanel</name>
    <message numerus="yes">
        <location filename="../../ui/runner/score_panel.py" line="115" />
        <source>%n answer(s) differ from the self-assessment</source>
        <translation>
            <numerusform>%n answer differs from the self-assessment</numerusform>
            <numerusform>%n answers differ from the self-assessment</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/runner/score_panel.py" line="137" />
        <source>%n required item(s) open</source>
        <translation>
            <numerusform>%n required item open</numerusform>
            <numerusform>%n required items open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/runner/score_panel.py" line="139" />
        <source>%n required photo(s) missing</source>
        <translation>
            <numerusform>%n required photo missing</numerusform>
            <numerusform>%n required photos missing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/runner/score_panel.py" line="141" />
        <source>%n reading(s) out of limits</source>
        <translation>
            <numerusform>%n reading out of limits</numerusform>
            <numerusform>%n readings out of limits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed item(s) still need facts (note, evidence or corrective action)</source>
        <translation>
            <numerusform>%n failed item still needs facts (note, evidence or corrective action)</numerusform>
            <numerusform>%n failed items still need facts (note, evidence or corrective action)</numerusform>
        </translation>
    </message>
</context>
</TS>
