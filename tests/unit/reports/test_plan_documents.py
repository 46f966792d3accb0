"""The plan, second edition: order of parts, the signature with the body on a portrait page, the
annexes on landscape pages, 28 characters a line, every script printable, and the .docx."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from jianfu.core.checklist import Handling
from jianfu.exchange.demo import sample_township_assessment
from jianfu.reports.rectification import build_rectification_pdf


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def sample(library):
    assessment, result = sample_township_assessment(library)
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    buffer = io.BytesIO()
    build_rectification_pdf(assessment, checklist, result, buffer)
    return assessment, checklist, result, PdfReader(io.BytesIO(buffer.getvalue()))


def test_parts_in_order_and_signature_with_the_body_on_a_portrait_page(sample) -> None:
    assessment, _, _, reader = sample
    pages = [squeeze(p.extract_text()) for p in reader.pages]
    portrait = [float(p.mediabox.width) < float(p.mediabox.height) for p in reader.pages]
    text = "".join(pages)
    order = [
        "一、基本情况",
        "二、自查总体情况",
        "三、主要问题",
        "四、整改措施",
        "附件：1．整改任务清单",
        "（盖章）",
        "附件1整改任务清单",
        "附件2提请县级协调事项",
    ]
    positions = [text.index(squeeze(part)) for part in order]
    assert positions == sorted(positions), order
    seal = next(i for i, page in enumerate(pages) if "（盖章）" in page)
    assert portrait[seal]
    # The last body paragraph is on the seal's page: the signature never stands alone.
    assert "整改完成后逐项填写完成情况" in pages[seal] and "填报人：" in pages[seal]
    # the annexes' tables are landscape; 附件3, a list, is back on portrait pages
    annex_3 = next((i for i, page in enumerate(pages) if "附件3" in page[:40]), len(pages))
    assert all(not portrait[i] for i in range(seal + 1, annex_3))
    assert all(portrait[i] for i in range(annex_3, len(pages)))
    # Every page is numbered, landscape pages too.
    for number, page in enumerate(pages, start=1):
        assert f"—{number}—" in page
    own = [i for i in assessment.plan if not i.rejected and i.handling is Handling.OWN]
    annex = "".join(pages[seal + 1 :])
    assert annex.index(squeeze(own[0].measure)) < annex.index(squeeze(own[-1].measure))


def test_deadlines_and_units_never_wrap_in_the_task_list(sample) -> None:
    assessment, _, _, reader = sample
    lines = [line.strip() for page in reader.pages for line in page.extract_text().splitlines()]
    deadlines = [line for line in lines if re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", line)]
    own = [i for i in assessment.plan if not i.rejected and i.handling is Handling.OWN]
    assert len(deadlines) >= len(own) >= 5  # (附件2 sets its dates on two lines, year above day)
    assert not any(re.fullmatch(r"\d{4}年\d{1,2}月\d{0,1}", line) for line in lines)  # no "2027年3月1" / "日"
    assert "党政综合办公室" in lines and "公室" not in lines


def test_body_sets_28_characters_a_line() -> None:
    from reportlab.platypus import Paragraph

    from jianfu.reports.document import GovernmentDocument, make_styles
    from jianfu.reports.fonts import register_fonts

    fonts = register_fonts()
    style = make_styles(fonts).body
    paragraph = Paragraph("整" * 200, style)
    paragraph.wrap(GovernmentDocument(io.BytesIO(), fonts, "t").portrait_width, 10_000)
    lengths = [len("".join(line[1])) for line in paragraph.blPara.lines]
    assert lengths[0] == 26 and set(lengths[1:-1]) == {28}  # the first line is indented two characters


NAMES = {
    "汉字": "王晓燕",
    "扩展A": "李䶮",
    "扩展B": "𠮷野",
    "维吾尔文": "ئابدۇرېھىم",
    "藏文": "བཀྲ་ཤིས་",
    "蒙古文": "ᠪᠠᠲᠤ",
    "彝文": "ꀉꂿꃅ",
    "希伯来文": "שלום",
    "阿拉伯文": "محمد",
}


@pytest.mark.parametrize("script", NAMES)
def test_a_name_in_each_script_prints_without_missing_glyphs(script: str) -> None:
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from jianfu.reports.document import make_styles
    from jianfu.reports.fonts import register_fonts
    from jianfu.reports.text import MISSING, markup

    fonts = register_fonts()
    name = NAMES[script]
    styles = make_styles(fonts)
    for style in (styles.body, styles.heading, styles.cell):
        text = markup(f"填报人：{name}", fonts, style.fontName)
        assert MISSING not in text, (script, text)
        for face, run in re.findall(r'<font face="([^"]+)">([^<]+)</font>', text):
            assert all(fonts.covers(face, ord(c)) for c in run), (script, face)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build([Paragraph(markup(f"填报人：{name}", fonts, fonts.body), styles.body)])
    extracted = squeeze(PdfReader(io.BytesIO(buffer.getvalue())).pages[0].extract_text())
    assert name in extracted or all(c in extracted for c in name), (script, extracted)


def test_docx_plan_reads_back_in_order_with_gongwen_styles(sample, tmp_path) -> None:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Mm

    from jianfu.reports.plan_docx import build_rectification_docx

    assessment, checklist, result, _ = sample
    path = tmp_path / "plan.docx"
    build_rectification_docx(assessment, checklist, result, path)
    doc = Document(str(path))
    paragraphs = [p.text for p in doc.paragraphs]
    order = [
        "柳河镇2026年第四季度",
        "一、基本情况",
        "三、主要问题",
        "四、整改措施",
        "柳河镇人民政府（盖章）",
        "附件1",
        "附件2",
    ]
    positions = [next(i for i, text in enumerate(paragraphs) if text.startswith(part)) for part in order]
    assert positions == sorted(positions)
    styles = {p.text: p.style.name for p in doc.paragraphs if p.text}
    assert styles["一、基本情况"] == "公文一级标题" and styles["附件1"] == "公文附件标注"
    east_asian = {
        name: doc.styles[name].element.rPr.rFonts.get(qn("w:eastAsia"))
        for name in ("公文正文", "公文一级标题", "公文二级标题", "公文标题")
    }
    assert east_asian == {
        "公文正文": "仿宋_GB2312",
        "公文一级标题": "黑体",
        "公文二级标题": "楷体_GB2312",
        "公文标题": "方正小标宋简体",
    }
    assert doc.styles["公文正文"].font.size.pt == 15.5  # 3号 as large as one cell of the 28-character grid
    # The signature block is kept with the last paragraph of body text.
    closing = next(i for i, p in enumerate(doc.paragraphs) if p.text.startswith("针对上述问题"))
    seal = next(i for i, p in enumerate(doc.paragraphs) if "（盖章）" in p.text)
    assert all(doc.paragraphs[i].paragraph_format.keep_with_next for i in range(closing, seal + 1))
    orientations = [s.orientation for s in doc.sections]
    assert orientations[:2] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE]
    assert orientations[2:] in ([], [WD_ORIENT.PORTRAIT])  # 附件3, a list, when there is one
    cells = squeeze("".join(c.text for t in doc.tables for row in t.rows for c in row.cells))
    for item in assessment.plan:
        if not item.rejected:
            assert squeeze(item.measure) in cells, item.key
    task_table = next(t for t in doc.tables if t.rows[0].cells[2].text == "整改措施")
    assert task_table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # header repeats on each page
    footer = doc.sections[0].footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "— " in footer
    # The 公文 grid: 22 lines a page, 28 characters a line (Word: Normal size + charSpace/4096 pt).
    for section in doc.sections:
        grid = section._sectPr.find(qn("w:docGrid"))
        assert grid.get(qn("w:type")) == "linesAndChars"
        pitch = doc.styles["Normal"].font.size.pt + int(grid.get(qn("w:charSpace"))) / 4096
        assert int(Mm(156).pt / pitch + 1e-6) == 28 and pitch >= 15.5
        assert int(Mm(225).pt / (int(grid.get(qn("w:linePitch"))) / 20)) == 22
    # Landscape pages: the number is a text box at the page's left edge (the portrait bottom),
    # in vertical text, at the lower end on odd pages and the upper end on even pages.
    wide = doc.sections[1]
    for footer, alignment in ((wide.footer, "right"), (wide.even_page_footer, "left")):
        assert not footer.is_linked_to_previous
        xml = footer._element.xml
        assert 'vert="vert"' in xml and "PAGE" in xml and f'w:jc w:val="{alignment}"' in xml
        assert re.search(r'<wp:positionH relativeFrom="page">\s*<wp:posOffset>(\d+)<', xml).group(1) == str(21 * 36000)


def test_docx_sets_28_characters_a_line_in_libreoffice(sample, tmp_path) -> None:
    """Converted by LibreOffice (as a township without Word opens it): 28 characters a line, the
    first line two characters in."""
    import shutil
    import subprocess

    from docx import Document

    from jianfu.reports.plan_docx import build_rectification_docx

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    assessment, checklist, result, _ = sample
    path = tmp_path / "plan.docx"
    build_rectification_docx(assessment, checklist, result, path)
    doc = Document(str(path))
    doc.paragraphs[3].insert_paragraph_before("整" * 100, style="公文正文")
    doc.save(str(path))
    subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(path)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    reader = PdfReader(str(tmp_path / "plan.pdf"))
    lines = [line.strip() for line in reader.pages[0].extract_text().splitlines()]
    assert [len(line) for line in lines if line and set(line) == {"整"}] == [26, 28, 28, 18]
    for number, page in enumerate(reader.pages, start=1):  # landscape pages too
        assert f"—{number}—" in squeeze(page.extract_text())


def test_docx_survives_hostile_text(checklist, tmp_path) -> None:
    import datetime as dt

    from docx import Document

    from jianfu.core.answers import Answer
    from jianfu.core.assessment import Assessment, Period, Township
    from jianfu.core.plan import draft_plan
    from jianfu.core.scoring import score_assessment
    from jianfu.reports.plan_docx import build_rectification_docx

    answers = {"traces.photo_checkin": Answer(True)}
    result = score_assessment(checklist, answers)
    plan = draft_plan(result, dt.date(2026, 12, 31))
    plan[0] = plan[0].edit(measure="控制\x00字符\x0b和\x07=HYPERLINK(1)<b>" + "长" * 3000)
    assessment = Assessment(
        Township("东风街道", "519901001000", "云溪县"),
        Period("2026-Q4"),
        checklist.id,
        checklist.version,
        dt.date(2026, 12, 31),
        answers,
        plan,
    )
    path = tmp_path / "hostile.docx"
    build_rectification_docx(assessment, checklist, result, path)
    doc = Document(str(path))
    cells = "".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert "控制字符和=HYPERLINK(1)<b>" in cells
    assert any(p.text == "东风街道办事处（盖章）" for p in doc.paragraphs)


def test_every_demo_plan_fits_ten_pages_and_says_everything(library) -> None:
    """Issue 9: every demo period's plan (earlier periods carry more burden) prints on at most 10
    pages, and nothing the plan must say is dropped to get there: each item's problem and measure,
    every problem left out of the plan (附件3) with its reason, the signature and seal."""
    from jianfu.exchange.demo import sample_assessments
    from jianfu.reports.rectification import annex_entries

    every = sample_assessments(library)
    heaviest = max(len([i for i in a.plan if not i.rejected]) for a, _ in every)
    most_left_out = 0
    for assessment, result in every:
        checklist = library.get(assessment.checklist_id, assessment.checklist_version)
        buffer = io.BytesIO()
        build_rectification_pdf(assessment, checklist, result, buffer)
        pages = PdfReader(io.BytesIO(buffer.getvalue())).pages
        assert len(pages) <= 10, (assessment.township.name, assessment.period.code, len(pages))
        text = squeeze("".join(page.extract_text() for page in pages))
        for item in assessment.plan:
            if not item.rejected:
                assert squeeze(item.problem) in text and squeeze(item.measure) in text, item.key
        left_out = annex_entries(assessment, checklist, result)
        annex = text[text.rindex("未列入本期方案的问题") :]  # 附件3, or 2 when there is no 附件1
        for n, entry in enumerate(left_out, start=1):
            assert f"{n}．{squeeze(entry.problem)}" in annex
        for reason in {e.reason for e in left_out}:  # stated once, over its group
            assert annex.count(squeeze(reason)) == 1, reason
        most_left_out = max(most_left_out, len(left_out))
        assert "填报人：" in text and "审核人：" in text and "分管负责人：" in text and "（盖章）" in text
    assert heaviest >= 15 and most_left_out >= 12  # the demo still has heavy townships to test against


def test_findings_state_each_answer_once_and_keep_it_beside_a_reworded_problem(sample) -> None:
    from jianfu.core.explanation import evidence_lines
    from jianfu.core.plan import problem_text
    from jianfu.reports.rectification import finding_text

    assessment, checklist, result, _ = sample
    hit = result.hits[0]
    assert finding_text(assessment, checklist, hit, None) == problem_text(hit)  # the answer is in it
    reworded = finding_text(assessment, checklist, hit, "本镇改写的问题")
    assert reworded.startswith("本镇改写的问题")
    for line in evidence_lines(checklist, hit, assessment.answers):
        assert line in reworded  # the township's wording no longer carries the answer, so it follows


def test_annex_3_is_a_list_on_portrait_pages_after_the_landscape_tables(library) -> None:
    """附件3 starts a page of its own (附件另面编排) and, being a list, on a portrait page — in the PDF
    and in the .docx, whose last section also numbers its pages."""
    from docx import Document
    from docx.enum.section import WD_ORIENT

    from jianfu.exchange.demo import sample_assessments
    from jianfu.reports.plan_docx import build_rectification_docx
    from jianfu.reports.rectification import annex_entries

    assessment, result = next(
        (a, r)
        for a, r in sample_assessments(library)
        if annex_entries(a, library.get(a.checklist_id, a.checklist_version), r)
    )
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    buffer = io.BytesIO()
    build_rectification_pdf(assessment, checklist, result, buffer)
    pages = PdfReader(io.BytesIO(buffer.getvalue())).pages
    first = next(i for i, page in enumerate(pages) if "附件3" in page.extract_text()[:40])
    shape = [(float(p.mediabox.width) < float(p.mediabox.height)) for p in pages]
    assert not shape[first - 1] and all(shape[first:])  # landscape 附件2, then portrait 附件3
    docx = io.BytesIO()
    build_rectification_docx(assessment, checklist, result, docx)
    last = Document(io.BytesIO(docx.getvalue())).sections[-1]
    assert last.orientation == WD_ORIENT.PORTRAIT and last.page_width < last.page_height
    assert not last.footer.is_linked_to_previous
    assert "PAGE" in last.footer._element.xml and "PAGE" in last.even_page_footer._element.xml
