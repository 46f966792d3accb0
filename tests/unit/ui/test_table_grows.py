"""The inventory table is as tall as its rows: the page scrolls, not the table (the wheel over the
table too, and the keyboard's current cell stays in sight); its headers fit on two lines at 1366."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from test_nothing_changes_without_intent import wheel

from helpers.sample import open_sample
from jianfu.ui.widgets.table_editor import TableEditor


def inventory(qtbot, make_window, size: tuple[int, int] = (1366, 768)):
    window = make_window()
    window.resize(*size)
    open_sample(qtbot, window)
    window.show_page("apps")
    qtbot.wait(50)
    page = window.pages["apps"]
    editor = page.findChildren(TableEditor)[0]
    return window, page, editor


def test_twenty_rows_show_without_an_inner_scroll_bar(qtbot, make_window) -> None:
    window, page, editor = inventory(qtbot, make_window)
    table = editor.table
    while table.rowCount() < 20:
        qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    qtbot.wait(50)
    assert table.verticalScrollBar().maximum() == 0
    assert not table.verticalScrollBar().isVisible()
    viewport = table.viewport().rect()
    for row in range(table.rowCount()):  # every row lies inside the table: nothing hidden below
        assert viewport.contains(table.visualRect(table.model().index(row, 0))), row
    assert page.verticalScrollBar().maximum() > 0  # the page is what scrolls
    stored = window.session.answers["apps.inventory"].value
    assert len(stored) == 20  # each click saved a row

    # The wheel over the table scrolls the page.
    page.verticalScrollBar().setValue(0)
    qtbot.wait(20)
    wheel(table.viewport(), -3)
    assert page.verticalScrollBar().value() > 0

    # Down-arrow to the last row: the page follows, the current cell is in sight.
    page.verticalScrollBar().setValue(0)
    table.setFocus()
    table.setCurrentCell(0, 0)
    for _ in range(19):
        qtbot.keyClick(table, Qt.Key.Key_Down)
    assert table.currentRow() == 19
    cell = table.visualRect(table.model().index(19, 0))
    centre = table.viewport().mapTo(page.viewport(), cell.center())
    assert page.viewport().rect().contains(centre)
    assert page.verticalScrollBar().value() > 0

    # Deleting rows shrinks the table again.
    before = table.height()
    table.setCurrentCell(19, 0)
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert table.rowCount() == 19 and table.height() == before - table.rowHeight(0)


def test_inventory_headers_take_two_lines_at_1366(qtbot, make_window) -> None:
    _, _, editor = inventory(qtbot, make_window)
    table = editor.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert all(len(h.split("\n")) <= 2 for h in headers), headers
    minutes = headers[-1].split("\n")  # 使用当天人均用时（分钟）, 使用者… from v4: the longest header
    assert len(minutes) == 2 and minutes[1].endswith("（分钟） *") and abs(len(minutes[0]) - len(minutes[1])) <= 3
    header = table.horizontalHeader()
    assert header.length() <= table.viewport().width()  # no sideways scrolling either
    assert table.horizontalScrollBar().maximum() == 0
    assert (
        table.viewport()
        .rect()
        .contains(
            table.visualRect(table.model().index(table.rowCount() - 1, table.columnCount() - 1)).bottomRight()
            - QPoint(1, 1)
        )
    )


def test_inventory_fits_1024_on_shorter_header_lines(qtbot, make_window) -> None:
    _, _, editor = inventory(qtbot, make_window, (1024, 768))
    table = editor.table
    assert table.horizontalScrollBar().maximum() == 0  # every column in view, no sideways scrolling
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    for column in range(table.columnCount()):
        lines = table.horizontalHeaderItem(column).text().split("\n")
        assert all(lines) and not any(line.startswith("）") for line in lines[1:]), lines
        assert header.sectionSize(column) >= max(metrics.horizontalAdvance(line) for line in lines)
