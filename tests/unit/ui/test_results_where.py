"""An incomplete assessment's results page names the items that keep its level back, page by
page, and each name takes the cadre to the item."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from jianfu.core.assessment import Period, Township

TOWNSHIP = Township("石桥镇", "519901102000", "云溪县")


def test_results_name_the_missing_items_and_take_the_cadre_there(qtbot, make_window) -> None:
    window = make_window()
    window.session.create(TOWNSHIP, Period("2026-Q4"))
    window._build_pages()
    window.show_page("results")
    page = window.pages["results"]
    done = page.result.completeness
    assert not done.complete and done.missing_items
    text = page.where.text()
    assert "尚需回答" in text and "会议、发文与督查检查" in text
    first = window.session.checklist.item(done.missing_items[0])
    assert f'href="{first.id}"' in text
    # nothing answered yet: the cards say so, not "0.0 分" (which would read as no burden)
    assert all("尚无作答，未评估" in card.text() and "0.0" not in card.text() for card in page.cards.values())

    # The keyboard reaches the links: Tab to the first, Enter follows it.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page.where.setFocus()
    qtbot.keyClick(page.where, Qt.Key.Key_Tab)
    qtbot.keyClick(page.where, Qt.Key.Key_Return)
    assert window.current == first.section_id
    row = window.pages[first.section_id].rows[first.id]
    focused = QApplication.focusWidget()
    assert focused is not None and row.isAncestorOf(focused)


def test_a_complete_assessment_lists_nothing(qtbot, make_window) -> None:
    from helpers.sample import open_sample

    window = make_window()
    open_sample(qtbot, window)
    window.show_page("results")
    page = window.pages["results"]
    assert page.result.completeness.complete
    assert page.where.isHidden() and page.where.text() == ""


def test_contradicting_answers_are_links_too(qtbot, make_window) -> None:
    from helpers.sample import open_sample
    from jianfu.core.answers import Answer

    window = make_window()
    open_sample(qtbot, window)
    per_month = window.session.answers["meetings.per_month"].value
    window.session.save_answer("meetings.video_per_month", Answer(per_month + 5))
    window.show_page("results")
    page = window.pages["results"]
    assert page.result.completeness.inconsistent_items == ("meetings.video_per_month",)
    assert "作答前后矛盾（原因见上）" in page.where.text() and 'href="meetings.video_per_month"' in page.where.text()
    page.where.linkActivated.emit("meetings.video_per_month")  # the link's own signal, as a click sends it
    assert window.current == "meetings"
