"""An editable table for table items (the app inventory, the filing tasks).

Rows can be added, duplicated and deleted; cells are typed in (numbers, text), picked (choices),
ticked (yes/no) or, for "platforms", chosen from the rows of another table. Each changed row is
saved at once as one row. Where the checklist allows it, the table can be answered "none" (its
``none_answer`` wording): refused while rows are present (rows are never deleted for it), and
taken back by adding a row.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jianfu.core.answers import new_row_id, table_rows
from jianfu.core.checklist import Field, FieldType, Item
from jianfu.core.describe import value_text
from jianfu.core.errors import JianfuError
from jianfu.core.limits import clean_typed_text
from jianfu.core.typed_input import NumberInputError, parse_number, row_problem
from jianfu.ui.widgets.wheel_guard import scroll_enclosing_area

EMPTY_ROWS = 2  # an empty table still shows this many rows' height, to read as a table
SQUEEZED_WIDTH = 72  # px a squeezed text column keeps (about four characters)
ROOMY_KEEP = 8  # characters a text column keeps so that the headers can take two lines, not three
BLANK_REQUIRED = "#fdecea"  # the tint of a required cell left blank
VALUE_ROLE = Qt.ItemDataRole.UserRole
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class _CellDelegate(QStyledItemDelegate):
    """Combo boxes for choices, line edits for text and numbers; others are not edited here."""

    def __init__(self, columns: tuple[Field, ...], parent: QWidget, refused: Callable[[int, Field, str], None]) -> None:
        super().__init__(parent)
        self.columns = columns
        self.refused = refused

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        column = self.columns[index.column()]
        if column.type is FieldType.SINGLE_CHOICE:
            combo = QComboBox(parent)
            combo.addItem("", None)
            for choice in column.choices:
                combo.addItem(choice.label, choice.value)
            return combo
        edit = QLineEdit(parent)
        if column.type is FieldType.NUMBER:
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        return edit

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        value = index.data(VALUE_ROLE)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
            editor.showPopup()
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else _plain_number(value))

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex | QPersistentModelIndex) -> None:
        column = self.columns[index.column()]
        if isinstance(editor, QComboBox):
            value = editor.currentData()
        else:
            assert isinstance(editor, QLineEdit)
            try:
                value = _parse(column, editor.text())
            except NumberInputError as exc:  # nothing stored; the row and the expected unit are named
                self.refused(index.row(), column, exc.message)
                return
        model.setData(index, value, VALUE_ROLE)


class TableEditor(QWidget):
    """Edits one table item. ``save_row(row_id, cells, position)`` raises when refused."""

    rows_changed = Signal()

    def __init__(
        self,
        item: Item,
        save_row: Callable[[str, dict[str, Any], int], None],
        delete_row: Callable[[str], None],
        reference_rows: Callable[[str], list[dict[str, Any]]],
        parent: QWidget | None = None,
        catalogue: Callable[[Any], Any] | None = None,
        declare_none: Callable[[bool], None] | None = None,
        required: tuple[str, ...] = (),
    ) -> None:
        super().__init__(parent)
        self.item = item
        self.required = required  # column ids a row must fill for the table to count (core.table_rows)
        self.save_row = save_row
        self.delete_row = delete_row
        self.reference_rows = reference_rows
        self.declare_none = declare_none
        self.fit_catalogue = catalogue  # county catalogue entries → what this table can list (exchange.catalogue)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.none_box = QCheckBox(item.none_label)  # the checklist's wording, already Chinese
        self.none_box.setObjectName("tableNone")
        self.none_box.setToolTip(self.tr("Tick when this table has nothing to list; adding a row takes it back"))
        if not (item.allows_declared_none and declare_none is not None):
            self.none_box.hide()  # (setVisible(True) here would open it as a window of its own)
        self.none_box.toggled.connect(self._none_toggled)
        layout.addWidget(self.none_box)
        self.table = QTableWidget(0, len(item.columns))
        self._set_headers(HEADER_LINE_CHARS)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.setItemDelegate(_CellDelegate(item.columns, self.table, self._refused))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(56)
        self.table.verticalHeader().setDefaultSectionSize(28)
        # The table is as tall as its rows and the page scrolls, not the table: a 15-row inventory
        # in a 6-row window needed an inner scroll bar, and the wheel over it stopped the page.
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        layout.addWidget(self.table)
        self.table.viewport().installEventFilter(self)
        self.table.currentCellChanged.connect(self._reveal_current)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add row"))
        self.copy_button = QPushButton(self.tr("Duplicate row"))
        self.delete_button = QPushButton(self.tr("Delete row"))
        for button in (self.add_button, self.copy_button, self.delete_button):
            buttons.addWidget(button)
        self.catalogue_button = QPushButton(self.tr("Add from county catalogue…"))
        if catalogue is None:  # (setVisible(True) before it has a parent would open it as a window)
            self.catalogue_button.hide()
        self.catalogue_button.clicked.connect(lambda: self.add_from_catalogue())
        buttons.addWidget(self.catalogue_button)
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        buttons.addWidget(self.error, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.copy_button.clicked.connect(self.duplicate_row)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.itemChanged.connect(self._item_changed)
        self.table.cellDoubleClicked.connect(self._double_clicked)
        self._loading = False
        self._saved: dict[str, dict[str, Any]] = {}  # row id -> cells as stored

    # ------------------------------------------------------------------------ display

    def show_none(self, declared: bool) -> None:
        """Show whether the table is answered "none" (as stored; nothing is saved)."""
        self.none_box.blockSignals(True)
        self.none_box.setChecked(declared)
        self.none_box.blockSignals(False)
        self._show_none_state(declared)

    def is_none(self) -> bool:
        return self.none_box.isChecked()

    def _show_none_state(self, declared: bool) -> None:
        # "none": the empty grid and the row buttons go; "add row" stays, to take it back
        self.table.setVisible(not declared)
        self.copy_button.setVisible(not declared)
        self.delete_button.setVisible(not declared)

    def _none_toggled(self, checked: bool) -> None:
        assert self.declare_none is not None
        count = self.table.rowCount()
        if checked and count:  # refused: the rows are kept and stay in sight
            self.show_none(False)
            self.error.setText(
                self.tr(
                    "This table has {count} rows, so it cannot be answered none: delete them first if none apply"
                ).format(count=count)
            )
            return
        try:
            self.declare_none(checked)
        except JianfuError as exc:
            self.show_none(not checked)
            self._show_error(exc)
            return
        self.error.setText("")
        self._show_none_state(checked)
        self.rows_changed.emit()

    def show_rows(self, value: Any) -> None:
        self._loading = True
        self.table.setRowCount(0)
        self._saved = {}
        for row in table_rows(value):
            self._append(row["row_id"], row.get("cells", {}))
            self._saved[row["row_id"]] = dict(row.get("cells", {}))
        self._loading = False
        self._fit_columns()
        self._fit_height()

    def rows(self) -> list[dict[str, Any]]:
        """The rows as shown, in order, as a table answer's value."""
        count = self.table.rowCount()
        return [{"row_id": self._cell(r, 0).data(ROW_ID_ROLE), "cells": self._cells(r)} for r in range(count)]

    def _append(self, row_id: str, cells: dict[str, Any]) -> int:
        position = self.table.rowCount()
        self.table.insertRow(position)
        for index, column in enumerate(self.item.columns):
            cell = QTableWidgetItem()
            cell.setData(ROW_ID_ROLE, row_id)
            if column.type is FieldType.YES_NO:
                cell.setFlags(
                    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
                )
                cell.setCheckState(Qt.CheckState.Checked if cells.get(column.id) else Qt.CheckState.Unchecked)
            elif column.type is FieldType.ROW_REFS:
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                cell.setToolTip(self.tr("Double-click to choose"))
            cell.setData(VALUE_ROLE, cells.get(column.id))
            self._refresh_text(cell, column)
            self.table.setItem(position, index, cell)
        return position

    def _refresh_text(self, cell: QTableWidgetItem, column: Field) -> None:
        value = cell.data(VALUE_ROLE)
        if column.type is FieldType.YES_NO:
            cell.setText("")
        elif column.type is FieldType.ROW_REFS:
            names = {
                r["row_id"]: r.get("cells", {}).get("name", "") for r in self.reference_rows(column.ref_table or "")
            }
            cell.setText("、".join(names.get(ref, "") for ref in (value or []) if names.get(ref)))
        elif value is None:
            cell.setText("")
        elif column.type is FieldType.NUMBER:
            cell.setText(_plain_number(value))
            cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        else:
            cell.setText(value_text(column, value))
        if column.type in (FieldType.TEXT, FieldType.SINGLE_CHOICE):
            cell.setToolTip(cell.text())  # in full when the column is squeezed
        if column.id in self.required:  # a blank required cell is shown, as the results page names it
            blank = value in (None, "", [])
            cell.setBackground(QColor(BLANK_REQUIRED) if blank else QBrush())
            if blank:
                cell.setToolTip(self.tr("Required: the table counts as answered once every row has this"))

    def _fit_columns(self) -> None:
        """Columns as wide as their content, squeezed to the visible width where they can be:
        the name column (first) keeps its width so a row stays recognisable; long texts elide and
        show in full as a tooltip. Headers take two lines where the other text columns can keep
        ROOMY_KEEP characters for it, else lines of HEADER_LINE_CHARS, else of TIGHT_LINE_CHARS."""
        table = self.table
        available = table.viewport().width()
        if available <= 0:
            return
        squeezable = [
            i
            for i, c in enumerate(self.item.columns)
            if i > 0 and c.type in (FieldType.TEXT, FieldType.SINGLE_CHOICE, FieldType.ROW_REFS)
        ]
        character = table.fontMetrics().horizontalAdvance("中")
        for line_chars in HEADER_LEVELS:
            self._set_headers(line_chars)
            table.resizeColumnsToContents()
            widths = [table.columnWidth(i) for i in range(len(self.item.columns))]
            floors = self._header_floors()
            if line_chars is None:
                keep = ROOMY_KEEP * character
                slack = sum(max(0, widths[i] - max(keep, floors[i])) for i in squeezable)
                fits = sum(widths) + 2 - available <= slack
            else:
                fits = _squeezed(self.item.columns, widths, floors, available, squeezable, character)[1] <= 0
            if fits:
                break
        widths, excess = _squeezed(self.item.columns, widths, floors, available, squeezable, character)
        if excess < 0:  # room to spare: the name gets it
            widths[0] += -excess
        for i, width in enumerate(widths):
            table.setColumnWidth(i, width)
        self._fit_height()

    def _header_floors(self) -> list[int]:
        """The width each column's header needs, as the headers are now."""
        metrics = self.table.horizontalHeader().fontMetrics()
        return [
            max(metrics.horizontalAdvance(line) for line in _header_text(self.table, i).split("\n")) + 16
            for i in range(len(self.item.columns))
        ]

    def _set_headers(self, line_chars: int | None) -> None:
        labels = [_header_label(c, line_chars) + (" *" if c.id in self.required else "") for c in self.item.columns]
        if [_header_text(self.table, i) for i in range(len(labels))] != labels:
            self.table.setHorizontalHeaderLabels(labels)

    def _fit_height(self) -> None:
        """As tall as the header and every row (at least EMPTY_ROWS), with the sideways scroll bar
        when the columns are wider than the window."""
        table = self.table
        rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
        rows = max(rows, EMPTY_ROWS * table.verticalHeader().defaultSectionSize())
        header = table.horizontalHeader()
        height = header.sizeHint().height() + rows + 2 * table.frameWidth()
        if header.length() > table.viewport().width() > 0:
            height += table.horizontalScrollBar().sizeHint().height()
        if table.height() != height:
            table.setFixedHeight(height)

    def _reveal_current(self, row: int, column: int) -> None:
        """Keep the current cell in sight while moving with the keyboard: the page scrolls to it."""
        item = self.table.item(row, column)
        if item is None or self._loading:
            return
        rect = self.table.visualItemRect(item)
        widget: QWidget | None = self.table.viewport()
        while widget is not None:
            area = widget.parentWidget()
            if isinstance(area, QScrollArea) and (inner := area.widget()) is not None:
                centre = self.table.viewport().mapTo(inner, rect.center())
                area.ensureVisible(centre.x(), centre.y(), rect.width() // 2 + 8, rect.height() // 2 + 8)
                return
            widget = area

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._fit_columns()  # the visible width changed: refit
        if isinstance(event, QWheelEvent) and watched is self.table.viewport():
            delta = event.angleDelta()
            if abs(delta.y()) >= abs(delta.x()):  # up/down: the table has nothing to scroll, the page has
                scroll_enclosing_area(self.table, event)
                return True
        return False

    # ------------------------------------------------------------------------- editing

    def add_row(self, cells: dict[str, Any] | None = None) -> str:
        row_id = new_row_id()
        cells = dict(cells or {})
        try:
            self.save_row(row_id, cells, self.table.rowCount())
        except Exception as exc:
            self._show_error(exc)
            return ""
        self._saved[row_id] = cells
        if self.none_box.isChecked():
            self.show_none(False)  # a row takes back "none" (storage cleared it with the row)
        self._loading = True
        position = self._append(row_id, cells)
        self._loading = False
        self._fit_height()
        self.table.setCurrentCell(position, 0)
        self.table.setFocus()
        self.rows_changed.emit()
        return row_id

    def duplicate_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.add_row(self._cells(row))

    def delete_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        row_id = self._cell(row, 0).data(ROW_ID_ROLE)
        self.delete_row(row_id)
        self._saved.pop(row_id, None)
        self.table.removeRow(row)
        self._fit_height()
        self.rows_changed.emit()

    def add_from_catalogue(self, path: Path | None = None) -> None:
        """Tick entries of the county's platform catalogue instead of typing them."""
        from jianfu.exchange.catalogue import CatalogueError, read_catalogue

        assert self.fit_catalogue is not None, "only a table offered the catalogue has its button"
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Open the county platform catalogue"),
                "",
                self.tr("Platform catalogues (*.jianfu-catalogue)"),
            )
            if not chosen:
                return
            path = Path(chosen)
        try:
            fitted = self.fit_catalogue(read_catalogue(path).entries)
        except CatalogueError as exc:
            self.error.setText(str(exc))
            return
        present = {self._cell(r, 0).data(VALUE_ROLE) for r in range(self.table.rowCount())}
        self.catalogue_dialog = PickCatalogueDialog(fitted.entries, present, self, notes=fitted.notes)
        self.catalogue_dialog.accepted.connect(
            lambda: [self.add_row(entry.cells()) for entry in self.catalogue_dialog.chosen()]
        )
        self.catalogue_dialog.open()

    def _cells(self, row: int) -> dict[str, Any]:
        cells = {}
        for index, column in enumerate(self.item.columns):
            cell = self._cell(row, index)
            if column.type is FieldType.YES_NO:
                cells[column.id] = cell.checkState() == Qt.CheckState.Checked
            else:
                value = cell.data(VALUE_ROLE)
                if value not in (None, "", []):
                    cells[column.id] = value
        return cells

    def _item_changed(self, cell: QTableWidgetItem) -> None:
        if self._loading:
            return
        row = cell.row()
        row_id = cell.data(ROW_ID_ROLE)
        cells = self._cells(row)
        column = self.item.columns[cell.column()]
        try:
            problem = row_problem(self.item, cells, row + 1)
            if problem:
                raise NumberInputError(problem)
            self.save_row(row_id, cells, row)
        except Exception as exc:
            self._show_error(exc)
            self._loading = True  # put back what is stored
            cell.setData(VALUE_ROLE, self._saved.get(row_id, {}).get(column.id))
            self._refresh_text(cell, column)
            self._loading = False
            return
        self._saved[row_id] = cells
        self.error.setText("")
        self._loading = True
        self._refresh_text(cell, self.item.columns[cell.column()])
        self._loading = False
        self._fit_columns()
        self.rows_changed.emit()

    def _refused(self, row: int, column: Field, message: str) -> None:
        self.error.setText(f"第{row + 1}行“{column.label}”{message}")

    def _double_clicked(self, row: int, column_index: int) -> None:
        column = self.item.columns[column_index]
        if column.type is not FieldType.ROW_REFS:
            return
        cell = self._cell(row, column_index)
        dialog = PickRowsDialog(self.reference_rows(column.ref_table or ""), cell.data(VALUE_ROLE) or [], self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            cell.setData(VALUE_ROLE, dialog.chosen())  # itemChanged saves it

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        cell = self.table.item(row, column)
        assert cell is not None  # every cell is created with its row
        return cell

    def _show_error(self, exc: Exception) -> None:
        if not isinstance(exc, JianfuError):
            raise exc  # a bug, not the user's input: let it be reported as one
        self.error.setText(getattr(exc, "message", str(exc)))


class PickRowsDialog(QDialog):
    """Choose rows of another table, e.g. the platforms a filing task goes to."""

    def __init__(self, rows: list[dict[str, Any]], chosen: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose from the inventory"))
        layout = QVBoxLayout(self)
        if not rows:
            layout.addWidget(QLabel(self.tr("The inventory is empty: list the apps and platforms first.")))
        self.list = QListWidget()
        for row in rows:
            entry = QListWidgetItem(row.get("cells", {}).get("name") or self.tr("(unnamed)"))
            entry.setData(VALUE_ROLE, row["row_id"])
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if row["row_id"] in chosen else Qt.CheckState.Unchecked)
            self.list.addItem(entry)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> list[str]:
        return [
            self.list.item(i).data(VALUE_ROLE)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]


class PickCatalogueDialog(QDialog):
    """Tick the county catalogue's apps and platforms this township uses."""

    def __init__(
        self, entries: list[Any], present: set[Any], parent: QWidget | None = None, notes: list[str] | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("County platform catalogue"))
        self.resize(560, 520)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Tick what your township uses; entries already in your list are greyed out.")))
        # entries of a kind this checklist version lacks: how they were listed, or that they were left out
        self.notes = QLabel("\n".join(notes or []))
        self.notes.setObjectName("catalogueNotes")
        self.notes.setWordWrap(True)
        self.notes.setVisible(bool(notes))
        layout.addWidget(self.notes)
        self.entries = entries
        self.list = QListWidget()
        for index, entry in enumerate(entries):
            row = QListWidgetItem(f"{entry.name}　—　{entry.department or self.tr('department not given')}")
            row.setData(VALUE_ROLE, index)
            if entry.name in present:
                row.setFlags(Qt.ItemFlag.NoItemFlags)
            else:
                row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                row.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(row)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> list[Any]:
        return [
            self.entries[self.list.item(i).data(VALUE_ROLE)]
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]


def _parse(column: Field, text: str) -> Any:
    text = clean_typed_text(text).strip()  # pasted control characters are dropped
    if not text:
        return None
    if column.type is FieldType.NUMBER:
        return parse_number(text, column.unit)
    return text


HEADER_LINE_CHARS = 5  # a header line at most this long, so that yes/no columns stay narrow
TIGHT_LINE_CHARS = 4  # and where even that does not fit (1024 pixels, ten columns)
HEADER_LEVELS: tuple[int | None, ...] = (None, HEADER_LINE_CHARS, TIGHT_LINE_CHARS)  # None: two lines
NO_LINE_END = "（“《"  # an opening bracket or quote moves to the next line
NO_LINE_START = "）”》，、。：；"  # closing punctuation stays with the line before


def _squeezed(
    columns: tuple[Field, ...],
    widths: list[int],
    floors: list[int],
    available: int,
    squeezable: list[int],
    character: int,
) -> tuple[list[int], int]:
    """``widths`` squeezed towards ``available``, and the excess left (negative: room to spare).
    The other text columns go first, then the name down to six characters, then the yes/no
    columns down to their check box: whatever is elided shows in full as a tooltip; a header is
    never cut (a narrow window scrolls sideways instead)."""
    widths = list(widths)
    excess = sum(widths) - available + 2  # the grid lines
    stages = [
        [(i, max(SQUEEZED_WIDTH, floors[i])) for i in sorted(squeezable, key=lambda i: -widths[i])],
        [(0, 6 * character + 12)],
        [
            (i, max(2 * character + 8, floors[i]))  # the header stays readable
            for i, c in enumerate(columns)
            if c.type is FieldType.YES_NO
        ],
    ]
    for stage in stages:
        for i, floor in stage:
            if excess <= 0:
                break
            cut = min(excess, max(0, widths[i] - floor))
            widths[i] -= cut
            excess -= cut
    return widths, excess


def _header_label(column: Field, line_chars: int | None = HEADER_LINE_CHARS) -> str:
    """Long headers on balanced short lines of at most ``line_chars`` (None: on at most two);
    the unit joins a label's own closing bracket. Lines break as Chinese text does: never after
    an opening bracket, never before a closing one."""
    label = column.label
    if column.unit:
        label = f"{label[:-1]}，{column.unit}）" if label.endswith("）") else f"{label}（{column.unit}）"
    count = min(2, -(-len(label) // HEADER_LINE_CHARS)) if line_chars is None else -(-len(label) // line_chars)
    size = -(-len(label) // count)
    lines = [label[i : i + size] for i in range(0, len(label), size)]
    for i in range(len(lines) - 1):
        while len(lines[i]) > 1 and lines[i][-1] in NO_LINE_END:
            lines[i], lines[i + 1] = lines[i][:-1], lines[i][-1] + lines[i + 1]
        while lines[i + 1] and lines[i + 1][0] in NO_LINE_START:  # a lone "）" joins the line before
            lines[i], lines[i + 1] = lines[i] + lines[i + 1][0], lines[i + 1][1:]
    return "\n".join(line for line in lines if line)


def _header_text(table: QTableWidget, column: int) -> str:
    """The header as shown (with its required mark)."""
    item = table.horizontalHeaderItem(column)
    return item.text() if item is not None else ""


def _plain_number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
