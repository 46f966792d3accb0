"""The plan PDF lists every 不适用 with the township's reason, so that the county can check it."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

from pypdf import PdfReader

from jianfu.core.answers import Answer
from jianfu.core.library import ChecklistLibrary
from jianfu.core.scoring import score_assessment
from jianfu.exchange.demo import sample_township_assessment
from jianfu.reports.rectification import build_rectification_pdf

SHOTS = os.environ.get("JIANFU_SHOTS")  # set to a folder to keep the PDF for a look


def _text(assessment, checklist) -> str:
    buffer = io.BytesIO()
    build_rectification_pdf(assessment, checklist, score_assessment(checklist, assessment.answers), buffer)
    if SHOTS:
        (Path(SHOTS) / "plan_not_applicable.pdf").write_bytes(buffer.getvalue())
    reader = PdfReader(io.BytesIO(buffer.getvalue()))
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))


def test_the_plan_lists_each_not_applicable_with_its_reason(library: ChecklistLibrary) -> None:
    honest, _ = sample_township_assessment(library)
    checklist = library.get(honest.checklist_id, honest.checklist_version)
    assert "标为“不适用”的题目" not in _text(honest, checklist)  # none: no list
    answers = {
        **honest.answers,
        "meetings.imposed_by": Answer(None, not_applicable=True, note="本期会议均为县委统一召开"),
        "meetings.per_month": Answer(None, not_applicable=True, note="本年度县里未召开会议"),  # from before v2
    }
    text = _text(type(honest)(**{**honest.__dict__, "answers": answers}), checklist)
    assert "本次自查标为“不适用”的题目共2题，所填理由如下，供县级核实：" in text
    summary = text.index("二、自查总体情况")
    first = text.index("1．会议、发文与督查检查·每月需参加的上级会议次数（含视频会）：本年度县里未召开会议")
    second = text.index("2．会议、发文与督查检查·以上会议、文件和检查主要来自哪些部门：本期会议均为县委统一召开")
    assert summary < first < second < text.index("三、主要问题")  # at the end of the summary
    assert "（此题不提供“不适用”，须重新作答）" in text[first:second]
    assert "（计为不适用，此题不计分）" in text[second:]
    assert "本次自查为“未完成”，不评定等级" in text  # the old 不适用 is not counted as "no burden"
