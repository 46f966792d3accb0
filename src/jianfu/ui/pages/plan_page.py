"""The rectification plan: drafted items the cadre edits, rejects or adds to; every edit saved."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jianfu.core.attribution import picked, unspecified
from jianfu.core.checklist import Handling
from jianfu.core.choices import department_choices
from jianfu.core.follow_up import FollowUp
from jianfu.core.plan import EDITABLE_FIELDS, RectificationItem, new_custom_item, unrouted
from jianfu.ui.session import Session
from jianfu.ui.widgets.carried_notice import CarriedNotice

KEY_ROLE = Qt.ItemDataRole.UserRole
HANDLING_ROLE = Qt.ItemDataRole.UserRole + 1
# Last period's 完成情况 and deadline, drawn in grey under this period's progress: read-only, and
# in the progress column rather than a column of its own, which pushed a column off a 1366 screen.
LAST_ROLE = Qt.ItemDataRole.UserRole + 2
LAST_COLOUR = "#6d4c41"
NOTE_COLOUR_ROLE = Qt.ItemDataRole.UserRole + 3  # the note's colour where it is not LAST_COLOUR
WRAP = int(Qt.TextFlag.TextWordWrap.value | Qt.AlignmentFlag.AlignLeft.value | Qt.AlignmentFlag.AlignTop.value)
LONG_TEXT = ("problem", "measure", "status")  # edited in a multi-line box
PRINTED_BLANK = ("responsible_person", "deadline")  # tinted while blank: a plan is reviewed for them
BLANK_TINT = "#fdecea"  # as a blank required cell of the inventory
UNTRIGGERED_TINT = "#fff3e0"  # an item the answers no longer raise
# A request to the county naming "one or more of" several departments: the county cannot pass it on
# to any of them until the township says which (core.attribution.unspecified).
UNROUTED_TINT = "#fff8e1"
UNROUTED_COLOUR = "#b71c1c"
DEPARTMENT_EDIT_CHARACTERS = 9  # the department box, wider than a narrow column: a name in full


class _FocusedWheelOnly(QObject):
    """A wheel over a choice box that does not have the focus scrolls the table, never the value."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            event.ignore()
            return True
        return False


class _LongTextDelegate(QStyledItemDelegate):
    """Problems and measures are paragraphs: edit them in a multi-line box (Enter starts a new
    line; clicking elsewhere saves). "Who acts" is a choice box that exists only while that cell
    is edited: one delegate for the table instead of a widget per row (244 items took 200 ms)."""

    def __init__(self, parent: QObject, choices: list[tuple[str, str]], departments: Callable[[], list[str]]) -> None:
        super().__init__(parent)
        self.choices = choices  # (label, handling value)
        self.departments = departments  # the departments the assessment names, read when a box opens
        self.wheel_guard = _FocusedWheelOnly(self)
        # the department list drops down at once where a double-click (or the notice's button)
        # opens a cell listing "one or more of": picking is then one more click
        self.popup_next = False

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        self.popup_next = event.type() == QEvent.Type.MouseButtonDblClick
        return super().editorEvent(event, model, option, index)

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        popup, self.popup_next = self.popup_next, False
        if COLUMNS[index.column()] in LONG_TEXT:
            editor = QPlainTextEdit(parent)
            editor.setTabChangesFocus(True)
            return editor
        if COLUMNS[index.column()] == "handling":
            box = QComboBox(parent)
            box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            box.installEventFilter(self.wheel_guard)
            for label, value in self.choices:
                box.addItem(label, value)
            box.activated.connect(lambda _i, b=box: self._chosen(b))
            return box
        if COLUMNS[index.column()] == "department":
            return self._department_box(parent, str(index.data(Qt.ItemDataRole.DisplayRole) or ""), popup)
        return super().createEditor(parent, option, index)

    def _department_box(self, parent: QWidget, text: str, popup: bool) -> QComboBox:
        """The departments the assessment names, to pick from, or a name typed. A field listing
        "one or more of" several offers those first; picking one names it (``attribution.picked``)."""
        listed = unspecified(text)
        box = QComboBox(parent)
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        box.installEventFilter(self.wheel_guard)
        others = [name for name in self.departments() if name not in listed]
        for name in listed:
            box.addItem(name, picked(text, name))
        if listed and others:
            box.insertSeparator(box.count())
        for name in others:
            box.addItem(name, picked(text, name) if listed else name)
        completer = box.completer()
        if completer is not None:  # typing "农业" offers 县农业农村局; never completes a name by itself
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
        box.view().setMinimumWidth(box.view().sizeHintForColumn(0) + 24)
        box.activated.connect(lambda _i, b=box: self._chosen(b))
        if listed and popup:
            QTimer.singleShot(0, box.showPopup)
        return box

    def _chosen(self, box: QComboBox) -> None:
        """A choice made: save it and close the box, as leaving the cell would."""
        self.commitData.emit(box)
        self.closeEditor.emit(box)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        elif isinstance(editor, QComboBox) and editor.isEditable():  # the department
            editor.setCurrentIndex(-1)
            editor.setEditText(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
            line = editor.lineEdit()
            if line is not None:
                line.selectAll()  # typing replaces it
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(HANDLING_ROLE))))
        else:
            super().setEditorData(editor, index)

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        if isinstance(editor, QPlainTextEdit):
            model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QComboBox) and editor.isEditable():
            text = editor.currentText().strip()
            found = editor.findText(text)  # a name picked, or typed as listed: as picked
            model.setData(index, editor.itemData(found) if found >= 0 else text, Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), HANDLING_ROLE)
        else:
            super().setModelData(editor, model, index)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        note = index.data(LAST_ROLE)
        if not note:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)  # background, selection
        area = opt.rect.adjusted(4, 2, -4, -2)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setFont(opt.font)
        if text:
            painter.setPen(opt.palette.highlightedText().color() if selected else opt.palette.text().color())
            used = painter.boundingRect(area, WRAP, text)
            painter.drawText(area, WRAP, text)
            area.setTop(used.bottom() + 4)
        colour = QColor(index.data(NOTE_COLOUR_ROLE) or LAST_COLOUR)
        painter.setPen(opt.palette.highlightedText().color() if selected else colour)
        painter.drawText(area, WRAP, note)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        note = index.data(LAST_ROLE)
        if not note:
            return size
        metrics = option.fontMetrics
        width = max(option.rect.width() - 8, 40)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        high = metrics.boundingRect(0, 0, width, 10_000, WRAP, note).height() + 8
        if text:
            high += metrics.boundingRect(0, 0, width, 10_000, WRAP, text).height() + 4
        return QSize(size.width(), max(size.height(), high))

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        rect = option.rect
        if isinstance(editor, QPlainTextEdit):
            rect = rect.adjusted(0, 0, 0, max(0, 96 - rect.height()))  # room for a few lines
        elif isinstance(editor, QComboBox) and editor.isEditable():  # one line, a name in full
            width = max(rect.width(), editor.fontMetrics().horizontalAdvance("字" * DEPARTMENT_EDIT_CHARACTERS) + 40)
            viewport = editor.parentWidget()
            room = viewport.width() if viewport is not None else rect.right()
            height = editor.sizeHint().height()
            left = max(0, min(rect.left(), room - width))  # the column is near the right edge
            rect = QRect(left, rect.center().y() - height // 2, width, height)
        editor.setGeometry(rect)


# One column per editable field, after "accepted" (the inverse of RectificationItem.rejected).
COLUMNS = ("accepted", *EDITABLE_FIELDS)
LAST_PERIOD_TEXT = 30  # characters of an item no longer listed, in the line above the table
LAST_PERIOD_SHOWN = 3  # items no longer listed named in that line
TEXT_COLUMNS = ("problem", "measure")  # share the width the short columns leave
TEXT_MIN_CHARACTERS = 12  # narrower, one wrapped row fills the screen: scroll sideways instead
# At 1024 pixels the short columns wrap at this many characters ("提请县级/协调", "党政综合/办公室")
# and problem and measure go down to TEXT_COMPACT_CHARACTERS: rows are taller, and who is responsible,
# by when and the progress are in view instead of behind a sideways scroll bar.
COMPACT_CHARACTERS = 4
TEXT_COMPACT_CHARACTERS = 7


class PlanPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 16)
        title = QLabel(self.tr("Rectification plan"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        intro = QLabel(
            self.tr(
                "Drafted from your answers. Edit any cell; untick items you do not accept; add your own. "
                "Your edits are kept when answers change and the plan is drafted again."
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("pageIntro")
        layout.addWidget(intro)
        # what became of last period's plan: the progress column says it per item, this line the rest
        self.last_period = QLabel()
        self.last_period.setWordWrap(True)
        self.last_period.setObjectName("lastPeriod")
        # as tall as its wrapped lines, never squeezed by the table below it
        self.last_period.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.last_period.hide()
        layout.addWidget(self.last_period)
        # requests to the county naming "one or more of" several departments: the county cannot
        # pass them on; the township knows which it is (never picked for it)
        self.unrouted = CarriedNotice(self.tr("Pick the department"))
        self.unrouted.setObjectName("planUnrouted")
        self.unrouted.go.connect(self.pick_first_unrouted)
        layout.addWidget(self.unrouted)
        headers = [
            self.tr("Accept"),
            self.tr("Problem"),
            self.tr("Measure"),
            self.tr("Who acts"),
            self.tr("Responsible unit"),
            self.tr("Responsible person"),
            self.tr("Deadline"),
            self.tr("County departments"),
            self.tr("Progress"),
            self.tr("Last period"),
        ]
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setWordWrap(True)
        self.handling_labels = {
            Handling.OWN.value: self.tr("Township fixes it"),
            Handling.ESCALATE.value: self.tr("Ask the county"),
        }
        self.delegate = _LongTextDelegate(
            self.table, [(label, value) for value, label in self.handling_labels.items()], self._department_choices
        )
        self.table.setItemDelegate(self.delegate)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self._headers = headers
        # resized, or 查看 → 大字体 reached the table (not always before this page hears of it)
        self.table.installEventFilter(self)
        self.table.viewport().installEventFilter(self)
        self._size_columns()
        # Wrapped text's row heights follow the widths: once per layout pass, not per section.
        self._rows_fitter = QTimer(self, singleShot=True, interval=0)
        self._rows_fitter.timeout.connect(self.table.resizeRowsToContents)
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self._rows_fitter.start())
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add item"))
        self.delete_button = QPushButton(self.tr("Delete added item"))
        self.error = QLabel()
        self.error.setObjectName("errorText")
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.error, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_item)
        self.delete_button.clicked.connect(self.delete_item)
        self.table.itemChanged.connect(self._item_changed)
        self._loading = False
        self.items: dict[str, RectificationItem] = {}
        self.follow_up: FollowUp | None = None

    def _size_columns(self) -> None:
        """Every column in view on a 1366-pixel office screen: the short columns as wide as what
        they hold (a deadline, a unit's name), problem and measure share the rest. On a narrower
        screen (1024) the short columns wrap at COMPACT_CHARACTERS, so that who is responsible, by
        when and the progress stay in view rather than behind a sideways scroll bar."""
        metrics = self.table.fontMetrics()
        samples = {  # the widest usual content; longer text wraps
            "accepted": "",
            "handling": max(self.handling_labels.values(), key=metrics.horizontalAdvance),
            "responsible_unit": "党政综合办公室",
            "responsible_person": "欧阳晓燕",
            "deadline": "2027-03-31",
            "department": "县农业农村局",
            "status": "已完成一半",  # free text: a longer note wraps
        }
        unwrapped = ("accepted", "deadline")  # a check box; a date that must not break at its "-"
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(40)
        self._widths: dict[int, tuple[int, int]] = {}  # column: (wide, compact)
        compact_text = metrics.horizontalAdvance("字" * COMPACT_CHARACTERS)
        for column, field in enumerate(COLUMNS):
            if field in samples:
                title = metrics.horizontalAdvance(self._headers[column])
                wide = max(metrics.horizontalAdvance(samples[field]), title) + 28  # + cell margins and grid
                content = metrics.horizontalAdvance(samples[field]) if field in unwrapped else compact_text
                compact = max(title, content)
                self._widths[column] = (wide, min(wide, compact + 16))
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self._text_minimum = metrics.horizontalAdvance("字" * TEXT_MIN_CHARACTERS)  # margins within: fits 1366
        self._text_compact = metrics.horizontalAdvance("字" * TEXT_COMPACT_CHARACTERS)
        self._compact: bool | None = None  # not yet sized
        self._fit_text_columns()

    def _fit_text_columns(self) -> None:
        """Problem and measure stretch over what the short columns leave, but never below
        TEXT_MIN_CHARACTERS each; where that does not fit, the short columns wrap and problem and
        measure keep TEXT_COMPACT_CHARACTERS; narrower still (large font on a small screen), the
        table scrolls sideways."""
        header = self.table.horizontalHeader()
        text = [COLUMNS.index(field) for field in TEXT_COLUMNS]
        available = self.table.viewport().width()

        def room(compact: bool) -> int:
            shown = [c for c in self._widths if not header.isSectionHidden(c)]
            return available - sum(self._widths[c][compact] for c in shown)

        compact = room(False) < len(text) * self._text_minimum
        if compact != self._compact:
            self._compact = compact
            for column, widths in self._widths.items():
                self.table.setColumnWidth(column, widths[compact])
        minimum = self._text_compact if compact else self._text_minimum
        narrow = room(compact) < len(text) * minimum
        for column in text:
            if narrow:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                self.table.setColumnWidth(column, minimum)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self._fit_text_columns()
        elif event.type() == QEvent.Type.FontChange and watched is self.table:  # 查看 → 大字体
            self._size_columns()
        return super().eventFilter(watched, event)

    def load(self) -> None:
        _, plan = self.session.rescore()
        self.follow_up = self.session.follow_up()
        self._show_last_period(plan)
        self._fit_text_columns()
        self._loading = True
        self.table.setRowCount(0)
        self.items = {}
        for item in plan:
            self._append(item)
        self._loading = False
        self._show_unrouted()
        self.table.resizeRowsToContents()

    def _department_choices(self) -> list[str]:
        """Every department entered anywhere in the assessment (core.choices), spelled as entered."""
        return department_choices(self.session.checklist, self.session.answers)

    def _show_unrouted(self) -> None:
        count = sum(1 for item in self.items.values() if unrouted(item))
        self.unrouted.setVisible(count > 0)
        self.unrouted.text.setText(
            self.tr(
                "{count} requests to the county do not name one department, so the county cannot pass them on "
                'to a department: pick it under "County departments"'
            ).format(count=count)
        )

    def pick_first_unrouted(self) -> None:
        """The first request naming no one department: in view, its list of departments open."""
        column = COLUMNS.index("department")
        for row in range(self.table.rowCount()):
            key = self._key(row)
            cell = self.table.item(row, column)
            if key is not None and cell is not None and unrouted(self.items[key]):
                self.table.setCurrentCell(row, column)
                self.table.scrollToItem(cell)
                self.table.setFocus()
                self.delegate.popup_next = True
                self.table.editItem(cell)
                return

    def _append(self, item: RectificationItem) -> None:
        self.items[item.key] = item
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, field in enumerate(COLUMNS):
            cell = QTableWidgetItem()
            cell.setData(KEY_ROLE, item.key)
            if field == "accepted":
                cell.setFlags(
                    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
                )
                cell.setCheckState(Qt.CheckState.Unchecked if item.rejected else Qt.CheckState.Checked)
            elif field == "handling":
                cell.setData(HANDLING_ROLE, item.handling.value)
                cell.setText(self.handling_labels[item.handling.value])
            elif field == "status":
                cell.setText(item.status)
                cell.setData(LAST_ROLE, self._last_period_text(item.key))
                cell.setToolTip(self._last_period_tip(item.key))
            else:
                cell.setText(str(getattr(item, field)))
            if not item.triggered:
                cell.setBackground(QColor(UNTRIGGERED_TINT))
                cell.setToolTip(self.tr("The answers no longer raise this problem; keep it or untick it."))
            self.table.setItem(row, column, cell)
        self._mark_blanks(row)

    def _mark_blanks(self, row: int) -> None:
        """An accepted item's blank 责任人 or 整改时限 is tinted: it prints blank (the export page
        counts them)."""
        first = self.table.item(row, 0)
        if first is None:
            return
        item = self.items[first.data(KEY_ROLE)]
        for field in PRINTED_BLANK:
            cell = self.table.item(row, COLUMNS.index(field))
            if cell is None:
                continue
            blank = not item.rejected and not getattr(item, field).strip()
            if blank:
                cell.setBackground(QColor(BLANK_TINT))
                cell.setToolTip(self.tr("Not filled in: prints blank"))
            elif not item.triggered:
                cell.setBackground(QColor(UNTRIGGERED_TINT))
                cell.setToolTip(self.tr("The answers no longer raise this problem; keep it or untick it."))
            else:
                cell.setBackground(QBrush())
                cell.setToolTip("")
        self._mark_department(row, item)

    def _mark_department(self, row: int, item: RectificationItem) -> None:
        """A request to the county listing "one or more of" several departments: tinted, with a note
        under the names, until the township says which."""
        cell = self.table.item(row, COLUMNS.index("department"))
        if cell is None:
            return
        listed = unrouted(item)
        if listed:
            cell.setBackground(QColor(UNROUTED_TINT))
            cell.setData(LAST_ROLE, self.tr("Which one? Double-click to pick"))
            cell.setData(NOTE_COLOUR_ROLE, UNROUTED_COLOUR)
            cell.setToolTip(
                self.tr(
                    "The county cannot pass this request on while it names no one department. Double-click "
                    "and pick which of {names} it is, or type the department."
                ).format(names="、".join(listed))
            )
            return
        if cell.data(LAST_ROLE):
            cell.setData(LAST_ROLE, None)
            cell.setData(NOTE_COLOUR_ROLE, None)
        if item.triggered:
            cell.setBackground(QBrush())
            cell.setToolTip("")
        else:
            cell.setBackground(QColor(UNTRIGGERED_TINT))
            cell.setToolTip(self.tr("The answers no longer raise this problem; keep it or untick it."))

    def focus_first_blank(self) -> None:
        """The first accepted item without 责任人 (or else 整改时限): selected, in view, ready to type."""
        for field in PRINTED_BLANK:
            column = COLUMNS.index(field)
            for row in range(self.table.rowCount()):
                cell = self.table.item(row, column)
                if cell is not None and cell.background().color() == QColor(BLANK_TINT):
                    self.table.setCurrentCell(row, column)
                    self.table.scrollToItem(cell)
                    self.table.setFocus()
                    return

    def _last_period_text(self, key: str) -> str:
        """ "上期：已完成" / "上期：未填写完成情况", and last period's deadline, said to have passed
        when it has; nothing for an item last period's plan did not list."""
        last = self.follow_up.of(key) if self.follow_up else None
        if last is None or self.follow_up is None:
            return ""
        text = self.tr("Last period: {status}").format(status=last.status.strip() or self.tr("Progress not filled in"))
        if self.follow_up.deadline_passed(last):
            return text + "\n" + self.tr("deadline {date}, passed").format(date=last.deadline)
        current = self.items.get(key)
        if last.deadline and current is not None and current.deadline != last.deadline:
            # due by this period's end, so set afresh when the period began (core.follow_up): said, not silent
            return (
                text + "\n" + self.tr("deadline {date}, due within this period: set afresh").format(date=last.deadline)
            )
        return text + ("\n" + self.tr("deadline {date}").format(date=last.deadline) if last.deadline else "")

    def _last_period_tip(self, key: str) -> str:
        last = self.follow_up.of(key) if self.follow_up else None
        if last is None or self.follow_up is None:
            return ""
        return self.tr("Last period ({period}): {measure}").format(
            period=self.follow_up.period_label, measure=last.measure
        )

    def _show_last_period(self, plan: list[RectificationItem]) -> None:
        """One line on last period's plan: how many items, and those this plan no longer lists
        with their 完成情况 (the column says it for the others)."""
        follow_up: FollowUp | None = self.follow_up
        self.last_period.setVisible(follow_up is not None)
        if follow_up is None:
            return
        text = self.tr(
            'Last period ({period}) had {count} plan items; what became of each is noted under its "Progress".'
        ).format(period=follow_up.period_label, count=len(follow_up.items))
        gone = [
            (item.problem or item.measure, item.status.strip() or self.tr("Progress not filled in"))
            for item in follow_up.not_listed(plan)
        ]
        if gone:  # a few here, every one in full in the tooltip and in the printed plan (附件1)
            shown = "；".join(f"{_brief(problem)}（{status}）" for problem, status in gone[:LAST_PERIOD_SHOWN])
            shown += "……" if len(gone) > LAST_PERIOD_SHOWN else ""
            text += " " + self.tr("No longer in this plan ({count}): {items}").format(count=len(gone), items=shown)
        self.last_period.setText(text)
        self.last_period.setToolTip("\n".join(f"{problem}（{status}）" for problem, status in gone))

    def add_item(self) -> None:
        assert self.session.assessment is not None
        item = new_custom_item(self.session.assessment.base_date)
        self.session.save_plan_item(item)
        self._loading = True
        self._append(item)
        self._loading = False
        row = self.table.rowCount() - 1
        self.table.setCurrentCell(row, COLUMNS.index("problem"))
        problem = self.table.item(row, COLUMNS.index("problem"))
        if problem is not None:
            self.table.editItem(problem)

    def delete_item(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        first = self.table.item(row, 0)
        if first is None:
            return
        key = first.data(KEY_ROLE)
        if not self.items[key].is_custom:
            self.error.setText(self.tr("Drafted items are not deleted: untick them to reject them."))
            return
        self.session.delete_plan_item(key)
        del self.items[key]
        self.table.removeRow(row)

    def _item_changed(self, cell: QTableWidgetItem) -> None:
        if self._loading:
            return
        field = COLUMNS[cell.column()]
        key = cell.data(KEY_ROLE)
        if field == "accepted":
            self._edit(key, rejected=cell.checkState() != Qt.CheckState.Checked)
            return
        if field == "handling":
            value = cell.data(HANDLING_ROLE)
            if value != self.items[key].handling.value:
                self._edit(key, handling=value)
                self._loading = True
                cell.setText(self.handling_labels[value])
                self._loading = False
            return
        text = cell.text().strip()
        if field == "deadline" and text:
            from jianfu.core.typed_input import NumberInputError, parse_deadline

            try:
                day = parse_deadline(text)
            except NumberInputError as exc:  # nothing stored: the county could not import a 2207
                self.error.setText(self.tr("Deadline: {problem}").format(problem=exc.message))
                self._loading = True
                cell.setText(self.items[key].deadline)
                self._loading = False
                return
            text = day.isoformat() if day else ""
            self._loading = True
            cell.setText(text)  # shown as stored: 2027年3月31日 becomes 2027-03-31
            self._loading = False
        self._edit(key, **{field: text})
        self.table.resizeRowToContents(cell.row())

    def _edit(self, key: str, **changes: object) -> None:
        item = self.items[key].edit(**changes)
        self.session.save_plan_item(item)
        self.items[key] = item
        self.error.setText("")
        row = next(r for r in range(self.table.rowCount()) if self._key(r) == key)
        loading, self._loading = self._loading, True  # a tint is no edit
        self._mark_blanks(row)
        self._loading = loading
        if "rejected" in changes:  # an item unticked is no longer in this plan: say it above
            self._show_last_period(list(self.items.values()))
        self._show_unrouted()
        if {"department", "handling", "rejected"} & set(changes):
            self.table.resizeRowToContents(row)  # the department's note came or went

    def _key(self, row: int) -> str | None:
        first = self.table.item(row, 0)
        return first.data(KEY_ROLE) if first is not None else None


def _brief(text: str) -> str:
    """The first sentence or clause that fits, not a cut mid-phrase ("上级通…")."""
    if len(text) <= LAST_PERIOD_TEXT:
        return text
    head = text[: LAST_PERIOD_TEXT - 1]
    stops = [head.rfind(mark) for mark in "。；，、"]
    end = max(stops)
    return head[:end] + "…" if end >= 6 else head + "…"
