"""The two-stage start: the start page is painted with little imported, the rest follows in idle
turns, and a click in the first moment still does what it says (it finishes the start at once)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from dialogs import start_next_period, when_shown
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog

from jianfu.core.answers import Answer
from jianfu.core.assessment import Period, Township
from jianfu.core.library import ChecklistLibrary
from jianfu.paths import resources_dir
from jianfu.storage.assessments import AssessmentStore
from jianfu.storage.database import open_database
from jianfu.ui.app import start
from jianfu.ui.failures import close_log
from jianfu.ui.main_window import MainWindow
from jianfu.ui.pages.new_assessment import NewAssessmentDialog

TOWNSHIP = Township("柳河镇", "519901101000", "云溪县")
ROOT = Path(__file__).resolve().parents[3]

# Not one of these may be imported before the start page is painted: they are what made the start slow.
HEAVY = (
    "jianfu.core.checklist",
    "jianfu.core.library",
    "jianfu.core.scoring",
    "jianfu.services.township",
    "jianfu.storage.assessments",
    "jianfu.ui.pages.section_page",
    "jianfu.ui.pages.results_page",
    "jianfu.ui.pages.plan_page",
    "jianfu.ui.pages.export_page",
    "jianfu.ui.county.county_window",
    "jianfu.exchange.assessment_file",
    "jianfu.cli.verify",
    "PySide6.QtNetwork",
    "logging.handlers",
    "yaml",
    "reportlab",
)


def two_periods(database: Path) -> list[int]:
    store = AssessmentStore(open_database(database))
    checklist = ChecklistLibrary(resources_dir() / "checklists").latest()
    ids = []
    for period, meetings in (("2026-Q3", 9), ("2026-Q4", 12)):
        aid = store.create_assessment(TOWNSHIP, Period(period), checklist, dt.date(2026, 12, 31))
        store.save_answer(aid, checklist, "meetings.per_month", Answer(meetings))
        ids.append(aid)
    store.db.close()
    return ids


def probe(home: Path, mode: str = "modules") -> list[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "JIANFU_HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "JIANFU_STARTUP_PROBE": mode,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
    }
    done = subprocess.run(
        [sys.executable, "-m", "jianfu"], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_the_start_page_is_painted_before_the_heavy_modules_are_imported(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    two_periods(home / "jianfu.sqlite3")
    first = probe(home)  # computes the page (no snapshot yet) and leaves one for the next start
    assert [line.split()[0] for line in first] == ["PAINTED", "MODULES", "SETTLED"]
    lines = probe(home)
    assert [line.split()[0] for line in lines] == ["PAINTED", "MODULES", "SETTLED"]
    imported = set(lines[1].split()[1:])
    assert "jianfu.ui.pages.start_page" in imported and "PySide6.QtWidgets" in imported
    early = sorted(name for name in imported if name in HEAVY or name.startswith(("reportlab.", "jianfu.reports")))
    assert early == []
    painted, settled = float(lines[0].split()[1]), float(lines[2].split()[1])
    assert settled > painted  # the rest was really done after the paint, not skipped


def test_a_first_start_without_any_data_paints_and_settles(tmp_path: Path) -> None:
    home = tmp_path / "new"
    lines = probe(home, "1")
    assert [line.split()[0] for line in lines] == ["PAINTED", "SETTLED"]
    assert (home / "jianfu.sqlite3").is_file()
    assert list((home / "cache" / "start-page").glob("*.json"))


@pytest.fixture
def user_start(qtbot, tmp_path: Path):
    """Starts the window as ``jianfu`` does, on a database the program has seen before (its
    start page snapshot is there), and shows it; nothing of the deferred work has run yet."""
    database = tmp_path / "data" / "jianfu.sqlite3"
    database.parent.mkdir()
    ids = two_periods(database)

    def make() -> MainWindow:
        window = start(database)
        assert window is not None and window.startup is not None
        window.resize(1366, 768)
        window.show()
        return window

    earlier = make()  # the program saw this database before: it leaves the snapshot when closed
    qtbot.waitUntil(lambda: earlier.startup is not None and earlier.startup.done)
    earlier.close()
    earlier.session.service.store.db.close()
    with qtbot.waitSignal(earlier.destroyed):  # which lets the data folder go
        earlier.deleteLater()
    window = make()
    qtbot.addWidget(window)
    assert not window.session.ready, "the start page should have been painted from the snapshot"
    yield window, ids, database
    window.session.service.store.db.close()
    close_log()


def rows(window: MainWindow) -> list[list[str]]:
    table = window.start_page.table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_the_snapshot_shows_what_the_database_holds(qtbot, user_start) -> None:
    window, _ids, _database = user_start
    shown = rows(window)
    assert [r[1] for r in shown] == ["2026年第四季度", "2026年第三季度"]
    assert all(r[0] == "云溪县柳河镇" and "%（" in r[2] for r in shown)
    assert window.sidebar.count() > 5 and window.sidebar.item(1).text() == "基本信息"
    qtbot.waitUntil(lambda: window.startup is not None and window.startup.done)
    assert window.session.ready and rows(window) == shown  # the truth, computed later, is the same


def test_continue_clicked_at_once_opens_the_latest_period(qtbot, user_start) -> None:
    window, ids, _database = user_start
    ready_when_pressed: list[bool] = []
    window.start_page.continue_button.pressed.connect(lambda: ready_when_pressed.append(window.session.ready))
    qtbot.mouseClick(window.start_page.continue_button, Qt.MouseButton.LeftButton)
    assert ready_when_pressed == [False]  # the click came before the idle turns, and still worked
    assert window.session.assessment_id == ids[1]
    assert window.current != "start" and window.stack.currentWidget() is window.pages[window.current]
    assert "2026年第四季度" in window.location.text()


def test_next_period_clicked_at_once_carries_the_answers_over(qtbot, user_start) -> None:
    window, _ids, database = user_start
    start_next_period(qtbot, window)
    assert window.session.assessment is not None and window.session.assessment.period == Period("2027-Q1")
    assert window.session.answers["meetings.per_month"].value == 12
    check = AssessmentStore(open_database(database))
    assert sorted(s.period.code for s in check.summaries()) == ["2026-Q3", "2026-Q4", "2027-Q1"]
    check.db.close()


def test_new_assessment_clicked_at_once_asks_for_the_township(qtbot, user_start) -> None:
    window, _ids, _database = user_start
    seen: list[str] = []

    def answer(dialog: NewAssessmentDialog) -> None:
        seen.append(dialog.name.text())
        dialog.done(QDialog.DialogCode.Rejected)

    when_shown(NewAssessmentDialog, answer)
    qtbot.mouseClick(window.start_page.new_button, Qt.MouseButton.LeftButton)
    assert seen == ["柳河镇"]  # prefilled with the township's own name: the services were there
    assert window.current == "start" and window.session.assessment is None


def test_the_sample_clicked_at_once_opens_it(qtbot, user_start) -> None:
    window, _ids, _database = user_start
    qtbot.mouseClick(window.start_page.sample_button, Qt.MouseButton.LeftButton)
    assert window.startup is None or window.startup.done  # the click finished the start
    # the sample itself is prepared off the UI thread (sample_opening.py): wait for its page
    qtbot.waitUntil(lambda: window.session.current is not None and window.session.current.sample, timeout=20000)
    assert window.current != "start" and "示例" in window.location.text()


def test_the_county_overview_clicked_at_once_opens_it(qtbot, user_start) -> None:
    window, _ids, database = user_start
    qtbot.mouseClick(window.start_page.county_button, Qt.MouseButton.LeftButton)
    county = window.county_window
    qtbot.addWidget(county)
    assert county.isVisible()
    assert database.with_name("county.sqlite3").is_file()


def test_finishing_the_start_changes_no_pixel(qtbot, user_start) -> None:
    window, _ids, _database = user_start
    qtbot.waitExposed(window)
    painted = window.grab().toImage()
    assert window.startup is not None and not window.startup.done
    window.startup.finish()
    settled = window.grab().toImage()
    assert window.session.ready and window.sidebar.item(1).flags() == Qt.ItemFlag.NoItemFlags
    assert painted == settled  # no flicker: the snapshot's page is the computed page
    if shots := os.environ.get("JIANFU_SCREENSHOTS"):
        painted.save(str(Path(shots) / "start-first-paint.png"))
        settled.save(str(Path(shots) / "start-settled.png"))


def test_the_window_gets_its_icon_once_the_start_settles(qtbot, user_start) -> None:
    window, _ids, _database = user_start
    QApplication.setWindowIcon(QIcon())  # as before any start: the icon is set after the first paint
    assert window.windowIcon().isNull()
    qtbot.waitUntil(lambda: window.startup is not None and window.startup.done)
    assert not window.windowIcon().isNull()
    assert window.windowIcon().availableSizes()  # the program's own picture, not an empty icon


def test_the_cycle_collector_is_on_again_once_the_start_settles(qtbot, user_start) -> None:
    import gc

    window, _ids, _database = user_start
    gc.disable()  # as cli.main does for the start
    try:
        qtbot.waitUntil(lambda: window.startup is not None and window.startup.done)
        assert gc.isenabled()
    finally:
        gc.enable()
