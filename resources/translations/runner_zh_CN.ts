<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../ui/runner/action_dialog.py" line="24" />
        <source>Raise corrective action</source>
        <translation>提出整改要求</translation>
    </message>
    <message>
        <location filename="../../ui/runner/action_dialog.py" line="27" />
        <source>What must be corrected</source>
        <translation>需要整改的内容</translation>
    </message>
    <message>
        <location filename="../../ui/runner/action_dialog.py" line="32" />
        <source>Low</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../ui/runner/action_dialog.py" line="32" />
        <source>Medium</source>
        <translation>较重</translation>
    </message>
    <message>
        <location filename="../../ui/runner/action_dialog.py" line="33" />
        <source>High</source>
        <translation>严重</translation>
    </message>
    <message>
        <location filename="../../ui/runner/action_dialog.py" line="37" />
        <source>e.g. the principal, the canteen manager</source>
        <translation>例如：校长、食堂负责人</translation>
    </message>
    <message>
        <location filename="../../ui/runner/action_dialog.py" line="48" />
        <source>Item:</source>
        <translation>检查项：</translation>
    </message>
    <message>
        <location filename="../../ui/runner/action_dialog.py" line="49" />
        <source>Correction:</source>
        <translation>整改要求：</translation>
    </message>
    <message>
        <location filename="../../ui/runner/action_dialog.py" line="50" />
        <source>Severity:</source>
        <translation>严重程度：</translation>
    </message>
    <message>
        <location filename="../../ui/runner/action_dialog.py" line="51" />
        <source>Responsible:</source>
        <translation>责任人：</translation>
    </message>
    <message>
        <location filename="../../ui/runner/action_dialog.py" line="52" />
        <source>Due date:</source>
        <translation>整改期限：</translation>
    </message>
    <message>
        <location filename="../../ui/runner/action_dialog.py" line="55" />
        <source>Raise action</source>
        <translation>提出整改</translation>
    </message>
    <message>
        <location filename="../../ui/runner/action_dialog.py" line="68" />
        <source>Say what must be corrected.</source>
        <translation>请写明需要整改的内容。</translation>
    </message>
</context>
<context>
    <name>Answers</name>
    <message>
        <location filename="../../ui/runner/comparison.py" line="61" />
        <source>not answered</source>
        <translation>未作答</translation>
    </message>
    <message>
        <location filename="../../ui/runner/comparison.py" line="63" />
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../ui/runner/comparison.py" line="66" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/runner/comparison.py" line="67" />
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>ComparisonBox</name>
    <message>
        <location filename="../../ui/runner/comparison.py" line="103" />
        <source>Principal's self-assessment: %1</source>
        <translation>学校自评：%1</translation>
    </message>
    <message>
        <location filename="../../ui/runner/comparison.py" line="105" />
        <source>score %1</source>
        <translation>得分率 %1</translation>
    </message>
    <message>
        <location filename="../../ui/runner/comparison.py" line="108" />
        <source>differs from your verification (%1)</source>
        <translation>与核查结果不一致（核查：%1）</translation>
    </message>
    <message>
        <location filename="../../ui/runner/comparison.py" line="111" />
        <source>Principal's note: %1</source>
        <translation>学校自评说明：%1</translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <location filename="../../ui/runner/typed_editors.py" line="190" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
</context>
<context>
    <name>Ethics</name>
    <message>
        <location filename="../../ui/runner/ethics.py" line="29" />
        <source>Not graded yet: enter the rater groups' scores.</source>
        <translation>尚未评定：请先录入各评价主体的得分。</translation>
    </message>
    <message>
        <location filename="../../ui/runner/ethics.py" line="36" />
        <source>%1 — weighted score %2</source>
        <translation>%1 — 加权得分 %2</translation>
    </message>
</context>
<context>
    <name>EthicsView</name>
    <message>
        <location filename="../../ui/runner/ethics.py" line="65" />
        <source>Teacher-ethics evaluation: %1</source>
        <translation>师德考核：%1</translation>
    </message>
    <message>
        <location filename="../../ui/runner/ethics.py" line="70" />
        <source>1. Scores by rater group</source>
        <translation>一、各评价主体得分</translation>
    </message>
    <message>
        <location filename="../../ui/runner/ethics.py" line="100" />
        <source>weight %1%</source>
        <translation>权重 %1%</translation>
    </message>
    <message>
        <source>Veto</source>
        <translation>一票否决</translation>
    </message>
    <message>
        <source>Grade-limiting item</source>
        <translation>限定等级项</translation>
    </message>
    <message>
        <source>2. Standards and checks</source>
        <translation>二、准则与核查</translation>
    </message>
</context>
<context>
    <name>EvidenceStrip</name>
    <message>
        <location filename="../../ui/runner/evidence.py" line="63" />
        <source>Add photo…  (P)</source>
        <translation>添加照片…  (P)</translation>
    </message>
    <message>
        <location filename="../../ui/runner/evidence.py" line="66" />
        <location filename="../../ui/runner/evidence.py" line="177" />
        <source>or drop image files here</source>
        <translation>或把图片文件拖到这里</translation>
    </message>
    <message>
        <location filename="../../ui/runner/evidence.py" line="105" />
        <source>Remove this photo</source>
        <translation>删除这张照片</translation>
    </message>
    <message>
        <location filename="../../ui/runner/evidence.py" line="131" />
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../ui/runner/evidence.py" line="132" />
        <source>Images (%1)</source>
        <translation>图片 (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/runner/evidence.py" line="140" />
        <source>Remove photo</source>
        <translation>删除照片</translation>
    </message>
    <message>
        <location filename="../../ui/runner/evidence.py" line="141" />
        <source>Remove the photo %1 from this item?</source>
        <translation>从此检查项中删除照片 %1？</translation>
    </message>
    <message>
        <location filename="../../ui/runner/evidence.py" line="176" />
        <source>No photos.</source>
        <translation>没有照片。</translation>
    </message>
</context>
<context>
    <name>InspectionRunner</name>
    <message>
        <location filename="../../ui/runner/runner.py" line="213" />
        <source>Section %1 of %2 · %3 · item %4 of %5  (%6 of %7 overall)</source>
        <translation>第 %1/%2 部分 · %3 · 第 %4/%5 项（全部第 %6/%7 项）</translation>
    </message>
    <message>
        <location filename="../../ui/runner/runner.py" line="296" />
        <source>Signed — read-only. %1</source>
        <translation>已签署 — 只读。%1</translation>
    </message>
    <message>
        <location filename="../../ui/runner/runner.py" line="298" />
        <source>Completed — read-only. Reopen it to change answers, or sign it off.</source>
        <translation>已完成 — 只读。如需修改请重新打开，或签名确认。</translation>
    </message>
    <message>
        <location filename="../../ui/runner/runner.py" line="309" />
        <source>inspector</source>
        <translation>督学</translation>
    </message>
    <message>
        <location filename="../../ui/runner/runner.py" line="309" />
        <source>principal</source>
        <translation>校长</translation>
    </message>
    <message>
        <location filename="../../ui/runner/runner.py" line="310" />
        <source>panel</source>
        <translation>考核小组</translation>
    </message>
    <message numerus="yes">
        <source>Not complete yet: %n item(s) still need an answer, a photo or the facts of a failure (marked red).</source>
        <translation>
            <numerusform>尚未完成：还有 %n 项需要作答、拍照或补充未达标事实（已用红色标出）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ItemView</name>
    <message>
        <location filename="../../ui/runner/item_view.py" line="76" />
        <source>Note  (T)</source>
        <translation>备注  (T)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/runner/item_view.py" line="78" />
        <source>What you saw — saved automatically</source>
        <translation>现场情况 — 自动保存</translation>
    </message>
    <message>
        <location filename="../../ui/runner/item_view.py" line="88" />
        <source>Evidence photos</source>
        <translation>佐证照片</translation>
    </message>
    <message>
        <location filename="../../ui/runner/item_view.py" line="90" />
        <source>(at least one required)</source>
        <translation>（至少需要一张）</translation>
    </message>
    <message>
        <location filename="../../ui/runner/item_view.py" line="103" />
        <source>Required</source>
        <translation>必答</translation>
    </message>
    <message>
        <location filename="../../ui/runner/item_view.py" line="105" />
        <source>Photo required</source>
        <translation>必须拍照</translation>
    </message>
    <message>
        <location filename="../../ui/runner/item_view.py" line="107" />
        <source>Weight %1</source>
        <translation>权重 %1</translation>
    </message>
    <message>
        <location filename="../../ui/runner/item_view.py" line="117" />
        <source>What to check: %1</source>
        <translation>检查要点：%1</translation>
    </message>
    <message>
        <location filename="../../ui/runner/item_view.py" line="120" />
        <source>Source: %1</source>
        <translation>依据：%1</translation>
    </message>
    <message>
        <location filename="../../ui/runner/item_view.py" line="133" />
        <source>Raise corrective action…  (A)</source>
        <translation>提出整改要求…  (A)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/runner/item_view.py" line="140" />
        <source>%n action(s) raised: %1</source>
        <translation>
            <numerusform>已提出 %n 项整改：%1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/runner/item_view.py" line="153" />
        <source>Carried over from the visit of %1</source>
        <translation>上次督导（%1）遗留</translation>
    </message>
    <message>
        <location filename="../../ui/runner/item_view.py" line="155" />
        <source>%1 (%2)</source>
        <comment>an action and where it comes from</comment>
        <translation>%1【%2】</translation>
    </message>
    <message>
        <location filename="../../ui/runner/item_view.py" line="160" />
        <source>◀ Previous  (PgUp)</source>
        <translation>◀ 上一项  (PgUp)</translation>
    </message>
    <message>
        <location filename="../../ui/runner/item_view.py" line="161" />
        <source>Next  (PgDn / Enter) ▶</source>
        <translation>下一项  (PgDn / Enter) ▶</translation>
    </message>
    <message>
        <location filename="../../ui/runner/item_view.py" line="166" />
        <source>Keys: 1 2 3 … answer · N not applicable · Del clear · ↑ ↓ or J K move · Ctrl+Enter complete</source>
        <translation>快捷键：1 2 3 … 作答 · N 不适用 · Del 清除 · ↑ ↓ 或 J K 切换 · Ctrl+Enter 完成</translation>
    </message>
    <message>
        <source>Veto</source>
        <translation>一票否决</translation>
    </message>
    <message>
        <source>Grade-limiting item</source>
        <translation>限定等级项</translation>
    </message>
</context>
<context>
    <name>NumberEditor</name>
    <message>
        <location filename="../../ui/runner/typed_editors.py" line="29" />
        <source>Reading</source>
        <translation>读数</translation>
    </message>
    <message>
        <location filename="../../ui/runner/typed_editors.py" line="33" />
        <source>Limit: %1</source>
        <translation>标准：%1</translation>
    </message>
    <message>
        <location filename="../../ui/runner/typed_editors.py" line="35" />
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../ui/runner/typed_editors.py" line="95" />
        <source>Not a number: type a reading such as 4.5</source>
        <translation>不是数字：请输入读数，例如 4.5</translation>
    </message>
    <message>
        <location filename="../../ui/runner/typed_editors.py" line="98" />
        <source>Out of range: %1 is outside the limit %2</source>
        <translation>超出标准：%1 不在 %2 范围内</translation>
    </message>
</context>
<context>
    <name>OptionButtons</name>
    <message>
        <location filename="../../ui/runner/editors.py" line="181" />
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
</context>
<context>
    <name>PhotoEditor</name>
    <message>
        <location filename="../../ui/runner/typed_editors.py" line="219" />
        <source>What the photo shows (filled in with the file name when you add a photo)</source>
        <translation>照片内容说明（添加照片时自动填入文件名）</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../ui/runner/qt_strings.py" line="9" />
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/runner/qt_strings.py" line="10" />
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>RunnerHeader</name>
    <message>
        <location filename="../../ui/runner/header.py" line="28" />
        <source>Complete  (Ctrl+Enter)</source>
        <translation>完成检查  (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/runner/header.py" line="31" />
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../ui/runner/header.py" line="32" />
        <source>Sign…</source>
        <translation>签名确认…</translation>
    </message>
    <message>
        <location filename="../../ui/runner/header.py" line="33" />
        <source>Report…</source>
        <translation>检查报告…</translation>
    </message>
    <message>
        <location filename="../../ui/runner/header.py" line="59" />
        <source>Inspectors: %1</source>
        <translation>督学：%1</translation>
    </message>
    <message>
        <location filename="../../ui/runner/header.py" line="59" />
        <source>Filled in by: %1</source>
        <translation>填报：%1</translation>
    </message>
    <message>
        <location filename="../../ui/runner/header.py" line="62" />
        <source>Self-assessment</source>
        <translation>学校自评</translation>
    </message>
    <message>
        <location filename="../../ui/runner/header.py" line="64" />
        <source>Verifying the school's self-assessment</source>
        <translation>核查学校自评</translation>
    </message>
    <message>
        <location filename="../../ui/runner/header.py" line="66" />
        <source>Follows up the visit of %1</source>
        <translation>回头看：%1 督导的复查</translation>
    </message>
    <message>
        <location filename="../../ui/runner/header.py" line="70" />
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/runner/header.py" line="70" />
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/runner/header.py" line="71" />
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/runner/header.py" line="71" />
        <source>Signed</source>
        <translation>已签署</translation>
    </message>
</context>
<context>
    <name>ScoreButtons</name>
    <message>
        <location filename="../../ui/runner/editors.py" line="105" />
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
</context>
<context>
    <name>ScorePanel</name>
    <message>
        <location filename="../../ui/runner/score_panel.py" line="65" />
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../ui/runner/score_panel.py" line="73" />
        <source>Answered</source>
        <translation>已作答</translation>
    </message>
    <message>
        <location filename="../../ui/runner/score_panel.py" line="77" />
        <source>Sections</source>
        <translation>各部分得分</translation>
    </message>
    <message>
        <location filename="../../ui/runner/score_panel.py" line="96" />
        <source>not graded yet</source>
        <translation>尚未评定</translation>
    </message>
    <message>
        <location filename="../../ui/runner/score_panel.py" line="107" />
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../../ui/runner/score_panel.py" line="113" />
        <source>Self-assessment: %1 %2</source>
        <translation>学校自评：%1 %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/runner/score_panel.py" line="115" />
        <source>%n answer(s) differ from the self-assessment</source>
        <translation>
            <numerusform>%n 项与学校自评不一致</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/runner/score_panel.py" line="137" />
        <source>%n required item(s) open</source>
        <translation>
            <numerusform>%n 项必答项未答</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/runner/score_panel.py" line="139" />
        <source>%n required photo(s) missing</source>
        <translation>
            <numerusform>缺少 %n 项必需照片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/runner/score_panel.py" line="141" />
        <source>%n reading(s) out of limits</source>
        <translation>
            <numerusform>%n 个读数超标</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/runner/score_panel.py" line="142" />
        <source>All required items answered</source>
        <translation>必答项已全部完成</translation>
    </message>
    <message>
        <source>Veto: %1</source>
        <translation>一票否决：%1</translation>
    </message>
    <message>
        <source>Grade-limiting item not met (at most %1): %2</source>
        <translation>限定等级项未达标（最高评为%1）：%2</translation>
    </message>
    <message>
        <source>Visit record: not graded</source>
        <translation>督导记录：不评定等级</translation>
    </message>
    <message numerus="yes">
        <source>%n failed item(s) still need facts (note, evidence or corrective action)</source>
        <translation>
            <numerusform>%n 个未达标项尚需补充事实记录（说明、证据或整改要求）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SectionList</name>
    <message>
        <location filename="../../ui/runner/section_list.py" line="123" />
        <source>meets the standard</source>
        <translation>符合要求</translation>
    </message>
    <message>
        <location filename="../../ui/runner/section_list.py" line="124" />
        <source>does not meet the standard</source>
        <translation>不符合要求</translation>
    </message>
    <message>
        <location filename="../../ui/runner/section_list.py" line="125" />
        <source>not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../ui/runner/section_list.py" line="125" />
        <source>not answered yet</source>
        <translation>尚未作答</translation>
    </message>
    <message>
        <location filename="../../ui/runner/section_list.py" line="126" />
        <source>reading out of range</source>
        <translation>读数超标</translation>
    </message>
    <message>
        <location filename="../../ui/runner/section_list.py" line="126" />
        <source>answered</source>
        <translation>已作答</translation>
    </message>
    <message>
        <location filename="../../ui/runner/section_list.py" line="127" />
        <source>needs an answer before completing</source>
        <translation>完成前需要作答</translation>
    </message>
    <message>
        <source>needs a photo before completing</source>
        <translation>完成前需要拍照</translation>
    </message>
    <message>
        <source>needs the facts of the failure (note, evidence or corrective action) before completing</source>
        <translation>完成前需要补充未达标事实（说明、证据或整改要求）</translation>
    </message>
    <message>
        <location filename="../../ui/runner/section_list.py" line="128" />
        <source>differs from the school's self-assessment</source>
        <translation>与学校自评不一致</translation>
    </message>
</context>
<context>
    <name>SignerBlock</name>
    <message>
        <location filename="../../ui/runner/signoff_dialog.py" line="22" />
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/runner/signoff_dialog.py" line="25" />
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../ui/runner/signoff_dialog.py" line="28" />
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location filename="../../ui/runner/signoff_dialog.py" line="33" />
        <source>Sign below with the mouse, a pen or a finger:</source>
        <translation>请用鼠标、手写笔或手指在下方签名：</translation>
    </message>
    <message>
        <location filename="../../ui/runner/signoff_dialog.py" line="38" />
        <source>%1: type the signer's name.</source>
        <translation>%1：请填写签名人姓名。</translation>
    </message>
    <message>
        <location filename="../../ui/runner/signoff_dialog.py" line="40" />
        <source>%1: sign on the pad.</source>
        <translation>%1：请在签名板上签名。</translation>
    </message>
</context>
<context>
    <name>SignoffDialog</name>
    <message>
        <location filename="../../ui/runner/signoff_dialog.py" line="83" />
        <source>Sign off the inspection</source>
        <translation>签名确认检查结果</translation>
    </message>
    <message>
        <location filename="../../ui/runner/signoff_dialog.py" line="85" />
        <source>Signing freezes the inspection: answers, photos and actions can no longer change. Check them before you sign.</source>
        <translation>签名后检查结果将被锁定：作答、照片和整改要求都不能再修改。请核对后再签名。</translation>
    </message>
    <message>
        <location filename="../../ui/runner/signoff_dialog.py" line="91" />
        <source>Inspector</source>
        <translation>督学</translation>
    </message>
    <message>
        <location filename="../../ui/runner/signoff_dialog.py" line="91" />
        <source>Principal</source>
        <translation>校长</translation>
    </message>
    <message>
        <location filename="../../ui/runner/signoff_dialog.py" line="92" />
        <source>School assessment panel</source>
        <translation>学校考核小组</translation>
    </message>
    <message>
        <location filename="../../ui/runner/signoff_dialog.py" line="103" />
        <source>Sign</source>
        <translation>签名</translation>
    </message>
</context>
<context>
    <name>TextEditor</name>
    <message>
        <location filename="../../ui/runner/typed_editors.py" line="141" />
        <source>Type here; it is saved as you type</source>
        <translation>在此输入，输入时自动保存</translation>
    </message>
</context>
<context>
    <name>YesNoEditor</name>
    <message>
        <location filename="../../ui/runner/editors.py" line="92" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/runner/editors.py" line="93" />
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/runner/editors.py" line="94" />
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
</context>
<context>
    <name>FollowUpPanel</name>
    <message>
        <location filename="../../ui/runner/follow_up.py" line="31" />
        <source>Carried-over action</source>
        <translation>结转整改事项</translation>
    </message>
    <message>
        <location filename="../../ui/runner/follow_up.py" line="32" />
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../ui/runner/follow_up.py" line="33" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/runner/follow_up.py" line="34" />
        <source>School's report</source>
        <translation>学校整改报告</translation>
    </message>
    <message>
        <location filename="../../ui/runner/follow_up.py" line="43" />
        <source>Verified on the spot…</source>
        <translation>现场核查销号…</translation>
    </message>
    <message>
        <location filename="../../ui/runner/follow_up.py" line="44" />
        <source>Not rectified…</source>
        <translation>未整改到位…</translation>
    </message>
    <message>
        <location filename="../../ui/runner/follow_up.py" line="45" />
        <source>History…</source>
        <translation>整改记录…</translation>
    </message>
    <message>
        <location filename="../../ui/runner/follow_up.py" line="62" />
        <source>Follow-up: %1 carried-over action(s), %2 verified and closed</source>
        <translation>回头看：结转整改 %1 项，已核查销号 %2 项</translation>
    </message>
</context>
</TS>
