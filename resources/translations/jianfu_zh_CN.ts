<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChoiceEditor</name>
    <message>
        <location filename="../../src/jianfu/ui/widgets/item_row.py" line="135" />
        <source>Please choose</source>
        <translation>请选择</translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <location filename="../../src/jianfu/ui/widgets/item_row.py" line="183" />
        <source>Not set</source>
        <translation>未填写</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/item_row.py" line="185" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="100" />
        <source>Print and export</source>
        <translation>打印与导出</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="104" />
        <source>The rectification plan is laid out as a government document (A4, GB/T 9704): basic information, scores with a radar chart, findings, the task list and the items for the county.</source>
        <translation>整改方案按公文格式（A4，参照 GB/T 9704）排版：基本情况、得分与雷达图、主要问题、整改任务清单和提请县级协调事项。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="109" />
        <source>Save plan as PDF…</source>
        <translation>保存整改方案（PDF）…</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="110" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="111" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="117" />
        <source>Send the assessment file to the county: it holds your answers, scores and plan, and is checked for changes when the county imports it.</source>
        <translation>把自查文件报送县里：文件包含全部作答、得分和整改方案，县里导入时会校验文件是否被改动。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="123" />
        <source>Export assessment file…</source>
        <translation>导出自查文件…</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="160" />
        <source>Save rectification plan</source>
        <translation>保存整改方案</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="160" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="167" />
        <source>Saved: {path}</source>
        <translation>已保存：{path}</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="171" />
        <source>Printing the plan…</source>
        <translation>正在生成整改方案…</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="205" />
        <source>Export assessment file</source>
        <translation>导出自查文件</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="206" />
        <source>Assessment files (*.jianfu)</source>
        <translation>自查文件 (*.jianfu)</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="209" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="211" />
        <source>Exported: {path}</source>
        <translation>已导出：{path}</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="216" />
        <source>Could not finish</source>
        <translation>未能完成</translation>
    </message>
</context>
<context>
    <name>ItemRow</name>
    <message>
        <location filename="../../src/jianfu/ui/widgets/item_row.py" line="243" />
        <source>Why is this asked?</source>
        <translation>为什么问这个？</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/item_row.py" line="246" />
        <source>Carried over from last period</source>
        <translation>沿用上期</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/item_row.py" line="248" />
        <source>Still true</source>
        <translation>仍然如此</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/item_row.py" line="249" />
        <source>The answer from last period still holds</source>
        <translation>上期的答案本期仍然适用</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/item_row.py" line="258" />
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/item_row.py" line="260" />
        <source>Note (optional)</source>
        <translation>备注（可不填）</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/item_row.py" line="275" />
        <source>Source: {source}</source>
        <translation>来源：{source}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/jianfu/ui/main_window.py" line="40" />
        <source>Jianfu — fingertip burden self-assessment</source>
        <translation>减负助手 — 基层“指尖减负”自查</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/main_window.py" line="50" />
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/main_window.py" line="51" />
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/main_window.py" line="89" />
        <source>All changes saved {time}</source>
        <translation>已全部保存 {time}</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/main_window.py" line="99" />
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/main_window.py" line="100" />
        <source>Large font</source>
        <translation>大字体</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/main_window.py" line="104" />
        <source>Start page</source>
        <translation>开始页</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/main_window.py" line="130" />
        <source>New assessment</source>
        <translation>新建自查</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/main_window.py" line="146" />
        <source>Next period</source>
        <translation>下一期自查</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/main_window.py" line="244" />
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/main_window.py" line="244" />
        <source>Results</source>
        <translation>自查结果</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/main_window.py" line="244" />
        <source>Rectification plan</source>
        <translation>整改方案</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/main_window.py" line="245" />
        <source>Print and export</source>
        <translation>打印与导出</translation>
    </message>
</context>
<context>
    <name>NewAssessmentDialog</name>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="141" />
        <source>New assessment</source>
        <translation>新建自查</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="144" />
        <source>e.g. 柳河镇</source>
        <translation>例如：柳河镇</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="146" />
        <source>12 digits, e.g. 519901101000</source>
        <translation>12位数字，例如 519901101000</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="158" />
        <source>Township or sub-district</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="159" />
        <source>Division code</source>
        <translation>区划代码</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="160" />
        <source>County</source>
        <translation>所属县（市、区）</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="161" />
        <source>Period</source>
        <translation>评估期</translation>
    </message>
</context>
<context>
    <name>PickRowsDialog</name>
    <message>
        <location filename="../../src/jianfu/ui/widgets/table_editor.py" line="269" />
        <source>Choose from the inventory</source>
        <translation>从应用清单中选择</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/table_editor.py" line="272" />
        <source>The inventory is empty: list the apps and platforms first.</source>
        <translation>应用清单还是空的：请先在上一页列出政务应用和平台。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/table_editor.py" line="275" />
        <source>(unnamed)</source>
        <translation>（未命名）</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="38" />
        <source>Rectification plan</source>
        <translation>整改方案</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="42" />
        <source>Drafted from your answers. Edit any cell; untick items you do not accept; add your own. Your edits are kept when answers change and the plan is drafted again.</source>
        <translation>根据作答自动起草。可修改任何单元格；不采纳的事项取消勾选；也可以添加自己的事项。修改作答后重新起草时，您的修改会保留。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="47" />
        <source>Accept</source>
        <translation>采纳</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="47" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="47" />
        <source>Measure</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="47" />
        <source>Who acts</source>
        <translation>整改方式</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="48" />
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="48" />
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="48" />
        <source>Deadline</source>
        <translation>整改时限</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="49" />
        <source>County departments</source>
        <translation>涉及县级部门</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="49" />
        <source>Progress</source>
        <translation>完成情况</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="63" />
        <source>Add item</source>
        <translation>添加事项</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="64" />
        <source>Delete added item</source>
        <translation>删除自加事项</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="103" />
        <source>The answers no longer raise this problem; keep it or untick it.</source>
        <translation>作答已变化，此问题不再由作答触发；请决定保留或取消勾选。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="106" />
        <source>Township fixes it</source>
        <translation>本镇自行整改</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="107" />
        <source>Ask the county</source>
        <translation>提请县级协调</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="130" />
        <source>Drafted items are not deleted: untick them to reject them.</source>
        <translation>起草的事项不删除：不采纳请取消勾选。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/plan_page.py" line="149" />
        <source>Write the deadline as a date such as 2027-03-31.</source>
        <translation>整改时限请写成日期，例如 2027-03-31。</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../src/jianfu/ui/pages/export_page.py" line="76" />
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="41" />
        <source>Results</source>
        <translation>自查结果</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="44" />
        <source>Scores run from 0 to 100; higher means a heavier burden. Click a score to see the answers behind it.</source>
        <translation>得分 0—100，越高表示负担越重。点击某项得分，可查看其背后的作答。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="69" />
        <source>Finding</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="69" />
        <source>Answers behind it</source>
        <translation>作答依据</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="69" />
        <source>Points</source>
        <translation>计分</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="83" />
        <source>{score} points</source>
        <translation>{score} 分</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="89" />
        <source>Overall {score} ({level}). Fingertip work takes about {hours} hours per cadre a month: {parts}.</source>
        <translation>综合得分 {score}（{level}）。每名干部每月用于“指尖”事务约 {hours} 小时，其中{parts}。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/results_page.py" line="111" />
        <source>No burden found</source>
        <translation>未发现明显问题</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="43" />
        <source>Fingertip burden self-assessment</source>
        <translation>基层“指尖减负”自查</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="47" />
        <source>Check how many apps, work groups, duplicate reports, check-ins and meetings weigh on your township, see the four kinds of digital formalism they amount to, and print a rectification plan. Everything is saved on this computer as you type.</source>
        <translation>摸清压在本镇的政务应用、工作群、多头填报、打卡留痕和会议负担，看清它们属于数字形式主义的哪种表现，并打印整改方案。所有内容边填边保存在本机。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="55" />
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="55" />
        <source>Period</source>
        <translation>评估期</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="55" />
        <source>Completion</source>
        <translation>完成度</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="55" />
        <source>Last edit</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="63" />
        <source>No assessment yet. Start one for your township, or look at the sample township first.</source>
        <translation>还没有自查记录。可以为本镇新建自查，也可以先看看示例乡镇。</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="67" />
        <source>Continue</source>
        <translation>继续填写</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="68" />
        <source>Start next period (carry answers over)</source>
        <translation>开始下一期（沿用本期作答）</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="69" />
        <source>New assessment…</source>
        <translation>新建自查…</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/pages/start_page.py" line="70" />
        <source>Open the sample township</source>
        <translation>打开示例乡镇</translation>
    </message>
</context>
<context>
    <name>TableEditor</name>
    <message>
        <location filename="../../src/jianfu/ui/widgets/table_editor.py" line="111" />
        <source>Add row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/table_editor.py" line="112" />
        <source>Duplicate row</source>
        <translation>复制所选行</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/table_editor.py" line="113" />
        <source>Delete row</source>
        <translation>删除所选行</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/table_editor.py" line="152" />
        <source>Double-click to choose</source>
        <translation>双击选择</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <location filename="../../src/jianfu/ui/tasks.py" line="73" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>YesNoEditor</name>
    <message>
        <location filename="../../src/jianfu/ui/widgets/item_row.py" line="57" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../src/jianfu/ui/widgets/item_row.py" line="57" />
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
</TS>