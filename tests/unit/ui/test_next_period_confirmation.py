"""Next period through the window: the level is withheld while last period's answers are
unconfirmed, the start page and the results page say so and lead to the first page to confirm,
and confirming every page gives the level back."""

from __future__ import annotations

from dialogs import start_next_period
from PySide6.QtCore import Qt
from test_journey import click, sample_file  # noqa: F401 - the fixture is used by name

from jianfu.core.checklist import INCOMPLETE_LABEL
from jianfu.core.wizard import EXPORT, RESULTS, START


def sidebar_click(qtbot, window, page_id: str) -> None:
    sidebar = window.sidebar
    entry = next(sidebar.item(r) for r in range(sidebar.count()) if sidebar.item(r).data(256) == page_id)
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=sidebar.visualItemRect(entry).center())
    assert window.current == page_id


def test_the_level_waits_until_every_page_is_confirmed(qtbot, make_window, sample_file) -> None:  # noqa: F811
    window = make_window()
    window.open_file(sample_file)
    sidebar_click(qtbot, window, START)
    start = window.start_page
    assert not start.carried.isVisible()  # last period: answered, nothing carried
    start_next_period(qtbot, window)
    session = window.session
    sections = [s.id for s in session.checklist.sections]
    to_confirm = len(session.unconfirmed)
    assert to_confirm > 0 and window.current == sections[0]

    # The start page: the new period is listed as not answered yet, with the answers to confirm.
    sidebar_click(qtbot, window, START)
    assert start.table.item(0, 1).text() == "2027年第一季度"
    completion = start.table.item(0, 2).text()
    assert completion.startswith("0%（0/") and f"{to_confirm}项沿用上期待确认" in completion
    assert start.carried.isVisible()
    assert f"还有{to_confirm}项沿用上期的回答未确认" in start.carried.text.text()
    assert "不评定等级" in start.carried.text.text()
    click(qtbot, start.carried.button)
    assert window.current == sections[0]

    # Results: scores shown, no level, and the way back to the first page to confirm.
    sidebar_click(qtbot, window, RESULTS)
    results = window.pages[RESULTS]
    assert INCOMPLETE_LABEL in results.overall.text()
    assert all(INCOMPLETE_LABEL in card.text() for card in results.cards.values())
    assert results.carried.isVisible()
    notice = results.carried.text.text()
    assert f"还有{to_confirm}项沿用上期的回答未确认" in notice
    first_title = session.checklist.sections[0].title
    assert f"“{first_title}”" in notice  # the pages to confirm, by name
    click(qtbot, results.carried.button)
    assert window.current == sections[0]

    # Export: the file would carry them as unconfirmed; the page says so too.
    sidebar_click(qtbot, window, EXPORT)
    export = window.pages[EXPORT]
    assert export.carried.isVisible() and f"还有{to_confirm}项" in export.carried.text.text()
    assert not export.incomplete.isVisible()  # the notice is the only reason: said once, not twice
    click(qtbot, export.carried.button)
    assert window.current == sections[0]

    # Every page confirmed with its button, then the results again.
    for section_id in sections:
        assert window.current == section_id
        page = window.pages[section_id]
        click(qtbot, page.confirm_all_button)
        assert not page.confirm_bar.isVisible()
        click(qtbot, window.next_button)
    assert window.current == RESULTS
    assert session.unconfirmed == set()
    assert not results.carried.isVisible()
    levels = [card.text() for card in results.cards.values()]
    assert not any(INCOMPLETE_LABEL in text for text in levels)
    assert INCOMPLETE_LABEL not in results.overall.text()
    previous = session.service.load(session.service.previous_of(session.current.id))
    from jianfu.core.scoring import score_assessment

    level = score_assessment(previous.checklist, previous.assessment.answers).overall_level_label
    assert f"（{level}）" in results.overall.text()  # nothing changed: last period's level, now confirmed

    sidebar_click(qtbot, window, EXPORT)
    assert not export.carried.isVisible()
    sidebar_click(qtbot, window, START)
    assert not start.carried.isVisible()
    assert "沿用上期" not in start.table.item(0, 2).text()


def test_confirming_a_page_leaves_hidden_answers_to_confirm_when_asked_again(
    qtbot,
    make_window,
    sample_file,  # noqa: F811
) -> None:
    """No dispatch platform this period: its questions are hidden and "本页全部仍然如此" does not
    confirm their old answers; answered "yes" again, they are asked, marked and to confirm."""
    window = make_window()
    window.open_file(sample_file)
    sidebar_click(qtbot, window, START)
    start_next_period(qtbot, window)
    sidebar_click(qtbot, window, "apps")
    page = window.pages["apps"]
    rows = page.rows
    click(qtbot, rows["apps.dispatch_used"].editor.no)  # changed: confirmed by the edit
    assert not rows["apps.dispatch_trivial_share"].isVisible()
    click(qtbot, page.confirm_all_button)
    assert not page.confirm_bar.isVisible()
    session = window.session
    assert "apps.dispatch_trivial_share" in session.service.store.unconfirmed(session.assessment_id)
    click(qtbot, rows["apps.dispatch_used"].editor.yes)
    hidden_before = rows["apps.dispatch_trivial_share"]
    assert hidden_before.isVisible() and hidden_before.confirm_button.isVisible()
    carried = page.carried_over()
    assert "apps.dispatch_trivial_share" in carried
    assert page.confirm_bar.isVisible() and str(len(carried)) in page.confirm_text.text()
    click(qtbot, hidden_before.confirm_button)  # the single answer confirmed on its own
    assert "apps.dispatch_trivial_share" not in page.carried_over()


def test_the_county_window_counts_files_sent_unconfirmed(qtbot, library, tmp_path) -> None:
    """A township exported its next period untouched: the county window names it, with how many
    answers are still last period's, and gives it no level."""
    from jianfu.services.township import AssessmentService
    from jianfu.ui.county.county_window import CountyWindow

    service = AssessmentService.open(tmp_path / "township.sqlite3", library)
    previous_id, _ = service.add_from_file(service.prepare_sample()[0])
    new = service.load(service.next_period(previous_id))
    sent = tmp_path / "sent"
    sent.mkdir()
    service.export(new, sent / "柳河镇-2027-Q1.jianfu")
    count = len(new.unconfirmed)
    service.store.db.conn.close()

    window = CountyWindow(library, tmp_path / "county.sqlite3")
    qtbot.addWidget(window)
    window.show()
    try:
        task = window.import_paths([sent])
        with qtbot.waitSignal(task.succeeded, timeout=30_000):
            pass
        assert "沿用上期未确认" in window.summary_box.detailedText()
        assert window.selected_period().code == "2027-Q1"
        assert f"沿用上期未确认（1个乡镇，确认前不评定等级）：柳河镇（{count}项）" in window.missing.text()
        overall = window.overview.model().index(0, 5)
        assert window.overview.model().rowCount() == 1 and overall.data()
        assert all(INCOMPLETE_LABEL in window.overview.model().index(0, c).data() for c in range(1, 5))
    finally:
        window.county.close()
