<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>SyncPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/sync_page.py" line="196" />
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/sync_page.py" line="197" />
        <source>%n evidence file(s)</source>
        <translation>
            <numerusform>%n evidence file</numerusform>
            <numerusform>%n evidence files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/sync_page.py" line="278" />
        <source>%n conflict(s) need a decision on the Conflicts page.</source>
        <translation>
            <numerusform>%n conflict needs a decision on the Conflicts page.</numerusform>
            <numerusform>%n conflicts need a decision on the Conflicts page.</numerusform>
        </translation>
    </message>
</context>
</TS>