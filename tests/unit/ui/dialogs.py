"""Answering the modal dialogs a test provokes, as a user would read and close them.

Only dialogs answered through these helpers are allowed to open: any other fails the test at
once (the guard in tests/conftest.py, tests/helpers/modal_guard.py) instead of hanging the run.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from helpers.modal_guard import GUARD

D = TypeVar("D", bound=QDialog)


class MessageBoxes:
    """Records the text of every modal message box shown while active and closes it: with the
    button ``press`` when the box has it (e.g. Yes to a question), else as accepted."""

    def __init__(
        self, press: QMessageBox.StandardButton | None = None, look: Callable[[QMessageBox], None] | None = None
    ) -> None:
        self.press = press
        self.look = look  # called with each box before it is answered (e.g. a screenshot)
        self.texts: list[str] = []
        self.titles: list[str] = []
        self.buttons: list[list[str]] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._answer)
        self._done: Callable[[], None] | None = None

    def __enter__(self) -> MessageBoxes:
        self._done = GUARD.expect(QMessageBox)
        self.timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.timer.stop()
        if self._done is not None:
            self._done()

    def _answer(self) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            self.texts.append(box.text())
            self.titles.append(box.windowTitle())
            self.buttons.append([b.text() for b in box.buttons()])
            if self.look is not None:
                self.look(box)
            button = box.button(self.press) if self.press is not None else None
            if button is not None:
                QTest.mouseClick(button, Qt.MouseButton.LeftButton)
            else:
                box.done(QDialog.DialogCode.Accepted)


def when_shown(kind: type[D], handle: Callable[[D], None]) -> list[D]:
    """Call ``handle`` with the next modal ``kind`` once it is on screen (it blocks the test);
    the list returned holds it once handled."""
    seen: list[D] = []
    done = GUARD.expect(kind)

    def check() -> None:
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, kind) or not widget.isVisible():
            QTimer.singleShot(10, check)
            return
        seen.append(widget)
        done()
        handle(widget)

    QTimer.singleShot(0, check)
    return seen


def press(qtbot, button: QMessageBox.StandardButton) -> Callable[[QWidget], None]:
    """A ``when_shown`` handler that clicks ``button`` of a message box."""

    def handle(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)

    return handle


def start_next_period(qtbot, window) -> MessageBoxes:
    """Click 开始下一期 and agree to start it before it has begun (the question a test's day,
    2026-12-05, always brings from 2026-Q4); the boxes shown, with their texts."""
    with MessageBoxes(press=QMessageBox.StandardButton.Yes) as boxes:
        qtbot.mouseClick(window.start_page.next_button, Qt.MouseButton.LeftButton)
    return boxes
