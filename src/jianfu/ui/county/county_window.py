"""County inspector mode: import the townships' files, see where the burdens are and which
county departments impose them, drill into a township, print and export the summary."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QSettings, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from jianfu.core.assessment import Period
from jianfu.core.attribution import parse_attribution
from jianfu.core.county import MANIFESTATIONS, EscalatedItem, RequestGroup
from jianfu.core.errors import JianfuError, write_error
from jianfu.core.library import DEFAULT_CHECKLIST_ID, ChecklistLibrary
from jianfu.reports.county import verify_lines
from jianfu.services.county import CountyService
from jianfu.services.township_list import read_township_list
from jianfu.ui.appearance import ensure_fonts
from jianfu.ui.county.models import ID_ROLE, SORT_ROLE, DepartmentModel, OverviewModel, ProblemsModel, Row
from jianfu.ui.county.signers import SignersPanel, import_details, safe_file_name
from jianfu.ui.tasks import Progress, Task, run_in_background, run_quietly

SHOWN_REQUESTS = 200  # request lines listed under one problem; the workbook has them all


def import_in_worker(database: Path, library: ChecklistLibrary, files: list[Path], progress: Progress) -> Any:
    """Runs off the UI thread, on its own connection (SQLite connections stay in their thread)."""
    with CountyService.open(database, library) as county:
        return county.import_files(
            files,
            lambda done, total: progress.report(done / total if total else 1),
            should_stop=lambda: progress.cancelled,
        )


def rederive_in_worker(database: Path, library: ChecklistLibrary, progress: Progress) -> int:
    """A database imported before the attribution rule, brought up to it off the UI thread."""
    with CountyService.open(database, library, rederive=False) as county:
        return county.rederive_attribution(progress)


class CountyWindow(QMainWindow):
    def __init__(self, library: ChecklistLibrary, database: Path, parent: QWidget | None = None) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.font_family = ensure_fonts(app)  # as the township window: the CJK family, never Qt's default
        super().__init__(parent)
        self.library = library
        self.database = database
        self.county = CountyService.open(database, library, rederive=False)
        checklist = library.latest()
        self.names = {m.id: m.name for m in checklist.manifestations}
        self.level_labels = checklist.level_labels()
        self.setWindowTitle(self.tr("Jianfu — county overview"))
        self.resize(1300, 720)
        self.setAcceptDrops(True)

        toolbar = QToolBar()
        toolbar.setMovable(False)
        self.addToolBar(toolbar)
        self.import_files_action = QAction(self.tr("Import files…"), self)
        self.import_folder_action = QAction(self.tr("Import folder…"), self)
        self.pdf_action = QAction(self.tr("Summary PDF…"), self)
        self.excel_action = QAction(self.tr("Excel workbook…"), self)
        self.notices_action = QAction(self.tr("Department notices…"), self)
        self.catalogue_action = QAction(self.tr("Platform catalogue…"), self)
        self.expected_action = QAction(self.tr("Township list…"), self)
        for action in (
            self.import_files_action,
            self.import_folder_action,
            self.pdf_action,
            self.excel_action,
            self.notices_action,
            self.catalogue_action,
            self.expected_action,
        ):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(self.tr("Period") + " "))
        self.period = QComboBox()
        self.period.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.period.setMinimumContentsLength(9)
        toolbar.addWidget(self.period)

        central = QWidget()
        layout = QVBoxLayout(central)
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.headline.setObjectName("pageIntro")
        layout.addWidget(self.headline)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.overview_model = OverviewModel(
            [
                self.tr("Township"),
                *(self.names[m] for m in MANIFESTATIONS),
                self.tr("Overall"),
                self.tr("Fingertip hours per cadre a month"),
                self.tr("Completion"),
            ],
            self.level_labels,
        )
        self.overview_sorted = QSortFilterProxyModel(self)
        self.overview_sorted.setSourceModel(self.overview_model)
        self.overview_sorted.setSortRole(SORT_ROLE)
        self.overview = QTableView()
        self.overview.setModel(self.overview_sorted)
        self.overview.verticalHeader().setVisible(False)  # row numbers mean nothing here
        self.overview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.overview.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.overview.setSortingEnabled(True)
        self._size_overview_columns()
        self.overview.viewport().installEventFilter(self)
        self.overview.doubleClicked.connect(self._drill_down)
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        overview_page = QWidget()
        overview_layout = QVBoxLayout(overview_page)
        overview_layout.addWidget(self.overview)
        overview_layout.addWidget(self.missing)
        self.tabs.addTab(overview_page, self.tr("Townships"))

        self.department_model = DepartmentModel(
            [
                self.tr("County department"),
                self.tr("Townships affected"),
                self.tr("Apps and groups"),
                self.tr("Check-in"),
                self.tr("Ranking"),
                self.tr("Online time"),
                self.tr("Forced download"),
                self.tr("Reporting tasks"),
                self.tr("Duplicate filings"),
                self.tr("Hours a month"),
                self.tr("Requests to act"),
            ],
            lambda others: self.tr("Also written as: {names}").format(names="、".join(others)),
            (
                "—",
                self.tr(
                    "Not asked: the checklist version these townships answered has no such question "
                    "(this is not a zero)."
                ),
            ),
        )
        self.departments = QTableView()
        self.departments.setModel(self.department_model)
        self.departments.verticalHeader().setVisible(False)  # listed by hours, not ranked: no numbers
        self.departments.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.departments.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.departments.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.departments.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        merge = QPushButton(self.tr("Count the selected department as another…"))
        merge.clicked.connect(self._merge_department)
        departments_page = QWidget()
        departments_layout = QVBoxLayout(departments_page)
        departments_layout.addWidget(self.departments)
        row = QHBoxLayout()
        row.addWidget(merge)
        row.addStretch()
        departments_layout.addLayout(row)
        self.tabs.addTab(departments_page, self.tr("County departments"))

        # the count column is headed as in 条线部门 (the tab's own name, 乡镇情况, read as its header)
        self.problem_model = ProblemsModel([self.tr("Problem"), self.tr("Townships affected")])
        self.problems = QTreeView()
        self.problems.setModel(self.problem_model)
        self.problems.setUniformRowHeights(True)
        problems_header = self.problems.header()  # the problem takes what the count leaves: no sideways scrolling
        problems_header.setStretchLastSection(False)
        problems_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        problems_header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.problems.expanded.connect(self._load_requests)
        self.rule_titles = {
            rule.id: rule.title
            for version in library.versions(DEFAULT_CHECKLIST_ID)
            for rule in library.get(DEFAULT_CHECKLIST_ID, version).rules
        }
        self.tabs.addTab(self.problems, self.tr("Common problems and requests"))
        self.signers = SignersPanel(self.county)
        self.signers_tab = self.tabs.addTab(self.signers, self.tr("Signers and files to confirm"))
        self.signers.held_count.connect(self._show_held_count)
        self.signers.changed.connect(self._load_periods)
        self.signers.refresh()

        self.import_files_action.triggered.connect(self._choose_files)
        self.import_folder_action.triggered.connect(self._choose_folder)
        self.pdf_action.triggered.connect(lambda: self._export(".pdf"))
        self.excel_action.triggered.connect(lambda: self._export(".xlsx"))
        self.notices_action.triggered.connect(self._export_notices)
        self.catalogue_action.triggered.connect(self._export_catalogue)
        self.expected_action.triggered.connect(self._load_expected)
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.notes: list[str] = []  # below the townships: not reported, not confirmed
        self.verify_generation = 0
        self.verify_period: Period | None = None
        self.verify_task: Task | None = None
        # lines found per period code: the answers they read change only with an import
        self.verify_found: dict[str, str | None] = {}
        self.closed = False
        self._load_periods()
        self.rederive_task: Task | None = None
        self.rederive_done = False
        if self.county.attribution_pending:  # after the window is shown: a progress bar, not a freeze
            QTimer.singleShot(0, self._rederive)

    def _rederive(self) -> None:
        self.rederive_task = run_in_background(
            self,
            self.tr("Updating the county database to the current attribution rule…"),
            lambda progress: rederive_in_worker(self.database, self.library, progress),
            self._rederived,
            self._failed,
        )

    def _rederived(self, _changed: int) -> None:
        self.rederive_done = True
        if not self.closed:
            self._load_periods()

    # --------------------------------------------------------------------------- views

    def _load_periods(self) -> None:
        self.period.blockSignals(True)
        current = self.period.currentData()
        self.period.clear()
        for period in self.county.periods():
            self.period.addItem(period.label, period.code)
        index = self.period.findData(current)
        self.period.setCurrentIndex(max(0, index))
        self.period.blockSignals(False)
        self.refresh()

    def _show_held_count(self, count: int) -> None:
        title = self.tr("Signers and files to confirm")
        self.tabs.setTabText(self.signers_tab, f"{title}（{count}）" if count else title)

    def selected_period(self) -> Period | None:
        code = self.period.currentData()
        return Period(code) if code else None

    def refresh(self) -> None:
        self.signers.refresh()
        period = self.selected_period()
        enabled = period is not None
        for action in (self.pdf_action, self.excel_action, self.notices_action, self.catalogue_action):
            action.setEnabled(enabled)
        if period is None:
            self.headline.setText(
                self.tr("No township file imported yet. Import files or a folder, or drop them here.")
            )
            self.overview_model.set_rows([])
            self.department_model.set_rows([])
            self.problem_model.removeRows(0, self.problem_model.rowCount())
            self.missing.setText("")
            self._find_to_verify(None)  # a lookup still running has nothing to add
            return
        self._fill_overview(*self.county.overview_table(period))
        self.department_model.set_rows(self.county.departments(period), self.county.department_figures(period))
        self._fill_problems(period)
        count, rated, averages = self.county.averages(period)
        heaviest = max(averages, key=lambda m: averages[m]) if averages else None
        headline = self.tr("{count} townships reported for {period}.").format(count=count, period=period.label)
        if count > rated:  # their scores rest on answers the tool itself does not accept
            headline += _sentence_gap(headline) + self.tr(
                "{count} of them are incomplete: no level, left out of the averages."
            ).format(count=count - rated)
        if heaviest is not None:
            headline += _sentence_gap(headline) + self.tr(
                "The heaviest burden across the county: {name} (average {score})."
            ).format(name=self.names.get(heaviest, ""), score=f"{averages[heaviest]:.1f}")
        self.headline.setText(headline)
        missing = self.county.missing_townships(period)
        notes = [self.tr("Not yet reported: {names}").format(names="、".join(n for _, n in missing))] if missing else []
        unconfirmed = self.county.unconfirmed_townships(period)
        if unconfirmed:  # last period's answers sent on as this period's: no level, to be chased up
            notes.append(
                self.tr(
                    "Carried over from last period, never confirmed ({count} townships, no level until confirmed): "
                    "{names}"
                ).format(
                    count=len(unconfirmed),
                    names="、".join(self.tr("{name} ({n} answers)").format(name=t, n=n) for t, n in unconfirmed),
                )
            )
        self.notes = notes
        self.missing.setText("\n".join(notes))
        self._find_to_verify(period)

    def _find_to_verify(self, period: Period | None) -> None:
        """The townships the county should verify (the drill-down's 请县级核实), added below the
        others' notes when found: reading their answers at 10,000 townships would double the refresh.
        One lookup at a time: refreshes in a row start one for the last of them when it ends."""
        self.verify_generation += 1
        self.verify_period = period
        self._show_or_look_up()

    def _show_or_look_up(self) -> None:
        period = self.verify_period
        if period is not None and period.code in self.verify_found:  # a lookup running is dropped
            line = self.verify_found[period.code]
            if line:
                self.missing.setText("\n".join([*self.notes, line]))
        elif self.verify_task is None and period is not None:
            self._look_up_to_verify()

    def _look_up_to_verify(self) -> None:
        generation, period, database, library = (
            self.verify_generation,
            self.verify_period,
            self.database,
            self.library,
        )

        def work() -> list[Any]:
            with CountyService.open(database, library, rederive=False) as county:
                return county.to_verify(period) if period is not None else []

        def add(line: str | None) -> None:
            self.verify_task = None
            if self.closed:
                return
            if generation != self.verify_generation:  # a later refresh asked again: answer that
                self._show_or_look_up()
            elif line:
                self.missing.setText("\n".join([*self.notes, line]))

        def found(townships: list[Any]) -> None:
            lines = "；".join(verify_lines(townships))
            line = self.tr("To verify by the county: {notes}.").format(notes=lines) if townships else None
            if period is not None and not self.closed:
                self.verify_found[period.code] = line
            add(line)

        def failed(reason: str) -> None:  # a line, not a dialog: the overview itself is there
            add(self.tr("The townships to verify could not be looked up: {reason}").format(reason=reason))

        self.verify_task = run_quietly(work, found, failed)

    def _fill_overview(self, rows: list[tuple[Any, ...]], previous: dict[int, tuple[Any, ...]]) -> None:
        # Listed by division code, as the county lists its townships; sorting is there for
        # whoever wants it, but the page does not open as a league table.
        self.overview_sorted.sort(-1)
        self.overview.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.overview_model.set_rows(rows, previous)

    def _fill_problems(self, period: Period) -> None:
        common: list[Row] = [
            (self.rule_titles.get(rule, rule), str(n), None) for rule, n in self.county.common_problems(period)
        ]
        requests: list[Row] = [
            (group.name, str(group.townships), partial(self._requests_by_problem, period, group))
            for group in self.county.request_groups(period)
        ]
        self.problem_model.fill(
            [(self.tr("Common problems"), common), (self.tr("Requests to the county, by department"), requests)]
        )
        for row in range(self.problem_model.rowCount()):
            self.problems.expand(self.problem_model.index(row, 0))

    def _requests_by_problem(self, period: Period, group: RequestGroup) -> list[Row]:
        """A department opened: the problems it is asked to act on, with their townships; the
        requests behind each read when that problem is opened in turn (at most SHOWN_REQUESTS
        lines: the workbook has them all)."""
        own = self.tr("Problems the townships added themselves")
        return [
            (
                self.rule_titles.get(rule, rule) if rule else own,
                str(townships),
                partial(self._lines, period, group, rule),
            )
            for rule, townships in self.county.request_problems(period, group)
        ]

    def _lines(self, period: Period, group: RequestGroup, rule: str | None) -> list[Row]:
        items = self.county.requests_for(period, group, rule, SHOWN_REQUESTS + 1)
        lines: list[Row] = [(_request_line(item), "", None) for item in items[:SHOWN_REQUESTS]]
        if len(items) > SHOWN_REQUESTS:
            lines.append((self.tr("… and more: see the Excel workbook"), "", None))
        return lines

    def _load_requests(self, index: QModelIndex) -> None:
        """A row opened: read its children now (children on expand)."""
        self.problem_model.load(index)

    def expand_requests(self, row: int) -> int:
        """Open the ``row``-th department of the requests and every problem in it (as clicks on
        their arrows); the number of request lines shown."""
        department = self.problem_model.index(row, 0, self.problem_model.index(1, 0))
        self.problem_model.load(department)
        self.problems.expand(department)
        lines = 0
        for problem in range(self.problem_model.rowCount(department)):
            index = self.problem_model.index(problem, 0, department)
            self.problem_model.load(index)
            self.problems.expand(index)
            lines += self.problem_model.rowCount(index)
        return lines

    # -------------------------------------------------------------------------- actions

    def import_paths(self, paths: list[Path]) -> Any:
        from jianfu.services.county_import import gather

        collected = gather(paths)
        files = collected.files
        self.unreadable_paths = collected.problems  # listed with the summary
        if not files:
            QMessageBox.warning(
                self,
                self.tr("Import"),
                self.tr("No .jianfu file found in {paths}.").format(paths="、".join(str(p) for p in paths)),
            )
            return None
        return run_in_background(
            self,
            self.tr("Importing {count} files…").format(count=len(files)),
            lambda progress: import_in_worker(self.database, self.library, files, progress),
            self._imported,
            self._failed,
        )

    def _imported(self, summary: Any) -> None:
        summary.rejected[:0] = getattr(self, "unreadable_paths", [])
        self.last_summary = summary
        self.verify_found.clear()  # new answers: look the townships to verify up again
        self._load_periods()
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Import finished"))
        box.setText(summary.describe())
        details = import_details(summary)
        if details:
            box.setIcon(QMessageBox.Icon.Warning)
            box.setDetailedText(details)
        box.open()
        self.summary_box = box

    def _failed(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Could not finish"), message)

    def _choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import township files"), self._folder(), self.tr("Assessment files (*.jianfu)")
        )
        if files:
            QSettings().setValue("county/folder", str(Path(files[0]).parent))
            self.import_paths([Path(f) for f in files])

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder of township files"), self._folder())
        if folder:
            QSettings().setValue("county/folder", folder)
            self.import_paths([Path(folder)])

    def _folder(self) -> str:
        return str(QSettings().value("county/folder", str(Path.home())))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    def _drill_down(self) -> None:
        from jianfu.ui.county.drilldown import DrilldownDialog

        current = self.overview.currentIndex()
        if not current.isValid():
            return
        assessment = self.county.assessment(int(current.siblingAtColumn(0).data(ID_ROLE)))
        checklist = self.library.get(assessment.checklist_id, assessment.checklist_version)
        self.drilldown = DrilldownDialog(assessment, checklist, self)
        self.drilldown.open()

    def _merge_department(self) -> None:
        current = self.departments.currentIndex()
        if not current.isValid():
            return
        variant = self.department_model.rows[current.row()].name
        names = [d.name for r, d in enumerate(self.department_model.rows) if r != current.row()]
        canonical, ok = QInputDialog.getItem(
            self, self.tr("Same department"), self.tr("Count “{name}” as:").format(name=variant), names, 0, True
        )
        if ok and canonical.strip():
            self.county.set_alias(variant, canonical.strip())
            self.refresh()

    def _export(self, suffix: str) -> None:
        from jianfu.reports.county import write_county_pdf, write_county_workbook

        period = self.selected_period()
        if period is None:
            return
        pattern = self.tr("PDF files (*.pdf)") if suffix == ".pdf" else self.tr("Excel workbooks (*.xlsx)")
        name = safe_file_name(f"{self.county.county_name()}{period.code}县级汇总{suffix}")
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save county summary"), str(Path(self._folder()) / name), pattern
        )
        if not chosen:
            return
        path = Path(chosen) if chosen.lower().endswith(suffix) else Path(chosen + suffix)
        writer = write_county_pdf if suffix == ".pdf" else write_county_workbook
        database, library = self.database, self.library

        def work(progress: Progress) -> Path:
            # Read and written in the worker, on its own connection: at 10,000 townships the
            # summary takes seconds, and the window stays live (Cancel between the stages).
            progress(0.05)
            with CountyService.open(database, library) as county:
                summary = county.summary(period)
            progress(0.3)
            partial = path.with_name(path.name + ".part")
            try:
                writer(summary, partial)
                progress(0.95)
            except BaseException:
                partial.unlink(missing_ok=True)
                raise
            partial.replace(path)
            progress(1.0)
            return path

        self.export_task = run_in_background(
            self,
            self.tr("Writing the summary…"),
            work,
            lambda result: self.statusBar().showMessage(self.tr("Saved: {path}").format(path=result)),
            self._failed,
        )

    def _export_notices(self) -> None:
        """One 督办函 PDF per county department, into a folder the inspector chooses."""
        from jianfu.reports.notices import write_department_notices

        period = self.selected_period()
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the department notices"), self._folder())
        if period is None or not chosen:
            return
        database, library = self.database, self.library

        def work(progress: Progress) -> list[Path]:
            progress(0.05)
            with CountyService.open(database, library) as county:  # the worker's own connection
                notices = county.department_notices(county.summary(period))
            progress(0.3)
            return write_department_notices(notices, Path(chosen))

        run_in_background(
            self,
            self.tr("Writing the department notices…"),
            work,
            lambda paths: self.statusBar().showMessage(
                self.tr("{count} department notices saved in {path}").format(count=len(paths), path=chosen)
            ),
            self._failed,
        )

    def _export_catalogue(self) -> None:
        from jianfu.exchange.catalogue import FILE_SUFFIX, write_catalogue

        county = self.county.county_name()
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save platform catalogue"),
            str(Path(self._folder()) / safe_file_name(f"{county}平台目录{FILE_SUFFIX}")),
            self.tr("Platform catalogues (*.jianfu-catalogue)"),
        )
        if chosen:
            path = Path(chosen) if chosen.endswith(FILE_SUFFIX) else Path(chosen + FILE_SUFFIX)
            catalogue = self.county.catalogue()
            try:
                write_catalogue(path, catalogue)
            except OSError as exc:  # a read-only folder, a full disk: say so and what to do
                self._failed(str(write_error(path, exc)))
                return
            self.statusBar().showMessage(
                self.tr("Catalogue of {count} entries saved: {path}").format(count=len(catalogue.entries), path=path)
            )

    def _load_expected(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Township list (one per line: division code, name)"),
            self._folder(),
            self.tr("Text or CSV files (*.txt *.csv)"),
        )
        if not chosen:
            return
        try:
            townships, bad = read_township_list(Path(chosen))
        except JianfuError as exc:
            QMessageBox.warning(self, self.tr("Township list"), str(exc))
            return
        if bad:
            QMessageBox.warning(
                self,
                self.tr("Township list"),
                self.tr("These lines were not understood and were left out:") + "\n" + "\n".join(bad[:20]),
            )
        self.county.set_expected_townships(townships)
        self.refresh()

    def _size_overview_columns(self) -> None:
        """The name, hours and completion columns as wide as their header or a usual name; the five
        score columns share the rest, or, where that is narrower than a score with its change (the
        large font at 1024 pixels), keep that width and the table scrolls sideways: never "…".
        Measured, not ResizeToContents: that reads up to 1,000 rows on every refresh."""
        header = self.overview.horizontalHeader()
        metrics = self.overview.fontMetrics()
        model = self.overview_model
        pad = 16  # a cell's margins, with a few pixels to spare

        def width(column: int, sample: str) -> int:
            text = str(model.headerData(column, Qt.Orientation.Horizontal))
            return max(metrics.horizontalAdvance(text), metrics.horizontalAdvance(sample)) + pad

        fixed = {0: width(0, "城关街道办事处"), 6: width(6, ""), 7: width(7, "100%")}
        score = max(width(c, "88.8 较重（-88.8）") for c in range(1, 6))
        room = self.overview.viewport().width() - sum(fixed.values())
        shared = room >= 5 * score
        for column in range(1, 6):
            header.setSectionResizeMode(
                column, QHeaderView.ResizeMode.Stretch if shared else QHeaderView.ResizeMode.Interactive
            )
            if not shared:
                self.overview.setColumnWidth(column, score)
        for column, size in fixed.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.overview.setColumnWidth(column, size)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the large font: columns measured again
            self._size_overview_columns()

    def eventFilter(self, watched: Any, event: QEvent) -> bool:
        if watched is self.overview.viewport() and event.type() == QEvent.Type.Resize:
            self._size_overview_columns()  # the room the score columns share changed
        return super().eventFilter(watched, event)

    def closeEvent(self, event: Any) -> None:
        self.closed = True  # a worker finishing after this has nothing to show
        self.county.close()
        super().closeEvent(event)


def _sentence_gap(text: str) -> str:
    """Sentences run on after Chinese full stops; English ones take a space."""
    return "" if text.endswith(("。", "！", "？")) else " "


def _request_line(item: EscalatedItem) -> str:
    """A township's request; one it said comes from one or more of several departments says so."""
    if parse_attribution(item.department).any_of:  # said first: a long problem is cut at the right
        return f"{item.township}【{item.department}】：{item.problem}"
    return f"{item.township}：{item.problem}"
