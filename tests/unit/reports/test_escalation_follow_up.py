"""附件2 (提请县级协调事项) names who in the township follows each request up with the county: the
item's own responsible unit and person, in the PDF and the .docx, within the page width."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pytest
from pypdf import PdfReader

from jianfu.core.checklist import Handling
from jianfu.exchange.demo import sample_township_assessment
from jianfu.reports.rectification import ESCALATION_COLUMNS, build_rectification_pdf
from jianfu.reports.text import official_spacing

HEADERS = ["序号", "问题", "提请协调事项", "涉及部门", "本镇跟进", "期望时限"]
FOLLOWERS = [("党政综合办公室", "欧阳晓燕"), ("社会事务办公室", "司马振华"), ("经济发展办", "")]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def escalating(library):
    """The sample township with distinct follow-up units and persons on its escalated items (the
    last one without a person: the cell stays blank to be written in)."""
    assessment, result = sample_township_assessment(library)
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    plan, n = [], 0
    for item in assessment.plan:
        if item.handling is Handling.ESCALATE and not item.rejected:
            unit, person = FOLLOWERS[min(n, len(FOLLOWERS) - 1)]
            item = replace(item, responsible_unit=unit, responsible_person=person)
            n += 1
        plan.append(item)
    assert n >= 2, "the sample township escalates at least two items"
    return replace(assessment, plan=plan), checklist, result


def test_pdf_annex_2_lists_each_items_follow_up_unit_and_person(escalating) -> None:
    assessment, checklist, result = escalating
    buffer = io.BytesIO()
    build_rectification_pdf(assessment, checklist, result, buffer)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(buffer.getvalue())).pages]
    # the annexes themselves (the body names 附件2 and 附件3 too, e.g. "原因见附件3")
    start = next(i for i, page in enumerate(pages) if "附件2" in page and "提请协调事项" in page)
    end = next((i for i, page in enumerate(pages) if i > start and "未列入本期方案的问题" in page), len(pages))
    annex = squeeze("".join(pages[start:end]))
    table = annex.index("序号")
    header = [annex.index(squeeze(h), table) for h in HEADERS]
    assert header == sorted(header)  # the columns in this order
    escalated = [i for i in assessment.plan if i.handling is Handling.ESCALATE and not i.rejected]
    persons = [i.responsible_person for i in escalated if i.responsible_person]
    assert all(squeeze(p) in annex for p in persons)
    assert annex.count("党政综合办公室") == 1 and annex.count("社会事务办公室") == 1
    # names are never wrapped inside a column fitted to them
    lines = [line.strip() for page in pages[start:end] for line in page.splitlines()]
    assert any("欧阳晓燕" in line for line in lines) and any("党政综合办公室" in line for line in lines)


def test_docx_annex_2_lists_each_items_follow_up_unit_and_person(escalating, tmp_path) -> None:
    from docx import Document

    from jianfu.reports.plan_docx import LANDSCAPE_TEXT_WIDTH, build_rectification_docx
    from jianfu.reports.rectification import escalation_rows

    assessment, checklist, result = escalating
    path = tmp_path / "plan.docx"
    build_rectification_docx(assessment, checklist, result, path)
    doc = Document(str(path))
    table = next(t for t in doc.tables if t.rows[0].cells[2].text == "提请协调事项")
    assert [c.text for c in table.rows[0].cells] == HEADERS == [c.header for c in ESCALATION_COLUMNS]
    body = [[c.text for c in row.cells] for row in table.rows[1:]]
    escalated = [i for i in assessment.plan if i.handling is Handling.ESCALATE and not i.rejected]
    # numerals set as documents print them (约20.9%属于), as in the PDF
    assert body == [[official_spacing(cell) for cell in row] for row in escalation_rows(escalated)]
    by_measure = {row[2]: row[4] for row in body}
    for item in escalated:  # the unit above the person, each a paragraph of its own
        expected = f"{item.responsible_unit}\n{item.responsible_person}" if item.responsible_person else "经济发展办"
        assert by_measure[item.measure] == expected
    widths = [c.width for c in table.columns]
    assert sum(widths) <= LANDSCAPE_TEXT_WIDTH + len(widths) * 635  # within the page (Word rounds to twips)
    # the follow-up column as wide as its longest line, the problem and measure take the rest
    assert widths[4] < min(widths[1], widths[2]) * 0.6
