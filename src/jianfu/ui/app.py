"""The composition root: builds the services and the main window, then runs the event loop.

The start is in two stages (tests/benchmarks/startup.py measures it). Before the first paint:
Qt, the translations, the data-folder check, the fonts (while a worker takes the single-instance
lock), the database opened, migrated and checked for damage, and the window with its start page
(the style sheet set once it is built) — painted from the start-up snapshot
(services/start_snapshot.py) when the database and checklists are as the program last saw them.
After the first paint, one step per idle turn (ui/startup.py): Python's cycle collector (off
since cli.main), the window icon, the checklist and the services, the start page checked against
the snapshot, the log, the single-instance socket and the wizard pages' modules. A click that
needs any of it earlier finishes the rest at once.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

import jianfu.ui.qt_import  # noqa: F401 - first: PySide6 with its import hook made cheap
from jianfu import __version__
from jianfu.core.errors import JianfuError
from jianfu.paths import cache_dir, default_database_path, resources_dir
from jianfu.services.failures import check_data_folder, open_database_for_window, service_for_window
from jianfu.services.start_snapshot import remember_page, remembered_page
from jianfu.ui.appearance import install_fonts, install_translation, large_font_chosen
from jianfu.ui.failures import LOG, TITLE, install_excepthook, install_log, log_path
from jianfu.ui.main_window import MainWindow
from jianfu.ui.session import Session
from jianfu.ui.single_instance import ALREADY_RUNNING, SingleInstance
from jianfu.ui.startup import DeferredStart, StartAbandoned

if TYPE_CHECKING:
    from jianfu.core.library import ChecklistLibrary

# Imported one per idle turn after the first paint, so that the first Continue (or New
# assessment…) opens at once.
PAGE_MODULES = (
    "jianfu.ui.pages.section_page",
    "jianfu.ui.pages.results_page",
    "jianfu.ui.pages.plan_page",
    "jianfu.ui.pages.export_page",
    "jianfu.ui.pages.new_assessment",
)


def create_window(database: Path) -> MainWindow:
    """Services and window for ``database``, everything built; the QApplication must exist."""
    try:
        window, deferred = build_window(database, install_fonts_as_set())
        deferred.finish()
    except StartAbandoned as exc:
        raise exc.__cause__ or exc from None
    return window


def install_fonts_as_set() -> str:
    """The application's font (a CJK family, the size the user chose); its family."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return install_fonts(app, large_font_chosen())


def build_window(
    database: Path, family: str, instance: SingleInstance | None = None
) -> tuple[MainWindow, DeferredStart]:
    """The window (in the font ``family``) ready to be painted, and the work left for after its first paint.

    Raises JianfuError or OSError when the database cannot be used (nothing is left open then)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    db = open_database_for_window(database)
    checklists, cache = resources_dir() / "checklists", cache_dir()
    try:
        snapshot = remembered_page(db.conn, database, checklists, cache, __version__)
    except BaseException:
        db.close()
        raise
    window: MainWindow | None = None

    # Each step is one idle turn, kept well under 100 ms so that the window answers in between.
    library: list[ChecklistLibrary] = []

    def load_checklist() -> None:
        from jianfu.core.library import ChecklistLibrary

        library.append(ChecklistLibrary(checklists))
        library[0].latest()

    def make_service() -> None:
        session.attach(service_for_window(db, library[0]))

    def remember() -> None:
        """Best effort: the next start is only slower without it."""
        assert window is not None
        try:
            shown = window.start_snapshot()
        except JianfuError as exc:
            LOG.warning("start page not remembered: %r", exc)
            return
        if not remember_page(db.conn, database, checklists, cache, __version__, shown):
            LOG.warning("start page not remembered: the cache folder or database refused")

    def settle() -> None:
        assert window is not None
        window.settle_start()
        remember()

    def set_icon() -> None:
        """After the paint: the icon is not part of the page, and QIcon costs ~1.3 ms before it."""
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "jianfu.png")))

    def install_wheel_guard() -> None:
        from jianfu.ui.widgets.wheel_guard import install_wheel_guard

        install_wheel_guard(app)

    def failed(exc: BaseException) -> None:
        if instance is None:  # create_window: the caller gets the exception itself
            return
        report_start_failure(exc, database)
        if window is not None:
            window.close()
        if instance is not None:
            instance.release()
        QCoreApplication.exit(2)

    def log() -> None:
        install_log(database.parent)

    steps: list[Callable[[], None]] = [
        set_icon,
        partial(import_module, "jianfu.core.checklist"),
        partial(import_module, "jianfu.services.township"),
        load_checklist,
        make_service,
        partial(import_module, "jianfu.ui.widgets.focus"),  # with Qt's enums (see main_window.PAGE_ROLE)
        settle,
        install_wheel_guard,
    ]
    if instance is not None:  # the program's own start (cli.main turned the cycle collector off for it)
        steps = [gc.enable, instance.listen, log, *steps]
    steps += [partial(import_module, name) for name in PAGE_MODULES]
    deferred = DeferredStart(steps, failed)
    session = Session(finish=deferred.finish)
    try:
        if snapshot is None:  # the page must be computed: the services first (the slow start)
            while not session.ready:
                deferred.run_next()
        window = MainWindow(session, family, snapshot)
        # The style sheet after the window is built, before it is polished (shown): set before,
        # every widget added to a layout would be re-styled with its children (~0.7 ms).
        app.setStyleSheet((resources_dir() / "ui" / "jianfu.qss").read_text(encoding="utf-8"))
    except StartAbandoned:
        raise
    except BaseException:
        db.close()
        raise
    window.remember_start = remember
    window.startup = deferred
    return window, deferred


def import_module(name: str) -> None:
    __import__(name)


def report_start_failure(exc: BaseException, database: Path) -> None:
    """The dialog that says why the program cannot start on this data, and the log."""
    from PySide6.QtWidgets import QMessageBox

    if log_path() is None:
        install_log(database.parent)
    LOG.error("start-up failed: %r", exc)
    if isinstance(exc, JianfuError):
        message = str(exc)
    else:
        message = f"减负助手无法读取它的数据（{exc}）。请检查数据文件夹 {database.parent} 是否还在、是否可以访问。"
    QMessageBox.critical(None, TITLE, message)


def start(database: Path) -> MainWindow | None:
    """The window on ``database`` (its deferred start-up work in ``window.startup``), or None after
    a dialog saying why not."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        check_data_folder(database)
    except JianfuError as exc:
        from PySide6.QtWidgets import QMessageBox  # only when needed: its enums cost before the paint

        QMessageBox.critical(None, TITLE, str(exc))
        return None
    install_excepthook(database)  # the log itself is installed after the first paint, or by a failure
    instance = SingleInstance(database, app)
    instance.begin()  # its lock file is synced to disk in a worker while the fonts load
    try:
        family = install_fonts_as_set()
    except BaseException:
        instance.release()
        raise
    if not instance.acquire():
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(
            None,
            TITLE,
            f"{ALREADY_RUNNING}，已把那个窗口调到前面，请在那里继续填写。"
            "两个窗口同时修改同一份数据会互相覆盖，所以不再打开第二个。",
        )
        return None
    try:
        window, deferred = build_window(database, family, instance)
    except StartAbandoned:  # said already (a deferred step run early failed)
        instance.release()
        return None
    except (JianfuError, OSError) as exc:
        instance.release()
        report_start_failure(exc, database)
        return None
    instance.setParent(window)
    instance.activated.connect(lambda: bring_forward(window))
    window.destroyed.connect(instance.release)
    deferred.begin_after_paint(window)
    return window


def bring_forward(window: MainWindow) -> None:
    from PySide6.QtCore import Qt

    if window.windowState() & Qt.WindowState.WindowMinimized:
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def run(database: Path | None = None, open_file: Path | None = None) -> int:
    QCoreApplication.setOrganizationName("Jianfu")
    QCoreApplication.setApplicationName("jianfu")
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    install_translation(app, os.environ.get("JIANFU_LANG"))
    window = start(database or default_database_path())
    if window is None or window.startup is None:
        return 2
    deferred = window.startup
    probe = os.environ.get("JIANFU_STARTUP_PROBE")
    if probe:  # installed last, so it is told of the paint first (tests/benchmarks/startup.py)
        from jianfu.ui.startup_probe import probe as install_probe

        install_probe(window, deferred.when_settled, probe == "modules")
    window.show()
    if open_file is not None:
        window.open_file(open_file)
    return app.exec()
