"""A table answered "none" with real clicks and keys: saved at once, refused while rows are
present (rows are never deleted for it), taken back by adding a row; 不适用 not offered."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QScrollArea
from test_wizard import edit_cell, type_into

from helpers.sample import open_sample
from jianfu.core.answers import Answer
from jianfu.core.assessment import Period, Township
from jianfu.storage.assessments import AssessmentStore
from jianfu.storage.database import open_database
from jianfu.ui.main_window import PAGE_ROLE

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
        QApplication.processEvents()  # the layout after a change, as the screen shows it
        widget.grab().save(str(Path(SHOTS) / name))


def sidebar_text(window, page: str) -> str:
    return next(
        window.sidebar.item(i).text()
        for i in range(window.sidebar.count())
        if window.sidebar.item(i).data(PAGE_ROLE) == page
    )


def click(qtbot, widget) -> None:
    """A click where a user clicks: a check box on its box (its text may end well before its
    middle), a button in its middle."""
    at = QPoint(8, widget.height() // 2) if isinstance(widget, QCheckBox) else widget.rect().center()
    page = widget.parent()
    while page is not None and not isinstance(page, QScrollArea):
        page = page.parent()
    if page is not None:
        page.ensureWidgetVisible(widget)  # scrolled to, as a user does before clicking
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=at)


def test_tables_offer_none_in_the_checklists_words_and_no_not_applicable(qtbot, make_window) -> None:
    window, apps = opened(make_window, "apps")
    inventory = apps.tables["apps.inventory"]
    assert not inventory.none_box.isHidden()
    assert inventory.none_box.text() == window.session.checklist.item("apps.inventory").none_label
    assert apps.rows["apps.inventory"].not_applicable.isHidden()
    window.show_page("filing")
    filing = window.pages["filing"]
    assert filing.tables["filing.tasks"].none_box.text().startswith("没有：本镇没有经常性的报表")
    assert filing.rows["filing.tasks"].not_applicable.isHidden()
    shot(window, "apps_none_offered.png")


def test_none_is_saved_at_once_and_a_row_takes_it_back(qtbot, make_window, database) -> None:
    window, apps = opened(make_window, "apps")
    inventory = apps.tables["apps.inventory"]
    before = sidebar_text(window, "apps")
    click(qtbot, inventory.none_box)
    assert inventory.none_box.isChecked()
    assert stored(database, window, "apps.inventory") == Answer([], declared_none=True)
    assert inventory.table.isHidden() and inventory.delete_button.isHidden()
    assert not inventory.add_button.isHidden()  # the way back stays in sight
    qtbot.waitUntil(lambda: sidebar_text(window, "apps") != before)  # one more item answered
    shot(window, "apps_none_ticked.png")

    type_into(qtbot, apps.rows["apps.inventory"].note, "县里只要求用微信")  # a note keeps "none"
    answer = stored(database, window, "apps.inventory")
    assert answer is not None and answer.declared_none and answer.note == "县里只要求用微信"

    click(qtbot, inventory.add_button)  # a row: the table lists something after all
    assert not inventory.none_box.isChecked() and not inventory.table.isHidden()
    edit_cell(qtbot, inventory.table, 0, 0, "网格通")
    answer = stored(database, window, "apps.inventory")
    assert answer is not None and not answer.declared_none
    assert [r["cells"]["name"] for r in answer.value] == ["网格通"]
    assert answer.note == "县里只要求用微信"
    assert window.session.answers["apps.inventory"].declared_none is False


def test_none_is_refused_while_rows_are_present_and_rows_stay(qtbot, make_window, database) -> None:
    window, apps = opened(make_window, "apps")
    inventory = apps.tables["apps.inventory"]
    for name in ("网格通", "学习强国"):
        click(qtbot, inventory.add_button)
        edit_cell(qtbot, inventory.table, inventory.table.rowCount() - 1, 0, name)
    click(qtbot, inventory.none_box)
    assert not inventory.none_box.isChecked()
    assert "2" in inventory.error.text() and "删除" in inventory.error.text()
    assert not inventory.table.isHidden() and inventory.table.rowCount() == 2
    answer = stored(database, window, "apps.inventory")
    assert answer is not None and not answer.declared_none
    assert [r["cells"]["name"] for r in answer.value] == ["网格通", "学习强国"]
    shot(window, "apps_none_refused.png")

    for _ in range(2):  # deleted row by row, on purpose: then "none" is taken
        inventory.table.setCurrentCell(0, 0)
        click(qtbot, inventory.delete_button)
    click(qtbot, inventory.none_box)
    assert inventory.none_box.isChecked() and inventory.error.text() == ""
    assert stored(database, window, "apps.inventory") == Answer([], declared_none=True)


def test_none_by_keyboard_and_after_a_restart(qtbot, make_window, database) -> None:
    window, _ = opened(make_window, "filing")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    filing = window.pages["filing"]
    tasks = filing.tables["filing.tasks"]
    help_button = filing.rows["filing.tasks"].help_button
    help_button.setFocus()
    qtbot.waitUntil(help_button.hasFocus)
    for _ in range(6):  # Tab reaches the answer within a few presses
        if QApplication.focusWidget() is tasks.none_box:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    else:
        raise AssertionError(f"Tab never reached the none box (at {QApplication.focusWidget()!r})")
    qtbot.keyClick(tasks.none_box, Qt.Key.Key_Space)
    assert tasks.none_box.isChecked()
    assert stored(database, window, "filing.tasks") == Answer([], declared_none=True)

    window.close()
    again = make_window()
    again.open_assessment(window.session.assessment_id)
    again.show_page("filing")
    again.activateWindow()
    qtbot.waitUntil(again.isActiveWindow)
    reopened = again.pages["filing"].tables["filing.tasks"]
    assert reopened.none_box.isChecked() and reopened.table.isHidden()
    qtbot.keyClick(reopened.none_box, Qt.Key.Key_Space)  # unticked: unanswered again
    answer = stored(database, again, "filing.tasks")
    assert answer is not None and not answer.declared_none and not answer.is_answered


def test_an_old_not_applicable_on_a_table_can_be_answered_again(qtbot, make_window, database) -> None:
    window, apps = opened(make_window, "apps")
    window.session.save_answer("apps.inventory", Answer([], True, "本镇所用平台均为县里统一部署"))  # from before
    apps.load()
    row, inventory = apps.rows["apps.inventory"], apps.tables["apps.inventory"]
    assert row.not_applicable.isChecked() and not row.not_applicable.isHidden() and not inventory.isVisible()
    click(qtbot, row.not_applicable)  # unticked: the table and its "none" are back
    assert inventory.isVisible()
    click(qtbot, inventory.none_box)
    answer = stored(database, window, "apps.inventory")
    assert answer is not None and answer.declared_none and not answer.not_applicable
    assert answer.note == "本镇所用平台均为县里统一部署"


def test_results_tell_the_cadre_why_an_old_not_applicable_inventory_gets_no_level(qtbot, make_window) -> None:
    """The gaming scenario as a database from before shows it: 不适用 with a plausible reason on
    the inventory of a township whose other answers show apps. Scores, but no level, and why."""
    window = make_window()
    open_sample(qtbot, window)
    rows = window.session.answers["apps.inventory"].value
    window.session.save_answer("apps.inventory", Answer(rows, True, "本镇所用平台均为县里统一部署，不另行列出"))
    window.show_page("results")
    results = window.pages["results"]
    text = results.completeness.text()
    assert "作答前后矛盾" not in text  # the label words it its own way; core's reasons follow:
    assert "政务应用、平台与工作群清单：本表答“没有”（或标为不适用）" in text
    assert "有1张表格按旧办法标为“不适用”：请取消" in text
    assert results.result is not None and results.result.overall_level == "incomplete"
    assert "未完成" in results.cards["platform_formalism"].text()
    shot(window, "results_old_not_applicable_inventory.png")
