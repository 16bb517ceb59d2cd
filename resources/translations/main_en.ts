<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ActionsPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/actions_page.py" line="113" />
        <source>%n action(s)</source>
        <translation>
            <numerusform>%n action</numerusform>
            <numerusform>%n actions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/actions_page.py" line="114" />
        <source>(%n open)</source>
        <translation>
            <numerusform>(%n open)</numerusform>
            <numerusform>(%n open)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/actions_page.py" line="115" />
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EthicsPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/ethics_page.py" line="103" />
        <source>(%n still in progress)</source>
        <translation>
            <numerusform>(%n still in progress)</numerusform>
            <numerusform>(%n still in progress)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/inspections_page.py" line="140" />
        <source>%n inspection(s) (teacher-ethics evaluations are on their own page)</source>
        <translation>
            <numerusform>%n inspection (teacher-ethics evaluations are on their own page)</numerusform>
            <numerusform>%n inspections (teacher-ethics evaluations are on their own page)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchoolDetailPage</name>
    <message numerus="yes">
        <location filename="../../ui/pages/school_detail.py" line="46" />
        <source>%n time(s)</source>
        <translation>
            <numerusform>%n time</numerusform>
            <numerusform>%n times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/school_detail.py" line="120" />
        <source>%n student(s)</source>
        <translation>
            <numerusform>%n student</numerusform>
            <numerusform>%n students</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message numerus="yes">
        <location filename="../../ui/widgets/status.py" line="36" />
        <source>%n school(s)</source>
        <translation>
            <numerusform>%n school</numerusform>
            <numerusform>%n schools</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/status.py" line="37" />
        <source>%n inspection(s)</source>
        <translation>
            <numerusform>%n inspection</numerusform>
            <numerusform>%n inspections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/status.py" line="38" />
        <source>%n open action(s)</source>
        <translation>
            <numerusform>%n open action</numerusform>
            <numerusform>%n open actions</numerusform>
        </translation>
    </message>
</context>
<context><name>NewInspectionDialog</name><message numerus="yes"><location filename="../../ui/dialogs/new_inspection.py" line="160" /><source>%n open action(s)</source><translation><numerusform>%n open action</numerusform><numerusform>%n open actions</numerusform></translation></message></context></TS>