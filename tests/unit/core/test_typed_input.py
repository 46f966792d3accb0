from __future__ import annotations

import pytest

from jianfu.core.typed_input import NumberInputError, parse_number, row_problem


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("12", "次", 12),
        ("１．５", "小时", 1.5),
        ("１２", "人", 12),
        ("1.5小时", "小时", 1.5),
        ("1.5小时", "小时", 1.5),
        ("90分钟", "小时", 1.5),
        ("1.5小时", "分钟", 90),
        ("40小时", "小时/年", 40),
        ("1,200", "个", 1200),
        ("30%", "%", 30),
        ("30％", "%", 30),
        ("  ", "个", None),
        ("-3", "个", -3),
    ],
)
def test_numbers_as_typed(text: str, unit: str, expected: float | None) -> None:
    assert parse_number(text, unit) == expected


@pytest.mark.parametrize(
    ("text", "unit", "says"),
    [
        ("很多", "次", "应为数字"),
        ("90分钟", "人", "不是时长"),
        ("3个", "人", "单位应为“人”"),
        ("abc", "小时", "（单位：小时）"),
    ],
)
def test_refusals_name_the_expected_unit(text: str, unit: str, says: str) -> None:
    with pytest.raises(NumberInputError) as refused:
        parse_number(text, unit)
    assert says in refused.value.message


def test_a_row_problem_names_the_row_the_user_sees(checklist) -> None:
    inventory = checklist.item("apps.inventory")
    assert row_problem(inventory, {"name": "网格通", "minutes_per_day": -5}, 3) is not None
    assert row_problem(inventory, {"name": "网格通", "minutes_per_day": -5}, 3).startswith("第3行")
    assert row_problem(inventory, {"name": "网格通", "minutes_per_day": 5}, 3) is None


@pytest.mark.parametrize(
    "text",
    ["2027-03-31", "2027-3-31", "2027/3/31", "2027.3.31", "2027年3月31日", "２０２７年３月３１日", " 2027年 3月31日 "],
)
def test_deadlines_as_offices_write_them(text: str) -> None:
    import datetime as dt

    from jianfu.core.typed_input import parse_deadline

    assert parse_deadline(text) == dt.date(2027, 3, 31)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("下个月", "请写成日期，例如2027-03-31"),
        ("2027-02-30", "请写成日期"),
        ("2207-03-31", "不在2000–2100年之间，请检查年份"),  # a typo the county's import would refuse
        ("1999-12-31", "不在2000–2100年之间"),
    ],
)
def test_deadlines_refused_say_why(text: str, said: str) -> None:
    from jianfu.core.typed_input import parse_deadline

    with pytest.raises(NumberInputError) as caught:
        parse_deadline(text)
    assert said in caught.value.message
