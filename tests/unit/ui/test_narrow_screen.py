"""At 1024×768 the plan table shows who is responsible, by when and the progress without a sideways
scroll bar, and the results show every finding's points, its text wrapped rather than cut."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from test_wizard import type_text

from helpers.sample import open_sample
from jianfu.ui.pages.plan_page import COLUMNS

SHOTS = os.environ.get("JIANFU_SHOTS")  # set to a folder to keep screenshots for a look
KEY_COLUMNS = ("responsible_person", "deadline", "department", "status")


def in_view(table, column: int) -> bool:
    header = table.horizontalHeader()
    left = header.sectionViewportPosition(column)
    return left >= 0 and left + header.sectionSize(column) <= table.viewport().width()


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)])
def test_plan_key_columns_in_view(qtbot, make_window, size: tuple[int, int]) -> None:
    window = make_window()
    window.resize(*size)
    open_sample(qtbot, window)
    window.show_page("plan")
    qtbot.wait(50)
    if SHOTS:
        window.grab().save(str(Path(SHOTS) / f"plan-{size[0]}.png"))
    table = window.pages["plan"].table
    assert table.horizontalScrollBar().maximum() == 0
    for field in COLUMNS:
        assert in_view(table, COLUMNS.index(field)), field
    metrics = table.fontMetrics()
    deadline = COLUMNS.index("deadline")
    assert table.columnWidth(deadline) >= metrics.horizontalAdvance("2027-03-31") + 8  # a date never breaks
    person = COLUMNS.index("responsible_person")
    assert table.columnWidth(person) >= metrics.horizontalAdvance("王晓燕") + 8
    problem = COLUMNS.index("problem")
    assert table.columnWidth(problem) >= metrics.horizontalAdvance("字" * 7)
    if size[0] == 1366:  # room enough: the short columns hold their text on one line
        unit = COLUMNS.index("responsible_unit")
        assert table.columnWidth(unit) >= metrics.horizontalAdvance("党政综合办公室")

    # Typing a person into a narrow column keeps it in view and stores it.
    table.setCurrentCell(0, person)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = next(e for e in table.viewport().findChildren(QLineEdit) if e.isVisible())
    editor.selectAll()
    type_text(qtbot, editor, "李四")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(20)
    assert table.item(0, person).text() == "李四"
    stored = window.session.service.store.load(window.session.assessment_id).plan
    key = table.item(0, 0).data(Qt.ItemDataRole.UserRole)
    assert next(i for i in stored if i.key == key).responsible_person == "李四"
    assert table.horizontalScrollBar().maximum() == 0


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)])
def test_results_points_in_view_and_findings_wrapped(qtbot, make_window, size: tuple[int, int]) -> None:
    window = make_window()
    window.resize(*size)
    open_sample(qtbot, window)
    window.show_page("results")
    qtbot.wait(50)
    if SHOTS:
        window.grab().save(str(Path(SHOTS) / f"results-{size[0]}.png"))
    tree = window.pages["results"].findings
    header = tree.header()
    assert tree.horizontalScrollBar().maximum() == 0
    assert header.sectionViewportPosition(2) + header.sectionSize(2) <= tree.viewport().width()
    metrics = tree.fontMetrics()
    assert header.sectionSize(2) >= metrics.horizontalAdvance("22.1")
    # Every finding's text fits its cell: wrapped onto more lines, not cut with "…".
    for top in range(tree.topLevelItemCount()):
        heading = tree.topLevelItem(top)
        for n in range(heading.childCount()):
            child = heading.child(n)
            for column in (0, 1):
                rect = tree.visualRect(tree.indexFromItem(child, column))
                needed = metrics.boundingRect(
                    0, 0, rect.width() - 8, 100_000, int(Qt.TextFlag.TextWordWrap.value), child.text(column)
                )
                assert needed.height() <= rect.height(), (child.text(column), rect)
