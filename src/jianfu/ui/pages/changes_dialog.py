"""与上期相比: each score last period and now, then what was answered differently, page by page.

The scores come first because they are what the county compares; the answers below say why."""

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

from jianfu.core.changes import AnswerChange, ScoreChange


class ChangesDialog(QDialog):
    def __init__(
        self,
        changes: list[AnswerChange],
        scores: list[ScoreChange] | None = None,
        versions_differ: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changes since last period"))
        layout = QVBoxLayout(self)
        self.scores = self._score_table(scores or [])
        self.scores.setVisible(bool(scores))
        layout.addWidget(self.scores)
        self.version_note = QLabel(
            self.tr(
                "Last period was answered with another checklist version; each period is scored with its own "
                "version, so part of a change may come from the new version rather than from new answers."
            )
        )
        self.version_note.setWordWrap(True)
        self.version_note.setVisible(bool(scores) and versions_differ)
        layout.addWidget(self.version_note)
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
        self.resize(820, 560)

    def _score_table(self, scores: list[ScoreChange]) -> QTableWidget:
        table = QTableWidget(len(scores), 4)
        table.setHorizontalHeaderLabels(
            [self.tr("Score"), self.tr("Last period"), self.tr("This period"), self.tr("Change")]
        )
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        for row, change in enumerate(scores):
            delta = change.delta
            if abs(delta) < 0.05:
                moved = self.tr("unchanged")
            elif delta > 0:  # a higher score is a heavier burden
                moved = self.tr("up {points:.1f} (heavier)").format(points=delta)
            else:
                moved = self.tr("down {points:.1f} (lighter)").format(points=-delta)
            texts = (
                change.name,
                f"{change.before:.1f}（{change.before_level}）",
                f"{change.after:.1f}（{change.after_level}）",
                moved,
            )
            for column, text in enumerate(texts):
                table.setItem(row, column, QTableWidgetItem(text))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.resizeRowsToContents()
        rows_height = sum(table.rowHeight(r) for r in range(len(scores)))
        table.setFixedHeight(header.sizeHint().height() + rows_height + 2 * table.frameWidth())
        return table
