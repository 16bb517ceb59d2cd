<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>AmendDialog</name>
    <message>
      <source>Amend the signed inspection</source>
      <translation>修改已签署的检查</translation>
    </message>
    <message>
      <source>An amendment reopens the signed inspection for changes. The signatures given so far stay on record for the old content; the inspection must be signed again. Say why it is amended:</source>
      <translation>修改将重新打开已签署的检查。已有签名作为旧内容的记录保留；修改后须重新签署。请说明修改原因：</translation>
    </message>
    <message>
      <source>e.g. the fridge reading was typed wrongly (4 °C, not 14 °C)</source>
      <translation>例如：冷藏温度录入错误（应为 4 °C，不是 14 °C）</translation>
    </message>
    <message>
      <source>Amend</source>
      <translation>修改</translation>
    </message>
    <message>
      <source>Say why the signed inspection is amended.</source>
      <translation>请说明修改已签署检查的原因。</translation>
    </message>
  </context>
  <context>
    <name>ComparisonBox</name>
    <message>
      <source>Principal's photos:</source>
      <translation>校长上传的照片：</translation>
    </message>
  </context>
  <context>
    <name>ConflictsPage</name>
    <message>
      <source>Double-click to choose one of the valid values</source>
      <translation>双击从有效值中选择</translation>
    </message>
    <message>
      <source>School: %1</source>
      <translation>学校：%1</translation>
    </message>
    <message>
      <source>Inspection: %1 of %2 (%3)</source>
      <translation>检查：%1，%2（%3）</translation>
    </message>
    <message>
      <source>Item: %1</source>
      <translation>检查项：%1</translation>
    </message>
    <message>
      <source>Corrective action: %1</source>
      <translation>整改事项：%1</translation>
    </message>
    <message>
      <source>Ours</source>
      <translation>本机</translation>
    </message>
    <message>
      <source>Theirs</source>
      <translation>对方</translation>
    </message>
    <message>
      <source>this device</source>
      <translation>本机</translation>
    </message>
    <message>
      <source>%1: changed by %2 (%3) at %4</source>
      <translation>%1：由 %2（%3）于 %4 修改</translation>
    </message>
    <message>
      <source>“%1” is not a valid value of %2; choose one from the list.</source>
      <translation>“%1”不是“%2”的有效值；请从列表中选择。</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>是</translation>
    </message>
    <message>
      <source>No</source>
      <translation>否</translation>
    </message>
  </context>
  <context>
    <name>DevicesBox</name>
    <message>
      <source>This device: %1 · key fingerprint %2 — read it out when a receiver asks to compare.</source>
      <translation>本机：%1 · 密钥指纹 %2 —— 接收方要求核对时请读给对方。</translation>
    </message>
    <message>
      <source>Revoke…</source>
      <translation>撤销信任…</translation>
    </message>
    <message>
      <source>Stop trusting the selected device: its later bundles are refused</source>
      <translation>不再信任所选设备：此后它的同步包将被拒绝</translation>
    </message>
    <message>
      <source>Revoked %1</source>
      <translation>已于 %1 撤销</translation>
    </message>
    <message>
      <source>Revoke device</source>
      <translation>撤销设备信任</translation>
    </message>
    <message>
      <source>Stop trusting %1 (fingerprint %2)? Every bundle it signs from now on is refused; what it sent before stays.</source>
      <translation>不再信任 %1（指纹 %2）？此后它签名的同步包都将被拒绝；之前发送的内容保留。</translation>
    </message>
  </context>
  <context>
    <name>HelpDialog</name>
    <message>
      <source>User guide</source>
      <translation>使用指南</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>快捷键</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
  </context>
  <context>
    <name>InspectionLifecycle</name>
    <message>
      <source>It has never left this computer and is removed completely.</source>
      <translation>它从未离开这台电脑，将被彻底删除。</translation>
    </message>
    <message>
      <source>It may already be on another computer: the delete is sent with the next bundle.</source>
      <translation>它可能已在其他电脑上：删除将随下一个同步包发出。</translation>
    </message>
    <message>
      <source>Delete inspection</source>
      <translation>删除检查</translation>
    </message>
    <message>
      <source>Delete %1, with its answers, photos and actions? %2</source>
      <translation>删除“%1”及其答案、照片和整改事项？%2</translation>
    </message>
  </context>
  <context>
    <name>InspectionRunner</name>
    <message>
      <source>See the photo.</source>
      <translation>见照片。</translation>
    </message>
  </context>
  <context>
    <name>InspectionsPage</name>
    <message>
      <source>Delete…</source>
      <translation>删除…</translation>
    </message>
    <message>
      <source>Delete a draft or an inspection in progress started by mistake</source>
      <translation>删除误建的草稿或进行中的检查</translation>
    </message>
  </context>
  <context>
    <name>ItemFinder</name>
    <message>
      <source>Find an item (Ctrl+F)</source>
      <translation>查找检查项 (Ctrl+F)</translation>
    </message>
    <message>
      <source>All items</source>
      <translation>全部检查项</translation>
    </message>
    <message>
      <source>Unanswered</source>
      <translation>未作答</translation>
    </message>
    <message>
      <source>Failed</source>
      <translation>不符合</translation>
    </message>
    <message>
      <source>Differ from self-assessment</source>
      <translation>与自评不一致</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>&amp;User guide</source>
      <translation>使用指南(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Keyboard shortcuts</source>
      <translation>快捷键(&amp;K)</translation>
    </message>
  </context>
  <context>
    <name>NewInspectionDialog</name>
    <message>
      <source>Type to search schools</source>
      <translation>输入以搜索学校</translation>
    </message>
    <message>
      <source>Choose a school from the list.</source>
      <translation>请从列表中选择学校。</translation>
    </message>
  </context>
  <context>
    <name>Operations</name>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
  </context>
  <context>
    <name>PhotoViewer</name>
    <message>
      <source>%1 — click to enlarge</source>
      <translation>%1 — 点击放大</translation>
    </message>
    <message>
      <source>Evidence photo</source>
      <translation>佐证照片</translation>
    </message>
    <message>
      <source>◀ Previous  (←)</source>
      <translation>◀ 上一张  (←)</translation>
    </message>
    <message>
      <source>Next  (→) ▶</source>
      <translation>下一张  (→) ▶</translation>
    </message>
    <message>
      <source>Rotate  (R)</source>
      <translation>旋转  (R)</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>%1  (photo %2 of %3)</source>
      <translation>%1  (第 %2 张，共 %3 张)</translation>
    </message>
    <message>
      <source>This file is not a picture that can be shown.</source>
      <translation>此文件不是可显示的图片。</translation>
    </message>
  </context>
  <context>
    <name>ProfileDialog</name>
    <message>
      <source>Read this out when someone importing your bundles asks to compare fingerprints</source>
      <translation>导入您同步包的人要求核对指纹时，请读出此指纹</translation>
    </message>
    <message>
      <source>Key fingerprint</source>
      <translation>密钥指纹</translation>
    </message>
  </context>
  <context>
    <name>ReportsPage</name>
    <message>
      <source>Search school, template, teacher, inspector…</source>
      <translation>搜索学校、模板、教师、督学…</translation>
    </message>
    <message>
      <source>Teacher</source>
      <translation>教师</translation>
    </message>
    <message>
      <source>Visited from</source>
      <translation>检查日期从</translation>
    </message>
    <message>
      <source>All schools</source>
      <translation>全部学校</translation>
    </message>
    <message>
      <source>All templates</source>
      <translation>全部模板</translation>
    </message>
    <message>
      <source>to</source>
      <translation>至</translation>
    </message>
    <message>
      <source>%1 of %2 shown — search or filter to narrow</source>
      <translation>显示 %1 / %2 条——请搜索或筛选以缩小范围</translation>
    </message>
    <message>
      <source>%1 found</source>
      <translation>共 %1 条</translation>
    </message>
  </context>
  <context>
    <name>RunnerHeader</name>
    <message>
      <source>Amend…</source>
      <translation>修改…</translation>
    </message>
    <message>
      <source>Reopen the signed inspection to correct it; it must be signed again</source>
      <translation>重新打开已签署的检查进行更正；更正后须重新签署</translation>
    </message>
    <message>
      <source>Delete…</source>
      <translation>删除…</translation>
    </message>
    <message>
      <source>Delete this inspection started by mistake</source>
      <translation>删除误建的这次检查</translation>
    </message>
  </context>
  <context>
    <name>ScorePanel</name>
    <message>
      <source>Answered: %1 of %2</source>
      <translation>已作答：%1 / %2</translation>
    </message>
  </context>
  <context>
    <name>SignerBlock</name>
    <message>
      <source>%1: that is too short for a signature; sign with your full signature (Clear starts again).</source>
      <translation>%1：笔画太短，不像签名；请完整签名（“清除”可重签）。</translation>
    </message>
  </context>
</TS>