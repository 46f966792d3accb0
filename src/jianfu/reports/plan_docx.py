"""The rectification plan as an editable Word document (.docx), for Word and WPS.

The same content as the PDF (``reports.rectification``), in 公文 styles the office can keep
editing: 仿宋 3号 body with 2-character indent and 22 lines a page, 小标宋 title, 黑体 "一、" and
楷体 "（一）" headings, tables with a repeated header row, the signature lines and the seal line,
the annexes on landscape pages, and "— n —" page numbers (right on odd, left on even pages).
The township adds its 红头 and file number and edits the wording rather than retyping the PDF.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from jianfu.core.assessment import Assessment
from jianfu.core.checklist import Checklist, Handling
from jianfu.core.follow_up import FollowUp
from jianfu.core.plan import local_wording, seal_name
from jianfu.core.scoring import ScoreResult
from jianfu.reports.layout import Column
from jianfu.reports.rectification import (
    ANNEXES,
    ESCALATION_CENTRED,
    ESCALATION_INTRO,
    FINDING_COLUMNS,
    FOLLOW_UP_COLUMNS,
    FOLLOW_UP_HEADING,
    NO_OWN_ITEMS,
    TASK_COLUMNS,
    FindingGroup,
    _answer,
    _date_text,
    _title_lines,
    all_left_out_text,
    annex_entries,
    annex_groups,
    annex_number,
    annex_titles,
    area_label,
    basic_text,
    closing_text,
    escalation_columns,
    escalation_rows,
    finding_groups,
    follow_up_rows,
    follow_up_text,
    left_out_text,
    nothing_found_text,
    plan_title,
    score_rows,
    summary_text,
    task_rows,
)
from jianfu.reports.text import official_spacing
from jianfu.reports.workbook import clean_text

# Font names as Word and WPS know them; a machine without them substitutes its own.
FANGSONG, HEITI, KAITI, XIAOBIAOSONG, SONGTI = "仿宋_GB2312", "黑体", "楷体_GB2312", "方正小标宋简体", "宋体"
LINE_PITCH = Pt(28.95)  # 22 lines in the 225 mm text block (GB/T 9704)
PORTRAIT_TEXT_WIDTH = Mm(210 - 28 - 26)
CHARS_PER_LINE = 28  # GB/T 9704: 28 characters a line
CHAR_PITCH = PORTRAIT_TEXT_WIDTH.pt / CHARS_PER_LINE  # 15.79 pt
# 3号 is 16 pt, but 28 characters of 16 pt do not fit the 156 mm line: Word squeezes them onto its
# character grid, LibreOffice gives each one two grid cells (14 a line). Text on the grid is set
# at 15.5 pt (Word sizes in half points), the largest size one cell holds; the PDF sets 15.8 pt.
BODY_PT, TITLE_PT, CELL_PT, PAGE_NUMBER_PT = 15.5, 22, 11.5, 14
# Word's character grid: the pitch is the Normal style's size plus charSpace/4096 pt.
CHAR_SPACE = round((CHAR_PITCH - BODY_PT) * 4096)
# Indents of n characters are n body characters wide: a hair less than n grid cells, as an indent
# a hair more than n cells (LibreOffice rounds the pitch) pushes the text one cell on.
INDENT_2 = 2 * BODY_PT
LANDSCAPE_TEXT_WIDTH = Mm(297 - 37 - 35)


def build_rectification_docx(
    assessment: Assessment,
    checklist: Checklist,
    result: ScoreResult,
    output: Path | BinaryIO,
    *,
    follow_up: FollowUp | None = None,
) -> None:
    """``follow_up``: last period's plan, reported as in the PDF (``reports.rectification``)."""
    plan = [item for item in assessment.plan if not item.rejected]
    own = [item for item in plan if item.handling is Handling.OWN]
    escalated = [item for item in plan if item.handling is Handling.ESCALATE]
    doc = Document()
    _styles(doc)
    doc.core_properties.title = text(plan_title(assessment))
    doc.core_properties.author = text(_answer(assessment, "profile.filled_by"))
    section = doc.sections[0]
    _portrait(section)
    _page_numbers(doc, section)

    for line in _title_lines(assessment):
        title = doc.add_paragraph(text(line), style="公文标题")
    title.paragraph_format.space_after = Pt(BODY_PT)  # half a line before the body, as in the PDF
    t = assessment.township
    entries = annex_entries(assessment, checklist, result)
    titles = annex_titles(own, escalated, len(entries), follow_up)
    doc.add_paragraph("一、基本情况", style="公文一级标题")
    doc.add_paragraph(text(basic_text(assessment, checklist, result)), style="公文正文")
    doc.add_paragraph("二、自查总体情况", style="公文一级标题")
    doc.add_paragraph(text(summary_text(result, checklist)), style="公文正文")
    _table(
        doc,
        [Column("表现"), Column("得分"), Column("等级")],
        score_rows(result),
        {0, 1, 2},
        Mm(110),
        shares=[0.6, 0.2, 0.2],
    )
    doc.add_paragraph("三、主要问题", style="公文一级标题")
    for group in finding_groups(assessment, checklist, result):
        doc.add_paragraph(text(group.heading), style="公文二级标题")
        if group.areas:
            _findings_table(doc, group, titles)
        elif group.left_out:
            doc.add_paragraph(all_left_out_text(group.left_out, annex_number(titles, ANNEXES[2])), style="公文正文")
        else:
            doc.add_paragraph(nothing_found_text(result), style="公文正文")
    doc.add_paragraph("四、整改措施", style="公文一级标题")
    _closing(doc, assessment, own, escalated, titles, len(entries), result.complete, follow_up)

    if ANNEXES[0] in titles or ANNEXES[1] in titles:
        wide = doc.add_section(WD_SECTION.NEW_PAGE)
        _landscape(wide)
        _landscape_page_numbers(wide)
    if ANNEXES[0] in titles:
        doc.add_paragraph(f"附件{annex_number(titles, ANNEXES[0])}", style="公文附件标注")
        doc.add_paragraph(ANNEXES[0], style="公文附件标题")
        if own:
            rows = task_rows(own, follow_up)
            _table(doc, TASK_COLUMNS, rows, {0, 4, 5}, LANDSCAPE_TEXT_WIDTH, measured=task_rows(own))
        else:
            doc.add_paragraph(local_wording(NO_OWN_ITEMS, t.name), style="公文正文")
    if follow_up is not None:
        doc.add_paragraph(FOLLOW_UP_HEADING, style="公文二级标题")
        doc.add_paragraph(text(follow_up_text(follow_up, plan, t.name)), style="公文正文")
        rows = follow_up_rows(follow_up, plan)
        if rows:
            _table(doc, FOLLOW_UP_COLUMNS, rows, {0, 3}, LANDSCAPE_TEXT_WIDTH)
    if escalated:
        label = doc.add_paragraph(f"附件{annex_number(titles, ANNEXES[1])}", style="公文附件标注")
        label.paragraph_format.page_break_before = ANNEXES[0] in titles
        doc.add_paragraph(ANNEXES[1], style="公文附件标题")
        doc.add_paragraph(local_wording(ESCALATION_INTRO, t.name), style="公文正文")
        rows = escalation_rows(escalated, follow_up)
        measured = escalation_rows(escalated)
        _table(doc, escalation_columns(t.name), rows, ESCALATION_CENTRED, LANDSCAPE_TEXT_WIDTH, measured=measured)
    if entries:  # a list, not a table: back on portrait pages, with their own page numbers
        tall = doc.add_section(WD_SECTION.NEW_PAGE)
        _portrait(tall)
        tall.footer.is_linked_to_previous = False
        tall.even_page_footer.is_linked_to_previous = False
        _page_numbers(doc, tall)
        doc.add_paragraph(f"附件{annex_number(titles, ANNEXES[2])}", style="公文附件标注")
        doc.add_paragraph(ANNEXES[2], style="公文附件标题")
        for heading, lines in annex_groups(entries):  # as in the PDF: the reason once per group
            doc.add_paragraph(text(heading), style="公文二级标题")
            for line in lines:
                doc.add_paragraph(text(line), style="公文正文")
    doc.save(str(output) if isinstance(output, Path) else output)


def text(value: str) -> str:
    """User text as Word accepts it: XML-illegal control characters dropped, numerals spaced as in
    the PDF (共43题)."""
    return official_spacing(clean_text(value))


# ------------------------------------------------------------------------------------ parts


def _closing(
    doc: Any,
    assessment: Assessment,
    own: Sequence[Any],
    escalated: Sequence[Any],
    titles: Sequence[str],
    annexed: int,
    complete: bool = True,
    follow_up: FollowUp | None = None,
) -> None:
    """The last body paragraph, the annex list, the signature lines, the seal and the date, kept
    on one page (keep-with-next on each): never a signature alone on a page."""
    closing = closing_text(own, escalated, assessment.township.name, annexed, complete, follow_up)
    paragraphs = [doc.add_paragraph(text(closing), style="公文正文")]
    if titles:
        first = doc.add_paragraph(f"附件：1．{titles[0]}", style="公文正文")
        first.paragraph_format.space_before = Pt(CHAR_PITCH)
        paragraphs.append(first)
    for number, title in enumerate(titles[1:], start=2):
        more = doc.add_paragraph(f"{number}．{title}", style="公文正文")
        more.paragraph_format.first_line_indent = Pt(5 * BODY_PT)
        paragraphs.append(more)
    filler = _answer(assessment, "profile.filled_by")
    date = _answer(assessment, "profile.fill_date")
    blank = "　" * 6
    lines = [
        (f"填报人：{text(filler) or blank}", f"审核人：{blank}"),
        (f"填报日期：{text(_date_text(date)) if date else '　　　　年　　月　　日'}", f"分管负责人：{blank}"),
    ]
    spacer = doc.add_paragraph("", style="公文正文")
    paragraphs.append(spacer)
    for left, right in lines:
        line = doc.add_paragraph(style="公文正文")
        line.paragraph_format.first_line_indent = Pt(0)
        line.paragraph_format.tab_stops.add_tab_stop(Mm(90))
        line.add_run(left + "\t" + right)
        paragraphs.append(line)
    for _ in range(2):
        paragraphs.append(doc.add_paragraph("", style="公文正文"))
    seal = doc.add_paragraph(text(f"{seal_name(assessment.township.name)}（盖章）"), style="公文落款")
    date_line = doc.add_paragraph("　　　　年　　月　　日", style="公文落款")
    paragraphs += [seal, date_line]
    for paragraph in paragraphs[:-1]:
        paragraph.paragraph_format.keep_with_next = True


def _findings_table(doc: Any, group: FindingGroup, titles: Sequence[str]) -> None:
    """As in the PDF: a line per area above its problems (kept with its first one), the problems
    left to 附件3 in one row at the end, no row alone on either side of a page end."""
    rows: list[Sequence[str]] = []
    lines: list[int] = []  # table rows that are one line across
    for title, area_rows in group.areas:
        lines.append(len(rows) + 1)
        rows += [(area_label(title), "", ""), *area_rows]
    left = None
    if group.left_out:
        left = len(rows) + 1
        rows.append(
            (left_out_text(group.left_out, annex_number(titles, ANNEXES[2])), "", f"{group.left_out_points:.1f}")
        )
    table = _table(doc, FINDING_COLUMNS, rows, {0, 2}, PORTRAIT_TEXT_WIDTH, measured=group.rows)
    for index in lines:
        row = table.rows[index]
        merged = row.cells[0].merge(row.cells[2])
        _keep_with_next_row(row)
        _shade(merged, "F7F7F7")
        merged.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT
        for run in merged.paragraphs[0].runs:
            _font(run, KAITI, CELL_PT)  # 楷体, as the PDF sets an area's line
        for extra in merged.paragraphs[1:]:  # the merge keeps the empty cells' paragraphs
            extra._p.getparent().remove(extra._p)
    if left is not None:
        row = table.rows[left]
        merged = row.cells[0].merge(row.cells[1])
        merged.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT
        for extra in merged.paragraphs[1:]:
            extra._p.getparent().remove(extra._p)
    if len(table.rows) > 4:  # no lone row at a page end or the top of the next (the header repeats)
        for row in (table.rows[1], table.rows[-2]):
            _keep_with_next_row(row)


def _keep_with_next_row(row: Any) -> None:
    """Word keeps a row with the next when its paragraphs keep with the next."""
    for cell in row.cells:
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True


def _shade(cell: Any, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def _table(
    doc: Any,
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    centred: set[int],
    width: Any,
    shares: Sequence[float] | None = None,
    measured: Sequence[Sequence[str]] | None = None,
) -> Any:
    """``measured``: the rows the columns are fitted to, when ``rows`` add notes that wrap within
    the width the rest needs (as in the PDF)."""
    table = doc.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = _widths(columns, measured or rows, int(width), shares)
    header = table.rows[0]
    _repeat_header(header)
    for index, column in enumerate(columns):
        cell = header.cells[index]
        _cell_text(cell, column.header, "公文表头", True)
    for row in rows:
        cells = table.add_row().cells
        for index, value in enumerate(row):
            _cell_text(cells[index], text(value), "公文表格", index in centred)
    for index, column in enumerate(table.columns):
        column.width = widths[index]  # the grid LibreOffice and WPS lay out by
    for row in table.rows:
        _cant_split(row)
        for index, cell in enumerate(row.cells):
            cell.width = widths[index]
    doc.add_paragraph("", style="公文表后")
    return table


def _widths(columns: Sequence[Column], rows: Sequence[Sequence[str]], width: int, shares: Any) -> list[int]:
    """Narrow columns as wide as their longest line (in characters of the cell size), the rest shared."""
    if shares is not None:
        return [int(width * s) for s in shares]
    char = Pt(CELL_PT)
    fitted = {}
    for index, column in enumerate(columns):
        if column.kind == "fit":
            lines = [column.header, *(r[index] for r in rows)]
            longest = max(len(line) for text in lines for line in text.split("\n"))
            fitted[index] = int(min(longest, column.cap) * char * 1.05 + Mm(4.5))  # + Word cell margins
    room = width - sum(fitted.values())
    shared = [i for i, c in enumerate(columns) if c.kind != "fit"]
    total = sum(columns[i].share for i in shared) or 1.0
    return [fitted[i] if i in fitted else int(room * columns[i].share / total) for i in range(len(columns))]


def _cell_text(cell: Any, value: str, style: str, centred: bool) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.style = style
    for number, line in enumerate(value.split("\n")):
        if number:
            paragraph = cell.add_paragraph(style=style)
        paragraph.add_run(line)
        if centred:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _repeat_header(row: Any) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _cant_split(row: Any) -> None:
    """Short rows stay whole at a page end; Word still splits a row taller than a page."""
    properties = row._tr.get_or_add_trPr()
    element = OxmlElement("w:cantSplit")
    element.set(qn("w:val"), "true")
    properties.append(element)


# ----------------------------------------------------------------------------- page set-up


def _portrait(section: Any) -> None:
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(35 - 7 - 5)
    _grid(section)


def _landscape(section: Any) -> None:
    """The page turned clockwise: the binding side (28 mm) becomes the top (GB/T 9704)."""
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin, section.bottom_margin = Mm(28), Mm(26)
    section.left_margin, section.right_margin = Mm(35), Mm(37)
    section.footer_distance = Mm(12)
    _grid(section)


def _grid(section: Any) -> None:
    """Word's document grid as the 公文 template sets it: 22 lines a page, 28 characters a line
    (on a landscape page the same pitch, so the same character size)."""
    properties = section._sectPr
    for old in properties.findall(qn("w:docGrid")):
        properties.remove(old)
    grid = OxmlElement("w:docGrid")
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), str(int(LINE_PITCH.pt * 20)))
    grid.set(qn("w:charSpace"), str(CHAR_SPACE))
    properties.append(grid)


def _page_numbers(doc: Any, section: Any) -> None:
    """ "— n —" in 4号 宋体, one character in: right on odd pages, left on even pages."""
    doc.settings.odd_and_even_pages_header_footer = True
    for footer, alignment in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        paragraph = footer.paragraphs[0]
        paragraph.alignment = alignment
        format_ = paragraph.paragraph_format
        if alignment == WD_ALIGN_PARAGRAPH.RIGHT:
            format_.right_indent = Pt(CHAR_PITCH)
        else:
            format_.left_indent = Pt(CHAR_PITCH)
        _off_grid(paragraph._p.get_or_add_pPr())
        for part in ("— ", None, " —"):
            run = paragraph.add_run(part) if part else _page_field(paragraph)
            _font(run, SONGTI, PAGE_NUMBER_PT)


def _landscape_page_numbers(section: Any) -> None:
    """On a landscape page the number stays at the portrait bottom, as in the PDF: the page is a
    portrait page turned clockwise, so the number runs down its left edge, turned with it. A
    footer is always at the bottom of the page as it lies, so the number is a text box anchored
    in the footer, placed on the page and set in vertical text (rotated 90° clockwise) — the
    usual way to number landscape pages in 公文 templates. Odd pages put it at the lower end
    (the portrait right), even pages at the upper end, one character in."""
    for index, (footer, alignment) in enumerate(((section.footer, "right"), (section.even_page_footer, "left"))):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph._p.append(_vertical_page_number(alignment, 9001 + index))


def _vertical_page_number(alignment: str, shape_id: int) -> Any:
    from docx.oxml import parse_xml

    emu = 36000  # per mm
    # The portrait number's line: 22-29 mm above the portrait bottom (its baseline 7 mm below the
    # text block); along the portrait text block's width, 28 mm from the landscape top.
    left, width, top, height = 21 * emu, 8 * emu, 28 * emu, (210 - 28 - 26) * emu
    indent = "w:right" if alignment == "right" else "w:left"
    fonts = (
        f'<w:rFonts w:ascii="{SONGTI}" w:hAnsi="{SONGTI}" w:eastAsia="{SONGTI}"/><w:sz w:val="{PAGE_NUMBER_PT * 2}"/>'
    )
    run = "<w:r><w:rPr>{fonts}</w:rPr>{body}</w:r>"
    field = (
        '<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:rPr>{fonts}</w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        f'<w:r><w:rPr>{fonts}</w:rPr><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:rPr>{fonts}</w:rPr><w:t>1</w:t></w:r>"
        f'<w:r><w:rPr>{fonts}</w:rPr><w:fldChar w:fldCharType="end"/>'
    )
    runs = "".join(
        run.format(fonts=fonts, body=body)
        for body in ('<w:t xml:space="preserve">— </w:t>', field, '<w:t xml:space="preserve"> —</w:t>')
    )
    xml = f"""<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
 xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
 xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:drawing>
<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="{shape_id}" behindDoc="0"
 locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>
<wp:positionH relativeFrom="page"><wp:posOffset>{left}</wp:posOffset></wp:positionH>
<wp:positionV relativeFrom="page"><wp:posOffset>{top}</wp:posOffset></wp:positionV>
<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>
<wp:docPr id="{shape_id}" name="页码 {shape_id}"/><wp:cNvGraphicFramePr/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>
<wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>
<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>
<wps:txbx><w:txbxContent><w:p><w:pPr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0"/>
<w:ind {indent}="{round(CHAR_PITCH * 20)}"/><w:jc w:val="{alignment}"/></w:pPr>{runs}</w:p></w:txbxContent></wps:txbx>
<wps:bodyPr rot="0" vert="vert" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="ctr" anchorCtr="0">
<a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"""
    return parse_xml(xml)


# What follows w:snapToGrid in a paragraph's properties (the schema's order; Word is strict).
_AFTER_SNAP_TO_GRID = (
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
    "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
    "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip


def _off_grid(properties: Any) -> None:
    """Text that is not body text (tables, titles, page numbers) keeps its own spacing."""
    snap = OxmlElement("w:snapToGrid")
    snap.set(qn("w:val"), "0")
    properties.insert_element_before(snap, *_AFTER_SNAP_TO_GRID)


def _page_field(paragraph: Any) -> Any:
    run = paragraph.add_run()
    for kind, value in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif value == " PAGE ":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = value
        else:
            element = OxmlElement("w:t")
            element.text = value
        run._r.append(element)
    return run


# ---------------------------------------------------------------------------------- styles


def _font(target: Any, east_asian: str, size: float, bold: bool = False) -> None:
    """Set Latin and East Asian fonts: Word picks the East Asian one for Chinese characters."""
    font = target.font
    font.size = Pt(size)
    font.bold = bold
    font.name = "Times New Roman" if east_asian != SONGTI else SONGTI
    properties = target.element.get_or_add_rPr() if hasattr(target.element, "get_or_add_rPr") else target._r
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        properties.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), east_asian)


def _styles(doc: Any) -> None:
    from docx.enum.style import WD_STYLE_TYPE

    def paragraph_style(
        name: str,
        font: str,
        size: float,
        alignment: Any = WD_ALIGN_PARAGRAPH.JUSTIFY,
        indent: float = 0,
        line: Any = LINE_PITCH,
        keep_with_next: bool = False,
        space_after: float = 0,
    ) -> Any:
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        _font(style, font, size)
        format_ = style.paragraph_format
        format_.alignment = alignment
        format_.first_line_indent = Pt(indent)
        format_.space_before = Pt(0)
        format_.space_after = Pt(space_after)
        if line is None:
            format_.line_spacing_rule = WD_LINE_SPACING.SINGLE
        else:
            format_.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            format_.line_spacing = line
        format_.keep_with_next = keep_with_next
        format_.widow_control = True
        if line is None or size != BODY_PT:  # table text and titles: not snapped to the page grid
            _off_grid(style.element.get_or_add_pPr())
        return style

    # The character grid's pitch counts from the Normal style's size (Word) or the document's
    # default size (LibreOffice): both are 3号.
    _font(doc.styles["Normal"], FANGSONG, BODY_PT)
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        for size in defaults.iter(qn("w:sz"), qn("w:szCs")):
            size.set(qn("w:val"), str(round(BODY_PT * 2)))
    paragraph_style("公文正文", FANGSONG, BODY_PT, indent=INDENT_2)
    paragraph_style("公文标题", XIAOBIAOSONG, TITLE_PT, WD_ALIGN_PARAGRAPH.CENTER, line=Pt(35), keep_with_next=True)
    paragraph_style("公文副标题", KAITI, BODY_PT, WD_ALIGN_PARAGRAPH.CENTER, space_after=BODY_PT)
    paragraph_style("公文一级标题", HEITI, BODY_PT, WD_ALIGN_PARAGRAPH.LEFT, INDENT_2, keep_with_next=True)
    paragraph_style("公文二级标题", KAITI, BODY_PT, WD_ALIGN_PARAGRAPH.LEFT, INDENT_2, keep_with_next=True)
    paragraph_style("公文落款", FANGSONG, BODY_PT, WD_ALIGN_PARAGRAPH.RIGHT, line=LINE_PITCH)
    paragraph_style("公文附件标注", HEITI, BODY_PT, WD_ALIGN_PARAGRAPH.LEFT, keep_with_next=True)
    paragraph_style(
        "公文附件标题", XIAOBIAOSONG, 18, WD_ALIGN_PARAGRAPH.CENTER, line=Pt(30), keep_with_next=True, space_after=6
    )
    paragraph_style("公文表格", FANGSONG, CELL_PT, WD_ALIGN_PARAGRAPH.LEFT, line=None)
    paragraph_style("公文表头", HEITI, CELL_PT, WD_ALIGN_PARAGRAPH.CENTER, line=None, keep_with_next=True)
    paragraph_style("公文表后", FANGSONG, 8, WD_ALIGN_PARAGRAPH.LEFT, line=None)
