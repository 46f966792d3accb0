"""Results: the four scores with levels, the radar chart, fingertip hours, and the findings.

Clicking a score shows the answers behind it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jianfu.core.describe import answer_text
from jianfu.core.plan import problem_text
from jianfu.core.scoring import ScoreResult
from jianfu.ui.session import Session
from jianfu.ui.widgets.radar import RadarChart

LEVEL_COLOURS = {"low": "#2e7d32", "moderate": "#f9a825", "high": "#ef6c00", "severe": "#b71c1c"}


class ResultsPage(QScrollArea):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.result: ScoreResult | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 12, 16, 16)
        title = QLabel(self.tr("Results"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        intro = QLabel(
            self.tr(
                "Scores run from 0 to 100; higher means a heavier burden. Click a score to see the answers behind it."
            )
        )
        intro.setObjectName("pageIntro")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        top = QHBoxLayout()
        cards = QGridLayout()
        self.cards: dict[str, QPushButton] = {}
        for index, manifestation in enumerate(session.checklist.manifestations):
            card = QPushButton()
            card.setObjectName("scoreCard")
            card.setCheckable(True)
            card.setMinimumHeight(64)
            card.clicked.connect(lambda _c, m=manifestation.id: self.show_details(m))
            self.cards[manifestation.id] = card
            cards.addWidget(card, index // 2, index % 2)
        self.overall = QLabel()
        self.overall.setObjectName("overallScore")
        self.overall.setWordWrap(True)
        cards.addWidget(self.overall, 2, 0, 1, 2)
        top.addLayout(cards, 3)
        self.radar = RadarChart()
        top.addWidget(self.radar, 2)
        layout.addLayout(top)
        self.findings = QTreeWidget()
        self.findings.setHeaderLabels([self.tr("Finding"), self.tr("Answers behind it"), self.tr("Points")])
        self.findings.setWordWrap(True)
        self.findings.setUniformRowHeights(False)
        self.findings.setMinimumHeight(260)
        self.findings.setColumnWidth(0, 420)
        self.findings.setColumnWidth(1, 360)
        layout.addWidget(self.findings, 1)
        self.setWidget(content)

    def load(self) -> None:
        self.result, _ = self.session.rescore()
        r = self.result
        for m in r.manifestations.values():
            card = self.cards[m.id]
            points = self.tr("{score} points").format(score=f"{m.score:.1f}")
            card.setText(f"{m.name}\n{points} · {m.level_label}")
            card.setStyleSheet(
                f"QPushButton#scoreCard {{ border-left: 6px solid {LEVEL_COLOURS.get(m.level, '#999')}; }}"
            )
        breakdown = "、".join(
            f"{t.label} {r.fingertip_breakdown.get(t.id, 0):.1f}" for t in self.session.checklist.fingertip_terms
        )
        self.overall.setText(
            self.tr(
                "Overall {score} ({level}). Fingertip work takes about {hours} hours per cadre a month: {parts}."
            ).format(
                score=f"{r.overall:.1f}",
                level=r.overall_level_label,
                hours=f"{r.fingertip_hours_per_cadre_month:.1f}",
                parts=breakdown,
            )
        )
        self.radar.set_scores([m.name for m in r.manifestations.values()], [m.score for m in r.manifestations.values()])
        self.show_details(None)

    def show_details(self, manifestation_id: str | None) -> None:
        """All findings, or only those behind one manifestation's score."""
        assert self.result is not None
        for key, card in self.cards.items():
            card.setChecked(key == manifestation_id)
        self.findings.clear()
        checklist, answers = self.session.checklist, self.session.answers
        hits = {hit.rule.id: hit for hit in self.result.hits}
        for m in self.result.manifestations.values():
            if manifestation_id not in (None, m.id):
                continue
            parent = QTreeWidgetItem([f"{m.name}：{m.score:.1f}（{m.level_label}）", "", ""])
            parent.setFirstColumnSpanned(True)
            self.findings.addTopLevelItem(parent)
            if not m.contributions:
                parent.addChild(QTreeWidgetItem([self.tr("No burden found"), "", ""]))
            for contribution in m.contributions:
                hit = hits[contribution.rule_id]
                evidence = "；".join(
                    f"{checklist.item(i).label}：{answer_text(checklist.item(i), answers.get(i))}"
                    for i in contribution.item_ids
                )
                child = QTreeWidgetItem([problem_text(hit), evidence, f"{contribution.points:.1f}"])
                child.setToolTip(0, problem_text(hit))
                child.setToolTip(1, evidence)
                child.setTextAlignment(2, Qt.AlignmentFlag.AlignRight)
                parent.addChild(child)
            parent.setExpanded(True)
