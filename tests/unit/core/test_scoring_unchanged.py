"""Scoring gives exactly the results it gave before it was made faster (fewer repeats per score).

Every demo assessment (each checklist version the demo can answer) and every reference scenario
(on each version) is scored and compared in full with the results captured before the change:
scores, levels, contributions, every hit with its rows, department and owners, the fingertip
hours by term, completeness. ``scoring_unchanged.json`` keeps a SHA-256 of each result's JSON
(the results themselves are 0.8 MB); to see what changed, print ``all_results`` on both commits
and diff them. If a result changes on purpose (a calibration), regenerate the file with
``PYTHONPATH=src python tests/unit/core/test_scoring_unchanged.py`` and say why in the commit.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from jianfu.core.library import ChecklistLibrary  # noqa: E402
from jianfu.core.scoring import MatchedRow, ScoreResult, score_assessment  # noqa: E402
from jianfu.exchange.demo import sample_assessments  # noqa: E402
from jianfu.paths import resources_dir  # noqa: E402
from reference_scenarios import SCENARIOS, V3_SCENARIOS, V4_SCENARIOS, scenario_answers  # noqa: E402

CAPTURED = Path(__file__).with_name("scoring_unchanged.json")
CHECKLIST = "township-selfcheck"
TODAY = dt.date(2026, 12, 5)  # the demo's answers depend on the day (periods still running)


def described(result: ScoreResult) -> dict[str, Any]:
    """Everything a score result says, as plain JSON (floats round-trip exactly). Row ids are
    numbered in order of appearance: the scenarios' ids come from ``hash()``, salted per process."""
    ids: dict[str, str] = {}

    def row(r: MatchedRow) -> list[Any]:
        return [ids.setdefault(r.row_id, f"row {len(ids)}"), r.name, r.department, r.amount]

    return {
        "manifestations": {
            m.id: [m.score, m.level, m.level_label, m.assessed, [list(vars(c).values()) for c in m.contributions]]
            for m in result.manifestations.values()
        },
        "overall": [result.overall, result.overall_level, result.overall_level_label],
        "hours": [result.fingertip_hours_per_cadre_month, result.fingertip_breakdown],
        "raised_by": None if result.raised_by is None else [result.raised_by.hours, result.raised_by.level],
        "completeness": result.completeness.to_json(),
        "hits": [
            [
                h.rule.id,
                h.signal,
                h.intensity,
                h.item_ids,
                [row(r) for r in h.rows],
                h.answer,
                h.department,
                h.owners,
            ]
            for h in result.hits
        ],
    }


def all_results(library: ChecklistLibrary) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for version in library.versions(CHECKLIST):
        checklist = library.get(CHECKLIST, version)
        for assessment, _ in sample_assessments(library, TODAY, version=version):
            key = f"demo v{version} {assessment.township.division_code} {assessment.period.code}"
            results[key] = described(score_assessment(checklist, assessment.answers))
        for scenario in [*SCENARIOS, *V3_SCENARIOS, *V4_SCENARIOS]:
            answers = scenario_answers(checklist, scenario)
            results[f"scenario v{version} {scenario.id}"] = described(score_assessment(checklist, answers))
    return results


def digests(results: dict[str, Any]) -> dict[str, str]:
    return {
        key: hashlib.sha256(json.dumps(result, ensure_ascii=False, sort_keys=True).encode()).hexdigest()
        for key, result in results.items()
    }


def test_every_demo_assessment_and_scenario_scores_as_captured(library: ChecklistLibrary) -> None:
    captured = json.loads(CAPTURED.read_text(encoding="utf-8"))
    results = all_results(library)
    assert sorted(results) == sorted(captured)
    changed = [key for key, digest in digests(results).items() if digest != captured[key]]
    assert changed == []
    # the comparison covers what v3 added: owners of dispatch rules and fingertip-term rows
    hits = [h for key, r in results.items() if key.startswith("demo v3") for h in r["hits"]]
    assert any(h[7] for h in hits) and any(h[4] for h in hits) and any(h[6] for h in hits)
    assert any(key.startswith("demo v2") for key in results)


if __name__ == "__main__":
    found = all_results(ChecklistLibrary(resources_dir() / "checklists"))
    CAPTURED.write_text(json.dumps(digests(found), indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(found)} results written to {CAPTURED}")
