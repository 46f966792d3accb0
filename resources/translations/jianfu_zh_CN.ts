<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CarriedNotice</name>
    <message>
        <location filename="../../src/jianfu/ui/widgets/carried_notice.py" line="32" />
        <source>{page}: {count}</source>
        <translation>“{page}”{count}项</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/carried_notice.py" line="34" />
        <source>{count} answers carried over from last period are not confirmed yet: until they are, this assessment is incomplete and gets no level, because nobody has said they still hold for this period. Correct what changed and confirm the rest page by page.</source>
        <translation>还有{count}项沿用上期的回答未确认：确认之前，本次自查为“未完成”，不评定等级，因为还没有人确认这些回答在本期仍然如此。请改正已变化的，其余逐页点“本页全部仍然如此”。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/carried_notice.py" line="38" />
        <source>To confirm: {pages}</source>
        <translation>待确认：{pages}</translation>
    </message>
</context>
<context>
    <name>ChangesDialog</name>
    <message>
        <location filename="../../src/jianfu/ui/pages/changes_dialog.py" line="31" />
        <source>Changes since last period</source>
        <translation>与上期相比的变化</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/changes_dialog.py" line="38" />
        <source>Last period was answered with another checklist version; each period is scored with its own version, so part of a change may come from the new version rather than from new answers.</source>
        <translation>上期使用的是另一版清单；每期按各自作答时的清单版本评分，因此部分变化可能来自清单换版，而不是回答改变。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/changes_dialog.py" line="46" />
        <source>{count} answers differ from last period.</source>
        <translation>与上期相比，有{count}项回答不同。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/changes_dialog.py" line="48" />
        <source>Nothing has been changed from last period so far.</source>
        <translation>到目前为止，没有改动上期的回答。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/changes_dialog.py" line="54" />
        <source>Page</source>
        <translation>页面</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/changes_dialog.py" line="54" />
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/changes_dialog.py" line="54" />
        <location filename="../../src/jianfu/ui/pages/changes_dialog.py" line="79" />
        <source>Last period</source>
        <translation>上期</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/changes_dialog.py" line="54" />
        <location filename="../../src/jianfu/ui/pages/changes_dialog.py" line="79" />
        <source>This period</source>
        <translation>本期</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/changes_dialog.py" line="79" />
        <source>Score</source>
        <translation>评分项</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/changes_dialog.py" line="79" />
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/changes_dialog.py" line="86" />
        <source>unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/changes_dialog.py" line="88" />
        <source>up {points:.1f} (heavier)</source>
        <translation>上升{points:.1f}（负担加重）</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/changes_dialog.py" line="90" />
        <source>down {points:.1f} (lighter)</source>
        <translation>下降{points:.1f}（负担减轻）</translation>
    </message>
</context>
<context>
    <name>ChoiceEditor</name>
    <message>
        <location filename="../../src/jianfu/ui/widgets/item_row.py" line="152" />
        <source>Please choose</source>
        <translation>请选择</translation>
    </message>
</context>
<context>
    <name>CorrectTownshipDialog</name>
    <message>
        <location filename="../../src/jianfu/ui/pages/township_dialogs.py" line="165" />
        <source>Correct township name or code</source>
        <translation>更正乡镇名称或代码</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/township_dialogs.py" line="170" />
        <source>The correction applies to all {count} assessments of {township} on this computer. Files already sent to the county keep the old details.</source>
        <translation>更正将用于本机上{township}的全部{count}次自查。已经报给县里的文件仍是原来的信息。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/township_dialogs.py" line="180" />
        <source>Township or sub-district</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/township_dialogs.py" line="181" />
        <source>Division code</source>
        <translation>区划代码</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/township_dialogs.py" line="182" />
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/township_dialogs.py" line="208" />
        <source>Change {old_name} ({old_code}) to {new_name} ({new_code}) in all its assessments?</source>
        <translation>把全部自查中的“{old_name}（{old_code}）”改为“{new_name}（{new_code}）”吗？</translation>
    </message>
</context>
<context>
    <name>CountyWindow</name>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="76" />
        <source>Jianfu — county overview</source>
        <translation>减负助手 — 县级汇总</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="83" />
        <source>Import files…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="84" />
        <source>Import folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="85" />
        <source>Summary PDF…</source>
        <translation>汇总PDF…</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="86" />
        <source>Excel workbook…</source>
        <translation>Excel汇总表…</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="87" />
        <source>Department notices…</source>
        <translation>部门督办函…</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="88" />
        <source>Platform catalogue…</source>
        <translation>导出平台目录…</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="89" />
        <source>Township list…</source>
        <translation>应报乡镇名单…</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="101" />
        <source>Period</source>
        <translation>评估期</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="119" />
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="121" />
        <source>Overall</source>
        <translation>综合</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="122" />
        <source>Fingertip hours per cadre a month</source>
        <translation>每人每月指尖工时</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="123" />
        <source>Completion</source>
        <translation>完成度</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="145" />
        <source>Townships</source>
        <translation>乡镇情况</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="149" />
        <source>County department</source>
        <translation>县级部门</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="150" />
        <location filename="../../src/jianfu/ui/county/county_window.py" line="189" />
        <source>Townships affected</source>
        <translation>涉及乡镇数</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="151" />
        <source>Apps and groups</source>
        <translation>应用/群</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="152" />
        <source>Check-in</source>
        <translation>打卡</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="153" />
        <source>Ranking</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="154" />
        <source>Online time</source>
        <translation>在线时长</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="155" />
        <source>Forced download</source>
        <translation>强制下载</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="156" />
        <source>Reporting tasks</source>
        <translation>报表任务</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="157" />
        <source>Duplicate filings</source>
        <translation>重复报送</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="158" />
        <source>Hours a month</source>
        <translation>月耗工时</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="159" />
        <source>Requests to act</source>
        <translation>提请协调事项</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="165" />
        <source>Not asked: the checklist version these townships answered has no such question (this is not a zero).</source>
        <translation>未调查：这些乡镇所用的自查清单版本没有这一问（不表示为0）。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="177" />
        <source>Count the selected department as another…</source>
        <translation>把所选部门并入另一个部门…</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="186" />
        <source>County departments</source>
        <translation>条线部门</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="189" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="203" />
        <source>Common problems and requests</source>
        <translation>共性问题与提请事项</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="205" />
        <location filename="../../src/jianfu/ui/county/county_window.py" line="259" />
        <source>Signers and files to confirm</source>
        <translation>签名与待确认</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="234" />
        <source>Updating the county database to the current attribution rule…</source>
        <translation>正在按现行归因规则更新县级数据库…</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="274" />
        <source>No township file imported yet. Import files or a folder, or drop them here.</source>
        <translation>还没有导入乡镇自查文件。请导入文件或文件夹，也可以把文件拖到此窗口。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="298" />
        <source>Not yet reported: {names}</source>
        <translation>尚未报送：{names}</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="303" />
        <source>Carried over from last period, never confirmed ({count} townships, no level until confirmed): {names}</source>
        <translation>沿用上期未确认（{count}个乡镇，确认前不评定等级）：{names}</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="307" />
        <source>{name} ({n} answers)</source>
        <translation>{name}（{n}项）</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="354" />
        <source>To verify by the county: {notes}.</source>
        <translation>请县级核实：{notes}。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="360" />
        <source>The townships to verify could not be looked up: {reason}</source>
        <translation>未能查出需县级核实的乡镇：{reason}</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="436" />
        <source>No .jianfu file found in {paths}.</source>
        <translation>在 {paths} 中找到0个 .jianfu 文件，没有导入任何内容。请检查是否选对了文件夹。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="161" />
        <source>Also written as: {names}</source>
        <translation>其他写法：{names}</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="287" />
        <source>{count} townships reported for {period}.</source>
        <translation>{period}共有{count}个乡镇（街道）报送。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="290" />
        <source>{count} of them are incomplete: no level, left out of the averages.</source>
        <translation>其中{count}个自查未完成：不评定等级，不计入平均数。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="294" />
        <source>The heaviest burden across the county: {name} (average {score}).</source>
        <translation>全县负担最重的是{name}（平均{score}分）。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="380" />
        <source>Common problems</source>
        <translation>共性问题</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="380" />
        <source>Requests to the county, by department</source>
        <translation>提请县级协调事项（按部门）</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="389" />
        <source>Problems the townships added themselves</source>
        <translation>乡镇自拟的问题</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="403" />
        <source>… and more: see the Excel workbook</source>
        <translation>……其余各条见 Excel 汇总表</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="435" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="441" />
        <source>Importing {count} files…</source>
        <translation>正在导入{count}个文件…</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="453" />
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="463" />
        <source>Could not finish</source>
        <translation>未能完成</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="467" />
        <source>Import township files</source>
        <translation>导入乡镇自查文件</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="467" />
        <source>Assessment files (*.jianfu)</source>
        <translation>自查文件 (*.jianfu)</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="474" />
        <source>Import a folder of township files</source>
        <translation>导入存放乡镇自查文件的文件夹</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="510" />
        <source>Same department</source>
        <translation>同一部门</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="510" />
        <source>Count “{name}” as:</source>
        <translation>把“{name}”计为：</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="522" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="522" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="525" />
        <source>Save county summary</source>
        <translation>保存县级汇总</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="553" />
        <source>Writing the summary…</source>
        <translation>正在生成汇总…</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="555" />
        <source>Saved: {path}</source>
        <translation>已保存：{path}</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="564" />
        <source>Folder for the department notices</source>
        <translation>选择保存部门督办函的文件夹</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="578" />
        <source>Writing the department notices…</source>
        <translation>正在生成部门督办函…</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="581" />
        <source>{count} department notices saved in {path}</source>
        <translation>已生成{count}份部门督办函，保存在 {path}</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="592" />
        <source>Save platform catalogue</source>
        <translation>保存平台目录</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="594" />
        <source>Platform catalogues (*.jianfu-catalogue)</source>
        <translation>平台目录 (*.jianfu-catalogue)</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="605" />
        <source>Catalogue of {count} entries saved: {path}</source>
        <translation>已保存含{count}项的平台目录：{path}</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="611" />
        <source>Township list (one per line: division code, name)</source>
        <translation>应报乡镇名单（每行：区划代码,名称）</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="613" />
        <source>Text or CSV files (*.txt *.csv)</source>
        <translation>文本或 CSV 文件 (*.txt *.csv)</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="620" />
        <location filename="../../src/jianfu/ui/county/county_window.py" line="625" />
        <source>Township list</source>
        <translation>应报乡镇名单</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/county_window.py" line="626" />
        <source>These lines were not understood and were left out:</source>
        <translation>以下各行无法识别，已略过：</translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <location filename="../../src/jianfu/ui/widgets/item_row.py" line="228" />
        <source>Not set</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/item_row.py" line="230" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
</context>
<context>
    <name>DepartmentPicker</name>
    <message>
        <location filename="../../src/jianfu/ui/widgets/department_picker.py" line="22" />
        <source>Pick or type, several separated by 、</source>
        <translation>从列表选取或直接填写，多个用顿号分开</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/department_picker.py" line="25" />
        <source>Pick department</source>
        <translation>选择部门</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/department_picker.py" line="36" />
        <source>No department entered yet: type the name</source>
        <translation>尚未填写任何部门，请直接输入部门名称</translation>
    </message>
</context>
<context>
    <name>DrilldownDialog</name>
    <message>
        <location filename="../../src/jianfu/ui/county/drilldown.py" line="38" />
        <source>{township} · {period} (read-only)</source>
        <translation>{township} · {period}（只读）</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/drilldown.py" line="44" />
        <source>Fingertip hours per cadre a month: {hours}</source>
        <translation>每人每月指尖工时：{hours}</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/drilldown.py" line="48" />
        <source>Fingertip hours per cadre a month: not yet assessed</source>
        <translation>每名干部每月指尖工时：尚无作答，未评估</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/drilldown.py" line="51" />
        <source>Overall</source>
        <translation>综合</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/drilldown.py" line="68" />
        <source>To verify: {notes}</source>
        <translation>请县级核实：{notes}</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/drilldown.py" line="86" />
        <source>Finding</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/drilldown.py" line="86" />
        <source>Points</source>
        <translation>计分</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/drilldown.py" line="86" />
        <source>Answers behind it</source>
        <translation>作答依据</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/drilldown.py" line="105" />
        <source>Scores and findings</source>
        <translation>得分与问题</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/drilldown.py" line="108" />
        <location filename="../../src/jianfu/ui/county/drilldown.py" line="182" />
        <source>Item</source>
        <translation>题目</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/drilldown.py" line="108" />
        <source>Answer</source>
        <translation>作答</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/drilldown.py" line="108" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/drilldown.py" line="122" />
        <source>Answers</source>
        <translation>作答情况</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/drilldown.py" line="127" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/drilldown.py" line="128" />
        <source>Measure</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/drilldown.py" line="129" />
        <source>Who acts</source>
        <translation>整改方式</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/drilldown.py" line="130" />
        <source>County departments</source>
        <translation>条线部门</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/drilldown.py" line="131" />
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/drilldown.py" line="132" />
        <source>Deadline</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/drilldown.py" line="133" />
        <source>Accepted</source>
        <translation>是否采纳</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/drilldown.py" line="141" />
        <source>Ask the county</source>
        <translation>提请县级协调</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/drilldown.py" line="141" />
        <source>Township fixes it</source>
        <translation>本镇自行整改</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/drilldown.py" line="145" />
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/drilldown.py" line="145" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/drilldown.py" line="163" />
        <source>Rectification plan</source>
        <translation>整改方案</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/drilldown.py" line="164" />
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/drilldown.py" line="172" />
        <source>Items the township marked 'not applicable', with the reason it gave. {count} in all.</source>
        <translation>本乡镇标为“不适用”的题目及所填理由，共{count}题。请核实理由是否属实。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/drilldown.py" line="176" />
        <source>No item is marked 'not applicable'.</source>
        <translation>没有标为“不适用”的题目。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/drilldown.py" line="182" />
        <source>Page</source>
        <translation>页面</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/drilldown.py" line="182" />
        <source>Reason given</source>
        <translation>所填理由</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/drilldown.py" line="182" />
        <source>Counted</source>
        <translation>是否计入</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="219" />
        <source>Print and export</source>
        <translation>打印与导出</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="224" />
        <source>The rectification plan is laid out as a government document (A4, GB/T 9704): basic information, scores with a radar chart, findings, the task list and the items for the county.</source>
        <translation>整改方案按公文格式（A4，参照 GB/T 9704）排版：基本情况、得分与雷达图、主要问题、整改任务清单和提请县级协调事项。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="231" />
        <source>Fill them in on the plan page</source>
        <translation>去整改方案页填写</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="236" />
        <source>Save plan as PDF…</source>
        <translation>保存整改方案（PDF）…</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="237" />
        <source>Save as Word (editable)…</source>
        <translation>另存为 Word（可编辑）…</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="238" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="239" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="246" />
        <source>Send the assessment file to the county: it holds your answers, scores and plan, and is checked for changes when the county imports it.</source>
        <translation>把自查文件报送县里：文件包含全部作答、得分和整改方案，县里导入时会校验文件是否被改动。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="261" />
        <source>Go to the first page to confirm</source>
        <translation>去第一个待确认的页面</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="266" />
        <source>Pick them on the plan page</source>
        <translation>到整改方案页选定</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="271" />
        <source>Export assessment file…</source>
        <translation>导出自查文件…</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="294" />
        <source>{count} requests to the county do not name one department: the county cannot pass them on to a department. You can still export the file as it is.</source>
        <translation>{count}项提请县级协调的事项未指明具体部门，县里无法转给部门办理。也可以照此导出。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="306" />
        <source>This assessment is incomplete ({reasons}). Once exported, the county will see it as incomplete, with no level.</source>
        <translation>本次自查未完成（{reasons}），导出后县级将看到“未完成”，不评定等级。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="317" />
        <source>{count} have no responsible person</source>
        <translation>{count}项未填责任人</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="319" />
        <source>{count} have no deadline</source>
        <translation>{count}项未填整改时限</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="323" />
        <source>Of the {total} plan items, {blanks}: these columns print blank, and a plan is reviewed for who is responsible and by when. You can still print it as it is.</source>
        <translation>{total}项整改事项中，{blanks}。打印和导出的方案中这些栏是空白的，而审核整改方案要看责任是否明确、时限是否清楚。也可以照样打印。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="357" />
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="362" />
        <source>Save rectification plan</source>
        <translation>保存整改方案</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="357" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="362" />
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="367" />
        <source>Writing the Word document…</source>
        <translation>正在生成 Word 文档…</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="369" />
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="377" />
        <source>Saved: {path}</source>
        <translation>已保存：{path}</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="384" />
        <source>Printing the plan…</source>
        <translation>正在生成整改方案…</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="396" />
        <source>Preparing the preview…</source>
        <translation>正在准备预览…</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="420" />
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="422" />
        <source>Sent {count} pages to the printer.</source>
        <translation>已将{count}页发送到打印机。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="435" />
        <source>Export assessment file</source>
        <translation>导出自查文件</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="435" />
        <source>Assessment files (*.jianfu)</source>
        <translation>自查文件 (*.jianfu)</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="440" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="452" />
        <source>Exported: {path}
Signed with this computer's key {fingerprint}. If the county phones to check the file, read out this fingerprint.</source>
        <translation>已导出：{path}
已用本机密钥 {fingerprint} 签名。县级来电核对时，请读出这个指纹。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="459" />
        <source>Could not finish</source>
        <translation>未能完成</translation>
    </message>
</context>
<context>
    <name>ItemRow</name>
    <message>
        <location filename="../../src/jianfu/ui/widgets/item_row.py" line="296" />
        <source>Why is this asked?</source>
        <translation>为什么问这个？</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/item_row.py" line="387" />
        <source>Carried over from last period</source>
        <translation>沿用上期</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/item_row.py" line="389" />
        <source>Still true</source>
        <translation>仍然如此</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/item_row.py" line="390" />
        <source>The answer from last period still holds</source>
        <translation>上期的答案本期仍然适用</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/item_row.py" line="310" />
        <location filename="../../src/jianfu/ui/widgets/item_row.py" line="457" />
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/item_row.py" line="314" />
        <source>Note (optional)</source>
        <translation>备注（可不填）</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/item_row.py" line="345" />
        <source>Source: {source}</source>
        <translation>来源：{source}</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/item_row.py" line="423" />
        <source>Ctrl+Shift+N while answering this item</source>
        <translation>填写本题时按 Ctrl+Shift+N 勾选或取消</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/item_row.py" line="424" />
        <source>Ctrl+Shift+B while answering this item</source>
        <translation>填写本题时按 Ctrl+Shift+B 写备注</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/item_row.py" line="455" />
        <source>Not applicable (no longer offered here: untick it and answer)</source>
        <translation>不适用（本题已不提供，请取消勾选后作答）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/jianfu/ui/main_window.py" line="64" />
        <source>Jianfu — fingertip burden self-assessment</source>
        <translation>减负助手 — 基层“指尖减负”自查</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/main_window.py" line="74" />
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/main_window.py" line="75" />
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/main_window.py" line="80" />
        <source>Changes since last period…</source>
        <translation>与上期相比…</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/main_window.py" line="123" />
        <source>All changes saved {time}</source>
        <translation>已全部保存{time}</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/main_window.py" line="163" />
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/main_window.py" line="164" />
        <source>Large font</source>
        <translation>大字体</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/main_window.py" line="168" />
        <source>Start page</source>
        <translation>开始页</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/main_window.py" line="207" />
        <source>New assessment</source>
        <translation>新建自查</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/main_window.py" line="222" />
        <source>Next period</source>
        <translation>下一期自查</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/main_window.py" line="266" />
        <location filename="../../src/jianfu/ui/main_window.py" line="272" />
        <location filename="../../src/jianfu/ui/main_window.py" line="277" />
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/main_window.py" line="279" />
        <source>{township} already has an assessment for {period} on this computer; it is opened unchanged. Use the county overview to compare files.</source>
        <translation>本机已有{township}{period}的自查，将原样打开，不作覆盖。如需比较文件，请使用县级汇总。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/main_window.py" line="295" />
        <source>County overview</source>
        <translation>县级汇总</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/main_window.py" line="439" />
        <source> (sample, fictional)</source>
        <translation>（示例，虚构）</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/main_window.py" line="463" />
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/main_window.py" line="464" />
        <source>Results</source>
        <translation>自查结果</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/main_window.py" line="465" />
        <source>Rectification plan</source>
        <translation>整改方案</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/main_window.py" line="466" />
        <source>Print and export</source>
        <translation>打印与导出</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/main_window.py" line="490" />
        <source>● Answers contradict</source>
        <translation>● 作答矛盾</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/main_window.py" line="493" />
        <source>● {count} to confirm, {blank} unanswered</source>
        <translation>● {count}项待确认，{blank}项未答</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/main_window.py" line="495" />
        <source>● {count} to confirm</source>
        <translation>● {count}项待确认</translation>
    </message>
</context>
<context>
    <name>NewAssessmentDialog</name>
    <message>
        <location filename="../../src/jianfu/ui/pages/new_assessment.py" line="33" />
        <source>New assessment</source>
        <translation>新建自查</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/new_assessment.py" line="36" />
        <source>e.g. 柳河镇</source>
        <translation>例如：柳河镇</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/new_assessment.py" line="38" />
        <source>12 digits, e.g. 519901101000</source>
        <translation>12位数字，例如519901101000</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/new_assessment.py" line="51" />
        <source>Township or sub-district</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/new_assessment.py" line="52" />
        <source>Division code</source>
        <translation>区划代码</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/new_assessment.py" line="53" />
        <source>County</source>
        <translation>所属县（市、区）</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/new_assessment.py" line="54" />
        <source>Period</source>
        <translation>评估期</translation>
    </message>
</context>
<context>
    <name>NextPeriod</name>
    <message>
        <location filename="../../src/jianfu/ui/pages/township_dialogs.py" line="58" />
        <source>Start next period</source>
        <translation>开始下一期</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/township_dialogs.py" line="59" />
        <source>{current} runs until {end} and is not over yet; the next period, {next} ({start} to {next_end}), has not begun.

Starting it now creates the assessment for {next}, with this period's answers carried over to confirm, though {next} has not happened yet. Usually the next period is started once {current} is over.

Start {next} now?</source>
        <translation>本期{current}还没有结束（到{end}）；下一期{next}（{start}至{next_end}）还没有开始。

现在开始，将新建{next}的自查，并带入本期的回答待逐项确认，但{next}的情况还没有发生。一般应在{current}结束后再开始下一期。

确定现在就开始{next}吗？</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/township_dialogs.py" line="76" />
        <source>Start {next} now</source>
        <translation>现在开始{next}</translation>
    </message>
</context>
<context>
    <name>OverviewModel</name>
    <message>
        <location filename="../../src/jianfu/ui/county/models.py" line="67" />
        <source>Mean of the four scores; its level is at most one below the worst manifestation's and at least what the fingertip hours reach, so it can lie above the mean's band. In brackets the change since last period (negative: lighter)</source>
        <translation>四项得分的平均数。综合等级最多比最重的一项低一档，也不低于“指尖”工时门槛，因此可能高于平均分所在的档。括号内为较上期的变化（负数为减轻）</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/models.py" line="72" />
        <source>Score and level; in brackets the change since last period (negative: lighter)</source>
        <translation>得分与等级；括号内为较上期的变化（负数为减轻）</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/models.py" line="100" />
        <source>not yet assessed</source>
        <translation>尚无作答，未评估</translation>
    </message>
</context>
<context>
    <name>PickCatalogueDialog</name>
    <message>
        <location filename="../../src/jianfu/ui/widgets/table_editor.py" line="529" />
        <source>County platform catalogue</source>
        <translation>县级平台目录</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/table_editor.py" line="532" />
        <source>Tick what your township uses; entries already in your list are greyed out.</source>
        <translation>勾选本镇使用的应用和平台；已在清单中的显示为灰色。</translation>
    </message>
</context>
<context>
    <name>PickRowsDialog</name>
    <message>
        <location filename="../../src/jianfu/ui/widgets/table_editor.py" line="497" />
        <source>Choose from the inventory</source>
        <translation>从应用清单中选择</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/table_editor.py" line="500" />
        <source>The inventory is empty: list the apps and platforms first.</source>
        <translation>应用清单还是空的：请先在上一页列出政务应用和平台。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/table_editor.py" line="503" />
        <source>(unnamed)</source>
        <translation>（未命名）</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="254" />
        <source>Rectification plan</source>
        <translation>整改方案</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="259" />
        <source>Drafted from your answers. Edit any cell; untick items you do not accept; add your own. Your edits are kept when answers change and the plan is drafted again.</source>
        <translation>根据作答自动起草。可修改任何单元格；不采纳的事项取消勾选；也可以添加自己的事项。修改作答后重新起草时，您的修改会保留。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="276" />
        <source>Pick the department</source>
        <translation>去选定部门</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="281" />
        <source>Accept</source>
        <translation>采纳</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="282" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="283" />
        <source>Measure</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="284" />
        <source>Who acts</source>
        <translation>整改方式</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="285" />
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="286" />
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="287" />
        <source>Deadline</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="288" />
        <source>County departments</source>
        <translation>条线部门</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="289" />
        <source>Progress</source>
        <translation>完成情况</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="290" />
        <source>Last period</source>
        <translation>上期情况</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="320" />
        <source>Add item</source>
        <translation>添加事项</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="321" />
        <source>Delete added item</source>
        <translation>删除自加事项</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="425" />
        <source>{count} requests to the county do not name one department, so the county cannot pass them on to a department: pick it under "County departments"</source>
        <translation>{count}项提请县级协调的事项未指明具体部门，县里无法转给部门办理：请在“条线部门”中选定</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="485" />
        <source>Not filled in: prints blank</source>
        <translation>未填写：打印出来是空白</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="503" />
        <source>Which one? Double-click to pick</source>
        <translation>是哪个部门？双击选定</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="507" />
        <source>The county cannot pass this request on while it names no one department. Double-click and pick which of {names} it is, or type the department.</source>
        <translation>未指明具体部门，县里无法把这项请求转给部门办理。请双击，在{names}中选定是哪个部门，或直接输入部门名称。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="540" />
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="570" />
        <source>Progress not filled in</source>
        <translation>未填写完成情况</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="540" />
        <source>Last period: {status}</source>
        <translation>上期：{status}</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="542" />
        <source>deadline {date}, passed</source>
        <translation>上期时限{date}，已过</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="547" />
        <source>deadline {date}, due within this period: set afresh</source>
        <translation>上期时限{date}，本期内到期，已重新起算</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="549" />
        <source>deadline {date}</source>
        <translation>上期时限{date}</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="567" />
        <source>Last period ({period}) had {count} plan items; what became of each is noted under its "Progress".</source>
        <translation>上期（{period}）整改方案列事项{count}项，每项的上期完成情况注在其“完成情况”栏内。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="576" />
        <source>No longer in this plan ({count}): {items}</source>
        <translation>本期未再列入{count}项：{items}</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="631" />
        <source>Deadline: {problem}</source>
        <translation>整改时限{problem}</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="467" />
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="488" />
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="520" />
        <source>The answers no longer raise this problem; keep it or untick it.</source>
        <translation>作答已变化，此问题不再由作答触发；请决定保留或取消勾选。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="296" />
        <source>Township fixes it</source>
        <translation>本镇自行整改</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="297" />
        <source>Ask the county</source>
        <translation>提请县级协调</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="555" />
        <source>Last period ({period}): {measure}</source>
        <translation>上期（{period}）措施：{measure}</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="602" />
        <source>Drafted items are not deleted: untick them to reject them.</source>
        <translation>起草的事项不删除：不采纳请取消勾选。</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="187" />
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
</context>
<context>
    <name>RadarChart</name>
    <message>
        <location filename="../../src/jianfu/ui/widgets/radar.py" line="67" />
        <source>not assessed</source>
        <translation>未评估</translation>
    </message>
</context>
<context>
    <name>RecycleListDialog</name>
    <message>
        <location filename="../../src/jianfu/ui/pages/township_dialogs.py" line="85" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/township_dialogs.py" line="86" />
        <source>Move the assessment of {assessment} to the recycle list? It can be restored from the recycle list.</source>
        <translation>把{assessment}的自查移到回收站吗？之后可以从回收站恢复。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/township_dialogs.py" line="100" />
        <source>Recycle list</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/township_dialogs.py" line="102" />
        <source>Deleted assessments are kept here. Restore one to list it on the start page again.</source>
        <translation>删除的自查保存在这里。恢复后会重新出现在开始页。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/township_dialogs.py" line="106" />
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/township_dialogs.py" line="106" />
        <source>Period</source>
        <translation>评估期</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/township_dialogs.py" line="106" />
        <source>Deleted</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/township_dialogs.py" line="113" />
        <location filename="../../src/jianfu/ui/pages/township_dialogs.py" line="152" />
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="85" />
        <source>Results</source>
        <translation>自查结果</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="90" />
        <source>Scores run from 0 to 100; higher means a heavier burden. Click a score to see the answers behind it.</source>
        <translation>得分0—100，越高表示负担越重。点击某项得分，可查看其背后的作答。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="100" />
        <source>Go to the first page to confirm</source>
        <translation>去第一个待确认的页面</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="117" />
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="375" />
        <source>How scores are computed</source>
        <translation>评分方法说明</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="141" />
        <source>Finding</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="141" />
        <source>Answers behind it</source>
        <translation>作答依据</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="141" />
        <source>Points</source>
        <translation>计分</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="166" />
        <source>Answered {answered}; not applicable {na} (not accepted: {na_bare}); required but unanswered {missing}.</source>
        <translation>已答{answered}题；不适用{na}题（其中不予认可{na_bare}题）；必答未答{missing}题。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="182" />
        <source>Incomplete: every required item is answered, but some answers contradict each other (listed below, and shown under the answer on its page). Scores are shown but no level until one side of each is corrected. {counts}</source>
        <translation>未完成：必答题都已作答，但有回答前后矛盾（见下，所在页面的该题下方也有提示）。改正每处矛盾中的一方后才评定等级；目前只显示分数。{counts}</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="190" />
        <source>Incomplete: scores are shown but no level until every required item is answered, and answered as the checklist allows. {counts}</source>
        <translation>未完成：必答题须全部按清单允许的方式作答，才评定等级；目前只显示分数。{counts}</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="198" />
        <source>{count} tables are marked 'not applicable' the old way: tick their 'none' answer or fill them in.</source>
        <translation>有{count}张表格按旧办法标为“不适用”：请取消“不适用”，再勾选表格上方的“没有”或逐行填写。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="208" />
        <source>Levels: {bands}</source>
        <translation>等级划分：{bands}</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="216" />
        <source>Scored on checklist version {old}, as answered; the county scores the exported file on version {latest}, so its figures may differ. Start the next period to answer version {latest}.</source>
        <translation>本次自查按作答时的第{old}版清单计分；县里导入导出的文件后按第{latest}版计分，分数可能不同。开始下一期即按第{latest}版作答。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="222" />
        <source>{score} points</source>
        <translation>{score}分</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="224" />
        <source>not yet assessed</source>
        <translation>尚无作答，未评估</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="242" />
        <source>Overall: not yet assessed. Nothing that the scores and the fingertip hours are worked out from is answered yet.</source>
        <translation>综合：尚无作答，未评估。计算得分和“指尖”事务时长所依据的题目都还没有作答。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="247" />
        <source>Overall {score} ({level}). The fingertip hours add up to {hours} hours per cadre a month, more than the whole working month: they cannot all be true. Check the times entered ({parts}); no level is given until then.</source>
        <translation>综合得分{score}（{level}）。各项用时合计每名干部每月{hours}小时，超过全部工作时间，不可能都属实。请核对所填用时（{parts}），核对前不评定等级。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="257" />
        <source>Overall {score} ({level}). Fingertip work takes about {hours} hours per cadre a month: {parts}.</source>
        <translation>综合得分{score}（{level}）。每名干部每月用于“指尖”事务约{hours}小时，其中{parts}。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="266" />
        <source>The overall level is raised by the fingertip hours: {hours} hours per cadre a month reach {floor} hours ({note}), from which the overall is at least {level}, however low the mean of the four scores.</source>
        <translation>综合等级按“指尖”工时提高：每名干部每月{hours}小时，达到{floor}小时（{note}）的，综合等级至少为“{level}”，不论四项得分的平均数多低。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="278" />
        <source>The overall level is raised by the worst manifestation: {name} is {worst}, and the overall is at most one level below it, so {level}, however low the mean of the four scores.</source>
        <translation>综合等级按最重的一项提高：“{name}”为“{worst}”，综合等级最多比它低一档，因此为“{level}”，不论四项得分的平均数多低。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="284" />
        <source>{name} is raised by its own fingertip hours: {hours} hours per cadre a month reach {floor} hours ({note}), from which it is at least {level}, however low its score.</source>
        <translation>“{name}”等级按其本身的“指尖”工时提高：每名干部每月{hours}小时，达到{floor}小时（{note}）的，该项等级至少为“{level}”，不论得分多低。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="295" />
        <source>{names}: not yet assessed; counted as 0 in the overall until answered, so the overall is too low.</source>
        <translation>{names}尚无作答，未评估；作答之前在综合得分中暂按0分计入，综合得分因此偏低。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="316" />
        <source>Still to answer:</source>
        <translation>尚需回答：</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="317" />
        <source>Marked 'not applicable' without a real reason in the note:</source>
        <translation>标为不适用、但备注未写明实际理由：</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="319" />
        <source>Marked 'not applicable', which is no longer offered there: untick it and answer:</source>
        <translation>标为“不适用”、但本版已不提供“不适用”的题目（旧作答、结转或导入的答案），请取消勾选后重新作答：</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="320" />
        <source>Answers that contradict each other (see above):</source>
        <translation>作答前后矛盾（原因见上）：</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="330" />
        <source> and {count} more</source>
        <translation>，另有{count}题</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="359" />
        <source>Also counted in: {names}</source>
        <translation>同时计入：{names}</translation>
    </message>
</context>
<context>
    <name>SampleOpening</name>
    <message>
        <location filename="../../src/jianfu/ui/sample_opening.py" line="37" />
        <source>Open the sample township</source>
        <translation>打开示例乡镇</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/sample_opening.py" line="60" />
        <source>Preparing the sample township…</source>
        <translation>正在准备示例乡镇…</translation>
    </message>
</context>
<context>
    <name>SectionPage</name>
    <message>
        <location filename="../../src/jianfu/ui/pages/section_page.py" line="152" />
        <source>All on this page still true</source>
        <translation>本页全部仍然如此</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/section_page.py" line="155" />
        <source>Every answer on this page carried over from last period still holds; change any that does not first</source>
        <translation>本页沿用上期的回答都仍然成立；如有不再成立的，请先改正</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/section_page.py" line="176" />
        <source>Not saved</source>
        <translation>没有保存</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/section_page.py" line="188" />
        <source>{count} answers on this page are carried over from last period. Change what no longer holds.</source>
        <translation>本页有{count}项沿用上期的回答待确认。请改正已经变化的，其余可一键确认。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/section_page.py" line="237" />
        <source>Contradicts another answer: {reasons}</source>
        <translation>作答前后矛盾：{reasons}</translation>
    </message>
</context>
<context>
    <name>SignersPanel</name>
    <message>
        <location filename="../../src/jianfu/ui/county/signers.py" line="44" />
        <source>Each township is bound to the signing key of the first file the county received from it. A signature shows which computer sent a file and that nobody changed it on the way; it does not show that the answers are true. A file signed by another key, or unsigned once a key is known, waits here and changes nothing until you confirm it.</source>
        <translation>每个乡镇（街道）以县级第一次收到的文件的签名密钥为准。签名只说明文件来自哪台电脑上的减负助手、途中没有被改动，并不说明其中的回答属实。由其他密钥签名的文件，或已有密钥后收到的未签名文件，会在这里等待，确认之前不改动任何数据。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/signers.py" line="53" />
        <source>Files to confirm</source>
        <translation>待确认的文件</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/signers.py" line="57" />
        <location filename="../../src/jianfu/ui/county/signers.py" line="95" />
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/signers.py" line="58" />
        <location filename="../../src/jianfu/ui/county/signers.py" line="94" />
        <source>Division code</source>
        <translation>区划代码</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/signers.py" line="59" />
        <source>Period</source>
        <translation>评估期</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/signers.py" line="60" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/signers.py" line="61" />
        <source>Known key</source>
        <translation>已登记的密钥</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/signers.py" line="62" />
        <source>Key of this file</source>
        <translation>此文件的密钥</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/signers.py" line="63" />
        <source>Why it waits</source>
        <translation>待确认的原因</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/signers.py" line="70" />
        <source>To confirm a new key: phone the township (using a number you already have, not one in the file), ask the cadre to read out the fingerprint shown after exporting (or by the command “jianfu verify”), and compare it group by group with “Key of this file”. Confirm only if they match.</source>
        <translation>确认新密钥的方法：用您原有的联系电话（不要用文件里的信息）打给该乡镇，请经办干部读出导出文件后显示的密钥指纹（或命令“jianfu verify”显示的指纹），与“此文件的密钥”逐组核对，完全一致才确认。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/signers.py" line="78" />
        <source>Confirm the new key and apply…</source>
        <translation>确认新密钥并采用…</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/signers.py" line="79" />
        <source>Do not apply (delete this file)…</source>
        <translation>不采用（删除此文件）…</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/signers.py" line="88" />
        <source>Known signing keys</source>
        <translation>已登记的签名密钥</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/signers.py" line="96" />
        <source>Key fingerprint</source>
        <translation>密钥指纹</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/signers.py" line="97" />
        <source>First received</source>
        <translation>首次收到</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/signers.py" line="98" />
        <source>New key confirmed</source>
        <translation>新密钥确认于</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/signers.py" line="129" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/signers.py" line="130" />
        <location filename="../../src/jianfu/ui/county/signers.py" line="163" />
        <source>(unsigned)</source>
        <translation>（未签名）</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/signers.py" line="193" />
        <source>Apply this file for {township} ({code}) and accept its key from now on?

Fingerprint to compare on the phone: {fingerprint}

Files signed by the old key {old} will then wait here instead.</source>
        <translation>采用{township}（{code}）的这个文件，并从此以它的密钥为准？

电话核对的指纹：{fingerprint}

此后由原密钥 {old} 签名的文件将在这里等待确认。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/signers.py" line="204" />
        <source>Apply this unsigned file for {township} ({code})? Only do so after the township has confirmed by phone that it sent it.</source>
        <translation>采用{township}（{code}）的这个未签名文件？请先电话确认该乡镇确实报送了此文件。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/signers.py" line="207" />
        <source>Confirm the new key</source>
        <translation>确认新密钥</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/signers.py" line="224" />
        <source>Could not apply the file</source>
        <translation>无法采用该文件</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/signers.py" line="234" />
        <source>Do not apply</source>
        <translation>不采用</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/signers.py" line="235" />
        <source>Delete the held file “{name}” for {township}? Nothing else changes.</source>
        <translation>删除{township}待确认的文件“{name}”？其他数据不受影响。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/county/signers.py" line="250" />
        <source>held: signed by another key or unsigned; see the signers tab</source>
        <translation>待确认：由其他密钥签名或未签名，请在“签名与待确认”页核实</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="49" />
        <source>Fingertip burden self-assessment</source>
        <translation>基层“指尖减负”自查</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="54" />
        <source>Check how many apps, work groups, duplicate reports, check-ins and meetings weigh on your township, see the four kinds of digital formalism they amount to, and print a rectification plan. Everything is saved on this computer as you type.</source>
        <translation>摸清压在本镇的政务应用、工作群、多头填报、打卡留痕和会议负担，看清它们属于数字形式主义的哪种表现，并打印整改方案。所有内容边填边保存在本机。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="64" />
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="64" />
        <source>Period</source>
        <translation>评估期</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="64" />
        <source>Completion</source>
        <translation>完成度</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="64" />
        <source>Last edit</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="74" />
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="75" />
        <source>Move the selected assessment to the recycle list; it can be restored</source>
        <translation>把选中的自查移到回收站，可以恢复</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="76" />
        <source>Correct township name or code…</source>
        <translation>更正乡镇名称或代码…</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="77" />
        <source>Recycle list…</source>
        <translation>回收站…</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="83" />
        <source>Confirm carried-over answers</source>
        <translation>去确认沿用的回答</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="88" />
        <source>No assessment yet. Start one for your township, or look at the sample township first.</source>
        <translation>还没有自查记录。可以为本镇新建自查，也可以先看看示例乡镇。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="93" />
        <source>Continue</source>
        <translation>继续填写</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="94" />
        <source>Start next period (carry answers over)</source>
        <translation>开始下一期（沿用本期作答）</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="95" />
        <source>New assessment…</source>
        <translation>新建自查…</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="96" />
        <source>Open the sample township</source>
        <translation>打开示例乡镇</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="98" />
        <source>A fictional township to look around; it is kept apart from your own assessments</source>
        <translation>虚构的示例乡镇，供熟悉操作；与本镇的自查分开存放</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="103" />
        <source>County overview (inspectors)…</source>
        <translation>县级汇总（督查用）…</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="104" />
        <source>Import the files of all townships and see the county's burdens</source>
        <translation>导入各乡镇的自查文件，查看全县负担情况</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="129" />
        <source>, {count} carried over to confirm</source>
        <translation>，{count}项沿用上期待确认</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="182" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>TableEditor</name>
    <message>
        <location filename="../../src/jianfu/ui/widgets/table_editor.py" line="130" />
        <source>Tick when this table has nothing to list; adding a row takes it back</source>
        <translation>本表确实没有可填的内容时勾选；添加一行即自动取消</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/table_editor.py" line="158" />
        <source>Add row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/table_editor.py" line="159" />
        <source>Duplicate row</source>
        <translation>复制所选行</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/table_editor.py" line="160" />
        <source>Delete row</source>
        <translation>删除所选行</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/table_editor.py" line="163" />
        <source>Add from county catalogue…</source>
        <translation>从县级平台目录添加…</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/table_editor.py" line="206" />
        <source>This table has {count} rows, so it cannot be answered none: delete them first if none apply</source>
        <translation>本表已有{count}行，不能选“没有”。如确实没有，请先逐行删除。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/table_editor.py" line="249" />
        <source>Double-click to choose</source>
        <translation>双击选择</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/table_editor.py" line="277" />
        <source>Required: the table counts as answered once every row has this</source>
        <translation>必填：每一行都填了这一格，本表才算答完</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/table_editor.py" line="411" />
        <source>Open the county platform catalogue</source>
        <translation>打开县级平台目录</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/table_editor.py" line="413" />
        <source>Platform catalogues (*.jianfu-catalogue)</source>
        <translation>平台目录 (*.jianfu-catalogue)</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <location filename="../../src/jianfu/ui/tasks.py" line="82" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>YesNoEditor</name>
    <message>
        <location filename="../../src/jianfu/ui/widgets/item_row.py" line="66" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/item_row.py" line="66" />
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
</TS>