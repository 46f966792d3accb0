"""Layout at 1366×768 and 1280×720 in normal and large font, and keyboard use of the pages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from helpers.sample import open_sample
from jianfu.core.checklist import FieldType
from jianfu.ui.pages.new_assessment import NewAssessmentDialog

SCREENS = [(1366, 768), (1280, 720)]


@pytest.mark.parametrize("large", [False, True])
@pytest.mark.parametrize("screen", SCREENS)
def test_inventory_fits_with_its_name_column(qtbot, make_window, screen, large) -> None:
    window = make_window()
    window.resize(*screen)
    open_sample(qtbot, window)
    window.large_font.setChecked(large)  # switched live
    window.show_page("apps")
    qtbot.wait(50)
    table = window.pages["apps"].tables["apps.inventory"].table
    character = table.fontMetrics().horizontalAdvance("中")
    assert table.columnWidth(0) >= 6 * character  # names recognisable (in full as a tooltip)
    assert table.horizontalScrollBar().maximum() == 0  # every column visible, no sideways scrolling
    natural = table.fontMetrics().horizontalAdvance(table.item(0, 0).text())
    window.resize(screen[0] + 400, screen[1])  # more room: refitted, the names in full
    qtbot.waitUntil(lambda: table.columnWidth(0) >= natural)


def test_large_font_applies_live_to_every_widget(qtbot, make_window) -> None:
    window = make_window()
    open_sample(qtbot, window)
    window.show_page("apps")
    label = window.pages["apps"].rows["apps.official_accounts_followed"].label
    before = (label.font().pointSizeF(), window.sidebar.font().pointSizeF(), window.next_button.font().pointSizeF())
    window.large_font.setChecked(True)
    after = (label.font().pointSizeF(), window.sidebar.font().pointSizeF(), window.next_button.font().pointSizeF())
    assert all(a > b for a, b in zip(after, before, strict=True))


@pytest.mark.parametrize("large", [False, True])
def test_new_assessment_dialog_shows_its_hints_and_errors_in_full(qtbot, make_window, large) -> None:
    window = make_window()
    window.large_font.setChecked(large)
    dialog = NewAssessmentDialog(None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    for edit in (dialog.name, dialog.code):
        assert edit.width() >= edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 8
    dialog.code.setText("12345")
    dialog.name.setText("石桥镇")
    buttons = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.error.text()
    error, box = dialog.error.geometry(), buttons.geometry()
    assert error.bottom() < box.top() and dialog.rect().contains(error)
    assert error.height() >= dialog.error.heightForWidth(error.width())  # no line cut off
    QApplication.processEvents()


def test_tab_visits_each_item_once_and_its_help(qtbot, make_window) -> None:
    from jianfu.core.assessment import Period, Township

    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.session.create(Township("石桥镇", "519901102000", "云溪县"), Period("2026-Q4"))
    window._build_pages()
    window.show_page("meetings")
    page = window.pages["meetings"]
    rows = [page.rows[item.id] for item in page.section.items if page.rows[item.id].isVisible()]
    first = rows[0].help_button  # "?" sits above its answer: the page's order is "?", then the answer
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    # One stop per item plus its "?", a multiple choice included (Up/Down move inside it).
    stops = [2 for _ in rows]
    visited = [first]
    for _ in range(sum(stops) - 1):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    owners = []
    for widget in visited:
        owner = next((r for r in rows if r.isAncestorOf(widget)), None)
        assert owner is not None, (owners, len(rows))
        owners.append((rows.index(owner), widget is owner.help_button))
    assert owners == [(n, k == 0) for n in range(len(rows)) for k in range(stops[n])]
    multi = next(r for r in rows if r.item.type is FieldType.MULTI_CHOICE)
    first_box, second_box = multi.editor.boxes[:2]
    first_box.setFocus()
    qtbot.waitUntil(first_box.hasFocus)
    qtbot.keyClick(first_box, Qt.Key.Key_Down)
    assert second_box.hasFocus()
    qtbot.keyClick(second_box, Qt.Key.Key_Space)  # ticks the box reached by the arrow
    assert second_box.isChecked()
    help_button = rows[0].help_button
    help_button.setFocus()
    qtbot.keyClick(help_button, Qt.Key.Key_Space)  # opened by keyboard
    assert rows[0].help.isVisible()
    shortcut = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    rows[1].editor.edit.setFocus()
    qtbot.keyClick(rows[1].editor.edit, Qt.Key.Key_N, shortcut)
    assert not rows[1].not_applicable.isChecked()  # not offered on a scored item: the key does nothing
    offered = next(r for r in rows if not r.not_applicable.isHidden())  # "which department": offered
    offered.editor.edit.setFocus()
    qtbot.keyClick(offered.editor.edit, Qt.Key.Key_N, shortcut)
    assert offered.not_applicable.isChecked()
    assert window.session.service.store.load(window.session.assessment_id).answers[offered.item.id].not_applicable
