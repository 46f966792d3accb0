"""The line above the plan names items no longer listed by their first clause, not a cut mid-phrase."""

from jianfu.ui.pages.plan_page import LAST_PERIOD_TEXT, _brief


def test_a_short_problem_is_shown_whole() -> None:
    assert _brief("会议过多。") == "会议过多。"


def test_a_long_problem_is_cut_at_its_last_clause_that_fits() -> None:
    text = "上级通过政务应用或工作群向本镇派发任务、催要材料，每月约二十次，干部疲于应付。"
    brief = _brief(text)
    assert brief == "上级通过政务应用或工作群向本镇派发任务、催要材料…"
    assert len(brief) <= LAST_PERIOD_TEXT


def test_a_problem_without_punctuation_is_cut_at_the_limit() -> None:
    text = "甲" * 50
    assert _brief(text) == "甲" * (LAST_PERIOD_TEXT - 1) + "…"
