from __future__ import annotations

import pytest

from jianfu.core.answers import Answer, check_answer, completion, is_visible, missing_required
from jianfu.core.errors import AnswerError


@pytest.fixture(scope="module")
def checklist(library):
    """Version 1: these tests are about v1 items, still scored for old assessments."""
    return library.get("township-selfcheck", 1)


@pytest.mark.parametrize(
    ("item_id", "value"),
    [
        ("traces.photo_checkin", "yes"),
        ("profile.cadre_count", 0),
        ("profile.cadre_count", 12.5),
        ("profile.cadre_count", float("nan")),
        ("traces.likes_reposts", "hourly"),
        ("profile.fill_date", "2026-13-40"),
        ("profile.filled_by", "x" * 51),
        ("apps.inventory", [{"row_id": "r1", "cells": {"colour": "red"}}]),
        ("apps.inventory", [{"row_id": "r1", "cells": {"checkin": "yes"}}]),
        ("apps.inventory", [{"row_id": "r1", "cells": {}}, {"row_id": "r1", "cells": {}}]),
        ("apps.inventory", {"row_id": "r1"}),
    ],
)
def test_invalid_values_are_rejected_in_chinese(checklist, item_id: str, value: object) -> None:
    with pytest.raises(AnswerError) as info:
        check_answer(checklist, item_id, Answer(value))
    assert item_id in str(info.value)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in info.value.message)


def test_unknown_item_is_rejected(checklist) -> None:
    with pytest.raises(AnswerError, match="没有这道题"):
        check_answer(checklist, "apps.nonexistent", Answer(True))


def test_valid_values_pass(checklist) -> None:
    check_answer(checklist, "profile.cadre_count", Answer(40))
    check_answer(checklist, "traces.likes_reposts", Answer("weekly"))
    check_answer(checklist, "apps.inventory", Answer([{"row_id": "r1", "cells": {"name": "网格通", "checkin": True}}]))
    check_answer(checklist, "meetings.per_month", Answer(None, not_applicable=True, note="本季度无上级会议"))


def test_skip_logic_hides_and_shows(checklist) -> None:
    follow_up = checklist.item("traces.photo_checkins_per_day")
    assert not is_visible(follow_up, {})
    assert not is_visible(follow_up, {"traces.photo_checkin": Answer(False)})
    assert is_visible(follow_up, {"traces.photo_checkin": Answer(True)})
    assert not is_visible(follow_up, {"traces.photo_checkin": Answer(True, not_applicable=True)})


def test_completion_counts_only_visible_items(checklist) -> None:
    answered, asked = completion(checklist, {}, "traces")
    assert answered == 0
    answers = {"traces.photo_checkin": Answer(True), "traces.photo_checkins_per_day": Answer(3)}
    answered2, asked2 = completion(checklist, answers, "traces")
    assert (answered2, asked2) == (2, asked + 1)


def test_required_items(checklist) -> None:
    missing = {i.id for i in missing_required(checklist, {})}
    assert {"profile.filled_by", "profile.cadre_count"} <= missing
    # the township's own facts cannot be 不适用: still missing, as completeness says
    assert "profile.cadre_count" in {
        i.id for i in missing_required(checklist, {"profile.cadre_count": Answer(None, not_applicable=True)})
    }
