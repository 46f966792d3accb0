"""An all-不适用 assessment prints as 未完成, never as "no problems found"."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from jianfu.core.answers import Answer
from jianfu.core.assessment import Assessment, Period, Township
from jianfu.core.library import ChecklistLibrary
from jianfu.core.scoring import score_assessment
from jianfu.reports.rectification import build_rectification_pdf


def test_all_not_applicable_prints_as_incomplete(library: ChecklistLibrary, tmp_path: Path) -> None:
    checklist = library.latest()
    answers = {item.id: Answer(None, not_applicable=True) for item in checklist.items()}
    assessment = Assessment(
        Township("城关街道", "519901001000", "云溪县"),
        Period("2026-Q4"),
        checklist.id,
        checklist.version,
        dt.date(2026, 12, 31),
        answers,
    )
    result = score_assessment(checklist, answers)
    out = tmp_path / "plan.pdf"
    build_rectification_pdf(assessment, checklist, result, out)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    flat = "".join(text.split())
    assert "未完成" in flat
    assert "未发现明显问题" not in flat
    assert "城关街道办事处（盖章）" in flat
