"""The main window: a sidebar of pages with completion, the pages, Back/Next and "saved"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from jianfu.core.errors import JianfuError
from jianfu.core.wizard import (
    EXPORT,
    PLAN,
    RESULTS,
    START,
    WizardPage,
    contradictions_by_page,
    next_page,
    page_completion,
    previous_page,
    wizard_pages,
)
from jianfu.services.start_snapshot import StartSnapshot
from jianfu.ui.appearance import apply_font_size
from jianfu.ui.pages.start_page import StartPage, listing_rows
from jianfu.ui.session import Session
from jianfu.ui.startup import DeferredStart

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from jianfu.ui.tasks import Task

# Qt.ItemDataRole.UserRole by value, and no other Qt.* enum before the first paint: naming one
# builds all ~100 of them (~50 ms of CPU, see tests/benchmarks/startup.py).
PAGE_ROLE = 256


class MainWindow(QMainWindow):
    def __init__(self, session: Session, font_family: str, snapshot: StartSnapshot | None = None) -> None:
        """With a ``snapshot`` (ui/app.py) the start page and sidebar show it, and nothing needs
        the services until :meth:`settle_start` or a click; else they are computed at once."""
        super().__init__()
        self.session = session
        self.font_family = font_family
        self._snapshot = snapshot
        self._sidebar_pages: list[WizardPage] = []
        self.remember_start: Callable[[], None] | None = None  # ui/app.py: the snapshot for the next start
        self.startup: DeferredStart | None = None  # ui/app.py: the work left for after the first paint
        self.setWindowTitle(self.tr("Jianfu — fingertip burden self-assessment"))
        self.resize(1280, 720)
        self.setMinimumSize(1000, 600)

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(250)
        self.sidebar.setWordWrap(True)
        self.sidebar.setProperty("horizontalScrollBarPolicy", "ScrollBarAlwaysOff")  # by name: see PAGE_ROLE
        self.stack = QStackedWidget()
        self.back_button = QPushButton(self.tr("Back"))
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.setDefault(True)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedState")
        self.location = QLabel()
        self.changes_button = QPushButton(self.tr("Changes since last period…"))
        self.changes_button.setVisible(False)

        bottom = QHBoxLayout()
        bottom.addWidget(self.location)
        bottom.addWidget(self.changes_button)
        bottom.addStretch()
        bottom.addWidget(self.saved_label)
        bottom.addSpacing(12)
        bottom.addWidget(self.back_button)
        bottom.addWidget(self.next_button)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 8, 8)
        right.addWidget(self.stack, 1)
        right.addLayout(bottom)
        central = QWidget()
        outer = QHBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.sidebar)
        outer.addLayout(right, 1)
        self.setCentralWidget(central)

        self.start_page = StartPage(session)
        self.pages: dict[str, QWidget] = {START: self.start_page}
        self.stack.addWidget(self.start_page)
        self.current = START
        self._switching = False
        self._built_for: tuple[str, int] | None = None

        self._menu()
        self.sidebar.currentItemChanged.connect(self._sidebar_clicked)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.start_page.open_requested.connect(self.open_assessment)
        self.start_page.new_requested.connect(self.new_assessment)
        self.start_page.next_period_requested.connect(self.next_period)
        self.start_page.confirm_requested.connect(self.confirm_carried)
        self.start_page.sample_requested.connect(self.open_sample)
        self.start_page.county_requested.connect(self.open_county)
        self.start_page.deleted.connect(self._assessment_deleted)
        self.start_page.township_corrected.connect(self._township_corrected)
        self.changes_button.clicked.connect(self.show_changes)
        session.confirmations_changed.connect(self._refresh_sidebar)
        session.saved.connect(lambda t: self.saved_label.setText(self.tr("All changes saved {time}").format(time=t)))
        session.answers_changed.connect(lambda _i: self._refresh_sidebar())
        self._restore_geometry()
        if snapshot is None:
            self._rebuild_sidebar()
            self.start_page.load()
        else:
            self._rebuild_sidebar([WizardPage(*page) for page in snapshot.pages])
            self.start_page.show_listings(snapshot.listings, snapshot.recycled)
        self._update_buttons()

    # ------------------------------------------------------------------------ start-up

    def start_snapshot(self) -> StartSnapshot:
        """What the start page and the sidebar show, computed from the database and checklists."""
        service = self.session.service
        pages = [(p.id, p.title, p.section_id) for p in wizard_pages(self.session.library.latest())]
        return StartSnapshot(listing_rows(service.my_assessments()), bool(service.recycle_list()), pages)

    def settle_start(self) -> StartSnapshot:
        """After the first paint: what was painted from the snapshot is replaced if the database or
        the checklists say otherwise (the sidebar only while no assessment is open)."""
        from PySide6.QtGui import QKeySequence

        self._home_action.setShortcut(QKeySequence("Ctrl+Home"))
        truth = self.start_snapshot()
        shown, self._snapshot = self._snapshot, None
        if shown is not None:
            if shown.pages != truth.pages and self.session.assessment is None:
                self._rebuild_sidebar()
            else:
                self._refresh_sidebar()  # the entries' flags, now that Qt's enums may be built
            if (shown.listings, shown.recycled) != (truth.listings, truth.recycled):
                self.start_page.load()
        return truth

    # ---------------------------------------------------------------------------- menu

    def _menu(self) -> None:
        # The actions are made by the menu: QAction(text, parent) would build QIcon's enums before the paint.
        menu = self.menuBar().addMenu(self.tr("&View"))
        self.large_font = menu.addAction(self.tr("Large font"))
        self.large_font.setCheckable(True)
        self.large_font.setChecked(bool(QSettings().value("ui/large_font", False, type=bool)))
        self.large_font.toggled.connect(self.set_large_font)
        home = menu.addAction(self.tr("Start page"))
        self._home_action = home  # its shortcut is set after the first paint (settle_start): see PAGE_ROLE
        home.triggered.connect(lambda: self.show_page(START))

    def set_large_font(self, large: bool) -> None:
        QSettings().setValue("ui/large_font", large)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        apply_font_size(app, self.font_family, large)

    # ---------------------------------------------------------------------- assessments

    def open_assessment(self, assessment_id: int) -> None:
        self.session.open(assessment_id)
        self._build_pages()
        last = self.session.last_page()
        known = {p.id for p in self._wizard_pages()}
        self.show_page(last if last in known and last != START else self._first_section())

    def confirm_carried(self, assessment_id: int) -> None:
        """Open the assessment at the first page with last period's answers still to confirm."""
        from jianfu.core.wizard import first_page_to_confirm

        self.open_assessment(assessment_id)
        page = first_page_to_confirm(self.session.checklist, self.session.answers)
        if page is not None:
            self.show_page(page)

    def new_assessment(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from jianfu.ui.pages.new_assessment import NewAssessmentDialog

        dialog = NewAssessmentDialog(self.session.service.own_township(), self)
        if dialog.exec() != NewAssessmentDialog.DialogCode.Accepted or dialog.township is None:
            return
        try:
            self.session.create(dialog.township, dialog.chosen_period())
        except JianfuError as exc:
            QMessageBox.information(self, self.tr("New assessment"), str(exc))
            return
        self._build_pages()
        self.show_page(self._first_section())

    def next_period(self, previous_id: int) -> None:
        from PySide6.QtWidgets import QMessageBox

        from jianfu.ui.pages.township_dialogs import confirm_next_period

        try:
            if not confirm_next_period(self, self.session.service, previous_id):
                return  # not begun yet, and the cadre would rather wait
            self.session.next_period(previous_id)
        except JianfuError as exc:
            QMessageBox.information(self, self.tr("Next period"), str(exc))
            return
        self._build_pages()
        self.show_page(self._first_section())

    def open_sample(self) -> Task:
        """Opens the sample once it is prepared off the UI thread (sample_opening.py)."""
        from jianfu.ui.sample_opening import open_sample_in_background

        return open_sample_in_background(self, self.session.service, self.open_assessment)

    def _assessment_deleted(self, assessment_id: int) -> None:
        if self.session.assessment_id == assessment_id:
            self.session.close()
            self._rebuild_sidebar()
            self._update_buttons()

    def _township_corrected(self, _division_code: str) -> None:
        if self.session.assessment_id is not None:  # show the corrected name everywhere
            self.session.open(self.session.assessment_id)
            self._update_buttons()

    def show_changes(self) -> None:
        from jianfu.ui.pages.changes_dialog import ChangesDialog

        if self.session.current is None:
            return
        service, current = self.session.service, self.session.current
        changes = service.changes_since_previous(current)
        scores, versions_differ = service.scores_since_previous(current) or ([], False)
        ChangesDialog(changes or [], scores, versions_differ, self).exec()

    def open_file(self, path: Path) -> None:
        """Open an assessment file (double-clicked, or given on the command line).

        It is copied into this computer's assessments unless the township already has one for
        that period here, which is then opened as it is (nothing is overwritten)."""
        from PySide6.QtWidgets import QMessageBox

        from jianfu.exchange.assessment_file import read_assessment_file

        try:
            content = read_assessment_file(path, self.session.library)
        except JianfuError as exc:
            QMessageBox.warning(self, self.tr("Open file"), str(exc))
            return
        a = content.assessment
        try:
            existing, added = self.session.service.add_from_file(a)
        except JianfuError as exc:
            QMessageBox.warning(self, self.tr("Open file"), str(exc))
            return
        if not added:
            QMessageBox.information(
                self,
                self.tr("Open file"),
                self.tr(
                    "{township} already has an assessment for {period} on this computer; it is opened "
                    "unchanged. Use the county overview to compare files."
                ).format(township=a.township.name, period=a.period.label),
            )
        self.open_assessment(existing)

    def open_county(self, database: Path | None = None) -> QWidget:
        """The county inspector's window, on its own database beside the township's."""
        from PySide6.QtWidgets import QMessageBox

        from jianfu.ui.county.county_window import CountyWindow

        path = database or self.session.service.database_path.with_name("county.sqlite3")
        try:
            self.county_window = CountyWindow(self.session.library, path)
        except JianfuError as exc:
            QMessageBox.warning(self, self.tr("County overview"), str(exc))
            return self
        self.county_window.show()
        return self.county_window

    # ---------------------------------------------------------------------------- pages

    def _wizard_pages(self) -> list[WizardPage]:
        return wizard_pages(self.session.checklist)

    def _first_section(self) -> str:
        return self._wizard_pages()[1].id

    def _build_pages(self) -> None:
        """Forget the pages of another checklist version; pages are built when first shown."""
        key = (self.session.checklist.id, self.session.checklist.version)
        if self._built_for != key:
            for page_id, page in list(self.pages.items()):
                if page_id != START:
                    self.stack.removeWidget(page)
                    page.deleteLater()
                    del self.pages[page_id]
            self._built_for = key
        self._rebuild_sidebar()

    def _prebuild_pages(self) -> None:
        """Build the pages not yet built, a slice per event-loop turn, while the user reads the
        first: building a page in one go takes 60–150 ms, a freeze felt on every first Next."""
        from jianfu.ui.pages.building import PageBuilder

        builder: PageBuilder | None = getattr(self, "_page_builder", None)
        if builder is None:
            builder = self._page_builder = PageBuilder(
                self,
                self.pages,
                lambda: [p.id for p in self._wizard_pages()],
                self._page,
                lambda: self.current,
                lambda: self.session.assessment is not None,
            )
        builder.start()

    def _page(self, page_id: str) -> QWidget:
        """The page widget, built on first use: opening an assessment stays quick."""
        if page_id in self.pages:
            return self.pages[page_id]
        # Imported here, not at start-up: the start page must appear fast (see benchmarks/startup.py).
        from jianfu.ui.pages.export_page import ExportPage
        from jianfu.ui.pages.plan_page import PlanPage
        from jianfu.ui.pages.results_page import ResultsPage
        from jianfu.ui.pages.section_page import SectionPage

        wizard_page = next(p for p in self._wizard_pages() if p.id == page_id)
        widget: QWidget
        if wizard_page.section_id is not None:
            widget = SectionPage(self.session, self.session.checklist.section(wizard_page.section_id))
        elif page_id == RESULTS:
            widget = ResultsPage(self.session)
            widget.page_requested.connect(self.show_page)
            widget.item_requested.connect(self.show_item)
        elif page_id == PLAN:
            widget = PlanPage(self.session)
        else:
            widget = ExportPage(self.session)
            widget.page_requested.connect(self.show_page)
            widget.blanks_requested.connect(self.show_plan_blanks)
            widget.unrouted_requested.connect(self.show_plan_unrouted)
        self.pages[page_id] = widget
        self.stack.addWidget(widget)
        return widget

    def show_page(self, page_id: str) -> None:
        current = self.pages.get(self.current)
        flush = getattr(current, "flush", None)
        if flush:
            flush()
        if page_id != START and self.session.assessment is None:
            page_id = START
        self.current = page_id
        page = self._page(page_id)
        from jianfu.ui.pages.building import build_first_slice  # not before the first paint: ~0.5 ms

        build_first_slice(page)  # the rows seen first; the rest in the next turns (building.py)
        load = getattr(page, "load", None)
        if load:
            load()
        # The sidebar is selected first and ignored while switching: when the focused button
        # (继续填写) disappears with its page, Qt hands focus to the sidebar, which would otherwise
        # select its first entry and open 开始 behind the page just asked for.
        focused = QApplication.focusWidget()
        focus_was_on_page = focused is not None and self.stack.isAncestorOf(focused)
        self._switching = True
        try:
            self._select_in_sidebar(page_id)
            self.stack.setCurrentWidget(page)
            if focus_was_on_page:
                from jianfu.ui.widgets.focus import focus_first_field

                focus_first_field(page)
        finally:
            self._switching = False
        if page_id != START:
            self.session.set_last_page(page_id)
            self._prebuild_pages()
        self._update_buttons()

    def show_item(self, item_id: str) -> None:
        """The page that asks ``item_id``, scrolled to it, the cursor in it."""
        checklist = self.session.checklist
        if not checklist.has_item(item_id):
            return
        section_id = checklist.item(item_id).section_id
        self.show_page(section_id)
        page = self.pages.get(section_id)
        focus_item = getattr(page, "focus_item", None)
        if focus_item is not None:
            focus_item(item_id)

    def show_plan_blanks(self) -> None:
        """The plan page at its first printed item without 责任人 or 整改时限."""
        self.show_page(PLAN)
        self.pages[PLAN].focus_first_blank()  # type: ignore[attr-defined]

    def show_plan_unrouted(self) -> None:
        """The plan page, its first request to the county naming no one department open to pick."""
        self.show_page(PLAN)
        self.pages[PLAN].pick_first_unrouted()  # type: ignore[attr-defined]

    def go_next(self) -> None:
        target = next_page(self.session.checklist, self.current)
        if target:
            self.show_page(target)

    def go_back(self) -> None:
        target = previous_page(self.session.checklist, self.current)
        if target:
            self.show_page(target)

    def _update_buttons(self) -> None:
        opened = self.session.assessment is not None
        self.back_button.setEnabled(opened and self.current != START)
        self.next_button.setEnabled(opened and self.current != EXPORT)
        if opened and self.session.assessment is not None:
            a = self.session.assessment
            sample = self.tr(" (sample, fictional)") if self.session.current and self.session.current.sample else ""
            self.location.setText(f"{a.township.county}{a.township.name}{sample} · {a.period.label}")
        else:
            self.location.setText("")
        current = self.session.current
        self.changes_button.setVisible(current is not None and self.session.service.previous_of(current.id) is not None)

    # -------------------------------------------------------------------------- sidebar

    def _rebuild_sidebar(self, pages: list[WizardPage] | None = None) -> None:
        """Entries for ``pages`` (the start-up snapshot's), else for the open checklist's pages."""
        self._sidebar_pages = pages if pages is not None else self._wizard_pages()
        self.sidebar.blockSignals(True)
        self.sidebar.clear()
        for page in self._sidebar_pages:
            entry = QListWidgetItem()
            entry.setData(PAGE_ROLE, page.id)
            self.sidebar.addItem(entry)
        self.sidebar.blockSignals(False)
        self._refresh_sidebar()

    def _refresh_sidebar(self) -> None:
        opened = self.session.assessment is not None
        titles = {
            START: self.tr("Start"),
            RESULTS: self.tr("Results"),
            PLAN: self.tr("Rectification plan"),
            EXPORT: self.tr("Print and export"),
        }
        contradicted = contradictions_by_page(self.session.checklist, self.session.answers) if opened else {}
        for row in range(self.sidebar.count()):
            entry = self.sidebar.item(row)
            page_id = entry.data(PAGE_ROLE)
            page = next(p for p in self._sidebar_pages if p.id == page_id)
            text = titles.get(page_id, page.title)
            done = page_completion(self.session.checklist, self.session.answers, page_id) if opened else None
            if done is not None:
                text += self._progress_text(page.section_id or page_id, done, page_id in contradicted)
            entry.setText(text)
            self._enable_entry(entry, opened or page_id == START)

    def _progress_text(self, section_id: str, done: tuple[int, int], contradicted: bool) -> str:
        """ "  3/5 ✓" after a page's title, with its marks on lines of their own."""
        from jianfu.core.answers import unconfirmed  # loaded by page_completion already

        answered, asked = done
        carried = unconfirmed(self.session.checklist, self.session.answers, section_id)
        # Next period: answers carried over that nobody has looked at yet are filled in, so no
        # "0/5" (it read as "nothing here"); the page is not done either.
        text = "" if carried else f"  {answered}/{asked}" + (" ✓" if answered == asked and not contradicted else "")
        if contradicted:  # a contradiction is not done
            text += "\n" + self.tr("● Answers contradict")
        blank = max(0, asked - answered - len(carried))
        if carried and blank:
            text += "\n" + self.tr("● {count} to confirm, {blank} unanswered").format(count=len(carried), blank=blank)
        elif carried:
            text += "\n" + self.tr("● {count} to confirm").format(count=len(carried))
        return text

    def _enable_entry(self, entry: QListWidgetItem, enabled: bool) -> None:
        if not self.session.ready:
            # Painted from the snapshot, before Qt's enums are built (see PAGE_ROLE): a disabled
            # entry is drawn in the disabled colour, the same pixels, until settle_start() sets its
            # flags; a click on it leads to the start page (show_page), as it would do nothing else.
            if not enabled:
                entry.setForeground(self.sidebar.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
            return
        from PySide6.QtCore import Qt

        entry.setData(Qt.ItemDataRole.ForegroundRole, None)
        entry.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable if enabled else Qt.ItemFlag.NoItemFlags)

    def _select_in_sidebar(self, page_id: str) -> None:
        self.sidebar.blockSignals(True)
        for row in range(self.sidebar.count()):
            if self.sidebar.item(row).data(PAGE_ROLE) == page_id:
                self.sidebar.setCurrentRow(row)
        self.sidebar.blockSignals(False)
        self._refresh_sidebar()

    def _sidebar_clicked(self, entry: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if entry is None or self._switching:
            return
        if entry.data(PAGE_ROLE) == self.current:  # the sidebar took the focus at start-up: no reload
            self._select_in_sidebar(self.current)
        else:
            self.show_page(entry.data(PAGE_ROLE))

    # ------------------------------------------------------------------------- closing

    def _restore_geometry(self) -> None:
        geometry = QSettings().value("ui/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    def closeEvent(self, event: QCloseEvent) -> None:
        current = self.pages.get(self.current)
        flush = getattr(current, "flush", None)
        if flush:
            flush()  # the edit being typed is saved too
        QSettings().setValue("ui/geometry", self.saveGeometry())
        if self.remember_start is not None and self.session.ready:
            self.remember_start()
        super().closeEvent(event)
