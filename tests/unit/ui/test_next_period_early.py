"""开始下一期 before the next period has begun asks first, with the periods' dates: an early click
would otherwise start an assessment of a period still to come. Once it has begun, it starts at once."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from dialogs import MessageBoxes
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from test_journey import sample_file  # noqa: F401 - the fixture is used by name

from jianfu.storage.assessments import AssessmentStore
from jianfu.storage.database import open_database
from jianfu.ui.pages import township_dialogs

SHOTS = os.environ.get("JIANFU_SHOTS")


def stored_periods(database: Path) -> list[str]:
    store = AssessmentStore(open_database(database))
    try:
        return sorted(s.period.code for s in store.summaries())
    finally:
        store.db.close()


def shoot(box: QMessageBox) -> None:
    if SHOTS:  # the question as the cadre sees it
        box.grab().save(str(Path(SHOTS) / "next_period_early.png"))


def click_next(qtbot, window, press: QMessageBox.StandardButton) -> MessageBoxes:
    with MessageBoxes(press=press, look=shoot) as boxes:
        qtbot.mouseClick(window.start_page.next_button, Qt.MouseButton.LeftButton)
    return boxes


def test_an_early_click_asks_with_the_dates_and_cancel_changes_nothing(
    qtbot,
    make_window,
    database: Path,
    sample_file: Path,  # noqa: F811
) -> None:
    window = make_window()
    window.open_file(sample_file)  # 2026-Q4; the tests' day is 2026-12-05 (conftest.py)
    window.show_page("start")
    boxes = click_next(qtbot, window, QMessageBox.StandardButton.Cancel)
    assert boxes.titles == ["开始下一期"]
    text = boxes.texts[0]
    for words in (
        "本期2026年第四季度还没有结束（到2026年12月31日）",
        "下一期2027年第一季度（2027年1月1日至2027年3月31日）还没有开始",
        "现在就开始2027年第一季度吗？",
    ):
        assert words in text, text
    assert sorted(boxes.buttons[0]) == sorted(["现在开始2027年第一季度", "取消"])
    # cancelled: nothing stored, the cadre is still on the start page with the list unchanged
    assert stored_periods(database) == ["2026-Q4"]
    assert window.current == "start" and window.start_page.table.rowCount() == 1
    assert window.session.assessment.period.code == "2026-Q4"

    boxes = click_next(qtbot, window, QMessageBox.StandardButton.Yes)  # agreed: started
    assert len(boxes.texts) == 1
    assert stored_periods(database) == ["2026-Q4", "2027-Q1"]
    assert window.session.assessment.period.code == "2027-Q1" and window.current != "start"


def test_once_the_next_period_has_begun_it_starts_without_asking(
    qtbot,
    make_window,
    database: Path,
    monkeypatch,
    sample_file: Path,  # noqa: F811
) -> None:
    monkeypatch.setattr(township_dialogs, "today", lambda: dt.date(2027, 1, 1))  # 2027-Q1's first day
    window = make_window()
    window.open_file(sample_file)
    window.show_page("start")
    boxes = click_next(qtbot, window, QMessageBox.StandardButton.Yes)
    assert boxes.texts == []  # no question (an unexpected one would fail the test: conftest.py)
    assert stored_periods(database) == ["2026-Q4", "2027-Q1"]
    assert window.session.assessment.period.code == "2027-Q1"
