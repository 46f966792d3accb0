"""不适用 wins over typing still waiting for its pause; it is offered only where the checklist offers
it, and an old one elsewhere shows, to be removed."""

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
from jianfu.ui.widgets.item_row import TYPING_PAUSE_MS, ItemRow

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
    row = meetings.rows["meetings.imposed_by"]  # "which department": where v2 offers 不适用
    row.editor.edit.setFocus()
    type_text(qtbot, row.editor.edit, "县委办")  # the typing pause has not ended yet
    qtbot.mouseClick(row.not_applicable, Qt.MouseButton.LeftButton)
    qtbot.wait(TYPING_PAUSE_MS + 300)  # the typing timer would have fired by now

    answer = stored(database, window, "meetings.imposed_by")
    assert answer is not None and answer.not_applicable and answer.value is None
    assert row.not_applicable.isChecked()
    assert row.editor.edit.text() == "" and not row.editor.isEnabled()  # shows what is stored
    shot(window, "na_after_typing.png")

    qtbot.mouseClick(row.not_applicable, Qt.MouseButton.LeftButton)  # unticked: answer again
    assert not row.not_applicable.isHidden()  # offered here: the box stays
    row.editor.edit.setFocus()
    type_text(qtbot, row.editor.edit, "县委办公室")
    qtbot.keyClick(row.editor.edit, Qt.Key.Key_Return)
    answer = stored(database, window, "meetings.imposed_by")
    assert answer is not None and not answer.not_applicable and answer.value == "县委办公室"


def test_not_applicable_clears_the_error_of_a_non_number(qtbot, library) -> None:
    # v1 still offers 不适用 on numbers (an old assessment keeps its own checklist's rules)
    saved: list[Answer] = []
    row = ItemRow(library.get("township-selfcheck", 1).item("meetings.per_month"), saved.append)
    qtbot.addWidget(row)
    row.show_answer(None)
    row.show()
    assert not row.not_applicable.isHidden()
    row.editor.edit.setFocus()
    type_text(qtbot, row.editor.edit, "测试")
    qtbot.waitUntil(row.error.isVisible)
    assert "数字" in row.error.text()
    type_text(qtbot, row.editor.edit, "啊")  # typed again: a save is pending once more
    qtbot.mouseClick(row.not_applicable, Qt.MouseButton.LeftButton)
    qtbot.wait(TYPING_PAUSE_MS + 300)
    assert not row.error.isVisible()
    assert saved and saved[-1].not_applicable


def test_not_applicable_is_offered_only_where_v2_offers_it(qtbot, make_window) -> None:
    window, _ = opened(make_window, "profile")
    checklist = window.session.checklist
    for section in checklist.sections:
        window.show_page(section.id)
        page = window.pages[section.id]
        shown = {item_id for item_id, row in page.rows.items() if not row.not_applicable.isHidden()}
        assert shown == ({f"{section.id}.imposed_by"} if section.id != "profile" else set()), section.id
    meetings = window.pages["meetings"]
    row = meetings.rows["meetings.per_month"]
    row.editor.edit.setFocus()
    shortcut = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(row.editor.edit, Qt.Key.Key_N, shortcut)
    assert not row.not_applicable.isChecked()  # the shortcut does nothing where it is not offered


def test_an_old_not_applicable_is_shown_and_can_be_removed(qtbot, make_window, database) -> None:
    """A 不适用 stored before v2 stopped offering it (an older database, carried over, imported)
    shows its box, saying so; unticked, the box goes and the item is answered again."""
    window, meetings = opened(make_window, "meetings")
    window.session.save_answer("meetings.per_month", Answer(None, True, "本年度县里未召开会议"))  # from before
    meetings.load()
    row = meetings.rows["meetings.per_month"]
    box = row.not_applicable
    assert box.isChecked() and not box.isHidden() and not row.editor.isEnabled()
    assert "已不提供" in box.text()  # the cadre sees why it must go
    shot(meetings, "na_old_answer_row.png")
    window.show_page("results")
    results = window.pages["results"]
    text = results.where.text()  # named, linked to the item, under its own heading
    assert "本版已不提供“不适用”" in text and 'href="meetings.per_month"' in text
    assert "不予认可1题" in results.completeness.text() and "未完成" in results.completeness.text()
    shot(results, "na_results_old_answer.png")

    window.show_page("meetings")
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert box.isHidden() and not box.isChecked() and row.editor.isEnabled()
    row.editor.edit.setFocus()
    type_text(qtbot, row.editor.edit, "6")
    qtbot.keyClick(row.editor.edit, Qt.Key.Key_Return)
    answer = stored(database, window, "meetings.per_month")
    assert answer is not None and not answer.not_applicable and answer.value == 6
    assert answer.note == "本年度县里未召开会议"  # the note is kept
    window.show_page("results")
    assert "本版已不提供“不适用”" not in results.where.text()
    assert 'href="meetings.per_month"' not in results.where.text()


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
