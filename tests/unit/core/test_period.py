"""Period arithmetic: the next and previous period keep the period's length."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jianfu.core.assessment import Period

CODES = st.builds(
    lambda year, part: f"{year}{part}",
    st.integers(2001, 2099),
    st.sampled_from(["", "-Q1", "-Q2", "-Q3", "-Q4", "-H1", "-H2"]),
)


@pytest.mark.parametrize(
    ("code", "following"),
    [
        ("2026-Q1", "2026-Q2"),
        ("2026-Q3", "2026-Q4"),
        ("2026-Q4", "2027-Q1"),
        ("2026-H1", "2026-H2"),
        ("2026-H2", "2027-H1"),
        ("2026", "2027"),
    ],
)
def test_following(code: str, following: str) -> None:
    assert Period(code).following() == Period(following)
    assert Period(following).preceding() == Period(code)


@given(CODES)
def test_following_and_preceding_are_inverse_and_keep_the_length(code: str) -> None:
    period = Period(code)
    after = period.following()
    assert after.preceding() == period
    assert after.end > period.end
    # the same length: a quarter follows a quarter, a year a year
    assert len(after.code) == len(period.code) and after.code[4:6] == period.code[4:6]
