"""A department's notice (督办函) never claims a request the township did not attribute to it: those
naming it among several are listed apart as possibly concerning it; none makes a notice alone."""

from __future__ import annotations

import io
import re

from openpyxl import load_workbook
from pypdf import PdfReader

from jianfu.core.assessment import Period
from jianfu.core.attribution import answer_attribution
from jianfu.core.county import MANIFESTATIONS, DepartmentRow, EscalatedItem
from jianfu.reports.county import UNATTRIBUTED, CountySummary, write_county_pdf, write_county_workbook
from jianfu.reports.notices import department_notices, write_notice_pdf

SEVERAL = answer_attribution("县民政局、县统计局").text  # "one or more of", from a section's answer
OWN = "甲乙丙丁县民政局自己的报表"
UNSAID = "戊己庚辛未指明部门的来文"


def text_of(data: bytes) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))


def item(town: str, problem: str, department: str) -> EscalatedItem:
    return EscalatedItem(town, "519901101000", problem, "提请县级统一报送口径。", department, "2027-03-31", None)


def county_summary() -> CountySummary:
    unsaid = [item("柳河镇", UNSAID, SEVERAL), item("桃源乡", UNSAID, SEVERAL)]
    return CountySummary(
        "云溪县",
        Period("2026-Q4"),
        dict(zip(MANIFESTATIONS, ("痕迹管理异化", "平台建设形式化", "数据填报冗余化", "算法逻辑中心化"), strict=True)),
        {},
        [],
        [],
        [DepartmentRow("县民政局", "县民政局", ["县民政局"], 2, 1, 0, 0, 0, 0, 1, 0, 12.0)],
        [],
        {"县民政局": [item("东坝镇", OWN, "县民政局")], UNATTRIBUTED: unsaid},
        [],
    )


def test_a_notice_lists_requests_naming_it_among_several_apart_and_never_as_its_own(checklist) -> None:
    notices = department_notices(county_summary(), checklist, [], {})
    assert [n.name for n in notices] == ["县民政局"]  # 县统计局: only "one or more of", no notice
    (notice,) = notices
    assert [r[0] for r in notice.requests] == [OWN]
    assert notice.possible == [(UNSAID, ["柳河镇", "桃源乡"], "县民政局、县统计局")]
    buffer = io.BytesIO()
    write_notice_pdf(notice, buffer)
    text = text_of(buffer.getvalue())
    asked = text.index("乡镇提请你单位协调的事项")
    possible = text.index("可能涉及你单位的事项（乡镇未指明具体部门）")
    assert asked < text.index(OWN) < possible < text.index(UNSAID)  # never among its own requests
    assert text.count(UNSAID) == 1
    assert "未指明具体是哪个部门，不认定为你单位造成的负担" in text


def test_the_county_summary_says_which_departments_were_listed_without_naming_one() -> None:
    buffer = io.BytesIO()
    write_county_pdf(county_summary(), buffer)
    text = text_of(buffer.getvalue())
    assert "指明部门的1项" in text and "未指明部门的2项" in text
    section = text[text.index("综合事项（未指明部门") :]
    assert f"{UNSAID}（乡镇列出县民政局、县统计局，未指明具体是哪个部门）" in section
    book = io.BytesIO()
    write_county_workbook(county_summary(), book)
    sheet = load_workbook(io.BytesIO(book.getvalue()))["提请协调事项"]
    cells = {r[2]: r[0] for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert cells == {OWN: "县民政局", UNSAID: f"{UNATTRIBUTED}{SEVERAL}"}
