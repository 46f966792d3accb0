"""不适用 wins over typing still waiting for its pause; basic information never offers 不适用."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from test_wizard import type_text

from jianfu.core.answers import Answer
from jianfu.core.assessment import Period, Township
from jianfu.storage.assessments import AssessmentStore
from jianfu.storage.database import open_database
from jianfu.ui.main_window import PAGE_ROLE
from jianfu.ui.widgets.item_row import TYPING_PAUSE_MS

TOWNSHIP = Township("石桥镇", "519901102000", "云溪县")
SHOTS = os.environ.get("JIANFU_SHOTS")  # set to a folder to keep screenshots for a look


def opened(make_window, page: str):
    window = make_window()
    window.session.create(TOWNSHIP, Period("2026-Q4"))
    window._build_pages()
    window.show_page(page)
    return window, window.pages[page]


def stored(database: Path, window, item_id: str) -> Answer | None:
    check = AssessmentStore(open_database(database))
    try:
        return check.load(window.session.assessment_id).answers.get(item_id)
    finally:
        check.db.close()


def shot(widget, name: str) -> None:
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / name))


def test_ticking_not_applicable_while_typing_keeps_not_applicable(qtbot, make_window, database) -> None:
    window, meetings = opened(make_window, "meetings")
    row = meetings.rows["meetings.per_month"]
    row.editor.edit.setFocus()
    qtbot.keyClicks(row.editor.edit, "30")  # the typing pause has not ended yet
    qtbot.mouseClick(row.not_applicable, Qt.MouseButton.LeftButton)
    qtbot.wait(TYPING_PAUSE_MS + 300)  # the typing timer would have fired by now

    answer = stored(database, window, "meetings.per_month")
    assert answer is not None and answer.not_applicable and answer.value is None
    assert row.not_applicable.isChecked()
    assert row.editor.edit.text() == "" and not row.editor.isEnabled()  # shows what is stored
    shot(window, "na_after_typing.png")

    qtbot.mouseClick(row.not_applicable, Qt.MouseButton.LeftButton)  # unticked: answer again
    row.editor.edit.setFocus()
    qtbot.keyClicks(row.editor.edit, "12")
    qtbot.keyClick(row.editor.edit, Qt.Key.Key_Return)
    answer = stored(database, window, "meetings.per_month")
    assert answer is not None and not answer.not_applicable and answer.value == 12


def test_not_applicable_clears_the_error_of_a_non_number(qtbot, make_window, database) -> None:
    window, meetings = opened(make_window, "meetings")
    row = meetings.rows["meetings.per_month"]
    row.editor.edit.setFocus()
    type_text(qtbot, row.editor.edit, "测试")
    qtbot.waitUntil(row.error.isVisible)
    assert "数字" in row.error.text()
    type_text(qtbot, row.editor.edit, "啊")  # typed again: a save is pending once more
    qtbot.mouseClick(row.not_applicable, Qt.MouseButton.LeftButton)
    qtbot.wait(TYPING_PAUSE_MS + 300)
    assert not row.error.isVisible()
    answer = stored(database, window, "meetings.per_month")
    assert answer is not None and answer.not_applicable


def test_basic_information_offers_no_not_applicable(qtbot, make_window) -> None:
    window, profile = opened(make_window, "profile")
    assert all(row.not_applicable.isHidden() for row in profile.rows.values())
    row = profile.rows["profile.filled_by"]
    row.editor.edit.setFocus()
    shortcut = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(row.editor.edit, Qt.Key.Key_N, shortcut)
    assert not row.not_applicable.isChecked()  # the shortcut does nothing either
    shot(window, "profile_no_na.png")
    window.show_page("meetings")
    meetings = window.pages["meetings"]
    assert not meetings.rows["meetings.per_month"].not_applicable.isHidden()


def test_sidebar_counts_as_completeness_does(qtbot, make_window) -> None:
    window, profile = opened(make_window, "profile")

    def sidebar_text() -> str:
        return next(
            window.sidebar.item(i).text()
            for i in range(window.sidebar.count())
            if window.sidebar.item(i).data(PAGE_ROLE) == "profile"
        )

    before = sidebar_text()
    window.session.save_answer("profile.filled_by", Answer(None, True, "旧数据"))  # marked so before
    window._refresh_sidebar()
    assert sidebar_text() == before  # 不适用 on the township's own facts is no answer
    assert "0/" in before
    row = profile.rows["profile.filled_by"]
    row.show_answer(window.session.answers["profile.filled_by"])
    assert not row.not_applicable.isHidden()  # shown so that it can be unticked


def test_results_claim_nothing_found_only_where_answered(qtbot, make_window) -> None:
    window, meetings = opened(make_window, "meetings")
    for row in meetings.rows.values():  # every meetings item 不适用: nothing can be judged there
        if not row.not_applicable.isHidden():
            qtbot.mouseClick(row.not_applicable, Qt.MouseButton.LeftButton)
    window.show_page("results")
    results = window.pages["results"]
    texts = []
    for i in range(results.findings.topLevelItemCount()):
        parent = results.findings.topLevelItem(i)
        texts += [parent.child(j).text(0) for j in range(parent.childCount())]
    shot(window, "results_blank.png")
    assert "未发现明显问题" not in texts  # nothing answered, nothing may be claimed
    assert any("无法评估" in text for text in texts)  # as core words it
