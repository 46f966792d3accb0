"""Text that XML writers refuse — C0 and C1 control characters, lone surrogates, U+FFFE/U+FFFF —
reaching the writers directly (a county database from an older version, a typed alias, a plan
edited outside the app): the workbook, the county PDF, the plan PDF and the .docx are written,
the characters dropped and the rest kept."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import replace

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from jianfu.core.answers import Answer
from jianfu.core.assessment import Assessment, Period, Township
from jianfu.core.checklist import Handling
from jianfu.core.county import MANIFESTATIONS, DepartmentRow, EscalatedItem, OverviewRow
from jianfu.core.plan import draft_plan
from jianfu.core.scoring import score_assessment
from jianfu.reports.county import CountySummary, write_county_pdf, write_county_workbook
from jianfu.reports.workbook import clean_text

# every character class openpyxl, lxml or python-docx refuses, and C1 controls
REFUSED = "".join(map(chr, [*range(0, 9), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0x85, 0x9F]))
REFUSED += "\ud800\udfff\ufffe\uffff"


def hostile(text: str) -> str:
    """``text`` with the refused characters between its first and second character."""
    return text[0] + REFUSED + text[1:]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_clean_text_drops_exactly_what_xml_refuses() -> None:
    assert clean_text(hostile("柳河镇")) == "柳河镇"
    assert clean_text("一\t二\n三\r四") == "一\t二\n三\r四"  # tab and line breaks are kept


def county_summary() -> CountySummary:
    scores = {m: 40.0 for m in MANIFESTATIONS}
    levels = {m: "moderate" for m in MANIFESTATIONS}
    row = OverviewRow(1, "519901101000", hostile("柳河镇"), "2026-Q4", scores, levels, 40.0, "moderate", 5.0, 70, 80)
    department = DepartmentRow(
        "k", hostile("县委组织部"), [hostile("县委组织部"), "组织部"], 1, 2, 1, 0, 0, 1, 1, 0, 9.0
    )
    item = EscalatedItem(
        hostile("柳河镇"), "519901101000", hostile("多头报送"), hostile("请统一口径"), "县民政局", "", None
    )
    plan = [(hostile("柳河镇"), hostile("问题甲"), hostile("措施乙"), "own", hostile("办公室"), "", "", "", "", False)]
    return CountySummary(
        "云溪县",
        Period("2026-Q4"),
        {m: m for m in MANIFESTATIONS},
        {"low": "较轻", "moderate": "一般", "high": "较重", "severe": "严重", "incomplete": "未完成"},
        [row],
        [("519901999000", hostile("新设镇"))],
        [department],
        [(hostile("同一工作多头报送"), 1)],
        {"县民政局": [item]},
        plan,
    )


def test_county_workbook_and_pdf_take_refused_characters() -> None:
    data = county_summary()
    buffer = io.BytesIO()
    write_county_workbook(data, buffer)  # no IllegalCharacterError, no UnicodeEncodeError
    book = load_workbook(io.BytesIO(buffer.getvalue()))
    assert book["总览"]["B2"].value == "柳河镇"
    assert book["条线部门"]["A2"].value == "县委组织部"
    assert book["提请协调事项"]["C2"].value == "多头报送" and book["提请协调事项"]["D2"].value == "请统一口径"
    assert [c.value for c in book["全部整改事项"][2]][:5] == ["柳河镇", "问题甲", "措施乙", "本镇自行整改", "办公室"]
    pdf = io.BytesIO()
    write_county_pdf(data, pdf)
    text = squeeze("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.getvalue())).pages))
    assert "柳河镇" in text and "县委组织部" in text and "新设镇" in text


@pytest.fixture
def hostile_plan(checklist):
    """A plan whose texts bypassed the editor's cleaning (``replace``, not ``edit``)."""
    answers = {
        "traces.photo_checkin": Answer(True),
        "profile.filled_by": Answer(hostile("王晓燕")),
        "profile.fill_date": Answer(hostile("去年年底")),  # not a date: printed as typed
    }
    result = score_assessment(checklist, answers)
    plan = draft_plan(result, dt.date(2026, 12, 31))
    plan = [
        replace(
            item,
            problem=hostile(item.problem),
            measure=hostile(item.measure),
            responsible_unit=hostile("党政办"),
            responsible_person=hostile("李四"),
            department=hostile("县民政局"),
            status=hostile("已完成"),
            handling=Handling.ESCALATE if n == 0 else item.handling,
        )
        for n, item in enumerate(plan)
    ]
    township = Township("东风街道", "519901001000", "云溪县")
    assessment = Assessment(
        township, Period("2026-Q4"), checklist.id, checklist.version, dt.date(2026, 12, 31), answers, plan
    )
    return assessment, result


def test_plan_pdf_and_docx_take_refused_characters(checklist, hostile_plan, tmp_path) -> None:
    from docx import Document

    from jianfu.reports.plan_docx import build_rectification_docx
    from jianfu.reports.rectification import build_rectification_pdf

    assessment, result = hostile_plan
    first = assessment.plan[0]
    pdf = io.BytesIO()
    build_rectification_pdf(assessment, checklist, result, pdf)
    text = squeeze("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.getvalue())).pages))
    assert squeeze(clean_text(first.measure)) in text and "党政办" in text and "李四" in text
    assert "王晓燕" in text
    path = tmp_path / "plan.docx"
    build_rectification_docx(assessment, checklist, result, path)
    doc = Document(str(path))
    cells = "".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert clean_text(first.measure) in cells and "党政办" in cells and "李四" in cells
    assert doc.core_properties.author == "王晓燕"
    assert any(p.text.startswith("填报人：王晓燕") for p in doc.paragraphs)
    assert any(p.text.startswith("填报日期：去年年底") for p in doc.paragraphs)
