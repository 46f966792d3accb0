from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from jianfu.core.answers import Answer
from jianfu.core.assessment import Assessment, Period, Township
from jianfu.core.checklist import Handling
from jianfu.core.plan import draft_plan
from jianfu.core.scoring import score_assessment
from jianfu.exchange.demo import sample_township_assessment
from jianfu.reports.rectification import build_rectification_pdf
from jianfu.reports.text import markup


@pytest.fixture(scope="module")
def checklist(library):
    """Version 1: these tests are about v1 items, still scored for old assessments."""
    return library.get("township-selfcheck", 1)


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def build(assessment, checklist, result) -> bytes:
    buffer = io.BytesIO()
    build_rectification_pdf(assessment, checklist, result, buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def sample(library):
    assessment, result = sample_township_assessment(library)
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    return assessment, checklist, result, build(assessment, checklist, result)


def test_sample_plan_contains_what_a_reviewer_checks(sample) -> None:
    assessment, _checklist, _, data = sample
    text = squeeze(pdf_text(data))
    assert "柳河镇2026年第四季度" in text and "自查整改方案" in text
    for name in ("痕迹管理异化", "平台建设形式化", "数据填报冗余化", "算法逻辑中心化"):
        assert name in text
    for heading in ("整改任务清单", "提请县级协调事项", "盖章"):
        assert heading in text
    for item in assessment.plan:
        if not item.rejected:
            assert squeeze(item.measure) in text, item.key
            assert squeeze(item.responsible_person) in text


def test_the_count_of_items_is_said_one_way(sample) -> None:
    """ "共 N 题，已答 N 题": not "应答N题" beside "已答 N 题" (two words, two spacings)."""
    _assessment, _checklist, result, data = sample
    text = squeeze(pdf_text(data))
    done = result.completeness
    assert f"进行，共{done.asked}题，已答{done.answered}题，" in text
    assert "应答" not in text


def test_every_font_is_embedded(sample) -> None:
    reader = PdfReader(io.BytesIO(sample[3]))
    seen = 0
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font", {})
        for font in fonts.values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert descriptor is not None, font.get("/BaseFont")
            descriptor = descriptor.get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
            seen += 1
    assert seen


def test_landscape_pages_and_page_numbers(sample) -> None:
    reader = PdfReader(io.BytesIO(sample[3]))
    widths = [float(p.mediabox.width) for p in reader.pages]
    assert widths[0] < max(widths)  # the plan table is on landscape pages (附件3, a list, is portrait)
    for number, page in enumerate(reader.pages, start=1):
        assert f"— {number} —" in page.extract_text()


HOSTILE = [
    'A<B & "x" > y',
    "<font color=red>不应变红</font><b>不应加粗</b>",
    "表情👍🏻和符号☎✔",
    "控制\x00字符\x07和\x1b[31m转义",
    "多行\n第二行\r\n第三行",
]


def test_hostile_text_prints_as_typed(checklist) -> None:
    answers = {"traces.photo_checkin": Answer(True), "apps.group_checkin_chain": Answer("daily")}
    result = score_assessment(checklist, answers)
    base = dt.date(2026, 12, 31)
    long_text = "长" * 2500 + "中间标记" + "文" * 2500
    plan = draft_plan(result, base)
    own = next(i for i in plan if i.handling is Handling.OWN)
    plan = [
        own.edit(
            problem=HOSTILE[0],
            measure=HOSTILE[1],
            responsible_person=HOSTILE[2],
            status=HOSTILE[3],
            responsible_unit=HOSTILE[4],
        ),
        *[i for i in plan if i is not own],
    ]
    plan[-1] = plan[-1].edit(measure=long_text)
    assessment = Assessment(
        Township("<b>镇</b>&", "519901101000", "云溪县"),
        Period("2026-Q4"),
        checklist.id,
        checklist.version,
        base,
        {**answers, "profile.filled_by": Answer("王<小>明")},
        plan,
    )
    text = pdf_text(build(assessment, checklist, result))
    flat = squeeze(text)
    assert squeeze('A<B & "x" > y') in flat
    assert squeeze("<font color=red>不应变红</font><b>不应加粗</b>") in flat
    assert "表情👍" in flat and "☎✔" in flat
    assert "控制字符" in flat and "[31m转义" in flat
    assert "<b>镇</b>&" in flat and "王<小>明" in flat
    assert "长" * 50 + "中间标记" + "文" * 50 in flat


def test_markup_escapes_and_falls_back(library) -> None:
    from jianfu.reports.fonts import BUNDLED, SYMBOLS, register_fonts

    fonts = register_fonts()
    assert markup("<a href='x'>&", fonts, BUNDLED) == "&lt;a href='x'&gt;&amp;"
    assert f'<font face="{SYMBOLS}">👍</font>' in markup("好👍", fonts, BUNDLED)
    assert markup("\U0010fffd", fonts, BUNDLED) == ""  # private use: dropped, not tofu
    assert markup("一\n二", fonts, BUNDLED) == "一<br/>二"


def test_report_without_plan_or_findings(checklist, tmp_path: Path) -> None:
    assessment = Assessment(
        Township("青山乡", "519901202000", "云溪县"),
        Period("2026-Q4"),
        checklist.id,
        checklist.version,
        dt.date(2026, 12, 31),
        {},
        [],
    )
    path = tmp_path / "empty.pdf"
    build_rectification_pdf(assessment, checklist, score_assessment(checklist, {}), path)
    text = pdf_text(path.read_bytes())
    # an empty assessment is 未完成: it never reads as "no problems found"
    assert "自查未完成" in squeeze(text) and "未发现明显问题" not in text
    # nothing to fix and nothing left out: no annex, not a landscape page saying "no items"
    assert "附件" not in text
    assert all(float(p.mediabox.width) < float(p.mediabox.height) for p in PdfReader(str(path)).pages)


def test_no_line_starts_with_closing_punctuation() -> None:
    from reportlab.platypus import Paragraph

    from jianfu.reports.document import make_styles
    from jianfu.reports.fonts import register_fonts

    styles = make_styles(register_fonts())
    # ReportLab hangs one character at most: two closers in a row ("”。") can still break.
    text = "每名干部每月用于“指尖”事务约73.9小时，另有（括号）说明，" * 30
    for width in range(300, 460, 7):
        paragraph = Paragraph(text, styles.body)
        paragraph.wrap(width, 10_000)
        for line in paragraph.blPara.lines:
            words = line[1] if isinstance(line, tuple) else line.words
            first = "".join(str(w) for w in words)[:1]
            assert first not in "”’）。，、；：", (width, first)
