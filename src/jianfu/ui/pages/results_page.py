"""Results: the four scores with levels, the radar chart, fingertip hours, and the findings.

Clicking a score shows the answers behind it. The page renders ``core.explanation`` (the same
object the county drill-down and the printed plan use), the level bands, and the completeness
counts: an incomplete assessment shows its scores but no level.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jianfu.core.explanation import Explanation, explain
from jianfu.core.plan import local_wording
from jianfu.core.scoring import ScoreResult
from jianfu.core.wizard import items_by_page
from jianfu.core.wording import official_spacing
from jianfu.ui.session import Session
from jianfu.ui.widgets.carried_notice import CarriedNotice
from jianfu.ui.widgets.radar import RadarChart

LEVEL_COLOURS = {
    "low": "#2e7d32",
    "moderate": "#f9a825",
    "high": "#ef6c00",
    "severe": "#b71c1c",
    "incomplete": "#757575",
}


SHOWN_PER_PAGE = 4  # items named per page in "where to answer"; the rest are counted


class _WrappingDelegate(QStyledItemDelegate):
    """A finding and its answers wrap at their column's width: a tree asks its rows' heights
    without a width, so every line was one line, elided ("…拍照、上传、写…")."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if not index.parent().isValid():  # a heading: spans the row on one line (in full as its tooltip)
            return size
        width = self.tree.header().sectionSize(index.column()) - 8  # the cell's margins
        if index.column() == 0:
            width -= 2 * self.tree.indentation()  # a finding sits one level in, past the branch mark
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        flags = int(Qt.TextFlag.TextWordWrap.value)
        high = option.fontMetrics.boundingRect(0, 0, max(width, 40), 100_000, flags, text).height() + 4
        return QSize(size.width(), max(size.height(), high))


class ResultsPage(QScrollArea):
    page_requested = Signal(str)  # a wizard page to show (the first with answers to confirm)
    item_requested = Signal(str)  # an item id: take the cadre to it

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.result: ScoreResult | None = None
        self.explanation: Explanation | None = None
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
        self.completeness = QLabel()
        self.completeness.setObjectName("completeness")
        self.completeness.setWordWrap(True)
        layout.addWidget(self.completeness)
        self.carried = CarriedNotice(self.tr("Go to the first page to confirm"))
        self.carried.go.connect(self._to_first_page_to_confirm)
        layout.addWidget(self.carried)
        self.where = QLabel()  # which items keep the level back, each a link to it
        self.where.setObjectName("incompleteItems")
        self.where.setWordWrap(True)
        self.where.setTextFormat(Qt.TextFormat.RichText)
        self.where.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.where.linkActivated.connect(self.item_requested.emit)
        layout.addWidget(self.where)
        bands_row = QHBoxLayout()
        self.bands = QLabel()
        self.bands.setObjectName("levelBands")
        self.bands.setWordWrap(True)
        bands_row.addWidget(self.bands, 1)
        self.method_button = QPushButton(self.tr("How scores are computed"))
        self.method_button.clicked.connect(self.show_method)
        bands_row.addWidget(self.method_button)
        layout.addLayout(bands_row)
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
        # Finding and answers share the width, the points as wide as they are: fixed widths of
        # 420 and 360 pushed the points behind a sideways scroll bar at 1024 pixels.
        header = self.findings.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.findings.setItemDelegate(_WrappingDelegate(self.findings))
        # Wrapped rows take the height of the new widths (the tree keeps the first ones): once per pass.
        self._relayout = QTimer(self, singleShot=True, interval=0)
        self._relayout.timeout.connect(self.findings.doItemsLayout)
        header.sectionResized.connect(lambda *_: self._relayout.start())
        layout.addWidget(self.findings, 1)
        self.setWidget(content)

    def load(self) -> None:
        self.result, _ = self.session.rescore()
        r = self.result
        self.explanation = explain(self.session.checklist, r, self.session.answers)
        done = r.completeness
        counts = self.tr(
            "Answered {answered}; not applicable {na} (not accepted: {na_bare}); required but unanswered {missing}."
        ).format(
            answered=done.answered,
            na=done.not_applicable,
            na_bare=done.not_applicable_without_reason,
            missing=done.required_missing,
        )
        # carried over and unconfirmed only: the notice below says why there is no level
        only_carried = bool(done.unconfirmed) and len(done.incomplete_reasons()) == 1
        # everything answered, but answers contradict: say that, not "answer every required item"
        only_contradicted = bool(done.inconsistent) and len(done.incomplete_reasons()) == 1
        if done.complete or only_carried:
            self.completeness.setText(counts)
        elif only_contradicted:
            self.completeness.setText(
                self.tr(
                    "Incomplete: every required item is answered, but some answers contradict each other (listed "
                    "below, and shown under the answer on its page). Scores are shown but no level until one side "
                    "of each is corrected. {counts}"
                ).format(counts=counts)
            )
        else:
            self.completeness.setText(
                self.tr(
                    "Incomplete: scores are shown but no level until every required item is answered, and "
                    "answered as the checklist allows. {counts}"
                ).format(counts=counts)
            )
        flags = list(done.inconsistent)  # core names the table and what contradicts its "none"
        if done.table_not_applicable:
            flags.append(
                self.tr(
                    "{count} tables are marked 'not applicable' the old way: tick their 'none' answer or fill them in."
                ).format(count=len(done.table_not_applicable))
            )
        if flags:
            self.completeness.setText("\n".join([self.completeness.text(), *flags]))
        self.completeness.setStyleSheet("" if done.complete or only_carried else "color: #b71c1c;")
        self.carried.show_count(done.unconfirmed, done.unconfirmed_pages)
        self._show_where(
            done.missing_items, done.unexplained_items, done.withdrawn_not_applicable, done.inconsistent_items
        )
        bands = self.tr("Levels: {bands}").format(
            bands="　".join(
                f"{label}{start:.0f}—{below:.0f}" for _, label, start, below in self.explanation.level_bands
            )
        )
        answered_on, latest = self.session.checklist.version, self.session.library.latest().version
        if answered_on != latest:  # the county carries it to the latest version and scores it there
            bands += "\n" + self.tr(
                "Scored on checklist version {old}, as answered; the county scores the exported file on "
                "version {latest}, so its figures may differ. Start the next period to answer version {latest}."
            ).format(old=answered_on, latest=latest)
        self.bands.setText(bands)
        for m in r.manifestations.values():
            card = self.cards[m.id]
            points = self.tr("{score} points").format(score=f"{m.score:.1f}")
            if not m.assessed:  # nothing it reads is answered: 0.0 would read as "no burden"
                points = self.tr("not yet assessed")
            card.setText(f"{m.name}\n{points} · {m.level_label}")
            card.setStyleSheet(
                f"QPushButton#scoreCard {{ border-left: 6px solid {LEVEL_COLOURS.get(m.level, '#999')}; }}"
            )
        breakdown = "、".join(
            f"{t.label}{r.fingertip_breakdown.get(t.id, 0):.1f}" for t in self.session.checklist.fingertip_terms
        )
        self.overall.setText(self._overall_text(r, breakdown))
        self.radar.set_scores(
            [m.name for m in r.manifestations.values()],
            [m.score if m.assessed else None for m in r.manifestations.values()],
        )
        self.show_details(None)

    def _overall_text(self, r: ScoreResult, breakdown: str) -> str:
        if not r.assessed:  # nothing scoring reads is answered: no 0.0, no 0 hours
            return self.tr(
                "Overall: not yet assessed. Nothing that the scores and the fingertip hours are worked out "
                "from is answered yet."
            )
        if r.hours_implausible:  # a slip somewhere: the sum is no measure of a burden
            return self.tr(
                "Overall {score} ({level}). The fingertip hours add up to {hours} hours per cadre a month, more "
                "than the whole working month: they cannot all be true. Check the times entered ({parts}); "
                "no level is given until then."
            ).format(
                score=f"{r.overall:.1f}",
                level=r.overall_level_label,
                hours=f"{r.fingertip_hours_per_cadre_month:.1f}",
                parts=breakdown,
            )
        text = self.tr(
            "Overall {score} ({level}). Fingertip work takes about {hours} hours per cadre a month: {parts}."
        ).format(
            score=f"{r.overall:.1f}",
            level=r.overall_level_label,
            hours=f"{r.fingertip_hours_per_cadre_month:.1f}",
            parts=breakdown,
        )
        if r.raised_by is not None and r.complete:  # say why the level is above the mean's
            text += " " + self.tr(
                "The overall level is raised by the fingertip hours: {hours} hours per cadre a month reach "
                "{floor} hours ({note}), from which the overall is at least {level}, however low the mean "
                "of the four scores."
            ).format(
                hours=f"{r.fingertip_hours_per_cadre_month:.1f}",
                floor=f"{r.raised_by.hours:g}",
                note=r.raised_by.note,
                level=r.overall_level_label,
            )
        if r.lifted_by is not None and r.complete:  # the overall is at most one level below the worst
            worst = r.manifestations[r.lifted_by]
            text += " " + self.tr(
                "The overall level is raised by the worst manifestation: {name} is {worst}, and the overall is "
                "at most one level below it, so {level}, however low the mean of the four scores."
            ).format(name=worst.name, worst=worst.level_label, level=r.overall_level_label)
        for m in r.manifestations.values():  # each manifestation its own time lifted (manifestation_floor)
            if m.raised_by is not None and r.complete:
                text += " " + self.tr(
                    "{name} is raised by its own fingertip hours: {hours} hours per cadre a month reach {floor} "
                    "hours ({note}), from which it is at least {level}, however low its score."
                ).format(
                    name=m.name,
                    hours=f"{m.own_hours:.1f}",
                    floor=f"{m.raised_by.hours:g}",
                    note=m.raised_by.note,
                    level=m.level_label,
                )
        if r.not_assessed:  # the overall is their mean: it is low by as much as they are missing
            text += " " + self.tr(
                "{names}: not yet assessed; counted as 0 in the overall until answered, so the overall is too low."
            ).format(names="、".join(r.not_assessed))
        return text

    def _to_first_page_to_confirm(self) -> None:
        from jianfu.core.wizard import first_page_to_confirm

        page = first_page_to_confirm(self.session.checklist, self.session.answers)
        if page is not None:
            self.page_requested.emit(page)

    def _show_where(
        self,
        missing: tuple[str, ...],
        unexplained: tuple[str, ...],
        withdrawn: tuple[str, ...] = (),
        contradicted: tuple[str, ...] = (),
    ) -> None:
        """Name the items behind "incomplete", page by page, so the cadre need not hunt for them."""
        lines = []
        for heading, ids in (
            (self.tr("Still to answer:"), missing),
            (self.tr("Marked 'not applicable' without a real reason in the note:"), unexplained),
            # an old, carried or imported 不适用 where this checklist no longer offers it
            (self.tr("Marked 'not applicable', which is no longer offered there: untick it and answer:"), withdrawn),
            (self.tr("Answers that contradict each other (see above):"), contradicted),
        ):
            grouped = items_by_page(self.session.checklist, ids)
            if grouped:
                lines.append(escape(heading))
            for page, items in grouped:
                links = "、".join(
                    f'<a href="{escape(item.id)}">{escape(_short(item.label))}</a>' for item in items[:SHOWN_PER_PAGE]
                )
                if len(items) > SHOWN_PER_PAGE:
                    links += escape(self.tr(" and {count} more").format(count=len(items) - SHOWN_PER_PAGE))
                lines.append(f"　· {escape(page.title)}：{links}")
        self.where.setText("<br>".join(lines))
        self.where.setVisible(bool(lines))

    def show_details(self, manifestation_id: str | None) -> None:
        """All findings, or only those behind one manifestation's score."""
        assert self.explanation is not None
        for key, card in self.cards.items():
            card.setChecked(key == manifestation_id)
        self.findings.clear()
        for m in self.explanation.manifestations:
            if manifestation_id not in (None, m.id):
                continue
            heading = f"{m.name}：{m.score:.1f}（{m.level_label}）"
            if not m.assessable:
                heading = f"{m.name}：{self.tr('not yet assessed')}"
            if len(m.by_area) > 1:  # fed by several pages: say which, worded in core.explanation
                heading += "　" + m.sources_text()
            parent = QTreeWidgetItem([heading, "", ""])
            parent.setToolTip(0, heading)
            self.findings.addTopLevelItem(parent)
            parent.setFirstColumnSpanned(True)  # takes effect only once the item is in the tree
            if not m.findings:
                parent.addChild(QTreeWidgetItem([m.empty_text(), "", ""]))  # worded in core.explanation
            township = self.session.assessment.township.name if self.session.assessment else ""
            for finding in m.findings:  # the checklist's wording (本镇), in the township's own word and our numerals
                evidence = "\n".join(official_spacing(local_wording(e, township)) for e in finding.evidence)
                if finding.also_in:
                    evidence += "\n" + self.tr("Also counted in: {names}").format(names="、".join(finding.also_in))
                problem = official_spacing(local_wording(finding.problem, township))
                child = QTreeWidgetItem([problem, evidence, f"{finding.points:.1f}"])
                child.setToolTip(0, problem)
                child.setToolTip(1, evidence)
                child.setTextAlignment(2, Qt.AlignmentFlag.AlignRight)
                parent.addChild(child)
            parent.setExpanded(True)

    def show_method(self) -> None:
        """The one-page scoring method shipped with the checklist."""
        from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser

        from jianfu.core.method import method_text

        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("How scores are computed"))
        dialog.resize(760, 600)
        layout = QVBoxLayout(dialog)
        browser = QTextBrowser()
        browser.setMarkdown(method_text(self.session.checklist))
        layout.addWidget(browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        dialog.exec()


def _short(label: str, limit: int = 24) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
