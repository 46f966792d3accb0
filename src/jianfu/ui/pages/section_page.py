"""A wizard page generated from one checklist section."""

from __future__ import annotations

import time
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QScrollArea, QVBoxLayout, QWidget

from jianfu.core.answers import Answer, is_visible, unconfirmed
from jianfu.core.checklist import FieldType, Item, Section
from jianfu.core.choices import DEPARTMENTS, department_choices
from jianfu.core.errors import JianfuError
from jianfu.core.table_rows import required_columns
from jianfu.ui.pages.building import SLICE_MS
from jianfu.ui.session import Session
from jianfu.ui.widgets.department_picker import DepartmentPicker
from jianfu.ui.widgets.item_row import ItemRow
from jianfu.ui.widgets.table_editor import TableEditor


class SectionPage(QScrollArea):
    """The items of one section. Its rows are built in slices (``build_rows``, driven by
    ``building.PageBuilder``); each row shows the open assessment's answer when it is built."""

    def __init__(self, session: Session, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.section = section
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget()
        content.setObjectName("pageContent")
        self.content_layout = layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 12, 16, 16)
        title = QLabel(section.title)
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        if section.description:
            intro = QLabel(section.description)
            intro.setWordWrap(True)
            intro.setObjectName("pageIntro")
            layout.addWidget(intro)
        layout.addWidget(self._confirm_bar())
        self._built: dict[str, ItemRow] = {}  # the rows built so far, by item id
        self.tables: dict[str, TableEditor] = {}
        self._tables_show: dict[str, Answer | None] = {}  # the answer each table shows
        self._to_build = list(section.items)
        self._group: str | None = None
        # each group heading with its items: shown only while one of them is (a heading over
        # questions all hidden by skip logic read as an empty section)
        self._headings: list[tuple[QLabel, list[Item]]] = []
        layout.addStretch()
        self.setWidget(content)
        session.answers_changed.connect(self._answer_changed)
        session.confirmations_changed.connect(self._update_confirm_bar)

    @property
    def complete(self) -> bool:
        return not self._to_build

    @property
    def started(self) -> bool:
        """Some rows are built (the top of the page can be shown)."""
        return bool(self._built)

    @property
    def rows(self) -> dict[str, ItemRow]:
        """Every row of the page by item id: asking finishes building the page (and lays it out,
        as a page built in one go was: its scroll range, the rows' geometry)."""
        if self._to_build:
            self.build_rows(None)
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        return self._built

    def build_rows(self, budget_ms: float | None = SLICE_MS) -> bool:
        """Build the next rows until ``budget_ms`` is spent (None: all); True once all are built."""
        start = time.perf_counter()
        contradictions = self._contradictions() if self._to_build else {}
        while self._to_build:
            self._add_row(self._to_build.pop(0), contradictions)
            if budget_ms is not None and 1000 * (time.perf_counter() - start) >= budget_ms:
                break
        return not self._to_build

    def _add_row(self, item: Item, contradictions: dict[str, str]) -> None:
        session, layout = self.session, self.content_layout
        at = layout.count() - 1  # before the closing stretch
        if item.group and item.group != self._group:
            self._group = item.group
            if item.group != self.section.title:  # the page title already says it
                heading = QLabel(item.group)
                heading.setObjectName("groupTitle")
                layout.insertWidget(at, heading)
                at += 1
                self._headings.append((heading, []))
        if self._headings and item.group == self._group and item.group != self.section.title:
            heading, items = self._headings[-1]
            items.append(item)
            heading.setVisible(any(is_visible(i, session.answers) for i in items))
        body = None
        if item.type is FieldType.TABLE:
            body = TableEditor(
                item,
                save_row=partial(session.save_row, item.id),
                delete_row=partial(session.delete_row, item.id),
                reference_rows=self._rows_of,
                catalogue=self._catalogue_fit(item),
                declare_none=partial(session.declare_none, item.id),
                required=tuple(c.id for c in required_columns(session.checklist, item)),
            )
            self.tables[item.id] = body
        editor = None
        if item.choices_from == DEPARTMENTS:
            editor = DepartmentPicker(item, self._department_choices)
        row = ItemRow(item, partial(session.save_answer, item.id), body, editor=editor)
        row.on_confirm(partial(session.confirm, item.id))
        self._built[item.id] = row
        layout.insertWidget(at, row)
        self._show(item.id, row)
        row.setVisible(is_visible(item, session.answers))  # explicitly: isVisible() holds at once
        row.show_contradiction(contradictions.get(item.id, ""))
        row.ensurePolished()  # styled now, in this slice, not all at once when the page is shown

    def _show(self, item_id: str, row: ItemRow) -> None:
        answer = self.session.answers.get(item_id)
        row.show_answer(answer, carried_over=item_id in self.session.unconfirmed)
        # A table shows exactly what is stored (a refused cell goes back at once), so it is
        # refilled only for another answer object: the session makes a new one on every change.
        if item_id in self.tables and (item_id not in self._tables_show or self._tables_show[item_id] is not answer):
            self.tables[item_id].show_rows(answer.value if answer else None)
            self.tables[item_id].show_none(bool(answer and answer.declared_none))
            self._tables_show[item_id] = answer

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Rows built while the page was hidden did not reach the scroll area (Qt sends no layout
        # request to a hidden parent): its range and the content's height are brought up to date.
        QCoreApplication.sendEvent(self, QEvent(QEvent.Type.LayoutRequest))

    def _confirm_bar(self) -> QFrame:
        """Next period: every answer of the page still holds, confirmed with one click."""
        self.confirm_bar = QFrame()
        self.confirm_bar.setObjectName("confirmBar")
        bar = QHBoxLayout(self.confirm_bar)
        bar.setContentsMargins(8, 6, 8, 6)
        self.confirm_text = QLabel()
        self.confirm_text.setWordWrap(True)
        self.confirm_all_button = QPushButton(self.tr("All on this page still true"))
        self.confirm_all_button.setToolTip(
            self.tr(
                "Every answer on this page carried over from last period still holds; change any that does not first"
            )
        )
        self.confirm_all_button.clicked.connect(self.confirm_all)
        bar.addWidget(self.confirm_text, 1)
        bar.addWidget(self.confirm_all_button)
        self.confirm_bar.setVisible(False)
        return self.confirm_bar

    def carried_over(self) -> list[str]:
        """This page's asked items whose answer is carried over from last period and not yet
        confirmed or changed. Hidden ones are left to confirm: shown later (another answer
        changed), they must not pass as looked at."""
        return unconfirmed(self.session.checklist, self.session.answers, self.section.id)

    def confirm_all(self) -> None:
        self.flush()  # a value being typed is saved (and so confirmed) first
        confirmed = self.carried_over()
        try:
            self.session.confirm_all(confirmed)
        except JianfuError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), str(exc))
            return
        for item_id in confirmed:  # hidden ones stay marked, to confirm once they are asked
            if item_id in self._built:
                self._built[item_id].set_carried_over(False)
        self._update_confirm_bar()

    def _update_confirm_bar(self) -> None:
        count = len(self.carried_over())
        self.confirm_bar.setVisible(count > 0)
        self.confirm_text.setText(
            self.tr(
                "{count} answers on this page are carried over from last period. Change what no longer holds."
            ).format(count=count)
        )

    def _department_choices(self) -> list[str]:
        """Departments entered anywhere in the assessment, then those of a catalogue opened here."""
        catalogue = [
            entry.department
            for table in self.tables.values()
            for entry in getattr(getattr(table, "catalogue_dialog", None), "entries", [])
        ]
        return department_choices(self.session.checklist, self.session.answers, catalogue)

    def _catalogue_fit(self, item: Item) -> Any:
        """For the app inventory: county catalogue entries as this assessment's checklist version lists them."""
        if item.id != "apps.inventory":
            return None

        def fit(entries: list[Any]) -> Any:
            from jianfu.exchange.catalogue import fit_catalogue  # (not needed to paint the first page)

            checklist, library = self.session.checklist, self.session.library
            versions = [library.get(checklist.id, v) for v in library.versions(checklist.id)]
            return fit_catalogue(entries, checklist, versions)

        return fit

    def _rows_of(self, table_id: str) -> list[dict[str, Any]]:
        answer = self.session.answers.get(table_id)
        return list(answer.value or []) if answer else []

    def load(self) -> None:
        """Show the open assessment's answers (rows built later show them when built)."""
        for item_id, row in self._built.items():
            self._show(item_id, row)
        self.update_visibility()
        self._update_confirm_bar()
        self._show_contradictions()

    def _contradictions(self) -> dict[str, str]:
        """This page's answers that contradict others, by item id, with why (in Chinese)."""
        from jianfu.core.consistency import inconsistencies

        found: dict[str, list[str]] = {}
        for inconsistency in inconsistencies(self.session.checklist, self.session.answers):
            about = inconsistency.check.about
            if self.session.checklist.item(about).section_id == self.section.id:
                found.setdefault(about, []).append(inconsistency.check.message)
        return {
            item_id: self.tr("Contradicts another answer: {reasons}").format(reasons="；".join(messages))
            for item_id, messages in found.items()
        }

    def _show_contradictions(self) -> None:
        shown = self._contradictions()
        for item_id, row in self._built.items():
            row.show_contradiction(shown.get(item_id, ""))

    def update_visibility(self) -> None:
        answers = self.session.answers
        for item in self.section.items:
            row = self._built.get(item.id)
            if row is not None:
                row.setVisible(is_visible(item, answers))
        for heading, items in self._headings:
            heading.setVisible(any(is_visible(i, answers) for i in items))

    def flush(self) -> None:
        for row in self._built.values():  # rows not built yet hold no edit
            row.flush()

    def _answer_changed(self, item_id: str) -> None:
        if self.session.checklist.has_item(item_id):
            self.update_visibility()
            self._update_confirm_bar()  # an unconfirmed answer may be asked again, or no longer
            self._show_contradictions()  # an answer on another page may contradict one here

    def focus_item(self, item_id: str) -> None:
        """Scroll to an item and put the cursor in it (from the results page's list of what is
        still to answer)."""
        row = self.rows.get(item_id)
        if row is None or not row.isVisible():
            return
        self.ensureWidgetVisible(row, 0, 40)
        from jianfu.ui.widgets.focus import focus_first_field

        focus_first_field(row)

    def first_unanswered(self) -> ItemRow | None:
        answers = self.session.answers
        for item in self.section.items:
            answer = answers.get(item.id, Answer())
            if self.rows[item.id].isVisible() and not answer.is_answered:
                return self.rows[item.id]
        return None
