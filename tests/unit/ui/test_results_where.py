"""An incomplete assessment's results page names the items that keep its level back, page by
page, and each name takes the cadre to the item."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from jianfu.core.assessment import Period, Township

SHOTS = os.environ.get("JIANFU_SHOTS")
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
    # …nor the overall line, the radar (no point at 0, 未评估 by each spoke) or the findings
    overall = page.overall.text()
    assert overall.startswith("综合：尚无作答，未评估。") and "0.0" not in overall and "小时" not in overall
    assert page.radar.scores == [None] * 4
    headings = [page.findings.topLevelItem(i).text(0) for i in range(page.findings.topLevelItemCount())]
    assert all(h.endswith("：尚无作答，未评估") for h in headings), headings
    if SHOTS:
        page.grab().save(str(Path(SHOTS) / "results_empty.png"))

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


def test_stale_not_applicable_answers_stand_under_one_heading(qtbot, make_window) -> None:
    """Two 不适用 that v2 offers on neither item (carried or imported): one on a number, one on a
    multi-select with 以上都没有. Both are listed under the one heading that asks to answer again,
    and counted once, as 不予认可, not one of them as "still to answer"."""
    from helpers.sample import open_sample
    from jianfu.core.answers import Answer

    window = make_window()
    open_sample(qtbot, window)
    stale = {
        "meetings.per_month": Answer(None, not_applicable=True, note="本年度县里未召开视频会议"),
        "filing.practices": Answer(None, not_applicable=True, note="本镇报表已经整合，未发生此类做法"),
    }
    store = window.session.service.store  # as an import or last period's carry would store them
    for item_id, answer in stale.items():
        store.save_answer(window.session.assessment_id, window.session.checklist, item_id, answer)
    window.open_assessment(window.session.assessment_id)
    window.show_page("results")
    page = window.pages["results"]
    text = page.where.text()
    assert "尚需回答" not in text
    assert text.count("本版已不提供“不适用”") == 1
    assert 'href="meetings.per_month"' in text and 'href="filing.practices"' in text
    counts = page.completeness.text()
    assert "不适用2题（其中不予认可2题）；必答未答0题" in counts
    if SHOTS:
        page.grab().save(str(Path(SHOTS) / "results_stale_not_applicable.png"))


def test_a_partly_answered_overall_says_it_is_too_low(qtbot, make_window) -> None:
    from helpers.sample import open_sample
    from jianfu.core.answers import Answer
    from jianfu.core.assessed import read_items

    window = make_window()
    open_sample(qtbot, window)
    session = window.session
    for item_id in read_items(session.checklist, "algorithm_centrism"):  # cleared, as never answered
        if item_id in session.answers:
            session.save_answer(item_id, Answer(None))
    window.show_page("results")
    page = window.pages["results"]
    overall = page.overall.text()
    assert overall.startswith(f"综合得分{page.result.overall:.1f}")
    assert "算法逻辑中心化尚无作答，未评估；作答之前在综合得分中暂按0分计入，综合得分因此偏低。" in overall
    names = [m.name for m in page.result.manifestations.values()]
    assert page.radar.scores[names.index("算法逻辑中心化")] is None
    assert all(s is not None for n, s in zip(names, page.radar.scores, strict=True) if n != "算法逻辑中心化")
    if SHOTS:
        page.grab().save(str(Path(SHOTS) / "results_partly.png"))
