"""The county summary, the workbook and the department notices: content, order, and writers that
are safe on their own (formulas, control characters, long text, 10,000 townships)."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from jianfu.core.assessment import Period
from jianfu.core.county import MANIFESTATIONS, DepartmentRow, EscalatedItem, OverviewRow
from jianfu.reports.county import UNATTRIBUTED, CountySummary, write_county_pdf, write_county_workbook

LEVELS = {"low": "较轻", "moderate": "一般", "high": "较重", "severe": "严重"}
NAMES = dict(zip(MANIFESTATIONS, ("痕迹管理异化", "平台建设形式化", "数据填报冗余化", "算法逻辑中心化"), strict=True))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_pages(data: bytes) -> list[str]:
    return [squeeze(p.extract_text()) for p in PdfReader(io.BytesIO(data)).pages]


def row(index: int, name: str, overall: float, previous: float | None = None, answered: int = 80) -> OverviewRow:
    level = "severe" if overall >= 60 else "high" if overall >= 45 else "moderate" if overall >= 25 else "low"
    scores = {m: overall for m in MANIFESTATIONS}
    before = {**{m: previous for m in MANIFESTATIONS}, "overall": previous} if previous is not None else {}
    return OverviewRow(
        index,
        f"5199{index:08d}",
        name,
        "2026-Q4",
        scores,
        {m: level for m in MANIFESTATIONS},
        overall,
        level,
        50.0,
        answered,
        80,
        "2026-Q3" if previous is not None else None,
        before,
    )


def summary(rows: list[OverviewRow], escalated: dict[str, list[EscalatedItem]], plan_items=()) -> CountySummary:
    departments = [DepartmentRow("k1", "县委组织部", ["县委组织部"], 9, 3, 2, 1, 1, 0, 2, 1, 321.0)]
    return CountySummary(
        "云溪县",
        Period("2026-Q4"),
        NAMES,
        LEVELS,
        rows,
        [("519901999000", "新设镇")],
        departments,
        [("同一工作要求多头报送", 5)],
        escalated,
        list(plan_items),
    )


def escalation(town: str, department: str, measure: str = "请统一报送口径") -> EscalatedItem:
    return EscalatedItem(town, "519901101000", "多头报送", measure, department, "2027-03-01", None)


def test_county_pdf_opens_with_what_to_act_on_and_attributed_escalations_first() -> None:
    rows = [
        row(1, "柳河镇", 70.0, previous=50.0),
        row(2, "桃源乡", 20.0, previous=35.0),
        row(3, "东坝镇", 40.0, answered=60),
    ]
    escalated = {
        UNATTRIBUTED: [escalation("柳河镇", "", "甲乙丙丁统筹事项")] * 5,  # the most items, yet listed last
        "县民政局": [escalation("桃源乡", "县民政局", "戊己庚辛民政事项")],
    }
    buffer = io.BytesIO()
    write_county_pdf(summary(rows, escalated), buffer)
    pages = pdf_pages(buffer.getvalue())
    first = pages[0]
    assert "一、本期需要督促的事项" in first and "二、总体情况" not in first
    assert "县委组织部（涉及9个乡镇，每月约321小时）" in first
    assert "柳河镇（70.0分）" in first  # burdened (严重)
    assert "自查未完成的1个：东坝镇" in first and "尚未报送的1个：新设镇" in first
    assert "由42.5分变为45.0分" in first and "上升最多的：柳河镇（+20.0）" in first and "桃源乡（-15.0）" in first
    text = "".join(pages)
    assert text.index("（一）县民政局") < text.index("（二）综合事项（未指明部门")
    assert text.index("戊己庚辛民政事项") < text.index("甲乙丙丁统筹事项")
    for heading in ("三、各乡镇负担情况", "四、条线部门归因", "五、共性问题", "六、各乡镇提请县级协调事项"):
        assert heading in text
    # a 综合 above its mean's band (39.7 较重) is explained where the levels are listed
    assert "综合等级最多比最重的一项低一档，也不低于“指尖”工时门槛，因此可能高于平均分所在的档" in text


HOSTILE = '=HYPERLINK("http://x","点我")'


def test_writers_are_safe_on_their_own() -> None:
    long_measure = "请" + "统一报送口径并取消重复填报" * 43  # ~560 characters
    rows = [row(1, HOSTILE, 50.0), row(2, "控制\x0b字符\x07镇\x0c", 30.0), row(3, "+cmd|' /C calc'!A0", 10.0)]
    escalated = {
        "县民政局": [escalation(HOSTILE, "县民政局", long_measure)] * 3,
        "@SUM(1)": [escalation("x", "@SUM(1)")],
    }
    plan = [("-2+3", "=1+1", "@A1", "own", "\x00单位", "", "2027-03-01", "", "", False)]
    data = summary(rows, escalated, plan)
    pdf = io.BytesIO()
    write_county_pdf(data, pdf)  # no LayoutError, no markup error
    text = "".join(pdf_pages(pdf.getvalue()))
    assert squeeze(HOSTILE) in text and "控制字符镇" in text
    workbook = io.BytesIO()
    write_county_workbook(data, workbook)
    book = load_workbook(io.BytesIO(workbook.getvalue()))
    formulas = [
        cell.coordinate for ws in book.worksheets for r in ws.iter_rows() for cell in r if cell.data_type == "f"
    ]
    assert formulas == []
    overview = book["总览"]
    assert overview["B2"].value == HOSTILE and overview["B3"].value == "控制字符镇"
    assert book["全部整改事项"]["B2"].value == "=1+1" and book["全部整改事项"]["E2"].value == "单位"
    assert book["提请协调事项"]["D2"].value == long_measure


def test_workbook_is_formatted_filterable_and_printable() -> None:
    data = summary([row(1, "柳河镇", 50.0, previous=60.0), row(2, "桃源乡", 20.0)], {})
    buffer = io.BytesIO()
    write_county_workbook(data, buffer)
    book = load_workbook(io.BytesIO(buffer.getvalue()))
    assert book.sheetnames == ["总览", "条线部门", "提请协调事项", "全部整改事项"]
    ws = book["总览"]
    header = [c.value for c in ws[1]]
    completion = ws.cell(2, header.index("完成度") + 1)
    assert completion.value == 1 and completion.number_format == "0%"
    assert ws.cell(2, header.index("综合") + 1).number_format == "0.0"
    assert ws.cell(2, header.index("综合较上期") + 1).value == -10.0
    assert ws.cell(1, 1).alignment.wrap_text and ws.cell(1, 1).font.bold
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:")
        assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9  # A4
        assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == "$1:$1"


def test_workbook_continues_on_a_new_sheet_at_the_row_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    import jianfu.reports.workbook as workbook

    monkeypatch.setattr(workbook, "MAX_ROWS", 4)  # Excel's 1,048,576, made small
    plan = [(f"镇{i}", "问题", "措施", "own", "", "", "", "", "", False) for i in range(7)]
    buffer = io.BytesIO()
    write_county_workbook(summary([row(1, "柳河镇", 50.0)], {}, plan), buffer)
    book = load_workbook(io.BytesIO(buffer.getvalue()))
    parts = [book["全部整改事项"], book["全部整改事项（2）"], book["全部整改事项（3）"]]
    assert [ws.max_row for ws in parts] == [4, 4, 2]
    assert [ws.cell(1, 1).value for ws in parts] == ["乡镇（街道）"] * 3
    assert [r[0].value for ws in parts for r in ws.iter_rows(min_row=2)] == [f"镇{i}" for i in range(7)]


def test_ten_thousand_townships_are_summarised_in_the_pdf() -> None:
    rows = [row(i, f"乡镇{i:05d}", 10.0 + (i % 60), previous=30.0) for i in range(10_000)]
    escalated = {"县民政局": [escalation(f"乡镇{i:05d}", "县民政局") for i in range(10_000)]}
    data = summary(rows, escalated)
    pdf = io.BytesIO()
    write_county_pdf(data, pdf)
    text = "".join(pdf_pages(pdf.getvalue()))
    assert "乡镇数量较多（10000个），此处只列综合等级较重以上或未完成的300个" in text
    assert "等10000个" in text  # a cell lists 30 townships, then the count
    # The workbook keeps every township (measured: ~10 s for this county; too slow to repeat here).


def test_department_notices_from_the_demo_county(library, tmp_path: Path) -> None:
    from jianfu.exchange.demo import write_demo
    from jianfu.reports.notices import write_department_notices
    from jianfu.services.county import CountyService
    from jianfu.services.county_import import collect_files

    write_demo(tmp_path / "demo", library)
    with CountyService.open(tmp_path / "county.sqlite3", library) as county:
        county.import_files(collect_files([tmp_path / "demo"]))
        data = county.summary()
        notices = county.department_notices(data)
    assert [n.name for n in notices[:1]] == [data.departments[0].name]  # the heaviest first
    paths = write_department_notices(notices, tmp_path / "notices")
    assert len(paths) == len(notices) >= 10
    first = notices[0]
    assert paths[0].name == f"督办函-{first.name}.pdf"
    pages = pdf_pages(paths[0].read_bytes())
    assert 1 <= len(pages) <= 3
    text = "".join(pages)
    assert text.startswith("督办函") or "督办函" in pages[0]
    assert f"{first.name}：" in text and f"涉及{first.townships}个乡镇" in text
    order = ["一、涉及的应用和工作群", first.apps[0].name, "整改要求", "（盖章）"]
    positions = [text.index(squeeze(part)) for part in order]
    assert positions == sorted(positions)
    assert "（盖章）" in pages[-1] and "请逐项研究" in pages[-1]  # the seal stays with the last paragraph
    # a demand worded as the checklist asks it: v2 asks 打卡、排名或在线时长 in one column
    assert first.demand_labels["checkin"] == "打卡、排名或在线时长要求"
    with_checkin = next(n for n in notices if any("checkin" in a.demands for a in n.apps))
    texts = "".join("".join(pdf_pages(p.read_bytes())) for p in paths if p.stem.endswith(with_checkin.name))
    assert squeeze("打卡、排名或在线时长要求（") in texts and "打卡签到（" not in texts


def test_department_file_names_are_sanitised(tmp_path: Path) -> None:
    from jianfu.reports.notices import DepartmentNotice, safe_file_name, write_department_notices

    assert safe_file_name("../../etc/passwd") == "_.._etc_passwd"
    assert safe_file_name("县/民政局") == "县_民政局"
    assert safe_file_name("CON") == "_CON" and safe_file_name("com1.txt") == "_com1.txt"
    assert safe_file_name("...") == "未命名部门"
    assert len(safe_file_name("局" * 500)) == 60
    notices = [DepartmentNotice(name, "云溪县", "2026年第四季度", 1, 1.0, [], [], []) for name in ("县/局", "县:局")]
    paths = write_department_notices(notices, tmp_path)
    assert [p.name for p in paths] == ["督办函-县_局.pdf", "督办函-县_局-2.pdf"]
    assert all(p.parent == tmp_path for p in paths)


def test_county_pdf_does_not_claim_all_reported_without_the_expected_list() -> None:
    from dataclasses import replace

    from jianfu.core.county import CompletenessCounts

    counted = replace(row(1, "柳河镇", 30.0), completeness=CompletenessCounts(77, 0, 3, 0))
    data = replace(summary([counted], {}), missing=[], expected_loaded=False)
    buffer = io.BytesIO()
    write_county_pdf(data, buffer)
    text = "".join(pdf_pages(buffer.getvalue()))
    assert "全部乡镇均已完成并报送" not in text and "均已完成并报送" not in text
    assert "未导入应报乡镇名单，无法判断是否还有乡镇未报送" in text
    assert "jianfu" not in text  # no command lines in an official document
    assert "不适用3题4%" in text  # 不适用 count and share next to the completeness
    buffer = io.BytesIO()
    write_county_pdf(replace(data, expected_loaded=True), buffer)
    assert "应报乡镇均已完成并报送" in "".join(pdf_pages(buffer.getvalue()))
    workbook = io.BytesIO()
    write_county_workbook(data, workbook)
    sheet = load_workbook(io.BytesIO(workbook.getvalue()))["总览"]
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    values = [c.value for c in next(sheet.iter_rows(min_row=2, max_row=2))]
    assert values[header.index("不适用题数")] == 3
    assert values[header.index("不适用占比")] == pytest.approx(3 / 80, abs=0.001)


def test_notice_requests_are_the_townships_ask_not_their_internal_measure() -> None:
    from jianfu.reports.notices import GENERAL_ASK, county_ask

    merged = (
        "梳理功能相近、重复的应用，提请县级统筹整合为一个入口，数据一次采集、多方共享。"
        "梳理本街道干部须使用的应用和工作群，报县减负办统筹压减；确需保留的明确主管部门和使用范围。"
    )
    ask = county_ask(merged)
    assert ask.startswith("请统筹整合为一个入口")
    assert "梳理" not in ask and "本街道" not in ask and "确需保留" not in ask
    assert county_ask("本镇严禁代打卡。") == GENERAL_ASK  # nothing asked of the county
    assert county_ask("请统一报送口径") == "请统一报送口径。"


def test_county_tables_speak_of_townships_not_in_one_townships_voice(library, tmp_path: Path) -> None:
    """A row listing several townships must not carry one township's "本街道不再组织刷量"."""
    from jianfu.exchange.demo import write_demo
    from jianfu.reports.county import _escalations_by_problem, write_county_pdf
    from jianfu.services.county import CountyService
    from jianfu.services.county_import import collect_files

    write_demo(tmp_path / "demo", library)
    with CountyService.open(tmp_path / "county.sqlite3", library) as county:
        county.import_files(collect_files([tmp_path / "demo"]))
        data = county.summary()
    raw = [i.measure for items in data.escalated.values() for i in items]
    assert any(own in m for m in raw for own in ("本镇", "本乡", "本街道"))  # as the townships wrote
    shown = [(t, m) for _, rows in _escalations_by_problem(data) for t, _, m in rows]
    assert shown and not any(own in t + m for t, m in shown for own in ("本镇", "本乡", "本街道"))
    out = tmp_path / "county.pdf"
    write_county_pdf(data, out)
    text = "".join(pdf_pages(out.read_bytes()))
    section = text[text.index(squeeze("提请县级协调")) :]
    assert "本街道" not in section and "本乡" not in section


def test_county_pdf_dates_the_summary_as_documents_do(monkeypatch: pytest.MonkeyPatch) -> None:
    """汇总日期 2027年3月5日, never 2027年03月05日."""
    import datetime as dt

    class March5(dt.date):
        @classmethod
        def today(cls) -> dt.date:
            return dt.date(2027, 3, 5)

    monkeypatch.setattr(dt, "date", March5)
    buffer = io.BytesIO()
    write_county_pdf(summary([row(1, "柳河镇", 70.0)], {}), buffer)
    pages = pdf_pages(buffer.getvalue())
    assert "汇总日期：2027年3月5日" in pages[0] and "03月" not in "".join(pages)
    assert pages[-1].strip() != "汇总日期：2027年3月5日"  # never a last page with only the date


def test_escalation_measures_are_set_flush_left_not_centred() -> None:
    """A long 提请协调事项 wraps; centred, its short last line would stand apart from the others."""
    measure = "请统一报送口径" * 20 + "末行"  # three lines or more, however wide its column
    buffer = io.BytesIO()
    write_county_pdf(
        summary([row(1, "柳河镇", 70.0)], {"县民政局": [escalation("柳河镇", "县民政局", measure)]}), buffer
    )
    lines = [
        line
        for page in PdfReader(io.BytesIO(buffer.getvalue())).pages
        for line in page.extract_text(extraction_mode="layout").splitlines()
        if "报送口径" in line or line.rstrip().endswith("末行")  # the measure's lines, not a note wrapping at 一
    ]
    starts = {len(line) - len(line.rstrip().rsplit(" ", 1)[-1]) for line in lines}
    assert len(lines) >= 3 and len(starts) == 1, lines  # the last line, 末行, starts where the others do


def test_items_without_a_department_are_not_counted_twice_when_all_are_of_one_kind() -> None:
    from jianfu.reports.county import _several_text

    assert _several_text(0, 5) == ""
    assert _several_text(49, 49) == "（均为乡镇只说明来自所列几个部门之一或多个，未指明具体部门）"
    assert _several_text(3, 49) == "（其中3项乡镇只说明来自所列几个部门之一或多个，未指明具体部门）"


# The tables break sensibly: no row alone on a page (the last one on a continuation page, or the
# first one under its header at a page foot), no heading left at a page foot without its table,
# and the header row repeated on every page a table continues on.


def county_pdf(townships: int, departments: int, problems: int, escalations: int = 0) -> list[str]:
    rows = [row(i, f"第{i:03d}号镇", 10.0 + (i * 7) % 60, previous=30.0) for i in range(townships)]
    escalated = {
        "县民政局": [escalation(f"第{i:03d}号镇", "县民政局", f"协调事项{i:03d}号") for i in range(escalations)]
    }
    data = summary(rows, escalated)
    template = data.departments[0]
    data = replace(
        data,
        departments=[replace(template, key=f"k{i}", name=f"县第{i:03d}号局") for i in range(departments)],
        common_problems=[(f"共性问题{i:03d}号", problems - i) for i in range(problems)],
    )
    pdf = io.BytesIO()
    write_county_pdf(data, pdf)
    return pdf_pages(pdf.getvalue())


def rows_per_page(pages: list[str], pattern: str, after: str, before: str) -> list[int]:
    """How many of a table's rows (marked by ``pattern``) each page between two headings holds."""
    start = next(i for i, page in enumerate(pages) if after in page)
    end = next((i for i, page in enumerate(pages) if before in page and i >= start), len(pages) - 1)
    counts = []
    for page in pages[start : end + 1]:
        text = page[page.index(after) :] if after in page else page
        text = text[: text.index(before)] if before in text else text
        counts.append(len(re.findall(pattern, text)))
    return [c for c in counts if c]


# Numbers of rows around page boundaries (25, 27, 38 and 39 left one row alone before).
@pytest.mark.parametrize("size", [12, 13, 14, 25, 26, 27, 38, 39])
def test_no_row_is_alone_on_a_page(size: int) -> None:
    pages = county_pdf(townships=size, departments=size, problems=min(size, 20))
    overview = rows_per_page(pages, r"第\d{3}号镇", "三、各乡镇负担情况", "四、条线部门归因")
    departments = rows_per_page(pages, r"县第\d{3}号局", "四、条线部门归因", "五、共性问题")
    problems = rows_per_page(pages, r"共性问题\d{3}号", "五、共性问题", "六、各乡镇提请县级协调事项")
    assert sum(overview) == size and sum(departments) == size and sum(problems) == min(size, 20)
    for counts in (overview, departments, problems):
        assert min(counts) >= 2, counts


def test_a_continued_table_repeats_its_header_and_no_heading_ends_a_page() -> None:
    pages = county_pdf(townships=40, departments=30, problems=20, escalations=40)
    overview = [p for p in pages if re.search(r"第\d{3}号镇", p) and "较上期" in p]
    assert len(overview) >= 3
    assert all("乡镇（街道）痕迹管理异化" in page for page in overview)  # the header row, on every page
    for heading, next_text in (
        ("四、条线部门归因", "县第000号局"),
        ("五、共性问题", "共性问题000号"),
        ("六、各乡镇提请县级协调事项", "协调事项"),
    ):
        page = next(p for p in pages if heading in p)
        assert next_text in page[page.index(heading) :], heading  # its table starts on the same page


def test_the_sample_county_summary_leaves_no_row_alone(library, tmp_path: Path) -> None:
    from jianfu.exchange.demo import write_demo
    from jianfu.services.county import CountyService

    files = write_demo(tmp_path / "demo", library)
    with CountyService.open(tmp_path / "county.sqlite3", library) as county:
        county.import_files(files)
        data = county.summary()
    pdf = io.BytesIO()
    write_county_pdf(data, pdf)
    pages = pdf_pages(pdf.getvalue())
    last, before_last = data.rows[-1].township, data.rows[-2].township
    header = "乡镇（街道）痕迹管理异化"  # the overview's header row, on each of its pages
    tables = [p[p.index(header) :] for p in pages if header in p]
    assert len(tables) >= 1
    ending = next(t for t in tables if last in t)
    assert before_last in ending  # the last row is not alone on its page


def test_the_sample_county_summary_leaves_no_half_empty_pages_for_short_tables(library, tmp_path: Path) -> None:
    """QA walk4 #11: 26 pages for 13 townships, pages half empty because every table of four rows
    was held whole and its requests wrapped into six lines. Each department's requests table keeps
    its rows together, and no continued table shows one row alone."""
    from jianfu.exchange.demo import write_demo
    from jianfu.services.county import CountyService

    files = write_demo(tmp_path / "demo", library)
    with CountyService.open(tmp_path / "county.sqlite3", library) as county:
        county.import_files(files)
        data = county.summary()
    pdf = io.BytesIO()
    write_county_pdf(data, pdf)
    pages = pdf_pages(pdf.getvalue())
    assert len(pages) <= 23, len(pages)
    header = "问题提出的乡镇"  # each requests table's header row, repeated on a continuation page
    asked = {i.problem for items in data.escalated.values() for i in items}
    assert asked
    for page in pages[1:]:
        if page.startswith(header) or page.lstrip("—0123456789").startswith(header):
            # a continuation: it holds at least two rows (two counts of townships) before any heading
            body = re.split(r"（[一二三四五六七八九十]+）", page)[0]
            assert len(re.findall(r"[镇乡道]\d+(?=[\u4e00-\u9fff])", body)) >= 2, page[:200]


def test_a_table_of_four_rows_is_held_at_its_ends_not_whole() -> None:
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, Table

    from jianfu.reports.layout import keep_with_table

    style = getSampleStyleSheet()["Normal"]

    def table(rows: int) -> Table:
        return Table([[Paragraph("行" * 40 + str(r), style)] for r in range(1 + rows)], colWidths=[100])

    def held(t: Table) -> list[tuple[int, int]]:
        return [(start[1], stop[1]) for _, start, stop in t._nosplitCmds]

    for rows, default, county in (
        (3, [(1, 3)], [(1, 3)]),
        (4, [(1, 4)], [(1, 2), (3, 4)]),
        (6, [(1, 2), (5, 6)], [(1, 2), (5, 6)]),
    ):
        whole, short = table(rows), table(rows)
        keep_with_table(Paragraph("标题", style), whole, 100, 2000, hold=True)
        keep_with_table(Paragraph("标题", style), short, 100, 2000, hold=True, whole_up_to=3)
        assert held(whole) == default and held(short) == county, rows
