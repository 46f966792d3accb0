"""The composition root: builds the services and the main window, then runs the event loop."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from jianfu import __version__
from jianfu.core.errors import JianfuError
from jianfu.core.library import ChecklistLibrary
from jianfu.paths import default_database_path, resources_dir
from jianfu.services.failures import check_data_folder, open_for_window
from jianfu.ui.appearance import install_fonts, install_translation
from jianfu.ui.failures import LOG, TITLE, install_excepthook, install_log
from jianfu.ui.main_window import MainWindow
from jianfu.ui.session import Session
from jianfu.ui.single_instance import ALREADY_RUNNING, SingleInstance
from jianfu.ui.widgets.wheel_guard import install_wheel_guard


def create_window(database: Path) -> MainWindow:
    """Services and window for ``database``; the QApplication must exist already."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_wheel_guard(app)
    family = install_fonts(app, bool(QSettings().value("ui/large_font", False, type=bool)))
    app.setStyleSheet((resources_dir() / "ui" / "jianfu.qss").read_text(encoding="utf-8"))
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "jianfu.png")))
    library = ChecklistLibrary(resources_dir() / "checklists")
    session = Session(open_for_window(database, library))
    try:
        return MainWindow(session, family)
    except BaseException:
        session.service.store.db.close()
        raise


def start(database: Path) -> MainWindow | None:
    """The window on ``database``, or None after a dialog explaining why not."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        check_data_folder(database)
    except JianfuError as exc:
        QMessageBox.critical(None, TITLE, str(exc))
        return None
    install_log(database.parent)
    install_excepthook(database)
    instance = SingleInstance(database, app)
    if not instance.acquire():
        QMessageBox.information(
            None,
            TITLE,
            f"{ALREADY_RUNNING}，已把那个窗口调到前面，请在那里继续填写。"
            "两个窗口同时修改同一份数据会互相覆盖，所以不再打开第二个。",
        )
        return None
    try:
        window = create_window(database)
    except (JianfuError, OSError) as exc:
        instance.release()
        LOG.error("start-up failed: %r", exc)
        if isinstance(exc, OSError):
            message = f"减负助手无法读取它的数据（{exc}）。请检查数据文件夹 {database.parent} 是否还在、是否可以访问。"
        else:
            message = str(exc)
        QMessageBox.critical(None, TITLE, message)
        return None
    instance.setParent(window)
    instance.activated.connect(lambda: bring_forward(window))
    window.destroyed.connect(instance.release)
    return window


def bring_forward(window: MainWindow) -> None:
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
    if window is None:
        return 2
    if os.environ.get("JIANFU_STARTUP_PROBE"):
        from jianfu.ui.startup_probe import probe

        probe(window, lambda settled: settled(), os.environ["JIANFU_STARTUP_PROBE"] == "modules")
    window.show()
    if open_file is not None:
        window.open_file(open_file)
    return app.exec()
