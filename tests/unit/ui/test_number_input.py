"""Numbers as a cadre types them: full-width, with units; errors name the row and clear when fixed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from test_wizard import edit_cell, type_into

from jianfu.core.assessment import Period, Township

TOWNSHIP = Township("石桥镇", "519901102000", "云溪县")


def opened(make_window, page: str):
    window = make_window()
    window.session.create(TOWNSHIP, Period("2026-Q4"))
    window._build_pages()
    window.show_page(page)
    return window, window.pages[page]


def stored(window, item_id: str):
    return window.session.service.store.load(window.session.assessment_id).answers.get(item_id)


def test_units_and_full_width_digits(qtbot, make_window) -> None:
    window, meetings = opened(make_window, "meetings")
    hours = meetings.rows["meetings.average_hours"]
    type_into(qtbot, hours.editor.edit, "1.5小时")
    assert stored(window, "meetings.average_hours").value == 1.5 and not hours.error.isVisible()
    type_into(qtbot, hours.editor.edit, "90分钟")
    assert stored(window, "meetings.average_hours").value == 1.5
    qtbot.keyClick(hours.editor.edit, Qt.Key.Key_Tab)  # leaving the field shows what was stored
    assert hours.editor.edit.text() == "1.5"
    per_month = meetings.rows["meetings.per_month"]
    type_into(qtbot, per_month.editor.edit, "１２")
    assert stored(window, "meetings.per_month").value == 12

    attendees = meetings.rows["meetings.attendees"]
    type_into(qtbot, attendees.editor.edit, "30个")
    assert attendees.error.isVisible() and "人" in attendees.error.text()
    assert stored(window, "meetings.attendees") is None
    type_into(qtbot, attendees.editor.edit, "30")
    assert not attendees.error.isVisible() and stored(window, "meetings.attendees").value == 30


def test_table_errors_name_the_row_and_clear(qtbot, make_window) -> None:
    window, apps = opened(make_window, "apps")
    inventory = apps.tables["apps.inventory"]
    minutes = [c.id for c in inventory.item.columns].index("minutes_per_day")
    for name in ("网格通", "学习强国", "巡查APP"):
        qtbot.mouseClick(inventory.add_button, Qt.MouseButton.LeftButton)
        edit_cell(qtbot, inventory.table, inventory.table.rowCount() - 1, 0, name)
    edit_cell(qtbot, inventory.table, 2, minutes, "很多")
    assert inventory.error.text().startswith("第3行") and "分钟" in inventory.error.text()
    edit_cell(qtbot, inventory.table, 1, minutes, "-5")
    assert inventory.error.text().startswith("第2行")
    edit_cell(qtbot, inventory.table, 1, minutes, "1小时")
    assert inventory.error.text() == ""
    rows = stored(window, "apps.inventory").value
    assert rows[1]["cells"]["minutes_per_day"] == 60 and "minutes_per_day" not in rows[2]["cells"]
