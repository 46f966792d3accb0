"""One township's assessment, read-only: scores and findings, answers, plan."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jianfu.core.assessed import score_and_level
from jianfu.core.assessment import Assessment
from jianfu.core.checklist import Checklist, Handling
from jianfu.core.consistency import to_verify
from jianfu.core.describe import answer_text
from jianfu.core.explanation import explain
from jianfu.core.not_applicable import not_applicable_entries
from jianfu.core.plan import local_wording
from jianfu.core.plan_text import as_read_anywhere
from jianfu.core.scoring import score_assessment
from jianfu.core.wording import official_spacing
from jianfu.ui.widgets.radar import RadarChart

PLAN_TABLE_WIDTH = 920  # the dialog's 1000 pixels less margins, row numbers and scroll bar


class DrilldownDialog(QDialog):
    def __init__(self, assessment: Assessment, checklist: Checklist, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        a = assessment
        self.setWindowTitle(
            self.tr("{township} · {period} (read-only)").format(township=a.township.name, period=a.period.label)
        )
        self.resize(1000, 680)
        layout = QVBoxLayout(self)
        result = score_assessment(checklist, a.answers)
        hours = (
            self.tr("Fingertip hours per cadre a month: {hours}").format(
                hours=f"{result.fingertip_hours_per_cadre_month:.1f}"
            )
            if result.assessed
            else self.tr("Fingertip hours per cadre a month: not yet assessed")
        )
        overall = (
            self.tr("Overall") + "：" + score_and_level(result.overall, result.overall_level_label, result.assessed)
        )
        self.summary = summary = QLabel(
            "　".join(
                f"{m.name}：{score_and_level(m.score, m.level_label, m.assessed)}"
                for m in result.manifestations.values()
            )
            + "　"
            + overall  # as in the overview's 综合 column the inspector came from
            + "\n"  # the counts on a line of their own: wrapped after the scores they broke mid-word
            + result.completeness.summary()
            + "　"
            + hours
        )
        summary.setWordWrap(True)
        layout.addWidget(summary)
        checks = [local_wording(text, a.township.name) for text in to_verify(checklist, a.answers)]
        self.to_verify = QLabel(self.tr("To verify: {notes}").format(notes="；".join(checks)))
        self.to_verify.setWordWrap(True)
        self.to_verify.setObjectName("toVerify")
        self.to_verify.setVisible(bool(checks))
        layout.addWidget(self.to_verify)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)

        scores = QWidget()
        scores_layout = QVBoxLayout(scores)
        radar = RadarChart()
        radar.set_scores(
            [m.name for m in result.manifestations.values()],
            [m.score if m.assessed else None for m in result.manifestations.values()],
        )
        radar.setMaximumHeight(240)
        scores_layout.addWidget(radar)
        findings = QTreeWidget()
        findings.setHeaderLabels([self.tr("Finding"), self.tr("Answers behind it"), self.tr("Points")])
        for m in explain(checklist, result, a.answers).manifestations:
            parent_item = QTreeWidgetItem(
                [f"{m.name}：{score_and_level(m.score, m.level_label, m.assessable)}", "", ""]
            )
            findings.addTopLevelItem(parent_item)
            for finding in m.findings:
                # the checklist's wording, in our numerals (core/wording.py), as on the results page,
                # and in the township's own word for itself (本街道, not the checklist's 本镇)
                problem = local_wording(official_spacing(finding.problem), a.township.name)
                evidence = "\n".join(local_wording(official_spacing(e), a.township.name) for e in finding.evidence)
                child = QTreeWidgetItem([problem, evidence, f"{finding.points:.1f}"])
                child.setToolTip(0, problem)  # in full where the column elides it
                child.setToolTip(1, evidence)
                parent_item.addChild(child)
            parent_item.setExpanded(True)
        findings.setColumnWidth(0, 480)
        findings.setColumnWidth(1, 360)
        scores_layout.addWidget(findings)
        self.tabs.addTab(scores, self.tr("Scores and findings"))

        answers = QTreeWidget()
        answers.setHeaderLabels([self.tr("Item"), self.tr("Answer"), self.tr("Note")])
        for section in checklist.sections:
            section_item = QTreeWidgetItem([section.title, "", ""])
            answers.addTopLevelItem(section_item)
            for item in section.items:
                answer = a.answers.get(item.id)
                label = local_wording(item.label, a.township.name)  # 本街道在岗干部人数, as it was asked
                child = QTreeWidgetItem([label, answer_text(item, answer), answer.note if answer else ""])
                for column in range(3):
                    child.setToolTip(column, child.text(column))
                section_item.addChild(child)
        answers.expandAll()
        answers.setColumnWidth(0, 480)
        answers.setColumnWidth(1, 300)
        self.tabs.addTab(answers, self.tr("Answers"))

        self.plan = plan = QTableWidget(len(a.plan), 7)
        plan.setHorizontalHeaderLabels(
            [
                self.tr("Problem"),
                self.tr("Measure"),
                self.tr("Who acts"),
                self.tr("County departments"),
                self.tr("Responsible person"),
                self.tr("Deadline"),
                self.tr("Accepted"),
            ]
        )
        for row, entry in enumerate(a.plan):
            values = [
                # the township's words in the documents' numerals, as its printed plan shows them
                as_read_anywhere(entry.problem, a.township.name),
                as_read_anywhere(entry.measure, a.township.name),
                self.tr("Ask the county") if entry.handling is Handling.ESCALATE else self.tr("Township fixes it"),
                entry.department,
                entry.responsible_person,
                entry.deadline,
                self.tr("No") if entry.rejected else self.tr("Yes"),
            ]
            for column, text in enumerate(values):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                plan.setItem(row, column, cell)
        plan.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        plan.setWordWrap(True)  # the inspector reads each problem and measure in full, as printed
        # Problem and measure share what the short columns leave: every column on screen in the
        # 1000-pixel dialog (责任人 and 整改时限 were past its edge), rows as tall as their text.
        for column in (2, 4, 5, 6):
            plan.resizeColumnToContents(column)
        plan.setColumnWidth(3, plan.fontMetrics().horizontalAdvance("县人力资源社会保障局") + 12)
        left = PLAN_TABLE_WIDTH - sum(plan.columnWidth(c) for c in range(2, 7))
        plan.setColumnWidth(0, max(200, left * 9 // 20))
        plan.setColumnWidth(1, max(220, left - left * 9 // 20))
        plan.horizontalHeader().setStretchLastSection(True)
        plan.resizeRowsToContents()
        self.tabs.addTab(plan, self.tr("Rectification plan"))
        self.tabs.addTab(self._not_applicable_tab(a, checklist), self.tr("Not applicable"))

    def _not_applicable_tab(self, a: Assessment, checklist: Checklist) -> QWidget:
        """Every 不适用 with its reason and whether it counts, so that the county can check them."""
        entries = not_applicable_entries(checklist, a.answers)
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(
            self.tr("Items the township marked 'not applicable', with the reason it gave. {count} in all.").format(
                count=len(entries)
            )
            if entries
            else self.tr("No item is marked 'not applicable'.")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        table = QTableWidget(len(entries), 4)
        table.setObjectName("notApplicable")
        table.setHorizontalHeaderLabels([self.tr("Page"), self.tr("Item"), self.tr("Reason given"), self.tr("Counted")])
        for row, entry in enumerate(entries):
            for column, text in enumerate((entry.section, entry.label, entry.reason or "—", entry.status)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                table.setItem(row, column, cell)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        table.setColumnWidth(0, 100)
        table.setColumnWidth(1, 340)
        table.setColumnWidth(2, 260)
        table.horizontalHeader().setStretchLastSection(True)
        table.resizeRowsToContents()
        layout.addWidget(table, 1)
        return page
