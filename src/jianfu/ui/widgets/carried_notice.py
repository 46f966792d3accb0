"""The notice that an assessment still holds last period's answers, unconfirmed ("开始下一期"):
no level until they are confirmed. Shown on the start page and the results page, with a button
to the first page to confirm."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class CarriedNotice(QFrame):
    go = Signal()  # to the first page with answers to confirm

    def __init__(self, button_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("carriedNotice")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.button = QPushButton(button_text)
        self.button.clicked.connect(self.go)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.setVisible(False)

    def show_count(self, count: int, pages: tuple[tuple[str, int], ...] = ()) -> None:
        """``count`` answers to confirm (on ``pages``: title, how many); hidden when none."""
        self.setVisible(count > 0)
        if not count:
            return
        where = "、".join(self.tr("{page}: {count}").format(page=title, count=n) for title, n in pages)
        text = self.tr(
            "{count} answers carried over from last period are not confirmed yet: until they are, this "
            "assessment is incomplete and gets no level, because nobody has said they still hold for this "
            "period. Correct what changed and confirm the rest page by page."
        ).format(count=count)
        self.text.setText(text + ("\n" + self.tr("To confirm: {pages}").format(pages=where) if where else ""))
