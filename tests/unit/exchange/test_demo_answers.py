"""The sample county's answers are realistic numbers from its own ranges, not from a checklist's
scoring scale: v3 recalibrated its rules (30 minutes a day is a full burden where v2 needed 90),
and the sample must not have become a county of townships spending no time on photos."""

from __future__ import annotations

import datetime as dt

from jianfu.exchange.demo import load_sample_county, sample_assessments

TODAY = dt.date(2026, 12, 5)


def test_every_number_a_rule_reads_has_a_range_in_the_sample(library) -> None:
    scale = load_sample_county().answer_scale
    for version in library.versions("township-selfcheck"):
        for rule in library.get("township-selfcheck", version).rules:
            if rule.signal.kind in ("value", "choice"):
                assert rule.signal.ref in scale, (version, rule.id)
                low, high = scale[rule.signal.ref]
                assert 0 <= low < high


def test_the_same_township_answers_the_same_on_v2_and_v3(library) -> None:
    """Answers do not follow the ruler: the items both versions ask get the same answers; only the
    scores differ. The sample township keeps its realistic fingertip hours (28.5 a cadre a month)."""
    v2 = {(a.township.name, a.period.code): (a, r) for a, r in sample_assessments(library, TODAY, version=2)}
    v3 = {(a.township.name, a.period.code): (a, r) for a, r in sample_assessments(library, TODAY, version=3)}
    assert v2.keys() == v3.keys()
    numbers = (
        "traces.minutes_per_day",
        "meetings.video_per_month",
        "meetings.average_hours",
        "meetings.inspections_per_year",
        "meetings.inspection_prep_days",
        "apps.group_count_per_cadre",
    )
    for key, (a3, _) in v3.items():
        a2 = v2[key][0]
        for item in numbers:
            assert a3.answers[item].value == a2.answers[item].value, (key, item)
    willow, result = v3[("柳河镇", "2026-Q4")]
    assert round(result.fingertip_hours_per_cadre_month, 1) == 28.5
    assert willow.answers["traces.minutes_per_day"].value == 51.4
    # nobody in the sample spends no time at all on photos and traces, or holds 12-minute video meetings
    for a, r in v3.values():
        assert a.answers["traces.minutes_per_day"].value > 0 and a.answers["meetings.average_hours"].value >= 0.3
        assert r.fingertip_hours_per_cadre_month >= 3, a.township.name


def test_v4_changes_only_the_answers_whose_question_changed(library) -> None:
    """v4 asks the tracing time without the time in check-in apps (on the sample's v4 range) and
    how many cadres use each app: every other answer is v3's, and each app's users are a share of
    the township's cadres, never more."""
    v3 = {(a.township.name, a.period.code): a for a, _ in sample_assessments(library, TODAY, version=3)}
    v4 = {(a.township.name, a.period.code): (a, r) for a, r in sample_assessments(library, TODAY, version=4)}
    assert v3.keys() == v4.keys()
    scale = load_sample_county().scale(4)
    assert scale["traces.minutes_per_day"] != load_sample_county().answer_scale["traces.minutes_per_day"]
    for key, (a4, r4) in v4.items():
        a3 = v3[key]
        for item in ("meetings.video_per_month", "meetings.average_hours", "apps.group_count_per_cadre"):
            assert a4.answers[item].value == a3.answers[item].value, (key, item)
        assert 0 < a4.answers["traces.minutes_per_day"].value < a3.answers["traces.minutes_per_day"].value
        rows3 = [row["cells"] for row in a3.answers["apps.inventory"].value]
        rows4 = [row["cells"] for row in a4.answers["apps.inventory"].value]
        assert [{k: v for k, v in c.items() if k != "users"} for c in rows4] == rows3
        cadres = a4.answers["profile.cadre_count"].value
        assert all(1 <= c["users"] <= cadres for c in rows4 if "users" in c)
        assert r4.fingertip_hours_per_cadre_month >= 1.5, key
