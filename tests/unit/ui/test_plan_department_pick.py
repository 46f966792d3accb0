"""A request to the county whose 条线部门 lists "one or more of" several departments is marked on
the plan page; the cadre picks which one it is (or types it), never the program; the pick is the
township's edit, kept on redraft, and the county's import counts the request under that department."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from jianfu.core.attribution import ANY_OF
from jianfu.core.checklist import Handling
from jianfu.storage.county_counts import NO_DEPARTMENT_NAMED
from jianfu.ui.pages.plan_page import COLUMNS, LAST_ROLE

DEPARTMENT = COLUMNS.index("department")
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")  # popups
NOTICE = "项提请县级协调的事项未指明具体部门，县里无法转给部门办理：请在“条线部门”中选定"


def open_plan(make_window):
    window = make_window()
    window.open_assessment(window.session.service.open_sample())
    window.show_page("plan")
    return window, window.pages["plan"]


def stored_plan(window):
    return {i.key: i for i in window.session.service.store.load(window.session.assessment_id).plan}


def rows_of(page) -> dict[str, int]:
    return {page.table.item(r, 0).data(Qt.ItemDataRole.UserRole): r for r in range(page.table.rowCount())}


def unrouted(window) -> list[str]:
    """Keys of the accepted requests to the county whose department field names no one department."""
    return [
        key
        for key, item in stored_plan(window).items()
        if not item.rejected and item.handling is Handling.ESCALATE and ANY_OF in item.department
    ]


def marked(page) -> set[int]:
    return {r for r in range(page.table.rowCount()) if page.table.item(r, DEPARTMENT).data(LAST_ROLE)}


def open_department_list(qtbot, page, row: int) -> QComboBox:
    """Double-click the cell: the box opens with its list dropped down."""
    cell = page.table.item(row, DEPARTMENT)
    page.table.scrollToItem(cell)
    centre = page.table.visualItemRect(cell).center()
    qtbot.mousePress(page.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    box = next(e for e in page.table.viewport().findChildren(QComboBox) if e.isVisible())
    qtbot.waitUntil(lambda: box.view().isVisible())
    return box


def pick(qtbot, box: QComboBox, name: str) -> None:
    view = box.view()
    index = box.model().index(box.findText(name), 0)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def test_requests_naming_no_one_department_are_marked_and_counted(qtbot, make_window, tmp_path: Path) -> None:
    window, page = open_plan(make_window)
    keys = unrouted(window)
    assert len(keys) >= 2  # the sample has several
    rows = rows_of(page)
    assert marked(page) == {rows[k] for k in keys}  # never an item the township fixes itself
    own_any_of = [k for k, i in stored_plan(window).items() if i.handling is Handling.OWN and ANY_OF in i.department]
    assert own_any_of and not {rows[k] for k in own_any_of} & marked(page)
    assert page.unrouted.isVisible()
    assert page.unrouted.text.text() == f"{len(keys)}{NOTICE}"
    cell = page.table.item(rows[keys[0]], DEPARTMENT)
    assert "县里无法把这项请求转给部门办理" in cell.toolTip()
    assert stored_plan(window)[keys[0]].department == cell.text()  # nothing picked for the cadre

    # unticked (Space on the 采纳 cell), a request is no longer asked: no longer counted
    page.table.setCurrentCell(rows[keys[0]], 0)
    qtbot.keyClick(page.table, Qt.Key.Key_Space)
    assert stored_plan(window)[keys[0]].rejected
    assert rows[keys[0]] not in marked(page)
    assert page.unrouted.text.text() == f"{len(keys) - 1}{NOTICE}"
    window.grab().save(str(tmp_path / "plan.png"))


def test_picking_one_of_the_listed_departments_routes_the_request_and_survives_redraft(
    qtbot, make_window, tmp_path: Path
) -> None:
    from jianfu.core.attribution import unspecified

    window, page = open_plan(make_window)
    keys = unrouted(window)
    key = keys[0]
    listed = unspecified(stored_plan(window)[key].department)
    box = open_department_list(qtbot, page, rows_of(page)[key])
    names = [box.itemText(i) for i in range(box.count()) if box.itemText(i)]
    assert names[: len(listed)] == list(listed)  # the ones the township listed, first
    assert set(names) >= {"县城市管理局", "县民政局"}  # and the departments entered elsewhere
    window.grab().save(str(tmp_path / "list.png"))
    pick(qtbot, box, listed[1])
    qtbot.waitUntil(lambda: stored_plan(window)[key].department == listed[1])
    item = stored_plan(window)[key]
    assert "department" in item.edited
    assert page.table.item(rows_of(page)[key], DEPARTMENT).text() == listed[1]
    assert rows_of(page)[key] not in marked(page)
    assert page.unrouted.text.text() == f"{len(keys) - 1}{NOTICE}"

    page.load()  # the plan drafted again from the answers: the township's pick stays
    assert stored_plan(window)[key].department == listed[1]
    assert page.table.item(rows_of(page)[key], DEPARTMENT).text() == listed[1]
    assert rows_of(page)[key] not in marked(page)


def test_the_department_can_be_typed_and_the_notice_button_opens_the_first(qtbot, make_window) -> None:
    window, page = open_plan(make_window)
    keys = unrouted(window)
    rows = rows_of(page)
    first = min(keys, key=rows.__getitem__)
    qtbot.mouseClick(page.unrouted.button, Qt.MouseButton.LeftButton)
    box = next(e for e in page.table.viewport().findChildren(QComboBox) if e.isVisible())
    qtbot.waitUntil(lambda: box.view().isVisible())
    assert page.table.currentRow() == rows[first] and page.table.currentColumn() == DEPARTMENT
    qtbot.keyClick(box.view(), Qt.Key.Key_Escape)  # the list closes; the box stays for typing
    qtbot.waitUntil(lambda: not box.view().isVisible())
    line = box.lineEdit()
    assert line.selectedText() == stored_plan(window)[first].department  # typing replaces it
    line.insert("县委机要局")  # a department entered nowhere else
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored_plan(window)[first].department == "县委机要局")
    assert "department" in stored_plan(window)[first].edited
    assert rows[first] not in marked(page)
    assert len(unrouted(window)) == len(keys) - 1


def test_the_county_counts_the_request_under_the_department_picked(qtbot, make_window, library, tmp_path: Path) -> None:
    """Exported, imported at the county (the real import), read back from the county database."""
    from jianfu.core.attribution import department_key, unspecified
    from jianfu.services.county import CountyService
    from jianfu.ui.pages.export_page import export_file

    window, page = open_plan(make_window)
    keys = unrouted(window)
    key = keys[0]
    before = stored_plan(window)[key]
    chosen = unspecified(before.department)[0]
    pick(qtbot, open_department_list(qtbot, page, rows_of(page)[key]), chosen)
    qtbot.waitUntil(lambda: stored_plan(window)[key].department == chosen)
    path = export_file(window.session, tmp_path / "柳河镇.jianfu", lambda _f: None)

    with CountyService.open(tmp_path / "county.sqlite3", library) as county:
        summary = county.import_files([path])
        assert not summary.rejected
        (period,) = county.periods()
        stored = county.db.conn.execute(
            "SELECT department, edited FROM plan_items WHERE key = ? AND assessment_id IN"
            " (SELECT id FROM assessments WHERE content_sha256 IS NOT NULL)",
            (key,),
        ).fetchone()
        assert stored[0] == chosen and "department" in stored[1]
        groups = {g.name: g for g in county.request_groups(period)}
        routed = county.requests_for(period, groups[chosen])
        assert [i.problem for i in routed if i.problem == before.problem] == [before.problem]
        assert department_key(chosen) in groups[chosen].keys
        # the other requests naming no one department stay under none, this one is no longer there
        left = county.requests_for(period, groups[NO_DEPARTMENT_NAMED])
        assert before.problem not in {i.problem for i in left}
        assert len(left) == len(keys) - 1


def test_the_export_page_says_so_and_leads_to_the_pick(qtbot, make_window) -> None:
    window, page = open_plan(make_window)
    keys = unrouted(window)
    window.show_page("export")
    export = window.pages["export"]
    assert export.unrouted.isVisible()
    assert export.unrouted.text.text().startswith(f"{len(keys)}项提请县级协调的事项未指明具体部门")
    assert export.export_button.isEnabled()  # exporting goes on
    qtbot.mouseClick(export.unrouted.button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is page
    box = next(e for e in page.table.viewport().findChildren(QComboBox) if e.isVisible())
    qtbot.waitUntil(lambda: box.view().isVisible())
    first = min(keys, key=rows_of(page).__getitem__)
    assert page.table.currentRow() == rows_of(page)[first]
    pick(qtbot, box, box.itemText(0))
    qtbot.waitUntil(lambda: len(unrouted(window)) == len(keys) - 1)
    window.show_page("export")
    assert export.unrouted.text.text().startswith(f"{len(keys) - 1}项")
