"""Exclusive 以上都没有 and the 提出部门 picker, clicked as a cadre would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu

from jianfu.core.assessment import Period, Township
from jianfu.ui.widgets.department_picker import DepartmentPicker

TOWNSHIP = Township("石桥镇", "519901102000", "云溪县")


def _click_box(qtbot, box) -> None:
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def _open(make_window, page: str):
    window = make_window()
    window.session.create(TOWNSHIP, Period("2026-Q4"))
    window._build_pages()
    window.show_page(page)
    return window


def test_none_of_these_clears_the_others_and_back(qtbot, make_window) -> None:
    window = _open(make_window, "apps")
    row = window.pages["apps"].rows["apps.situations"]
    boxes = {b.property("choice"): b for b in row.editor.boxes}
    _click_box(qtbot, boxes["daily_browse"])
    _click_box(qtbot, boxes["showcase"])
    assert window.session.answers["apps.situations"].value == ["daily_browse", "showcase"]
    _click_box(qtbot, boxes["none"])
    assert [c for c, b in boxes.items() if b.isChecked()] == ["none"]
    assert window.session.answers["apps.situations"].value == ["none"]
    _click_box(qtbot, boxes["faked_counts"])
    assert not boxes["none"].isChecked()
    assert window.session.answers["apps.situations"].value == ["faked_counts"]


def _pick(qtbot, picker: DepartmentPicker, name: str) -> list[str]:
    """Open the picker's menu with a click and click ``name`` in it; return what it offered."""
    offered: list[str] = []

    def click_in_menu() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        offered.extend(a.text() for a in menu.actions())
        action = next(a for a in menu.actions() if a.text() == name)
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())

    QTimer.singleShot(100, click_in_menu)
    qtbot.mouseClick(picker.pick_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    return offered


# a popup menu on the offscreen platform (no window manager) cannot raise or grab the keyboard
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_department_is_picked_from_those_entered(qtbot, make_window) -> None:
    window = _open(make_window, "apps")
    session = window.session
    inventory = window.pages["apps"].tables["apps.inventory"]
    for row, (name, department) in enumerate([("网格通", "县委政法委"), ("巡河通", "县水利局")]):
        qtbot.mouseClick(inventory.add_button, Qt.MouseButton.LeftButton)
        _edit_cell(qtbot, inventory.table, row, 0, name)
        _edit_cell(qtbot, inventory.table, row, 2, department)
    session.save_row("filing.tasks", "t1", {"name": "低保月报", "department": "县民政局"}, 0)

    picker = window.pages["apps"].rows["apps.imposed_by"].editor
    assert isinstance(picker, DepartmentPicker)
    offered = _pick(qtbot, picker, "县水利局")
    assert offered == ["县委政法委", "县水利局", "县民政局"]
    assert session.answers["apps.imposed_by"].value == "县水利局"
    _pick(qtbot, picker, "县民政局")
    assert session.answers["apps.imposed_by"].value == "县水利局、县民政局"

    # a new name can still be typed, and is offered on the next page at once
    picker.edit.setFocus()
    qtbot.keyClick(picker.edit, Qt.Key.Key_End)
    QApplication.sendEvent(picker.edit, _commit("、市公安局"))
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)
    assert session.answers["apps.imposed_by"].value == "县水利局、县民政局、市公安局"
    window.show_page("meetings")
    other = window.pages["meetings"].rows["meetings.imposed_by"].editor
    assert "市公安局" in _pick(qtbot, other, "县委政法委")
    assert session.answers["meetings.imposed_by"].value == "县委政法委"


def _commit(text: str) -> QKeyEvent:
    """Chinese arrives as committed text, as from an input method."""
    return QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, text)


def _edit_cell(qtbot, table, row: int, column: int, text: str) -> None:
    table.setCurrentCell(row, column)
    table.editItem(table.item(row, column))
    editor = next(e for e in table.viewport().findChildren(QLineEdit) if e.isVisible())
    editor.selectAll()
    QApplication.sendEvent(editor, _commit(text))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(20)
