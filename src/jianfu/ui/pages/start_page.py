"""The start page: the township's own assessments; continue one, start the next period, delete or
correct one, or look at the sample township (kept apart, never listed here)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jianfu.core.errors import JianfuError
from jianfu.services.start_snapshot import Listing
from jianfu.ui.session import Session
from jianfu.ui.widgets.carried_notice import CarriedNotice

if TYPE_CHECKING:  # the start page is painted before these are imported (ui/startup.py)
    from jianfu.services.township import AssessmentListing

# Qt.ItemDataRole.UserRole by value: naming any Qt.* enum builds all ~100 of them (~50 ms of CPU)
# before the first paint; the start page is painted without them (ui/app.py).
ID_ROLE = 256


class StartPage(QWidget):
    open_requested = Signal(int)
    new_requested = Signal()
    next_period_requested = Signal(int)
    confirm_requested = Signal(int)  # open at the first page with carried-over answers to confirm
    sample_requested = Signal()
    county_requested = Signal()
    deleted = Signal(int)  # an assessment went to the recycle list
    township_corrected = Signal(str)  # a township's identity was corrected (its new division code)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        title = QLabel(self.tr("Fingertip burden self-assessment"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        intro = QLabel(
            self.tr(
                "Check how many apps, work groups, duplicate reports, check-ins and meetings weigh on "
                "your township, see the four kinds of digital formalism they amount to, and print a "
                "rectification plan. Everything is saved on this computer as you type."
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("pageIntro")
        layout.addWidget(intro)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Township"), self.tr("Period"), self.tr("Completion"), self.tr("Last edit")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.doubleClicked.connect(lambda _i: self._open())
        layout.addWidget(self.table, 1)
        manage = QHBoxLayout()
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setToolTip(self.tr("Move the selected assessment to the recycle list; it can be restored"))
        self.correct_button = QPushButton(self.tr("Correct township name or code…"))
        self.recycle_button = QPushButton(self.tr("Recycle list…"))
        for button in (self.delete_button, self.correct_button):
            manage.addWidget(button)
        manage.addStretch()
        manage.addWidget(self.recycle_button)
        layout.addLayout(manage)
        self.carried = CarriedNotice(self.tr("Confirm carried-over answers"))
        self.carried.go.connect(self._confirm_carried)
        layout.addWidget(self.carried)
        self._to_confirm: dict[int, int] = {}  # assessment id → carried-over answers to confirm
        self.empty = QLabel(
            self.tr("No assessment yet. Start one for your township, or look at the sample township first.")
        )
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        buttons = QHBoxLayout()
        self.continue_button = QPushButton(self.tr("Continue"))
        self.next_button = QPushButton(self.tr("Start next period (carry answers over)"))
        self.new_button = QPushButton(self.tr("New assessment…"))
        self.sample_button = QPushButton(self.tr("Open the sample township"))
        self.sample_button.setToolTip(
            self.tr("A fictional township to look around; it is kept apart from your own assessments")
        )
        for button in (self.continue_button, self.next_button, self.new_button, self.sample_button):
            buttons.addWidget(button)
        buttons.addStretch()
        self.county_button = QPushButton(self.tr("County overview (inspectors)…"))
        self.county_button.setToolTip(self.tr("Import the files of all townships and see the county's burdens"))
        buttons.addWidget(self.county_button)
        self.county_button.clicked.connect(self.county_requested)
        layout.addLayout(buttons)
        layout.addStretch(0)  # takes the room when the list is hidden (first start)
        self.continue_button.clicked.connect(self._open)
        self.next_button.clicked.connect(self._next_period)
        self.new_button.clicked.connect(self.new_requested)
        self.sample_button.clicked.connect(self.sample_requested)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.delete_button.clicked.connect(self.delete_selected)
        self.correct_button.clicked.connect(self.correct_selected)
        self.recycle_button.clicked.connect(self.show_recycle_list)

    def load(self) -> None:
        service = self.session.service
        self.show_listings(listing_rows(service.my_assessments()), bool(service.recycle_list()))

    def show_listings(self, listings: list[Listing], recycled: bool) -> None:
        """The list as computed now, or as the start-up snapshot remembers it (ui/app.py)."""
        self.table.setRowCount(len(listings))
        self._to_confirm = {listing[0]: listing[6] for listing in listings}
        for row, (assessment_id, township, period, answered, asked, edited, to_confirm) in enumerate(listings):
            done = f"{round(100 * answered / asked) if asked else 0}%（{answered}/{asked}）"
            if to_confirm:  # carried over, not this period's answers yet: not counted as answered
                done += self.tr(", {count} carried over to confirm").format(count=to_confirm)
            values = [township, period, done, edited]
            for column, text in enumerate(values):
                cell = QTableWidgetItem(text)
                cell.setData(ID_ROLE, assessment_id)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.empty.setVisible(not listings)
        self.table.setVisible(bool(listings))
        if listings:  # the township's own latest: the sample is never listed, so never chosen here
            self.table.selectRow(0)
        self.recycle_button.setEnabled(recycled)
        self._selection_changed()

    def selected_id(self) -> int | None:
        items = self.table.selectedItems()
        return int(items[0].data(ID_ROLE)) if items else None

    def _selection_changed(self) -> None:
        chosen = self.selected_id() is not None
        for button in (self.continue_button, self.next_button, self.delete_button, self.correct_button):
            button.setEnabled(chosen)
        self.continue_button.setDefault(chosen)
        self.carried.show_count(self._to_confirm.get(self.selected_id() or 0, 0))

    def _confirm_carried(self) -> None:
        chosen = self.selected_id()
        if chosen is not None:
            self.confirm_requested.emit(chosen)

    def _open(self) -> None:
        chosen = self.selected_id()
        if chosen is not None:
            self.open_requested.emit(chosen)

    def _next_period(self) -> None:
        chosen = self.selected_id()
        if chosen is not None:
            self.next_period_requested.emit(chosen)

    def delete_selected(self) -> None:
        """To the recycle list, after the cadre confirms which assessment it is."""
        from jianfu.ui.pages.township_dialogs import confirm_delete

        chosen = self.selected_id()
        if chosen is None or not confirm_delete(self, self.session.service.summary(chosen)):
            return
        try:
            self.session.service.delete(chosen)
        except JianfuError as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, self.tr("Delete"), str(exc))
            return
        self.deleted.emit(chosen)
        self.load()

    def correct_selected(self) -> None:
        from jianfu.ui.pages.township_dialogs import CorrectTownshipDialog

        chosen = self.selected_id()
        if chosen is None:
            return
        dialog = CorrectTownshipDialog(self.session.service, self.session.service.summary(chosen).township, self)
        if dialog.exec() == CorrectTownshipDialog.DialogCode.Accepted and dialog.corrected is not None:
            self.township_corrected.emit(dialog.corrected.division_code)
            self.load()

    def show_recycle_list(self) -> None:
        from jianfu.ui.pages.township_dialogs import RecycleListDialog

        RecycleListDialog(self.session.service, self).exec()
        self.load()


def listing_rows(listings: list[AssessmentListing]) -> list[Listing]:
    """The start page's lines: what it shows of each assessment."""
    return [
        (
            listing.id,
            f"{listing.summary.township.county}{listing.summary.township.name}",
            listing.summary.period.label,
            listing.answered,
            listing.asked,
            listing.summary.updated_at[:16].replace("T", " "),
            listing.to_confirm,
        )
        for listing in listings
    ]
