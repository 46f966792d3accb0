"""The export page says, above the export button, that an incomplete assessment reaches the
county as 未完成 with no level, and why."""

from __future__ import annotations

from helpers.sample import open_sample
from jianfu.core.answers import Answer


def test_export_page_warns_of_an_incomplete_assessment_with_its_reasons(qtbot, make_window) -> None:
    window = make_window()
    open_sample(qtbot, window)
    window.show_page("export")
    page = window.pages["export"]
    assert not page.incomplete.isVisible() and not page.carried.isVisible()  # the sample is complete

    session = window.session
    session.save_answer("meetings.per_month", Answer(2))
    session.save_answer("meetings.video_per_month", Answer(5))  # more video meetings than meetings
    session.save_answer("profile.cadre_count", Answer(30))
    session.save_answer("meetings.attendees", Answer(45))  # more attendees than cadres
    session.save_answer("apps.group_count_per_cadre", Answer(None))  # required, now blank
    window.show_page("results")
    window.show_page("export")
    assert page.incomplete.isVisible()
    text = page.incomplete.text()
    assert text.startswith("本次自查未完成（")
    assert "必答题未答1题；作答前后矛盾2处：" in text and "请改正其中一项；" in text
    assert "县级将看到“未完成”" in text and "不评定等级" in text
    assert "。；" not in text and "。）" not in text
    # above the export button
    assert (
        page.incomplete.mapTo(page, page.incomplete.rect().topLeft()).y()
        < page.export_button.mapTo(page, page.export_button.rect().topLeft()).y()
    )

    session.save_answer("apps.group_count_per_cadre", Answer(8))
    session.save_answer("meetings.attendees", Answer(20))
    session.save_answer("meetings.video_per_month", Answer(1))
    window.show_page("results")
    window.show_page("export")
    assert not page.incomplete.isVisible()
