"""The dialog that starts a township's assessment: its identity and the period.

Apart from the start page: its Qt classes (form, line edits, combo box, button box) are only
built when it is opened, not before the start page's first paint (ui/startup.py)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from jianfu.core.assessment import IdentityError, Period, Township
from jianfu.core.limits import MAX_NAME_LENGTH, clean_typed_text


def period_choices(today: dt.date) -> list[Period]:
    """This quarter, the two before it and the next one, newest first."""
    current = Period.containing(today)
    year, quarter = int(current.code[:4]), int(current.code[-1])
    result = []
    for shift in (1, 0, -1, -2):
        q = quarter + shift
        y = year + (q - 1) // 4
        result.append(Period(f"{y}-Q{(q - 1) % 4 + 1}"))
    return result


class NewAssessmentDialog(QDialog):
    """Asks the township's identity and the period once, at the first assessment."""

    def __init__(self, last: Township | None, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New assessment"))
        form = QFormLayout(self)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. 柳河镇"))
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("12 digits, e.g. 519901101000"))
        self.code.setMaxLength(12)
        self.county = QLineEdit()
        self.name.setMaxLength(MAX_NAME_LENGTH)
        self.county.setMaxLength(MAX_NAME_LENGTH)
        self.period = QComboBox()
        for period in period_choices(today or dt.date.today()):
            self.period.addItem(period.label, period.code)
        self.period.setCurrentIndex(1)
        if last is not None:  # the township's own, as before (never the sample's)
            self.name.setText(last.name)
            self.code.setText(last.division_code)
            self.county.setText(last.county)
        form.addRow(self.tr("Township or sub-district"), self.name)
        form.addRow(self.tr("Division code"), self.code)
        form.addRow(self.tr("County"), self.county)
        form.addRow(self.tr("Period"), self.period)
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.setContentsMargins(0, 6, 0, 0)  # apart from the period box above it
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Sized to its content in the current font: hints in full, room for the error text.
        metrics = self.fontMetrics()
        for edit in (self.name, self.code, self.county):
            edit.setMinimumWidth(
                max(metrics.horizontalAdvance(edit.placeholderText()), metrics.horizontalAdvance("中") * 14) + 24
            )
        self.township: Township | None = None

    def chosen_period(self) -> Period:
        return Period(self.period.currentData())

    def _accept(self) -> None:
        try:
            self.township = Township(*(clean_typed_text(e.text()).strip() for e in (self.name, self.code, self.county)))
        except IdentityError as exc:
            self.error.setText(str(exc))
            self.adjustSize()  # the message takes its own lines, never over the buttons
            return
        self.accept()
