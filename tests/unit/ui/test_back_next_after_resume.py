"""Back and Next after 继续填写, 打开示例乡镇 and 开始下一期 go where they say (issue 10)."""

from __future__ import annotations

from dialogs import start_next_period
from PySide6.QtCore import Qt

from jianfu.core.assessment import Period, Township
from jianfu.core.wizard import next_page, previous_page

TOWNSHIP = Township("石桥镇", "519901102000", "云溪县")


def active(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def click(qtbot, button) -> None:
    button.setFocus()  # a real click focuses the button, which then disappears with the start page
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def assert_shown(window, page_id: str) -> None:
    assert window.current == page_id
    assert window.stack.currentWidget() is window.pages[page_id]
    assert window.sidebar.currentItem().data(Qt.ItemDataRole.UserRole) == page_id


def test_next_after_continue_goes_on_from_the_last_page(qtbot, make_window) -> None:
    first = make_window()
    first.session.create(TOWNSHIP, Period("2026-Q4"))
    first._build_pages()
    first.show_page("traces")
    first.close()

    window = active(qtbot, make_window())
    window.start_page.load()
    click(qtbot, window.start_page.continue_button)
    assert_shown(window, "traces")
    checklist = window.session.checklist
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert_shown(window, next_page(checklist, "traces"))
    qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)
    assert_shown(window, previous_page(checklist, "traces"))


def test_next_after_the_sample_and_the_next_period(qtbot, make_window) -> None:
    window = active(qtbot, make_window())
    click(qtbot, window.start_page.sample_button)
    qtbot.waitUntil(lambda: window.session.current is not None)  # prepared off the UI thread
    first = window.current
    assert first != "start"
    assert_shown(window, first)
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert_shown(window, next_page(window.session.checklist, first))

    window.session.create(TOWNSHIP, Period("2026-Q4"))  # the township's own (the sample never carries over)
    window._build_pages()
    window.show_page("start")
    window.start_page.load()
    start_next_period(qtbot, window)
    assert window.session.assessment.period == Period("2027-Q1")
    first = window.current
    assert first != "start"
    assert_shown(window, first)
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert_shown(window, next_page(window.session.checklist, first))
    assert window.focusWidget() is not window.sidebar
