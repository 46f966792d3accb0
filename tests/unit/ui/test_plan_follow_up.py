"""The next period's plan page shows what became of last period's plan: each item's 完成情况 as
entered there and whether its deadline passed, under this period's progress; the items this plan
no longer lists above the table; a deadline due by the new plan is set afresh."""

from __future__ import annotations

import pytest
from dialogs import start_next_period
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from test_journey import sample_file  # noqa: F401 - the fixture is used by name

from jianfu.ui.pages.plan_page import COLUMNS, LAST_ROLE

STATUS, DEADLINE = COLUMNS.index("status"), COLUMNS.index("deadline")


def type_into(qtbot, page, row: int, column: int, text: str) -> None:
    """Open the cell's editor, type, and close it as leaving the cell does."""
    table = page.table
    table.setCurrentCell(row, column)
    table.editItem(table.item(row, column))
    editor = next(e for e in table.viewport().findChildren(QWidget) if e.isVisible() and hasattr(e, "selectAll"))
    editor.selectAll()
    if text.isascii():
        qtbot.keyClicks(editor, text)
    else:  # Chinese comes from the input method as committed text (QTest types Latin-1 only)
        editor.insertPlainText(text)
    delegate = table.itemDelegate()
    delegate.commitData.emit(editor)
    delegate.closeEditor.emit(editor)


def row_of(page, key: str) -> int:
    return next(r for r in range(page.table.rowCount()) if page.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == key)


def test_the_next_periods_plan_says_what_became_of_last_periods(qtbot, make_window, sample_file) -> None:  # noqa: F811
    window = make_window()
    window.open_file(sample_file)  # 柳河镇 2026-Q4, as a township that used Jianfu before
    window.show_page("plan")
    page = window.pages["plan"]
    assert not page.last_period.isVisible()  # no 2026-Q3 here
    assert all(not page.table.item(r, STATUS).data(LAST_ROLE) for r in range(page.table.rowCount()))
    key = lambda row: page.table.item(row, 0).data(Qt.ItemDataRole.UserRole)  # noqa: E731
    done, late, dropped = key(0), key(1), key(2)
    type_into(qtbot, page, 0, STATUS, "已完成")
    type_into(qtbot, page, row_of(page, late), DEADLINE, "2026-11-30")  # before the test's day, 2026-12-05
    stored = {i.key: i for i in window.session.service.store.load(window.session.assessment_id).plan}
    assert stored[done].status == "已完成" and stored[late].deadline == "2026-11-30"

    window.show_page("start")
    start_next_period(qtbot, window)
    assert window.session.assessment.period.code == "2027-Q1"
    window.show_page("plan")
    assert page.last_period.isVisible()

    def last(key: str) -> str:
        return page.table.item(row_of(page, key), STATUS).data(LAST_ROLE)

    assert last(done).startswith("上期：已完成\n上期时限2") and not last(done).endswith("已过")
    assert last(late) == "上期：未填写完成情况\n上期时限2026-11-30，已过"
    # started early (2026-12-05): deadlines due by this period's end were set afresh, and that is said
    carried = {k: page.follow_up.of(k) for k in page.items if page.follow_up.of(k) is not None}
    renewed = [
        k
        for k, was in carried.items()
        if not page.follow_up.deadline_passed(was) and page.items[k].deadline != was.deadline
    ]
    assert renewed and all(last(k).endswith("本期内到期，已重新起算") for k in renewed)
    assert all(
        not last(k).endswith("已重新起算") for k, was in carried.items() if page.items[k].deadline == was.deadline
    )
    assert page.table.item(row_of(page, done), STATUS).text() == ""  # progress is this period's
    # this period's progress typed in: last period's still shown under it, and never saved with it
    type_into(qtbot, page, row_of(page, done), STATUS, "推进中")
    assert page.table.item(row_of(page, done), STATUS).text() == "推进中" and last(done).startswith("上期：已完成")
    stored = {i.key: i for i in window.session.service.store.load(window.session.assessment_id).plan}
    assert stored[done].status == "推进中"
    assert page.table.item(row_of(page, late), DEADLINE).text() > "2027-03-31"  # set afresh
    assert "上期（2026年第四季度）整改方案列事项" in page.last_period.text()
    assert "本期未再列入" not in page.last_period.text()

    # unticked, an item is no longer in this plan: the line above says what became of it
    page.table.setCurrentCell(row_of(page, dropped), 0)
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    assert page.table.item(row_of(page, dropped), 0).checkState() == Qt.CheckState.Unchecked
    assert "本期未再列入1项：" in page.last_period.text() and "未填写完成情况" in page.last_period.text()

    # the plan saved from the export page reports it too (last period read on the UI thread)
    import re

    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog

    window.show_page("export")
    export = window.pages["export"]
    target = sample_file.parent / "2027-Q1整改方案.pdf"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
        qtbot.mouseClick(export.save_pdf_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(target.exists, timeout=30_000)
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(str(target)).pages))
    assert "上期（2026年第四季度）整改事项完成情况见附件1" in text and "上期整改事项完成情况" in text
    assert "上期：已完成" in text and "上期未填写完成情况" in text
