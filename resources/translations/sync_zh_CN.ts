<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConflictsPage</name>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="27"/>
        <source>deleted</source>
        <comment>state of a record</comment>
        <translation>已删除</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="28"/>
        <source>present</source>
        <comment>state of a record</comment>
        <translation>存在</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="54"/>
        <source>Type “%1” or “%2” as the edited value of Deleted.</source>
        <translation>请将“已删除”的修改值填写为“%1”或“%2”。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="76"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="76"/>
        <source>Ours (this device)</source>
        <translation>本机（我方）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="77"/>
        <source>Theirs (from the bundle)</source>
        <translation>对方（来自数据包）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="78"/>
        <source>Edited value</source>
        <translation>编辑后的值</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="82"/>
        <source>Keep ours</source>
        <translation>保留我方</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="83"/>
        <source>Take theirs</source>
        <translation>采用对方</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="84"/>
        <source>Save edited value</source>
        <translation>保存编辑后的值</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="88"/>
        <source>No open conflicts: every change merged by itself.</source>
        <translation>没有待处理的冲突：所有更改都已自动合并。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="113"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="113"/>
        <source>Teacher</source>
        <translation>教师</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="114"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="114"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="115"/>
        <source>Inspection</source>
        <translation>督导检查</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="115"/>
        <location filename="../../ui/pages/conflicts_page.py" line="120"/>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="116"/>
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="116"/>
        <source>Corrective action</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="117"/>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="120"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="120"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="121"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="121"/>
        <source>Principal</source>
        <translation>校长</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="122"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="122"/>
        <source>Subject</source>
        <translation>任教学科</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="123"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="123"/>
        <source>Summary</source>
        <translation>总结</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="124"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="124"/>
        <source>Due date</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="125"/>
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="125"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="126"/>
        <source>Caption</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="126"/>
        <source>Visit date</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="127"/>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="177"/>
        <source>%1 “%2” was changed here and on another device. Choose what to keep.</source>
        <translation>%1“%2”在本机和另一台设备上都被修改了。请选择保留哪一个。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/conflicts_page.py" line="182"/>
        <source>It is new and belongs to an inspection signed here: keeping ours leaves it out.</source>
        <translation>这是新记录，属于本机已签署的督导检查：保留我方将不采用它。</translation>
    </message>
</context>
<context>
    <name>DevicesBox</name>
    <message>
        <location filename="../../ui/pages/devices_box.py" line="15"/>
        <source>Trusted devices</source>
        <translation>受信任的设备</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices_box.py" line="18"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices_box.py" line="18"/>
        <source>Key fingerprint</source>
        <translation>密钥指纹</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices_box.py" line="19"/>
        <source>First seen</source>
        <translation>首次出现</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices_box.py" line="19"/>
        <source>Trusted</source>
        <translation>受信任</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices_box.py" line="27"/>
        <source>No other device has sent a bundle here yet.</source>
        <translation>尚无其他设备向本机发送过数据包。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices_box.py" line="37"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/pages/devices_box.py" line="37"/>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="55"/>
        <location filename="../../ui/pages/sync_page.py" line="155"/>
        <source>Export a bundle</source>
        <translation>导出数据包</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="57"/>
        <source>Changes since the last export</source>
        <translation>上次导出以来的更改</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="58"/>
        <source>Everything</source>
        <translation>全部数据</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="59"/>
        <source>Only the chosen schools</source>
        <translation>仅选中的学校</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="60"/>
        <source>Assignment for an inspector (schools, templates, planned visits)</source>
        <translation>给督学的任务包（学校、模板、计划检查）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="72"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="90"/>
        <location filename="../../ui/pages/sync_page.py" line="188"/>
        <source>Import a bundle</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="91"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="93"/>
        <source>Bundles are checked completely before anything is changed.</source>
        <translation>数据包会先完整校验，再做任何更改。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="98"/>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="98"/>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="98"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="98"/>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="99"/>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="99"/>
        <source>Skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="113"/>
        <source>Schools</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="113"/>
        <source>Teachers</source>
        <translation>教师</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="114"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="114"/>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="115"/>
        <source>Inspections</source>
        <translation>督导检查</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="115"/>
        <source>Answers</source>
        <translation>答案</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="116"/>
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="116"/>
        <source>Corrective actions</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="117"/>
        <source>Signatures</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="156"/>
        <location filename="../../ui/pages/sync_page.py" line="190"/>
        <source>Sync bundles (*.sibundle)</source>
        <translation>同步数据包 (*.sibundle)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="164"/>
        <source>Choose at least one school to export.</source>
        <translation>请至少选择一所要导出的学校。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="171"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="183"/>
        <source>Exported %1 and %2 to %3</source>
        <translation>已导出 %1和%2到 %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/sync_page.py" line="183"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n 条记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/sync_page.py" line="184"/>
        <source>%n evidence file(s)</source>
        <translation>
            <numerusform>%n 个佐证文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/sync_page.py" line="254"/>
        <source>%n conflict(s) need a decision on the Conflicts page.</source>
        <translation>
            <numerusform>%n 个冲突需要在“冲突”页面处理。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="199"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="212"/>
        <source>Not imported: the sender was not confirmed.</source>
        <translation>未导入：发送方未被确认。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="219"/>
        <source>Trust this sender?</source>
        <translation>信任此发送方？</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="220"/>
        <source>This bundle is signed by a device not seen before:

%1
Key fingerprint: %2

Compare the fingerprint with the sender (for example by phone) before you trust it.</source>
        <translation>此数据包由一台从未见过的设备签名：

%1
密钥指纹：%2

信任之前，请与发送方（例如通过电话）核对指纹。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="226"/>
        <source>Trust and import</source>
        <translation>信任并导入</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="227"/>
        <source>Do not import</source>
        <translation>不导入</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="237"/>
        <source>This bundle was already imported; nothing changed.</source>
        <translation>此数据包已导入过；没有任何更改。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="252"/>
        <source>Imported from %1.</source>
        <translation>已从 %1 导入。</translation>
    </message>
</context>
</TS>
