"""The county window's 签名与待确认 tab: which key each township signs with, the files held
because another key (or no key) sent them, and confirming a new key after a phone call."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jianfu.core import file_names
from jianfu.services.county import CountyService, HeldFile

ID_ROLE = Qt.ItemDataRole.UserRole


class SignersPanel(QWidget):
    """Signer fingerprints per township and the 待确认 files, with confirm and discard."""

    changed = Signal()  # a held file was applied or discarded: the county views must refresh
    held_count = Signal(int)

    def __init__(self, county: CountyService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.county = county
        self.panel_layout = layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Each township is bound to the signing key of the first file the county received from it. "
                "A signature shows which computer sent a file and that nobody changed it on the way; it does "
                "not show that the answers are true. A file signed by another key, or unsigned once a key is "
                "known, waits here and changes nothing until you confirm it."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.held_box = held_box = QGroupBox(self.tr("Files to confirm"))
        held_layout = QVBoxLayout(held_box)
        self.held = self._table(
            [
                self.tr("Township"),
                self.tr("Division code"),
                self.tr("Period"),
                self.tr("File"),
                self.tr("Known key"),
                self.tr("Key of this file"),
                self.tr("Why it waits"),
            ]
        )
        self.held.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        held_layout.addWidget(self.held)
        how = QLabel(
            self.tr(
                "To confirm a new key: phone the township (using a number you already have, not one in the file), "
                "ask the cadre to read out the fingerprint shown after exporting (or by the command "
                "“jianfu verify”), and compare it group by group with “Key of this file”. Confirm only if they match."
            )
        )
        how.setWordWrap(True)
        held_layout.addWidget(how)
        buttons = QHBoxLayout()
        self.confirm_button = QPushButton(self.tr("Confirm the new key and apply…"))
        self.discard_button = QPushButton(self.tr("Do not apply (delete this file)…"))
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.discard_button.clicked.connect(self.discard_selected)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.discard_button)
        buttons.addStretch()
        held_layout.addLayout(buttons)
        layout.addWidget(held_box, 1)

        signers_box = QGroupBox(self.tr("Known signing keys"))
        signers_layout = QVBoxLayout(signers_box)
        # One line a township: 10,000 at a prefecture. A model, not an item per cell: a table
        # widget sizing its columns to 50,000 items, item by item, took minutes on every refresh.
        self.signers_model = TextRowsModel(
            [
                self.tr("Division code"),
                self.tr("Township"),
                self.tr("Key fingerprint"),
                self.tr("First received"),
                self.tr("New key confirmed"),
            ]
        )
        self.signers = QTableView()
        self.signers.setModel(self.signers_model)
        _set_up(self.signers)
        # Sized once a fill from the first rows, not measured over 10,000 rows at every layout.
        self.signers.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.signers.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.signers.horizontalHeader().setResizeContentsPrecision(200)
        self._signers_read: tuple[int, int] | None = None  # the database as the list was read
        signers_layout.addWidget(self.signers)
        layout.addWidget(signers_box, 1)
        self.held.itemSelectionChanged.connect(self._update_buttons)
        self.refresh()

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        _set_up(table)
        return table

    def refresh(self) -> None:
        held = self.county.held_files()
        self.held.setRowCount(len(held))
        for row, h in enumerate(held):
            values = [
                h.township,
                h.division_code,
                _period_label(h.period),
                h.file_name,
                h.known_fingerprint or self.tr("(none)"),
                h.fingerprint or self.tr("(unsigned)"),
                h.reason,
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(ID_ROLE, h.id)
                item.setToolTip(value)
                self.held.setItem(row, column, item)
        # no file waiting: the empty table shrinks to a few lines, the known keys take the room
        rows = max(len(held), 2)
        self.held.setMaximumHeight(
            self.held.horizontalHeader().sizeHint().height()
            + rows * self.held.verticalHeader().defaultSectionSize()
            + 2 * self.held.frameWidth()
            if len(held) < 6
            else 16777215
        )
        self.panel_layout.setStretchFactor(self.held_box, 1 if len(held) >= 6 else 0)
        if self.isVisible():  # else read when the tab is opened (a line per township: 10,000)
            self.fill_signers()
        self._update_buttons()
        self.held_count.emit(len(held))

    def fill_signers(self) -> None:
        """The known keys, a line per township, read again if the database changed since (they
        belong to no period: choosing another period does not change them)."""
        generation = self.county.data_generation()
        if generation == self._signers_read:
            return
        rows: list[tuple[str, ...]] = [
            (s.division_code, s.township, s.fingerprint, _day_time(s.first_seen), _day_time(s.confirmed_at))
            for s in self.county.signers()
        ]
        rows += [(code, name, self.tr("(unsigned)"), "", "") for code, name in self.county.unsigned_townships()]
        rows.sort()
        self._signers_read = generation
        if rows != self.signers_model.rows:  # unchanged on most refreshes: the view keeps its place
            self.signers_model.set_rows(rows)
            self.signers.resizeColumnsToContents()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fill_signers()

    def _selected(self) -> HeldFile | None:
        row = self.held.currentRow()
        item = self.held.item(row, 0) if row >= 0 else None
        if item is None:
            return None
        wanted = int(item.data(ID_ROLE))
        return next((h for h in self.county.held_files() if h.id == wanted), None)

    def _update_buttons(self) -> None:
        selected = bool(self.held.selectedItems())
        self.confirm_button.setEnabled(selected)
        self.discard_button.setEnabled(selected)

    def confirm_selected(self) -> None:
        held = self._selected()
        if held is None:
            return
        if held.fingerprint:
            question = self.tr(
                "Apply this file for {township} ({code}) and accept its key from now on?\n\n"
                "Fingerprint to compare on the phone: {fingerprint}\n\n"
                "Files signed by the old key {old} will then wait here instead."
            ).format(
                township=held.township,
                code=held.division_code,
                fingerprint=held.fingerprint,
                old=held.known_fingerprint,
            )
        else:
            question = self.tr(
                "Apply this unsigned file for {township} ({code})? Only do so after the township has confirmed "
                "by phone that it sent it."
            ).format(township=held.township, code=held.division_code)
        self._ask(QMessageBox.Icon.Question, self.tr("Confirm the new key"), question, lambda: self._confirmed(held.id))

    def _ask(self, icon: QMessageBox.Icon, title: str, text: str, on_yes: Callable[[], None]) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.buttonClicked.connect(lambda button: on_yes() if button is yes else None)
        box.open()
        self.question = box  # kept alive while open; tests answer it

    def _confirmed(self, held_id: int) -> None:
        from jianfu.core.errors import JianfuError

        try:
            self.county.confirm_held(held_id)
        except JianfuError as exc:  # e.g. the file no longer passes this version's reader
            QMessageBox.warning(self, self.tr("Could not apply the file"), str(exc))
        self.refresh()
        self.changed.emit()

    def discard_selected(self) -> None:
        held = self._selected()
        if held is None:
            return
        self._ask(
            QMessageBox.Icon.Warning,
            self.tr("Do not apply"),
            self.tr("Delete the held file “{name}” for {township}? Nothing else changes.").format(
                name=held.file_name, township=held.township
            ),
            lambda: self._discarded(held.id),
        )

    def _discarded(self, held_id: int) -> None:
        self.county.discard_held(held_id)
        self.refresh()
        self.changed.emit()


def import_details(summary: Any) -> str:
    """The import dialog's details: every file that was not simply imported, and why."""
    lines = [f"{path.name}：{reason}" for path, reason in summary.rejected]
    held = QCoreApplication.translate("SignersPanel", "held: signed by another key or unsigned; see the signers tab")
    lines += [f"{path.name}：{held}" for path in summary.held]
    lines += [f"{path.name}：{note}" for path, note in summary.notes]
    return "\n".join(lines)


def safe_file_name(name: str) -> str:
    """A suggested export name built from imported text (the county name)."""
    return file_names.safe_file_name(name, fallback="县级汇总")


class TextRowsModel(QAbstractTableModel):
    """Rows of text under fixed headers, for a read-only table of many rows."""

    def __init__(self, headers: list[str]) -> None:
        super().__init__()
        self.headers = headers
        self.rows: list[tuple[str, ...]] = []

    def set_rows(self, rows: list[tuple[str, ...]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.rows[index.row()][index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


def _set_up(table: QTableView) -> None:
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.verticalHeader().setVisible(False)


def _day_time(stamp: str | None) -> str:
    return (stamp or "")[:16].replace("T", " ")


def _period_label(code: str) -> str:
    """ "2026年第四季度", as everywhere else the inspector reads a period; the code if it is none."""
    from jianfu.core.assessment import IdentityError, Period

    try:
        return Period(code).label
    except IdentityError:
        return code
