"""The composition root: builds the services and the main window, then runs the event loop."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from jianfu import __version__
from jianfu.core.errors import JianfuError
from jianfu.core.library import ChecklistLibrary
from jianfu.paths import default_database_path, resources_dir
from jianfu.services.township import AssessmentService
from jianfu.ui.appearance import install_fonts, install_translation
from jianfu.ui.main_window import MainWindow
from jianfu.ui.session import Session


def create_window(database: Path) -> MainWindow:
    """Services and window for ``database``; the QApplication must exist already."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    family = install_fonts(app, bool(QSettings().value("ui/large_font", False, type=bool)))
    app.setStyleSheet((resources_dir() / "ui" / "jianfu.qss").read_text(encoding="utf-8"))
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "jianfu.png")))
    library = ChecklistLibrary(resources_dir() / "checklists")
    session = Session(AssessmentService.open(database, library))
    return MainWindow(session, family)


def run(database: Path | None = None, open_file: Path | None = None) -> int:
    QCoreApplication.setOrganizationName("Jianfu")
    QCoreApplication.setApplicationName("jianfu")
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    install_translation(app, os.environ.get("JIANFU_LANG"))
    try:
        window = create_window(database or default_database_path())
    except JianfuError as exc:
        QMessageBox.critical(None, "减负助手", str(exc))
        return 2
    window.show()
    if open_file is not None:
        window.open_file(open_file)
    return app.exec()
