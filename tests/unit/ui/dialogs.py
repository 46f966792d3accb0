"""Answering the message boxes a test provokes, as a user would read and close them."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox


class MessageBoxes:
    """Records the text of every modal message box shown while active and closes it."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.buttons: list[list[str]] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._answer)

    def __enter__(self) -> MessageBoxes:
        self.timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.timer.stop()

    def _answer(self) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            self.texts.append(box.text())
            self.buttons.append([b.text() for b in box.buttons()])
            box.done(QDialog.DialogCode.Accepted)
