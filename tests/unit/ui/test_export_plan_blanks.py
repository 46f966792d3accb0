"""The export page says how many plan items print without 责任人 or 整改时限, leads back to the
plan page, and still prints."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLineEdit
from test_wizard import type_text

from helpers.sample import open_sample
from jianfu.ui.pages.plan_page import BLANK_TINT, COLUMNS


def clear_cell(qtbot, table, row: int, field: str) -> None:
    column = COLUMNS.index(field)
    table.setCurrentCell(row, column)
    qtbot.keyClick(table, Qt.Key.Key_F2)  # edit, as the keyboard does
    editor = next(e for e in table.viewport().findChildren(QLineEdit) if e.isVisible())
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(20)
    assert table.item(row, column).text() == ""


def test_blank_responsible_person_and_deadline_are_counted_on_the_export_page(qtbot, make_window) -> None:
    window = make_window()
    open_sample(qtbot, window)
    window.show_page("export")
    page = window.pages["export"]
    assert not page.blanks.isVisible()  # the sample names a person and a deadline everywhere

    window.show_page("plan")
    plan = window.pages["plan"]
    table = plan.table
    total = table.rowCount()
    clear_cell(qtbot, table, 0, "responsible_person")
    clear_cell(qtbot, table, 1, "responsible_person")
    clear_cell(qtbot, table, 1, "deadline")
    # a rejected item is not printed: its blank is not counted
    clear_cell(qtbot, table, 2, "responsible_person")
    accepted = table.item(2, COLUMNS.index("accepted"))
    rect = table.visualItemRect(accepted)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    if accepted.checkState() == Qt.CheckState.Checked:  # a click on the cell, not its box: use the key
        table.setCurrentCell(2, 0)
        qtbot.keyClick(table, Qt.Key.Key_Space)
    assert accepted.checkState() == Qt.CheckState.Unchecked
    stored = {item.key: item for item in window.session.service.store.load(window.session.assessment_id).plan}
    assert sum(not i.responsible_person for i in stored.values()) == 3

    window.show_page("export")
    assert page.blanks.isVisible()
    text = page.blanks.text.text()
    assert f"{total - 1}项整改事项中，2项未填责任人，1项未填整改时限。" in text
    assert "也可以照样打印" in text
    for button in (page.save_pdf_button, page.save_docx_button, page.print_button, page.export_button):
        assert button.isEnabled()  # said, not blocked

    # The way back: the plan page at the first item without a person, its blank cells tinted.
    qtbot.mouseClick(page.blanks.button, Qt.MouseButton.LeftButton)
    assert window.current == "plan"
    person = COLUMNS.index("responsible_person")
    assert (table.currentRow(), table.currentColumn()) == (0, person)
    tinted = {
        (row, COLUMNS[column])
        for row in range(table.rowCount())
        for column in range(table.columnCount())
        if table.item(row, column).background().color() == QColor(BLANK_TINT)
    }
    assert tinted == {(0, "responsible_person"), (1, "responsible_person"), (1, "deadline")}  # not the rejected
    assert table.item(0, person).toolTip() == "未填写：打印出来是空白"

    # Filled in: the tint goes, and the export page counts one fewer.
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = next(e for e in table.viewport().findChildren(QLineEdit) if e.isVisible())
    type_text(qtbot, editor, "王五")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(20)
    assert table.item(0, person).text() == "王五"
    assert table.item(0, person).background().color() != QColor(BLANK_TINT)
    window.show_page("export")
    assert f"{total - 1}项整改事项中，1项未填责任人，1项未填整改时限。" in page.blanks.text.text()
