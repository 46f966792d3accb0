"""What was answered differently from last period (与上期相比), page by page."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jianfu.core.changes import AnswerChange


class ChangesDialog(QDialog):
    def __init__(self, changes: list[AnswerChange], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changes since last period"))
        layout = QVBoxLayout(self)
        if changes:
            text = self.tr("{count} answers differ from last period.").format(count=len(changes))
        else:
            text = self.tr("Nothing has been changed from last period so far.")
        self.summary = QLabel(text)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(len(changes), 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Page"), self.tr("Question"), self.tr("Last period"), self.tr("This period")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        for row, change in enumerate(changes):
            for column, value in enumerate((change.section_title, change.label, change.before, change.after)):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                self.table.setItem(row, column, cell)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        self.table.setVisible(bool(changes))
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 460)
