"""One checklist item as a row of widgets: label, editor, "not applicable", note, help.

The editor is chosen by the item's type; every change is handed to the page's save callback at
once (text and numbers shortly after typing stops, and when the field loses focus).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from jianfu.core.answers import Answer
from jianfu.core.checklist import FieldType, Item
from jianfu.core.choices import toggle_choice
from jianfu.core.errors import JianfuError
from jianfu.core.limits import MAX_NOTE_LENGTH, clean_typed_text
from jianfu.core.typed_input import NumberInputError, parse_number

TYPING_PAUSE_MS = 700
NO_DATE = QDate(2000, 1, 1)


class ValueEditor(QWidget):
    """Base of the per-type editors: ``value()`` / ``set_value()`` and a ``changed`` signal."""

    changed = Signal()

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def flush(self) -> None:
        """Emit a pending change now (before the window closes or the page changes)."""

    def discard_pending(self) -> None:
        """Forget a change not yet emitted (the item was just marked 不适用)."""


class YesNoEditor(ValueEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.yes, self.no = QRadioButton(self.tr("Yes")), QRadioButton(self.tr("No"))
        self.group = QButtonGroup(self)
        for button in (self.yes, self.no):
            self.group.addButton(button)
            layout.addWidget(button)
        layout.addStretch()
        self.group.buttonClicked.connect(lambda _b: self.changed.emit())

    def value(self) -> Any:
        return True if self.yes.isChecked() else False if self.no.isChecked() else None

    def set_value(self, value: Any) -> None:
        self.group.setExclusive(False)
        self.yes.setChecked(value is True)
        self.no.setChecked(value is False)
        self.group.setExclusive(True)


class TypedLineEditor(ValueEditor):
    """Text and numbers: saved after a pause in typing and when editing finishes."""

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setMaxLength(item.max_length if item.type is FieldType.TEXT else 20)
        layout.addWidget(self.edit, 1 if item.type is FieldType.TEXT else 0)
        if item.type is FieldType.NUMBER:
            self.edit.setMaximumWidth(140)
            self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            if item.unit:
                layout.addWidget(QLabel(item.unit))
            layout.addStretch()
        self._pending = False
        self.timer = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self.timer.timeout.connect(self.flush)
        self.edit.textEdited.connect(self._typed)
        self.edit.editingFinished.connect(self.flush)
        if item.type is FieldType.NUMBER:
            self.edit.editingFinished.connect(self._tidy)

    def _tidy(self) -> None:
        """Show what was stored: "90分钟" in an hours field becomes 1.5 once the field is left."""
        try:
            number = self.value()
        except NumberInputError:
            return  # the error is shown; keep what was typed so it can be corrected
        if number is not None and self.edit.text() != _plain(number):
            self.edit.setText(_plain(number))

    def _typed(self) -> None:
        self._pending = True
        self.timer.start()

    def flush(self) -> None:
        if self._pending:
            self._pending = False
            self.timer.stop()
            self.changed.emit()

    def discard_pending(self) -> None:
        self._pending = False
        self.timer.stop()

    def value(self) -> Any:
        text = clean_typed_text(self.edit.text()).strip()  # pasted control characters are dropped
        if self.item.type is FieldType.TEXT:
            return text or None
        return parse_number(text, self.item.unit)  # raises NumberInputError naming the unit

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else _plain(value))


def _plain(value: Any) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


class ChoiceEditor(ValueEditor):
    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combo = QComboBox()
        self.combo.addItem(self.tr("Please choose"), None)
        for choice in item.choices:
            self.combo.addItem(choice.label, choice.value)
        layout.addWidget(self.combo)
        layout.addStretch()
        self.combo.activated.connect(lambda _i: self.changed.emit())

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value)
        self.combo.setCurrentIndex(max(0, index))


class MultiChoiceEditor(ValueEditor):
    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        layout = QVBoxLayout(self)  # one choice a line: v2 stems have up to 12 long choices
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes = []
        for choice in item.choices:
            box = QCheckBox(choice.label)
            box.setProperty("choice", choice.value)
            box.toggled.connect(lambda checked, b=box: self._toggled(b, checked))
            box.installEventFilter(self)
            self.boxes.append(box)
            layout.addWidget(box)
        layout.addStretch()
        self._make_tab_stop(0)

    # One Tab stop for the whole list (a "roving" stop, as in a radio group): Tab enters at the
    # box last used, Up/Down move between the boxes, Space ticks.
    def _make_tab_stop(self, index: int) -> None:
        for i, box in enumerate(self.boxes):
            box.setFocusPolicy(Qt.FocusPolicy.StrongFocus if i == index else Qt.FocusPolicy.ClickFocus)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched in self.boxes:
            index = self.boxes.index(watched)
            if event.type() == QEvent.Type.FocusIn:
                self._make_tab_stop(index)
            elif event.type() == QEvent.Type.KeyPress:
                step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(event.key(), 0)  # type: ignore[attr-defined]
                if step and 0 <= index + step < len(self.boxes):
                    self.boxes[index + step].setFocus(Qt.FocusReason.OtherFocusReason)
                    return True
        return super().eventFilter(watched, event)

    def _toggled(self, box: QCheckBox, checked: bool) -> None:
        # "以上都没有" clears the others and another choice clears it (core.choices)
        ticked = [b.property("choice") for b in self.boxes if b.isChecked() and b is not box]
        self.set_value(toggle_choice(self.item, ticked, box.property("choice"), checked))
        self.changed.emit()

    def value(self) -> Any:
        return [b.property("choice") for b in self.boxes if b.isChecked()] or None

    def set_value(self, value: Any) -> None:
        chosen = set(value or [])
        for box in self.boxes:
            box.blockSignals(True)
            box.setChecked(box.property("choice") in chosen)
            box.blockSignals(False)


class DateEditor(ValueEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setMinimumDate(NO_DATE)
        self.edit.setSpecialValueText(self.tr("Not set"))
        layout.addWidget(self.edit)
        today = QPushButton(self.tr("Today"))
        today.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # one Tab stop per item: type the date
        today.clicked.connect(lambda: self.edit.setDate(QDate.currentDate()))
        layout.addWidget(today)
        layout.addStretch()
        self.edit.dateChanged.connect(lambda _d: self.changed.emit())

    def value(self) -> Any:
        date = self.edit.date()
        return None if date == NO_DATE else date.toString("yyyy-MM-dd")

    def set_value(self, value: Any) -> None:
        self.edit.blockSignals(True)
        if value:
            day = dt.date.fromisoformat(value)
            self.edit.setDate(QDate(day.year, day.month, day.day))
        else:
            self.edit.setDate(NO_DATE)
        self.edit.blockSignals(False)


def editor_for(item: Item) -> ValueEditor:
    if item.type is FieldType.YES_NO:
        return YesNoEditor()
    if item.type in (FieldType.NUMBER, FieldType.TEXT):
        return TypedLineEditor(item)
    if item.type is FieldType.SINGLE_CHOICE:
        return ChoiceEditor(item)
    if item.type is FieldType.MULTI_CHOICE:
        return MultiChoiceEditor(item)
    if item.type is FieldType.DATE:
        return DateEditor()
    raise ValueError(f"no row editor for {item.type}")


class ItemRow(QFrame):
    """Label, editor, not-applicable box, note, help and a validation message for one item.

    ``save`` is called with the new Answer; it raises with a Chinese message when the answer
    is refused, which is shown next to the field.
    """

    def __init__(
        self,
        item: Item,
        save: Callable[[Answer], None],
        body: QWidget | None = None,
        parent: QWidget | None = None,
        editor: ValueEditor | None = None,
    ) -> None:
        super().__init__(parent)
        self.item = item
        self.save = save
        self.setObjectName("itemRow")
        self.setFrameShape(QFrame.Shape.NoFrame)
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)

        mark = "<span style='color:#b71c1c'>*</span> " if item.required else ""
        self.label = QLabel(mark + item.label)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.help_button = QToolButton()
        self.help_button.setText("?")
        self.help_button.setToolTip(self.tr("Why is this asked?"))
        self.help_button.setCheckable(True)
        self.help_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # Tab reaches it, Space opens it
        # Made when first needed (most rows never show them): a page's rows build faster.
        self._carried: tuple[QLabel, QPushButton] | None = None
        self._help: QLabel | None = None
        self._error: QLabel | None = None
        self._contradiction: QLabel | None = None
        self.header = QHBoxLayout()
        self.header.addWidget(self.label, 1)
        self.header.addWidget(self.help_button)
        grid.addLayout(self.header, 0, 0, 1, 3)

        self.editor = body if body is not None else editor or editor_for(item)
        self.not_applicable = QCheckBox(self.tr("Not applicable"))
        if not item.allows_not_applicable:  # core decides where it is offered (not on basic information)
            self.not_applicable.hide()  # (setVisible(True) here would open it as a window of its own)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        self.note.setMaxLength(MAX_NOTE_LENGTH)
        if body is None:
            grid.addWidget(self.editor, 1, 0)
            grid.addWidget(self.not_applicable, 1, 1, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self.note, 1, 2, Qt.AlignmentFlag.AlignTop)
        else:  # a table needs the whole width; its note goes below it
            grid.addWidget(self.editor, 1, 0, 1, 3)
            extras = QHBoxLayout()
            extras.addWidget(self.not_applicable)
            extras.addWidget(self.note, 1)
            grid.addLayout(extras, 4, 0, 1, 3)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(2, 2)
        self.grid = grid

        self.help_button.toggled.connect(lambda shown: self.help.setVisible(shown))
        self._keyboard()
        if isinstance(self.editor, ValueEditor):
            self.editor.changed.connect(self._save)
        self.not_applicable.toggled.connect(self._not_applicable_toggled)
        self.note.editingFinished.connect(self._save_note)
        self._confirm_callback: Callable[[], None] | None = None
        self._answer = Answer()

    # ------------------------------------------------------- parts made when first needed

    @property
    def help(self) -> QLabel:
        """Why the item is asked and where that comes from, shown by "?"."""
        if self._help is None:
            source = self.tr("Source: {source}").format(source=self.item.source)
            self._help = QLabel(f"{self.item.help}<br><span style='color:#666'>{source}</span>", self)
            self._help.setWordWrap(True)
            self._help.setObjectName("helpText")
            self._help.setVisible(False)
            self.grid.addWidget(self._help, 2, 0, 1, 3)
        return self._help

    @property
    def error(self) -> QLabel:
        """Why the last edit was refused or not saved."""
        if self._error is None:
            self._error = QLabel(self)
            self._error.setObjectName("errorText")
            self._error.setWordWrap(True)
            self._error.setVisible(False)
            self.grid.addWidget(self._error, 3, 0, 1, 3)
        return self._error

    def show_contradiction(self, text: str) -> None:
        """Where this answer contradicts another (core.consistency), said here as it is given,
        not only later on the results page; "" when it agrees."""
        if self._contradiction is None:
            if not text:
                return
            self._contradiction = QLabel(self)
            self._contradiction.setObjectName("errorText")
            self._contradiction.setWordWrap(True)
            self.grid.addWidget(self._contradiction, 5, 0, 1, 3)
        self._contradiction.setText(text)
        self._contradiction.setVisible(bool(text))

    @property
    def contradiction(self) -> str:
        return self._contradiction.text() if self._contradiction is not None else ""

    def _hide_error(self) -> None:
        if self._error is not None:
            self._error.setVisible(False)

    def _carried_widgets(self) -> tuple[QLabel, QPushButton]:
        if self._carried is None:
            carried = QLabel(self.tr("Carried over from last period"), self)
            carried.setObjectName("carriedOver")
            button = QPushButton(self.tr("Still true"), self)
            button.setToolTip(self.tr("The answer from last period still holds"))
            button.clicked.connect(self._confirm)
            for widget in (carried, button):
                widget.setVisible(False)
            self.header.insertWidget(1, carried)
            self.header.insertWidget(2, button)
            # Tab reaches "仍然如此" just before "?", as if it had been made with the row.
            before = self.help_button.previousInFocusChain()
            if before is not None and before is not button:
                QWidget.setTabOrder(before, button)
            self._carried = carried, button
        return self._carried

    @property
    def carried(self) -> QLabel:
        """ "上期结转" beside the label of an answer carried over from last period."""
        return self._carried_widgets()[0]

    @property
    def confirm_button(self) -> QPushButton:
        """ "仍然如此": the carried-over answer still holds."""
        return self._carried_widgets()[1]

    def _keyboard(self) -> None:
        """Tab stops once at the answer and once at "?"; 不适用 and the note have keys instead,
        so that tabbing through a page of 20 items takes 40 presses, not 80."""
        for widget in (self.not_applicable, self.note):
            widget.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        toggle = QShortcut(QKeySequence("Ctrl+Shift+N"), self, context=context)
        toggle.activated.connect(self._toggle_not_applicable)
        note = QShortcut(QKeySequence("Ctrl+Shift+B"), self, context=context)
        note.activated.connect(lambda: self.note.setFocus(Qt.FocusReason.ShortcutFocusReason))
        self.not_applicable.setToolTip(self.tr("Ctrl+Shift+N while answering this item"))
        self.note.setToolTip(self.tr("Ctrl+Shift+B while answering this item"))

    def _toggle_not_applicable(self) -> None:
        if not self.not_applicable.isHidden():  # not offered here: the key does nothing
            self.not_applicable.click()

    # --------------------------------------------------------------------------- state

    def show_answer(self, answer: Answer | None, carried_over: bool = False) -> None:
        self._answer = answer or Answer()
        if isinstance(self.editor, ValueEditor):
            self.editor.blockSignals(True)
            self.editor.set_value(self._answer.value)
            self.editor.blockSignals(False)
        self.not_applicable.blockSignals(True)
        self.not_applicable.setChecked(self._answer.not_applicable)
        self.not_applicable.blockSignals(False)
        self._offer_not_applicable()
        self._show_editor_for(self._answer.not_applicable)
        if self._note_text() != self._answer.note:
            self.note.setText(self._answer.note)
        self.set_carried_over(carried_over)

    def _offer_not_applicable(self) -> None:
        """The box shows where the checklist offers 不适用; where it does not, an old answer marked
        so (before v2, carried over, imported) still shows it, saying so, to be unticked."""
        stale = self._answer.not_applicable and not self.item.allows_not_applicable
        self.not_applicable.setVisible(self.item.allows_not_applicable or stale)
        if stale != bool(self.not_applicable.property("stale")):
            self.not_applicable.setProperty("stale", stale)
            self.not_applicable.setText(
                self.tr("Not applicable (no longer offered here: untick it and answer)")
                if stale
                else self.tr("Not applicable")
            )
            self.not_applicable.setStyleSheet("color: #b71c1c;" if stale else "")

    def set_carried_over(self, carried: bool) -> None:
        if carried or self._carried is not None:
            label, button = self._carried_widgets()
            label.setVisible(carried)
            button.setVisible(carried)
        if bool(self.property("carried")) != carried:  # re-polished (its background) only on a change
            self.setProperty("carried", carried)
            self.style().unpolish(self)
            self.style().polish(self)

    def on_confirm(self, callback: Callable[[], None]) -> None:
        self._confirm_callback = callback

    def flush(self) -> None:
        if isinstance(self.editor, ValueEditor):
            self.editor.flush()
        if self._note_text() != self._answer.note:
            self._save_note()

    # ------------------------------------------------------------------------- saving

    def _save(self) -> None:
        assert isinstance(self.editor, ValueEditor)
        if self.not_applicable.isChecked():
            return  # a late edit signal must not overwrite 不适用
        try:
            value = self.editor.value()
        except NumberInputError as exc:  # not a number in this field's unit: nothing is stored
            self._show_error(exc.message)
            return
        self._store(Answer(value, False, self._note_text()))

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)

    def _current_value(self) -> Any:
        """What the editor holds now: a table's rows as shown (they are saved row by row)."""
        if isinstance(self.editor, ValueEditor):
            return self.editor.value()
        rows = getattr(self.editor, "rows", None)
        return rows() if callable(rows) else self._answer.value

    def _show_editor_for(self, not_applicable: bool) -> None:
        if isinstance(self.editor, ValueEditor):
            self.editor.setEnabled(not not_applicable)
        else:  # a table keeps its rows, out of sight, until "not applicable" is unticked
            self.editor.setVisible(not not_applicable)

    def _not_applicable_toggled(self, checked: bool) -> None:
        table = not isinstance(self.editor, ValueEditor)
        if checked and isinstance(self.editor, ValueEditor):
            self.editor.discard_pending()  # typing still waiting for its pause would undo 不适用
        self._show_editor_for(checked)
        try:
            value = self._current_value() if table or not checked else None
        except NumberInputError as exc:  # unticked over text that is not a number
            self._show_error(exc.message)
            value = None
        if self._store(Answer(value, checked, self._note_text())):
            if not table:
                self._show_stored()
            self._offer_not_applicable()  # an old 不适用 unticked where it is not offered: the box goes

    def _show_stored(self) -> None:
        """Make the box and the editor show exactly what was stored."""
        assert isinstance(self.editor, ValueEditor)
        self.editor.blockSignals(True)
        self.editor.set_value(self._answer.value)
        self.editor.blockSignals(False)
        self.not_applicable.blockSignals(True)
        self.not_applicable.setChecked(self._answer.not_applicable)
        self.not_applicable.blockSignals(False)
        self._show_editor_for(self._answer.not_applicable)

    def _save_note(self) -> None:
        if self._note_text() != self._answer.note:
            value = self._answer.value if isinstance(self.editor, ValueEditor) else self._current_value()
            self._store(Answer(value, self._answer.not_applicable, self._note_text(), self._table_none()))

    def _table_none(self) -> bool:
        """Whether the table is answered "none" now (its editor saves that itself)."""
        is_none = getattr(self.editor, "is_none", None)
        return bool(is_none()) if callable(is_none) and not self.not_applicable.isChecked() else False

    def _note_text(self) -> str:
        """The note as typed, within what can be stored and exported (core/limits.py)."""
        return clean_typed_text(self.note.text(), maximum=MAX_NOTE_LENGTH)

    def _confirm(self) -> None:
        try:
            if self._confirm_callback:
                self._confirm_callback()
        except JianfuError as exc:  # not recorded (disk full…): say so and leave it to confirm
            self.error.setText(str(exc))
            self.error.setVisible(True)
            return
        self._hide_error()
        self.set_carried_over(False)

    def _store(self, answer: Answer) -> bool:
        try:
            self.save(answer)
        except JianfuError as exc:  # refused or not saved: say why here, keep what the user typed
            self.error.setText(getattr(exc, "message", str(exc)))
            self.error.setVisible(True)
            if not isinstance(self.editor, ValueEditor):
                return False
            self.not_applicable.blockSignals(True)  # the box goes back to what is stored
            self.not_applicable.setChecked(self._answer.not_applicable)
            self.not_applicable.blockSignals(False)
            self._show_editor_for(self._answer.not_applicable)
            return False
        self._answer = answer
        self._hide_error()
        self.set_carried_over(False)
        return True
