<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>DialogButtons</name>
    <message>
        <location filename="../../ui/widgets/form.py" line="31" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ActionsPage</name>
    <message>
        <location filename="../../ui/pages/actions_page.py" line="27" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/actions_page.py" line="31" />
        <source>Overdue only</source>
        <translation>仅看逾期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/actions_page.py" line="42" />
        <source>Double-click or Enter opens the inspection the action came from.</source>
        <translation>双击或按回车键打开该整改事项所属的督导。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/actions_page.py" line="50" />
        <source>Mark in progress</source>
        <translation>标记为整改中</translation>
    </message>
    <message>
        <location filename="../../ui/pages/actions_page.py" line="51" />
        <source>Mark resolved</source>
        <translation>标记为已整改</translation>
    </message>
    <message>
        <location filename="../../ui/pages/actions_page.py" line="52" />
        <source>Mark verified</source>
        <translation>标记为已复核</translation>
    </message>
    <message>
        <location filename="../../ui/pages/actions_page.py" line="67" />
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/actions_page.py" line="68" />
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../ui/pages/actions_page.py" line="69" />
        <source>Action</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <location filename="../../ui/pages/actions_page.py" line="70" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../ui/pages/actions_page.py" line="71" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/actions_page.py" line="72" />
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/actions_page.py" line="73" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/pages/actions_page.py" line="88" />
        <source>Overdue: it was due on %1 and is still %2.</source>
        <translation>已逾期：整改期限为 %1，目前仍为“%2”。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/actions_page.py" line="97" />
        <source>All schools</source>
        <translation>全部学校</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/actions_page.py" line="113" />
        <source>%n action(s)</source>
        <translation>
            <numerusform>%n 项整改</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/actions_page.py" line="114" />
        <source>(%n open)</source>
        <translation>
            <numerusform>（%n 项未完成）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/actions_page.py" line="114" />
        <source>, </source>
        <translation>，</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/actions_page.py" line="115" />
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 项逾期</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/actions_page.py" line="57" />
        <source>Report rectification…</source>
        <translation>报告整改情况…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/actions_page.py" line="58" />
        <source>Verify…</source>
        <translation>核查…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/actions_page.py" line="59" />
        <source>History…</source>
        <translation>整改记录…</translation>
    </message>
</context>
<context>
    <name>EthicsPage</name>
    <message>
        <location filename="../../ui/pages/ethics_page.py" line="38" />
        <source>Evaluate teacher…</source>
        <translation>考核教师…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ethics_page.py" line="40" />
        <source>Open evaluation</source>
        <translation>打开考核</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ethics_page.py" line="50" />
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ethics_page.py" line="61" />
        <source>Teacher</source>
        <translation>教师</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ethics_page.py" line="62" />
        <source>Subject</source>
        <translation>学科</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ethics_page.py" line="63" />
        <source>Evaluated on</source>
        <translation>考核日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ethics_page.py" line="64" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ethics_page.py" line="65" />
        <source>Not evaluated</source>
        <translation>未考核</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ethics_page.py" line="66" />
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ethics_page.py" line="67" />
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ethics_page.py" line="69" />
        <source>Reason</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ethics_page.py" line="73" />
        <source>Grade limited by: %1</source>
        <translation>等级评定依据：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ethics_page.py" line="75" />
        <source>Weighted score of the rater groups</source>
        <translation>各评价主体加权得分</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ethics_page.py" line="98" />
        <source>Add a school and its teachers on the Schools page first.</source>
        <translation>请先在“学校”页面添加学校及其教师。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ethics_page.py" line="99" />
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/ethics_page.py" line="101" />
        <source>Completed evaluations by grade — %1</source>
        <translation>已完成考核的等级分布 — %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/ethics_page.py" line="103" />
        <source>(%n still in progress)</source>
        <translation>
            <numerusform>（%n 项仍在进行中）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ActionsModel</name>
    <message>
        <location filename="../../ui/models/actions_model.py" line="127" />
        <source>(could not be loaded)</source>
        <translation>（无法加载）</translation>
    </message>
    <message>
        <location filename="../../ui/models/actions_model.py" line="129" />
        <source>This corrective action could not be loaded; it may have been removed by a sync.</source>
        <translation>无法加载此整改事项，可能已在同步中被删除。</translation>
    </message>
</context>
<context>
    <name>InspectionsModel</name>
    <message>
        <location filename="../../ui/models/inspections_model.py" line="90" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/models/inspections_model.py" line="90" />
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../ui/models/inspections_model.py" line="90" />
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../ui/models/inspections_model.py" line="90" />
        <source>Mode</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../ui/models/inspections_model.py" line="91" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/models/inspections_model.py" line="91" />
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../ui/models/inspections_model.py" line="91" />
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/models/inspections_model.py" line="92" />
        <source>Inspectors</source>
        <translation>督学</translation>
    </message>
    <message>
        <location filename="../../ui/models/inspections_model.py" line="100" />
        <source>(could not be loaded)</source>
        <translation>（无法加载）</translation>
    </message>
    <message>
        <location filename="../../ui/models/inspections_model.py" line="102" />
        <source>This inspection could not be loaded; it may have been removed by a sync. Refresh the list.</source>
        <translation>无法加载此次督导记录，可能已在同步中被删除。请刷新列表。</translation>
    </message>
    <message>
        <location filename="../../ui/models/inspections_model.py" line="130" />
        <source>follow-up</source>
        <translation>回头看</translation>
    </message>
    <message>
        <source>A veto item failed or a grade-limiting item is not met.</source>
        <translation>有一票否决项或限定等级项未达标。</translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message>
        <location filename="../../ui/pages/inspections_page.py" line="48" />
        <source>Search school, teacher, inspector, template…</source>
        <translation>搜索学校、教师、督学、模板…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/inspections_page.py" line="52" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/inspections_page.py" line="56" />
        <source>All templates</source>
        <translation>全部模板</translation>
    </message>
    <message>
        <location filename="../../ui/pages/inspections_page.py" line="66" />
        <source>New inspection…</source>
        <translation>新建督导…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/inspections_page.py" line="75" />
        <source>Dates from</source>
        <translation>日期从</translation>
    </message>
    <message>
        <location filename="../../ui/pages/inspections_page.py" line="84" />
        <source>Inspector</source>
        <translation>督学</translation>
    </message>
    <message>
        <location filename="../../ui/pages/inspections_page.py" line="86" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/pages/inspections_page.py" line="88" />
        <source>Report…</source>
        <translation>报告…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/inspections_page.py" line="93" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/pages/inspections_page.py" line="105" />
        <source>All schools</source>
        <translation>全部学校</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/inspections_page.py" line="140" />
        <source>%n inspection(s) (teacher-ethics evaluations are on their own page)</source>
        <translation>
            <numerusform>%n 次督导（师德考核见其专页）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeyPasswordDialog</name>
    <message>
        <location filename="../../ui/dialogs/profile_dialog.py" line="85" />
        <source>Signing key password</source>
        <translation>签名密钥密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profile_dialog.py" line="87" />
        <source>Your signing key is protected by a password. Leave the new password empty to remove the protection.</source>
        <translation>您的签名密钥已设密码保护。新密码留空即取消保护。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profile_dialog.py" line="89" />
        <source>Protect your report-signing key with a password: it is then asked for before signing.</source>
        <translation>为报告签名密钥设置密码：此后签名前会要求输入。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profile_dialog.py" line="97" />
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profile_dialog.py" line="100" />
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profile_dialog.py" line="101" />
        <source>Repeat new password</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profile_dialog.py" line="114" />
        <source>Enter the current password.</source>
        <translation>请输入当前密码。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profile_dialog.py" line="116" />
        <source>Enter the new password.</source>
        <translation>请输入新密码。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profile_dialog.py" line="118" />
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/widgets/labels.py" line="17" />
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="18" />
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="19" />
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="20" />
        <source>Signed</source>
        <translation>已签署</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="25" />
        <source>Open</source>
        <comment>action status</comment>
        <translation>待整改</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="26" />
        <source>In progress</source>
        <comment>action status</comment>
        <translation>整改中</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="27" />
        <source>Resolved</source>
        <translation>已整改</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="28" />
        <source>Verified</source>
        <translation>已复核</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="32" />
        <source>Low</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="33" />
        <source>Medium</source>
        <translation>较重</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="34" />
        <source>High</source>
        <translation>严重</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="38" />
        <source>Inspection</source>
        <translation>督导检查</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="39" />
        <source>Self-assessment</source>
        <translation>学校自评</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="43" />
        <location filename="../../ui/widgets/labels.py" line="58" />
        <source>Kindergarten</source>
        <translation>幼儿园</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="44" />
        <source>Primary school</source>
        <translation>小学</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="45" />
        <source>Junior middle school</source>
        <translation>初级中学</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="46" />
        <source>Senior high school</source>
        <translation>高级中学</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="47" />
        <source>Nine-year school</source>
        <translation>九年一贯制学校</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="48" />
        <source>Twelve-year school</source>
        <translation>十二年一贯制学校</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="49" />
        <source>Vocational school</source>
        <translation>职业学校</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="50" />
        <source>Special education school</source>
        <translation>特殊教育学校</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="54" />
        <source>Comprehensive</source>
        <translation>综合督导</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="55" />
        <source>Food safety</source>
        <translation>食品安全</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="56" />
        <source>Teacher ethics</source>
        <translation>师德考核</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="57" />
        <source>Safety</source>
        <translation>安全检查</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="59" />
        <source>Supervision</source>
        <translation>挂牌督导</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="63" />
        <source>Yes / no</source>
        <translation>是 / 否</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="64" />
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="65" />
        <source>Rating</source>
        <translation>等级评定</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="66" />
        <source>Reading</source>
        <translation>读数</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="67" />
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="68" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="69" />
        <source>Choice</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="70" />
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="82" />
        <source>, </source>
        <comment>separator between list items</comment>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="27" />
        <source>To rectify</source>
        <comment>action status</comment>
        <translation>待整改</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="29" />
        <source>Rectification reported</source>
        <translation>已报告整改</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="30" />
        <source>Verified and closed</source>
        <translation>已核查销号</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="31" />
        <source>Not rectified</source>
        <translation>未整改到位</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="35" />
        <source>Inspector</source>
        <translation>督学</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="36" />
        <source>Principal</source>
        <translation>校长</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/labels.py" line="37" />
        <source>District office</source>
        <translation>督导室</translation>
    </message>
    <message>
        <source>Satisfaction survey</source>
        <translation>满意度测评</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="81" />
        <source>School Inspect — school inspection</source>
        <translation>学校督导 — 教育督导检查</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="99" />
        <source>Open inspection</source>
        <translation>当前督导</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117" />
        <source>Schools</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117" />
        <source>Inspections</source>
        <translation>督导检查</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117" />
        <source>Corrective actions</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118" />
        <source>Teacher ethics</source>
        <translation>师德考核</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118" />
        <source>Templates</source>
        <translation>检查模板</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="119" />
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="119" />
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="124" />
        <source>This part of School Inspect is not installed in this build.</source>
        <translation>此版本未安装该功能模块。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="130" />
        <source>This page could not be opened.</source>
        <translation>无法打开此页面。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="140" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141" />
        <source>&amp;New inspection…</source>
        <translation>新建督导(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="142" />
        <source>&amp;Import bundle…</source>
        <translation>导入数据包(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="144" />
        <source>&amp;Export bundle…</source>
        <translation>导出数据包(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="147" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="148" />
        <source>&amp;Profile</source>
        <translation>个人资料(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="149" />
        <source>My &amp;profile…</source>
        <translation>我的资料(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="150" />
        <source>Signing key &amp;password…</source>
        <translation>签名密钥密码(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="151" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="152" />
        <source>&amp;Find on this page</source>
        <translation>在本页查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="157" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="165" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="166" />
        <source>&amp;About School Inspect</source>
        <translation>关于学校督导(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="212" />
        <source>The inspection runner is not installed in this build.</source>
        <translation>此版本未安装督导检查填报模块。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="219" />
        <source>This inspection could not be opened.</source>
        <translation>无法打开此次督导。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="290" />
        <source>About School Inspect</source>
        <translation>关于学校督导</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="291" />
        <source>School Inspect — offline school inspection (教育督导): checklists, canteen food safety, teacher ethics, signed reports and sync by bundle files.

Profile: %1</source>
        <translation>学校督导 — 离线教育督导工具：检查清单、食堂食品安全检查、师德考核、签名报告，以及通过数据包文件同步。

配置目录：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="326" />
        <source>The signing key password was changed.</source>
        <translation>签名密钥密码已更改。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="345" />
        <source>Load demo data?</source>
        <translation>加载演示数据？</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="346" />
        <source>This profile has no schools yet. Load demo data (12 schools with teachers, inspections and corrective actions) to try School Inspect? You can also start empty and add your own schools.</source>
        <translation>此配置中还没有学校。是否加载演示数据（12 所学校及其教师、督导记录和整改事项）来试用？也可以不加载，直接添加自己的学校。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="369" />
        <source>Loading demo data…</source>
        <translation>正在加载演示数据…</translation>
    </message>
</context>
<context>
    <name>NewInspectionDialog</name>
    <message>
        <location filename="../../ui/dialogs/new_inspection.py" line="23" />
        <source>New inspection</source>
        <translation>新建督导</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_inspection.py" line="44" />
        <source>Names separated by commas</source>
        <translation>多个姓名用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_inspection.py" line="48" />
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_inspection.py" line="49" />
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_inspection.py" line="48" />
        <source>Mode</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_inspection.py" line="50" />
        <source>Teacher</source>
        <translation>教师</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_inspection.py" line="50" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_inspection.py" line="51" />
        <location filename="../../ui/dialogs/new_inspection.py" line="110" />
        <source>Inspectors</source>
        <translation>督学</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_inspection.py" line="52" />
        <source>Follow-up of</source>
        <translation>回头看（复查）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_inspection.py" line="53" />
        <source>Verifies self-assessment</source>
        <translation>核查的自评</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_inspection.py" line="110" />
        <source>Filled in by</source>
        <translation>填写人</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_inspection.py" line="144" />
        <source>(choose a teacher)</source>
        <translation>（请选择教师）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_inspection.py" line="146" />
        <source>(not a follow-up visit)</source>
        <translation>（非回头看）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_inspection.py" line="127" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_inspection.py" line="175" />
        <source>Add a school first (Schools page), then choose it here.</source>
        <translation>请先在“学校”页面添加学校，再在此选择。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_inspection.py" line="178" />
        <source>Choose a template.</source>
        <translation>请选择检查模板。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_inspection.py" line="180" />
        <source>This template evaluates one teacher: choose the teacher.</source>
        <translation>此模板针对单个教师进行考核：请选择教师。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/new_inspection.py" line="182" />
        <source>Enter at least one inspector's name.</source>
        <translation>请至少填写一名督学姓名。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/new_inspection.py" line="164" />
        <source>%n open action(s)</source>
        <translation>
            <numerusform>%n 项未销号整改</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../ui/dialogs/profile_dialog.py" line="26" />
        <source>Welcome to School Inspect</source>
        <translation>欢迎使用学校督导</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profile_dialog.py" line="27" />
        <source>My profile</source>
        <translation>我的资料</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profile_dialog.py" line="29" />
        <source>Please tell School Inspect who you are. Your name is used as the inspector, in reports and on your signing certificate.</source>
        <translation>请填写您的身份。您的姓名将作为督学出现在检查、报告和签名证书中。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profile_dialog.py" line="35" />
        <source>e.g. 张明华</source>
        <translation>例如：张明华</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profile_dialog.py" line="41" />
        <source>Optional, e.g. 青山区教育督导室</source>
        <translation>可选，例如：青山区教育督导室</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profile_dialog.py" line="42" />
        <source>Your name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profile_dialog.py" line="43" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profile_dialog.py" line="44" />
        <source>Organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profile_dialog.py" line="45" />
        <source>Load demo data (12 schools with teachers, inspections and corrective actions) to try School Inspect</source>
        <translation>载入演示数据（12 所学校及其教师、督导检查和整改事项）以试用本软件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profile_dialog.py" line="59" />
        <source>Inspector</source>
        <translation>督学</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profile_dialog.py" line="59" />
        <source>Principal</source>
        <translation>校长</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profile_dialog.py" line="60" />
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profile_dialog.py" line="65" />
        <source>Enter your name: it appears on inspections and signed reports.</source>
        <translation>请输入姓名：它会出现在督导检查和已签署的报告中。</translation>
    </message>
</context>
<context>
    <name>SchoolDetailPage</name>
    <message>
        <location filename="../../ui/pages/school_detail.py" line="27" />
        <source>← All schools</source>
        <translation>← 全部学校</translation>
    </message>
    <message>
        <location filename="../../ui/pages/school_detail.py" line="41" />
        <source>Overdue since %s</source>
        <translation>自 %s 起逾期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/school_detail.py" line="44" />
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../ui/pages/school_detail.py" line="45" />
        <location filename="../../ui/pages/school_detail.py" line="73" />
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../ui/pages/school_detail.py" line="46" />
        <source>Failed</source>
        <translation>未达标</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/school_detail.py" line="46" />
        <source>%n time(s)</source>
        <translation>
            <numerusform>%n 次</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/school_detail.py" line="47" />
        <source>Visits</source>
        <translation>督导日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/school_detail.py" line="54" />
        <source>New inspection of this school…</source>
        <translation>新建本校督导…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/school_detail.py" line="61" />
        <source>Inspection history</source>
        <translation>督导历史</translation>
    </message>
    <message>
        <location filename="../../ui/pages/school_detail.py" line="64" />
        <source>Open and overdue corrective actions</source>
        <translation>未完成及逾期的整改事项</translation>
    </message>
    <message>
        <location filename="../../ui/pages/school_detail.py" line="66" />
        <source>Findings that repeat across visits</source>
        <translation>多次督导中反复出现的问题</translation>
    </message>
    <message>
        <location filename="../../ui/pages/school_detail.py" line="72" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/school_detail.py" line="75" />
        <location filename="../../ui/pages/school_detail.py" line="86" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/school_detail.py" line="76" />
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../ui/pages/school_detail.py" line="78" />
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/pages/school_detail.py" line="80" />
        <source>Mode</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../ui/pages/school_detail.py" line="83" />
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/school_detail.py" line="84" />
        <source>Action</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <location filename="../../ui/pages/school_detail.py" line="85" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../ui/pages/school_detail.py" line="87" />
        <source>Responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../ui/pages/school_detail.py" line="119" />
        <source>Principal: %s</source>
        <translation>校长：%s</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/school_detail.py" line="120" />
        <source>%n student(s)</source>
        <translation>
            <numerusform>%n 名学生</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/school_detail.py" line="129" />
        <source>Last grade: %1 (%2, %3)</source>
        <translation>最近等级：%1（%2 分，%3）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/school_detail.py" line="131" />
        <source>No completed inspection yet.</source>
        <translation>尚无已完成的督导。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/school_detail.py" line="132" />
        <source>Open actions: %1 · overdue: %2</source>
        <translation>未完成整改：%1 项 · 逾期：%2 项</translation>
    </message>
    <message>
        <source>A veto item failed or a grade-limiting item is not met.</source>
        <translation>有一票否决项或限定等级项未达标。</translation>
    </message>
</context>
<context>
    <name>SchoolDialog</name>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="22" />
        <source>Edit school</source>
        <translation>编辑学校</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="22" />
        <source>Add school</source>
        <translation>添加学校</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="24" />
        <source>e.g. 青山区育才小学</source>
        <translation>例如：青山区育才小学</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="38" />
        <source>Boarding school</source>
        <translation>寄宿制学校</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="39" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="40" />
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="41" />
        <source>School code</source>
        <translation>学校代码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="42" />
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="43" />
        <source>Level</source>
        <translation>学段</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="44" />
        <source>Principal</source>
        <translation>校长</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="45" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="46" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="47" />
        <source>Students</source>
        <translation>学生人数</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="75" />
        <source>Enter the school's name.</source>
        <translation>请填写学校名称。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="77" />
        <source>Enter or choose the district.</source>
        <translation>请填写或选择所属区县。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="79" />
        <source>The school code may contain only letters, digits and '-'.</source>
        <translation>学校代码只能包含字母、数字和“-”。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/school_dialog.py" line="81" />
        <source>The phone number may contain only digits, spaces, '+', '-' and brackets.</source>
        <translation>电话号码只能包含数字、空格、“+”、“-”和括号。</translation>
    </message>
</context>
<context>
    <name>SchoolsPage</name>
    <message>
        <location filename="../../ui/pages/schools_page.py" line="37" />
        <source>Search name, code or principal…</source>
        <translation>搜索名称、代码或校长…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schools_page.py" line="41" />
        <source>All levels</source>
        <translation>全部学段</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schools_page.py" line="44" />
        <source>Add school…</source>
        <translation>添加学校…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schools_page.py" line="45" />
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schools_page.py" line="46" />
        <source>Open school page</source>
        <translation>打开学校页面</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schools_page.py" line="79" />
        <location filename="../../ui/pages/schools_page.py" line="95" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schools_page.py" line="80" />
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schools_page.py" line="81" />
        <source>Level</source>
        <translation>学段</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schools_page.py" line="82" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schools_page.py" line="83" />
        <source>Principal</source>
        <translation>校长</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schools_page.py" line="84" />
        <source>Inspections</source>
        <translation>督导检查</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schools_page.py" line="85" />
        <source>Open actions</source>
        <translation>未完成整改</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schools_page.py" line="94" />
        <source>Teachers</source>
        <translation>教师</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schools_page.py" line="96" />
        <source>Subject</source>
        <translation>学科</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schools_page.py" line="101" />
        <source>Add teacher…</source>
        <translation>添加教师…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schools_page.py" line="102" />
        <source>Edit teacher…</source>
        <translation>编辑教师…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/schools_page.py" line="118" />
        <source>All districts</source>
        <translation>全部区县</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../ui/widgets/status.py" line="22" />
        <source>Profile: %1 · User: %2</source>
        <translation>配置：%1 · 用户：%2</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="42" />
        <source>schools</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="42" />
        <source>teachers</source>
        <translation>教师</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="43" />
        <source>users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="44" />
        <source>inspections</source>
        <translation>督导</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="44" />
        <source>answers</source>
        <translation>答案</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="45" />
        <source>evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="45" />
        <source>corrective actions</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="46" />
        <source>signatures</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="43" />
        <source>templates</source>
        <translation>模板</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/status.py" line="36" />
        <source>%n school(s)</source>
        <translation>
            <numerusform>%n 所学校</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/status.py" line="37" />
        <source>%n inspection(s)</source>
        <translation>
            <numerusform>%n 次督导</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/status.py" line="38" />
        <source>%n open action(s)</source>
        <translation>
            <numerusform>%n 项未完成整改</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="46" />
        <source>conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="47" />
        <source>devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="54" />
        <source>%1 saved: %2</source>
        <translation>%1 已保存：%2</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="46" />
        <source>corrective-action history</source>
        <translation>整改记录</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="47" />
        <source>rectification evidence</source>
        <translation>整改佐证</translation>
    </message>
</context>
<context>
    <name>TeacherDialog</name>
    <message>
        <location filename="../../ui/dialogs/teacher_dialog.py" line="16" />
        <source>Edit teacher</source>
        <translation>编辑教师</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/teacher_dialog.py" line="16" />
        <source>Add teacher</source>
        <translation>添加教师</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/teacher_dialog.py" line="21" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/teacher_dialog.py" line="21" />
        <source>Subject</source>
        <translation>学科</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/teacher_dialog.py" line="22" />
        <source>Employee no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/teacher_dialog.py" line="23" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/teacher_dialog.py" line="35" />
        <source>Enter the teacher's name.</source>
        <translation>请填写教师姓名。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/teacher_dialog.py" line="37" />
        <source>The phone number may contain only digits, spaces, '+', '-' and brackets.</source>
        <translation>电话号码只能包含数字、空格、“+”、“-”和括号。</translation>
    </message>
</context>
<context>
    <name>TemplatesPage</name>
    <message>
        <location filename="../../ui/pages/templates_page.py" line="23" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/pages/templates_page.py" line="24" />
        <source>Key</source>
        <translation>标识</translation>
    </message>
    <message>
        <location filename="../../ui/pages/templates_page.py" line="25" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/pages/templates_page.py" line="26" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/pages/templates_page.py" line="27" />
        <source>Items</source>
        <translation>检查项数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/templates_page.py" line="28" />
        <source>Modes</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../ui/pages/templates_page.py" line="30" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/pages/templates_page.py" line="30" />
        <source>Built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <location filename="../../ui/pages/templates_page.py" line="31" />
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/pages/templates_page.py" line="37" />
        <source>Section / item</source>
        <translation>部分 / 检查项</translation>
    </message>
    <message>
        <location filename="../../ui/pages/templates_page.py" line="37" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/pages/templates_page.py" line="38" />
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../../ui/pages/templates_page.py" line="38" />
        <source>Source regulation</source>
        <translation>依据法规</translation>
    </message>
    <message>
        <location filename="../../ui/pages/templates_page.py" line="44" />
        <source>Import template…</source>
        <translation>导入模板…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/templates_page.py" line="47" />
        <source>Installed templates</source>
        <translation>已安装的模板</translation>
    </message>
    <message>
        <location filename="../../ui/pages/templates_page.py" line="90" />
        <source>Import template</source>
        <translation>导入模板</translation>
    </message>
    <message>
        <location filename="../../ui/pages/templates_page.py" line="91" />
        <source>Template files (*.json)</source>
        <translation>模板文件 (*.json)</translation>
    </message>
    <message>
        <source>★ marks a veto item, ☆ a grade-limiting item.</source>
        <translation>★ 表示一票否决项，☆ 表示限定等级项。</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../ui/dialogs/action_move.py" line="115" />
        <source>History of the corrective action</source>
        <translation>整改事项记录</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/action_move.py" line="118" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/action_move.py" line="118" />
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/action_move.py" line="118" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/action_move.py" line="119" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/action_move.py" line="119" />
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <location filename="../../ui/dialogs/action_move.py" line="33" />
        <source>Report rectification</source>
        <translation>报告整改情况</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/action_move.py" line="34" />
        <source>Verify rectification</source>
        <translation>核查整改情况</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/action_move.py" line="39" />
        <source>What was done (report) or found (verification)</source>
        <translation>整改做了什么（报告）或核查发现了什么（核查）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/action_move.py" line="43" />
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/action_move.py" line="46" />
        <source>Action:</source>
        <translation>整改事项：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/action_move.py" line="47" />
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/action_move.py" line="48" />
        <source>Verified: close it (销号)</source>
        <translation>已整改到位，予以销号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/action_move.py" line="49" />
        <source>Not rectified (未整改到位)</source>
        <translation>未整改到位</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/action_move.py" line="58" />
        <source>Result:</source>
        <translation>核查结论：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/action_move.py" line="62" />
        <source>Note:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/action_move.py" line="63" />
        <source>Evidence:</source>
        <translation>佐证材料：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/action_move.py" line="71" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/action_move.py" line="81" />
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/action_move.py" line="98" />
        <source>Write a note: what was done or found.</source>
        <translation>请填写说明：整改做了什么或核查发现了什么。</translation>
    </message>
</context>
</TS>
