from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from jianfu.ui.app import create_window
from jianfu.ui.appearance import install_translation


@pytest.fixture(scope="session", autouse=True)
def _chinese_ui(qapp) -> None:
    QCoreApplication.setOrganizationName("JianfuTests")
    QCoreApplication.setApplicationName("jianfu-tests")
    install_translation(qapp)


@pytest.fixture(autouse=True)
def _settings_in_tmp(tmp_path: Path) -> None:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QSettings().clear()


TODAY = dt.date(2026, 12, 5)  # within the sample's last period, 2026-Q4: its next one has not begun


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    """The day the window's tests live on, whatever the clock says: 开始下一期 from 2026-Q4 asks
    first, every time (answered through dialogs.py: ``start_next_period``)."""
    from jianfu.ui.pages import township_dialogs

    monkeypatch.setattr(township_dialogs, "today", lambda: TODAY)


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "township.sqlite3"


@pytest.fixture
def make_window(qtbot, database: Path):
    windows = []

    def make():
        window = create_window(database)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.session.service.store.db.conn.close()
