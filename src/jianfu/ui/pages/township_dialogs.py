"""Dialogs of the start page that change what is stored: delete (to the recycle list), restore,
and correct a township's name or division code. Each asks before it changes anything."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jianfu.core.assessment import IdentityError, Township
from jianfu.core.errors import JianfuError
from jianfu.services.township import AssessmentService, AssessmentSummary

ID_ROLE = Qt.ItemDataRole.UserRole


def _describe(summary: AssessmentSummary) -> str:
    return f"{summary.township.county}{summary.township.name}{summary.period.label}"  # 云溪县柳河镇2026年第四季度


def today() -> dt.date:
    """The day by the computer's clock (tests set their own)."""
    return dt.date.today()


def _day(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def confirm_next_period(parent: QWidget, service: AssessmentService, previous_id: int) -> bool:
    """Whether to start the period after ``previous_id``'s: at once when it has begun; before
    that the cadre is asked, with its dates, since the current period is not over (an early click
    would start an assessment of a period still to come). Raises PeriodExistsError, saying where
    it is, when the township has that period already."""
    following = service.following_period(previous_id)
    if following.start <= today():
        return True
    current = service.summary(previous_id).period
    translate = QCoreApplication.translate
    box = QMessageBox(
        QMessageBox.Icon.Question,
        translate("NextPeriod", "Start next period"),
        translate(
            "NextPeriod",
            "{current} runs until {end} and is not over yet; the next period, {next} ({start} to "
            "{next_end}), has not begun.\n\nStarting it now creates the assessment for {next}, with "
            "this period's answers carried over to confirm, though {next} has not happened yet. "
            "Usually the next period is started once {current} is over.\n\nStart {next} now?",
        ).format(
            current=current.label,
            end=_day(current.end),
            next=following.label,
            start=_day(following.start),
            next_end=_day(following.end),
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        parent,
    )
    start = box.button(QMessageBox.StandardButton.Yes)
    start.setText(translate("NextPeriod", "Start {next} now").format(next=following.label))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # the early click is the one to think over
    box.exec()
    return box.clickedButton() is start


def confirm_delete(parent: QWidget, summary: AssessmentSummary) -> bool:
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("RecycleListDialog", "Delete"),
        QCoreApplication.translate(
            "RecycleListDialog",
            "Move the assessment of {assessment} to the recycle list? It can be restored from the recycle list.",
        ).format(assessment=_describe(summary)),
    )
    return answer == QMessageBox.StandardButton.Yes


class RecycleListDialog(QDialog):
    """Deleted assessments, each restorable; nothing here is ever erased."""

    def __init__(self, service: AssessmentService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(self.tr("Recycle list"))
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Deleted assessments are kept here. Restore one to list it on the start page again."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Township"), self.tr("Period"), self.tr("Deleted")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.clicked.connect(self.restore_selected)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons.addWidget(self.restore_button)
        buttons.addStretch()
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.load()
        self.resize(560, 320)

    def load(self) -> None:
        deleted = self.service.recycle_list()
        self.table.setRowCount(len(deleted))
        for row, summary in enumerate(deleted):
            values = [
                f"{summary.township.county}{summary.township.name}",
                summary.period.label,
                summary.deleted_at[:16].replace("T", " "),
            ]
            for column, text in enumerate(values):
                cell = QTableWidgetItem(text)
                cell.setData(ID_ROLE, summary.id)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(bool(self.table.selectedItems()))

    def restore_selected(self) -> None:
        items = self.table.selectedItems()
        if not items:
            return
        try:
            self.service.restore(int(items[0].data(ID_ROLE)))
        except JianfuError as exc:
            QMessageBox.warning(self, self.tr("Restore"), str(exc))
            return
        self.load()


class CorrectTownshipDialog(QDialog):
    """Correct a township's name, county or division code, for all its assessments, on purpose."""

    def __init__(self, service: AssessmentService, township: Township, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.original = township
        self.corrected: Township | None = None
        self.setWindowTitle(self.tr("Correct township name or code"))
        form = QFormLayout(self)
        count = service.assessment_count(township.division_code)
        hint = QLabel(
            self.tr(
                "The correction applies to all {count} assessments of {township} on this computer. "
                "Files already sent to the county keep the old details."
            ).format(count=count, township=township.name)
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        self.name = QLineEdit(township.name)
        self.code = QLineEdit(township.division_code)
        self.code.setMaxLength(12)
        self.county = QLineEdit(township.county)
        form.addRow(self.tr("Township or sub-district"), self.name)
        form.addRow(self.tr("Division code"), self.code)
        form.addRow(self.tr("County"), self.county)
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(460)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)

    def _accept(self) -> None:
        try:
            corrected = Township(self.name.text().strip(), self.code.text().strip(), self.county.text().strip())
        except IdentityError as exc:
            self._show_error(str(exc))
            return
        if corrected == self.original:
            self.reject()
            return
        old, new = self.original, corrected
        question = self.tr("Change {old_name} ({old_code}) to {new_name} ({new_code}) in all its assessments?").format(
            old_name=old.county + old.name,
            old_code=old.division_code,
            new_name=new.county + new.name,
            new_code=new.division_code,
        )
        if QMessageBox.question(self, self.windowTitle(), question) != QMessageBox.StandardButton.Yes:
            return
        try:
            self.service.correct_township(old.division_code, corrected)
        except JianfuError as exc:
            self._show_error(str(exc))
            return
        self.corrected = corrected
        self.accept()
