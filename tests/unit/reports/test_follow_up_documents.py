"""The next period's plan reports what became of last period's (上期整改事项完成情况): each item it
lists again says last period's 完成情况 (and deadline, when renewed) in its own row, the items it
no longer lists are tabled at the end of 附件1, in the PDF and the .docx; and the heaviest demo
plans still print on at most 10 pages."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import replace

import pytest
from docx import Document
from pypdf import PdfReader

from jianfu.core.checklist import Handling
from jianfu.core.follow_up import last_period_follow_up
from jianfu.reports.plan_docx import build_rectification_docx
from jianfu.reports.rectification import build_rectification_pdf

AS_OF = dt.date(2027, 1, 15)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def periods(library):
    """Every demo township that has both periods: (2026-Q4 assessment, result, its 2026-Q3)."""
    from jianfu.exchange.demo import sample_assessments

    everything = sample_assessments(library)
    earlier = {a.township.division_code: a for a, _ in everything if a.period.code == "2026-Q3"}
    return [
        (a, r, earlier[a.township.division_code])
        for a, r in everything
        if a.period.code == "2026-Q4" and a.township.division_code in earlier
    ]


@pytest.fixture(scope="module")
def heaviest(periods, library):
    """The heaviest of them, its last period's first own item given a long 完成情况 and a
    custom item added there that this period does not list."""
    assessment, result, previous = max(periods, key=lambda p: len(p[0].plan))
    listed_again = {i.key for i in assessment.plan}
    own = next(i for i in previous.plan if i.handling is Handling.OWN and not i.rejected and i.key in listed_again)
    plan = [
        replace(i, status="已完成，注销重复应用2个，合并工作群5个，其余按月清理") if i is own else i
        for i in previous.plan
    ]
    gone = replace(plan[-1], key="custom:gone", rule_id=None, problem="自加事项：清理村级台账", status="")
    previous = replace(previous, plan=[*plan, gone])
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    return assessment, checklist, result, last_period_follow_up(previous, AS_OF)


def pdf_pages(assessment, checklist, result, follow_up) -> list[str]:
    buffer = io.BytesIO()
    build_rectification_pdf(assessment, checklist, result, buffer, follow_up=follow_up)
    return [p.extract_text() for p in PdfReader(io.BytesIO(buffer.getvalue())).pages]


def test_the_pdf_reports_last_periods_items_in_their_rows_and_the_rest_in_annex_1(heaviest) -> None:
    assessment, checklist, result, follow_up = heaviest
    pages = pdf_pages(assessment, checklist, result, follow_up)
    text = squeeze("".join(pages))
    annex_1 = next(i for i, p in enumerate(pages) if "附件1" in p and "整改任务清单" in p and "附件：" not in p)
    annex_2 = next(i for i, p in enumerate(pages) if "附件2" in p and "提请县级协调事项" in squeeze(p))
    first = squeeze("".join(pages[annex_1:annex_2]))
    # the closing paragraph points to it; the section is in 附件1, after the task list
    assert "上期（2026年第三季度）整改事项完成情况见附件1" in text
    last_task = [i for i in assessment.plan if i.handling is Handling.OWN and not i.rejected][-1]
    assert first.index("上期整改事项完成情况") > first.index(squeeze(last_task.measure))
    entered, blank, passed = follow_up.counts()
    assert f"方案列整改事项{len(follow_up.items)}项：已填写完成情况{entered}项，未填写{blank}项" in first
    assert f"其中{passed}项已过时限" in first and passed > 0
    # an item listed again: last period's 完成情况, shortened to its gist, in its row
    assert "上期：已完成，注销重复应用……" in first
    annexes = squeeze("".join(pages[annex_1:]))
    assert "上期未填写完成情况" in annexes  # in 附件1's 完成情况 or 附件2's 期望时限
    assert "（上期2026年" in first  # a deadline renewed says last period's
    # an item no longer listed: the table, with the status as entered or that none was
    assert "自加事项：清理村级台账" in first and "未填写完成情况，时限已过" in first
    # escalated items listed again say theirs under 期望时限
    assert "上期：" in squeeze("".join(pages[annex_2:])) or "上期未填写" in squeeze("".join(pages[annex_2:]))


def test_without_a_last_period_nothing_is_said_of_one(heaviest) -> None:
    assessment, checklist, result, _ = heaviest
    text = squeeze("".join(pdf_pages(assessment, checklist, result, None)))
    assert "上期" not in text


def test_the_docx_says_the_same(heaviest, tmp_path) -> None:
    assessment, checklist, result, follow_up = heaviest
    path = tmp_path / "plan.docx"
    build_rectification_docx(assessment, checklist, result, path, follow_up=follow_up)
    doc = Document(str(path))
    paragraphs = [p.text for p in doc.paragraphs]
    assert "上期整改事项完成情况" in paragraphs
    assert any(p.startswith("上期（2026年第三季度）方案列整改事项") for p in paragraphs)
    assert any("整改事项完成情况见附件1" in p for p in paragraphs)
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert any("上期：已完成，注销重复应用……" in c for c in cells)
    assert "自加事项：清理村级台账" in cells
    headers = [[c.text for c in t.rows[0].cells] for t in doc.tables]
    assert ["序号", "上期整改事项", "责任单位（人）", "上期时限", "完成情况"] in headers


def test_every_demo_plan_with_a_last_period_still_fits_ten_pages(periods, library) -> None:
    """Issue 9's limit holds with the follow-up: the heaviest demo plans carry as many items from
    their last period as a plan lists (they printed on 9–10 pages without it)."""
    assert max(len(p.plan) for _, _, p in periods) >= library.latest().plan_max_items
    for assessment, result, previous in periods:
        checklist = library.get(assessment.checklist_id, assessment.checklist_version)
        pages = pdf_pages(assessment, checklist, result, last_period_follow_up(previous, AS_OF))
        assert len(pages) <= 10, (assessment.township.name, len(pages))
        text = squeeze("".join(pages))
        for item in assessment.plan:
            if not item.rejected:
                assert squeeze(item.problem) in text and squeeze(item.measure) in text, item.key
        assert "上期整改事项完成情况" in text and "（盖章）" in text


def test_last_periods_status_under_a_county_request_keeps_to_the_narrow_deadline_column(periods) -> None:
    """附件2's 期望时限 is a date's width: "上期未填写完成情况" wrapped there left "况" on a line alone."""
    from jianfu.reports.rectification import escalation_rows

    for assessment, _, previous in periods:
        follow_up = last_period_follow_up(previous, AS_OF)
        escalated = [i for i in assessment.plan if i.handling is Handling.ESCALATE and not i.rejected]
        by_problem = {item.problem: item for item in escalated}  # the rows are ordered by department
        for row in escalation_rows(escalated, follow_up):
            last = follow_up.of(by_problem[row[1]].key)
            lines = row[-1].split("\n")  # the deadline on two lines, then last period's status
            if last is None:
                assert len(lines) == 2
            elif last.status.strip():
                assert lines[2] == "上期：" and "".join(lines[3:]).removesuffix("……") in last.status
            else:
                assert lines[2:] == ["上期", "未填写", "完成情况"]
