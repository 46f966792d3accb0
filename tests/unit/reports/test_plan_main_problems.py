"""三、主要问题 claims no more than the answers say: only the problems the plan takes up are listed,
each under the checklist area its answers come from (meetings count in 痕迹管理异化 too), the rest
counted in one row and listed in 附件3; the title states the period once; an annex with nothing in
it is not printed; 主要问题's tables split at page ends — in the PDF and the .docx alike."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document
from pypdf import PdfReader

from jianfu.core.plan import local_wording, planned_rule_ids, problem_text
from jianfu.exchange.demo import sample_assessments
from jianfu.reports.plan_docx import build_rectification_docx
from jianfu.reports.rectification import annex_entries, build_rectification_pdf


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def demo(library):
    return {(a.township.name, a.period.code): (a, r) for a, r in sample_assessments(library)}


def documents(library, assessment, result):
    """(PDF page texts, .docx) of one plan."""
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    pdf, docx = io.BytesIO(), io.BytesIO()
    build_rectification_pdf(assessment, checklist, result, pdf)
    build_rectification_docx(assessment, checklist, result, docx)
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf.getvalue())).pages]
    return checklist, pages, Document(io.BytesIO(docx.getvalue()))


def section_3(text: str) -> str:
    text = squeeze(text)
    return text[text.index("三、主要问题") : text.index("四、整改措施")]


def docx_section_3(doc) -> tuple[list[str], list[list[list[str]]]]:
    """The headings and the tables between 三、主要问题 and 四、整改措施, in order of the body."""
    body = doc.element.body
    headings, tables, inside = [], [], False
    table_of = {t._tbl: t for t in doc.tables}
    paragraph_of = {p._p: p for p in doc.paragraphs}
    for element in body.iterchildren():
        if element in paragraph_of:
            text = paragraph_of[element].text
            if text == "三、主要问题":
                inside = True
            elif text == "四、整改措施":
                break
            elif inside and text:
                headings.append(text)
        elif inside and element in table_of:
            rows = [[cell.text for cell in row.cells] for row in table_of[element].rows]
            tables.append(rows)
    return headings, tables


def test_only_the_problems_the_plan_takes_up_are_main_problems(library, demo) -> None:
    """石桥镇 found 33 problems; a 0.2-point one (越级派任务) was printed as a 主要问题. Now 三 lists
    the hits the plan takes up, with their figures and points, and counts the rest, which 附件3
    lists with the reason."""
    assessment, result = demo[("石桥镇", "2026-Q4")]
    checklist, pages, doc = documents(library, assessment, result)
    planned = planned_rule_ids(result, checklist.plan_min_intensity, checklist.plan_max_items)
    left_out = [h for h in result.hits if h.rule.id not in planned]
    assert len(planned) >= 15 and len(left_out) >= 5  # the sample still has both kinds
    text = squeeze("".join(pages))
    main = section_3(text)
    cells = {squeeze(c) for _, tables in [docx_section_3(doc)] for t in tables for row in t for c in row}
    for hit in result.hits:
        problem = squeeze(local_wording(problem_text(hit), assessment.township.name))
        if hit.rule.id in planned:
            assert problem in main and problem in cells, problem
        else:
            assert problem not in main and problem not in cells, problem
    trivial = "上级部门通过工作群越级直接向村（社区）派任务"
    assert trivial not in main and trivial in text[text.rindex("附件3") :]
    # figures and points of a listed one stay
    tracing = next(h for h in result.hits if "写日志留痕" in problem_text(h))
    points = next(
        c.points for c in result.manifestations["trace_alienation"].contributions if c.rule_id == tracing.rule.id
    )
    assert (
        tracing.rule.id in planned and f"{squeeze(problem_text(tracing))}{points:.1f}" in main
    )  # "…约花27.6分钟…20.3"
    # the rest: one row per manifestation, counts adding up to 附件3's
    counts = [int(n) for n in re.findall(r"另有(\d+)个问题未列入本期方案，见附件3", main)]
    assert sum(counts) == len(left_out) == len(annex_entries(assessment, checklist, result))
    docx_counts = [int(n) for c in cells for n in re.findall(r"^另有(\d+)个问题未列入本期方案，见附件3$", c)]
    assert sorted(docx_counts) == sorted(counts)
    assert f"另有{len(left_out)}个问题本期未列入方案，原因见附件3" in text  # 四 says the same count


def test_each_problem_is_labelled_with_the_area_its_answers_come_from(library, demo) -> None:
    """痕迹管理异化 gets about a third of its points from meeting, document and inspection counts:
    "每月收到上级文件约73件" is printed under （一）痕迹管理异化, but in 会议、发文与督查检查's lines."""
    assessment, result = demo[("石桥镇", "2026-Q4")]
    _, pages, doc = documents(library, assessment, result)
    main = section_3("".join(pages))
    trace = main[main.index("（一）痕迹管理异化") : main.index("（二）")]
    labels = re.findall(r"(政务应用、账号与工作群|多头填报|留痕要求|会议、发文与督查检查)方面", trace)
    assert labels[0] == "留痕要求" and "会议、发文与督查检查" in labels
    documents_line = trace.index("每月收到上级文件约73件")
    before = trace[:documents_line]
    assert before.rindex("会议、发文与督查检查方面") > max(
        before.rfind(f"{a}方面") for a in labels if a != "会议、发文与督查检查"
    )
    tracing = squeeze(next(problem_text(h) for h in result.hits if "写日志留痕" in problem_text(h)))
    assert trace.index("留痕要求方面") < trace.index(tracing)
    # the .docx: a merged line across the table above the area's rows
    headings, tables = docx_section_3(doc)
    assert headings[0].startswith("（一）痕迹管理异化")
    area = None
    for row in tables[0][1:]:
        if len(set(row)) == 1 and row[0].endswith("方面"):
            area = row[0]
        elif "每月收到上级文件约73件" in row[1]:
            assert area == "会议、发文与督查检查方面"
        elif squeeze(row[1]) == tracing:
            assert area == "留痕要求方面"


def test_the_title_states_township_and_period_once(library, demo) -> None:
    assessment, result = demo[("石桥镇", "2026-Q4")]
    _, pages, doc = documents(library, assessment, result)
    block = squeeze(pages[0])
    block = block[: block.index("一、基本情况")]
    assert block.endswith("石桥镇2026年第四季度“指尖上的形式主义”自查整改方案")
    assert block.count("2026年第四季度") == 1 and block.count("石桥镇") == 1
    title = []
    for paragraph in doc.paragraphs:
        if paragraph.text == "一、基本情况":
            break
        title.append(paragraph.text)
    assert "".join(title) == "石桥镇2026年第四季度“指尖上的形式主义”自查整改方案"


def test_a_township_with_nothing_to_fix_itself_prints_no_empty_annex(library, demo) -> None:
    """桃源乡 fixes nothing itself: 附件1 took a landscape page for one sentence. The body says it;
    the annexes that follow are numbered on (提请县级协调事项 is 附件1)."""
    assessment, result = demo[("桃源乡", "2026-Q4")]
    assert not [i for i in assessment.plan if i.handling.value == "own" and not i.rejected]
    _, pages, doc = documents(library, assessment, result)
    text = re.sub(r"—\d+—", "", squeeze("".join(pages)))  # 四 may run over a page end
    assert "整改任务清单" not in text and "没有需要本乡自行整改的事项" not in text[text.index("（盖章）") :]
    assert "提请县级协调，见附件1；本乡没有需要自行整改的事项。" in text
    assert "附件：1．提请县级协调事项2．未列入本期方案的问题" in text
    annexes = [squeeze(p)[:40] for p in pages if "附件" in squeeze(p)[:12]]
    assert [a[a.index("附件") :][:3] for a in annexes] == ["附件1", "附件2"]
    assert "提请县级协调事项" in annexes[0] and "未列入本期方案的问题" in annexes[1]
    shapes = [
        float(p.mediabox.width) > float(p.mediabox.height)
        for p in PdfReader(io.BytesIO(_pdf(library, assessment, result))).pages
    ]
    assert shapes.count(True) == 1  # one landscape page: 附件1's table
    paragraphs = [p.text for p in doc.paragraphs]
    assert "整改任务清单" not in paragraphs
    assert paragraphs[paragraphs.index("提请县级协调事项") - 1] == "附件1"
    assert paragraphs[paragraphs.index("未列入本期方案的问题") - 1] == "附件2"
    assert any("提请县级协调，见附件1；本乡没有需要自行整改的事项。" in p for p in paragraphs)


def _pdf(library, assessment, result) -> bytes:
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    buffer = io.BytesIO()
    build_rectification_pdf(assessment, checklist, result, buffer)
    return buffer.getvalue()


def text_heights(page) -> list[float]:
    """The height above the page's foot of each run of text but the page number."""
    heights: list[float] = []

    def visit(text, cm, tm, *_) -> None:
        if text.strip() and "—" not in text:
            heights.append(tm[5])

    page.extract_text(visitor_text=visit)
    return heights


def test_main_problem_tables_split_at_a_page_end_with_their_header_and_no_lone_row(library, demo) -> None:
    """A table that does not fit below its heading is split, not moved whole (which left half a
    page blank): the page it starts on is filled down to its foot, the next one repeats the
    header, and neither side of the split holds a single row."""
    assessment, result = demo[("高坪镇", "2026-Q3")]
    data = _pdf(library, assessment, result)
    reader = PdfReader(io.BytesIO(data))
    header = "序号问题（按作答情况）计分"
    continued = 0
    for index, page in enumerate(reader.pages[1:], start=1):
        text = squeeze(page.extract_text())
        if "四、整改措施" in text or "附件" in text[:12]:
            break
        if not re.sub(r"^—\d+—", "", text).startswith(header):
            continue
        continued += 1
        # the page before ends with rows of the same table, down to the foot of the page
        lowest = min(text_heights(reader.pages[index - 1]))
        assert lowest < 35 * 72 / 25.4 + 40, (index, lowest)  # within ~2 rows of the bottom margin
        # its first rows: "7" on a line of its own (序号), then the problem
        lines = [squeeze(line) for line in page.extract_text().splitlines() if squeeze(line)]
        top = lines[: next((i for i, line in enumerate(lines) if line.startswith("（")), len(lines))]
        assert sum(1 for line in top if re.fullmatch(r"\d{1,2}", line)) >= 2, (index, top[:8])
    assert continued >= 1  # the heaviest demo plan does split a table


def test_the_closing_starts_below_the_findings_and_the_seal_keeps_body_text(library, demo) -> None:
    """四 (with the signature and seal, two thirds of a page) was kept whole and moved to a new
    page, leaving the findings' last page half blank. Its heading and first lines now close that
    page, as Word lays out the .docx; the seal's page opens with the paragraph's last lines
    (never a signature alone)."""
    for key in (("东坝镇", "2026-Q3"), ("石桥镇", "2026-Q4")):
        assessment, result = demo[key]
        _, pages, _ = documents(library, assessment, result)
        flat = [re.sub(r"^—\d+—", "", squeeze(page)) for page in pages]
        heading = next(i for i, page in enumerate(flat) if "四、整改措施" in page)
        seal = next(i for i, page in enumerate(flat) if "（盖章）" in page)
        assert seal == heading + 1 and "（四）算法逻辑中心化" in flat[heading], key
        opening = flat[heading][flat[heading].index("四、整改措施") + 6 :]
        assert len(opening) >= 2 * 26, key  # two lines at least under the heading
        body = flat[seal][: flat[seal].index("附件：1．")]
        assert len(body) >= 28 and body.endswith("原因见附件3。"), body  # two lines at least
        assert squeeze(opening + body).startswith("针对上述问题，") and "整改完成后逐项填写完成情况" in opening + body


def test_docx_main_problem_rows_keep_an_area_line_and_the_first_and_last_rows_with_the_next(library, demo) -> None:
    """Word splits the table at a page end but never after an area's line, nor after its first or
    before its last row; the header row repeats."""
    from docx.oxml.ns import qn

    assessment, result = demo[("石桥镇", "2026-Q4")]
    doc = documents(library, assessment, result)[2]
    first = next(t for t in doc.tables if t.rows[0].cells[1].text == "问题（按作答情况）")
    assert first.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None

    def kept(row) -> bool:
        return all(p.paragraph_format.keep_with_next for c in row.cells for p in c.paragraphs)

    for row in first.rows[1:]:
        if row.cells[0].text.endswith("方面"):
            assert kept(row), row.cells[0].text
    assert kept(first.rows[1]) and kept(first.rows[-2]) and not kept(first.rows[-1])
