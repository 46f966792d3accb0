"""The government-document frame (GB/T 9704 where it fits): A4, margins, styles, page numbers.

Margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; landscape pages for wide tables turn
the same margins with the page. Body 3号 (16 pt) 仿宋, title 2号 (22 pt), headings "一、" 黑体 and
"（一）" 楷体, page numbers 4号 (14 pt) "— n —" on the outer side.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, BinaryIO

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from jianfu.core.limits import xml_safe
from jianfu.reports import linebreak
from jianfu.reports.fonts import FontSet

linebreak.install()  # no line starts with closing punctuation; nothing hangs into the margin

PORTRAIT, LANDSCAPE = "portrait", "landscape"
TOP, BOTTOM, LEFT, RIGHT = 37 * mm, 35 * mm, 28 * mm, 26 * mm
PAGE_NUMBER_GAP = 7 * mm  # below the text block
CHARS_PER_LINE = 28
# 3号 is 16 pt, but 28 characters of 16 pt are 158 mm and the text block is 156 mm: GB/T 9704 asks
# for 28 characters a line, so the body is set a hair smaller (15.8 pt), as Word's 文档网格 does.
BODY_SIZE = (A4[0] - LEFT - RIGHT) / CHARS_PER_LINE
PAGE_NUMBER_SIZE = 14  # 4号


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    group_heading: ParagraphStyle  # a "（一）" heading above a table that may split
    body: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    header_cell: ParagraphStyle
    right: ParagraphStyle
    caption: ParagraphStyle
    annex_label: ParagraphStyle  # "附件1" at the top left of an annex (黑体)
    annex_title: ParagraphStyle
    annex_list: ParagraphStyle  # "附件：1．…" after the body text
    annex_list_more: ParagraphStyle  # "2．…" aligned under "1．"
    annex_group: ParagraphStyle  # "一、<reason>（N个）" in a listed annex (附件3)
    annex_line: ParagraphStyle  # "1．<problem>" under it, wrapped lines under the text


def make_styles(fonts: FontSet) -> Styles:
    body = ParagraphStyle(
        "body",
        fontName=fonts.body,
        fontSize=BODY_SIZE,
        leading=28.5,
        firstLineIndent=2 * BODY_SIZE,
        alignment=TA_JUSTIFY,
        wordWrap="CJK",
    )
    cell = ParagraphStyle("cell", fontName=fonts.body, fontSize=11.5, leading=15, wordWrap="CJK")
    return Styles(
        title=ParagraphStyle(
            "title",
            fontName=fonts.title,
            fontSize=22,
            leading=32,
            alignment=TA_CENTER,
            spaceAfter=10,
            wordWrap="CJK",
        ),
        subtitle=ParagraphStyle(
            "subtitle",
            fontName=fonts.subheading,
            fontSize=BODY_SIZE,
            leading=26,
            alignment=TA_CENTER,
            spaceAfter=14,
            wordWrap="CJK",
        ),
        heading=ParagraphStyle(
            "heading",
            fontName=fonts.heading,
            fontSize=BODY_SIZE,
            leading=28.5,
            firstLineIndent=2 * BODY_SIZE,
            spaceBefore=6,
            keepWithNext=1,
            wordWrap="CJK",
        ),
        subheading=ParagraphStyle(
            "subheading",
            fontName=fonts.subheading,
            fontSize=BODY_SIZE,
            leading=28.5,
            firstLineIndent=2 * BODY_SIZE,
            keepWithNext=1,
            wordWrap="CJK",
        ),
        group_heading=ParagraphStyle(
            "group_heading",
            fontName=fonts.subheading,
            fontSize=BODY_SIZE,
            leading=28.5,
            firstLineIndent=2 * BODY_SIZE,
            wordWrap="CJK",
        ),
        body=body,
        cell=cell,
        cell_center=ParagraphStyle("cell_center", parent=cell, alignment=TA_CENTER),
        header_cell=ParagraphStyle("header_cell", parent=cell, fontName=fonts.heading, alignment=TA_CENTER),
        right=ParagraphStyle("right", parent=body, firstLineIndent=0, alignment=TA_RIGHT),
        caption=ParagraphStyle("caption", parent=cell, fontSize=12, leading=18, alignment=TA_CENTER),
        annex_label=ParagraphStyle(
            "annex_label", parent=body, fontName=fonts.heading, firstLineIndent=0, alignment=TA_LEFT, keepWithNext=1
        ),
        annex_title=ParagraphStyle(
            "annex_title",
            fontName=fonts.title,
            fontSize=18,
            leading=28,
            alignment=TA_CENTER,
            spaceAfter=8,
            keepWithNext=1,
            wordWrap="CJK",
        ),
        annex_list=ParagraphStyle("annex_list", parent=body, alignment=TA_LEFT),
        annex_list_more=ParagraphStyle(
            "annex_list_more", parent=body, alignment=TA_LEFT, firstLineIndent=5 * BODY_SIZE
        ),
        annex_group=ParagraphStyle(
            "annex_group", parent=cell, fontName=fonts.heading, fontSize=12, leading=18, spaceBefore=6, keepWithNext=1
        ),
        annex_line=ParagraphStyle(
            "annex_line", parent=cell, fontSize=12, leading=17, leftIndent=30, firstLineIndent=-30, spaceAfter=1
        ),
    )


class GovernmentDocument(BaseDocTemplate):  # type: ignore[misc]
    """Portrait and landscape page templates with "— n —" page numbers."""

    def __init__(self, output: str | BinaryIO, fonts: FontSet, title: str, author: str = "") -> None:
        super().__init__(
            output,
            pagesize=A4,
            title=xml_safe(title),  # the metadata is XML (XMP) too
            initialFontName=fonts.body,
            author=xml_safe(author),
            creator="减负助手",
            subject="“指尖上的形式主义”自查整改",
            leftMargin=LEFT,
            rightMargin=RIGHT,
            topMargin=TOP,
            bottomMargin=BOTTOM,
        )
        self.fonts = fonts
        width, height = A4
        portrait = Frame(
            LEFT,
            BOTTOM,
            width - LEFT - RIGHT,
            height - TOP - BOTTOM,
            id="portrait",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        wide_w, wide_h = landscape(A4)
        # The page turns clockwise, and its margins with it: the binding side (left, 28 mm) becomes
        # the top (GB/T 9704: a landscape table has its head at the binding edge), the portrait
        # bottom the left and the portrait top the right.
        wide = Frame(
            BOTTOM,
            RIGHT,
            wide_w - TOP - BOTTOM,
            wide_h - LEFT - RIGHT,
            id="landscape",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates(
            [
                PageTemplate(PORTRAIT, [portrait], onPage=self._page_number, pagesize=A4),
                PageTemplate(LANDSCAPE, [wide], onPage=self._page_number, pagesize=landscape(A4)),
            ]
        )

    @property
    def landscape_width(self) -> float:
        return float(landscape(A4)[0] - TOP - BOTTOM)

    @property
    def landscape_height(self) -> float:
        """The landscape frame's height, for what must fit on a landscape page."""
        return float(landscape(A4)[1] - LEFT - RIGHT)

    @property
    def portrait_width(self) -> float:
        return float(A4[0] - LEFT - RIGHT)

    def _page_number(self, canvas: Canvas, doc: Any) -> None:
        """ "— n —" in 4号 at the portrait bottom, one character in from the outer edge of the
        text block: right on odd pages, left on even pages. A landscape page is a portrait page
        turned clockwise, so its number is drawn turned back, along its left edge."""
        canvas.saveState()
        if canvas._pagesize[0] > A4[0]:
            canvas.translate(0, A4[0])
            canvas.rotate(-90)
        baseline = BOTTOM - PAGE_NUMBER_GAP - PAGE_NUMBER_SIZE
        text = f"— {doc.page} —"
        canvas.setFont(self.fonts.body, PAGE_NUMBER_SIZE)
        if doc.page % 2:
            canvas.drawRightString(A4[0] - RIGHT - BODY_SIZE, baseline, text)
        else:
            canvas.drawString(LEFT + BODY_SIZE, baseline, text)
        canvas.restoreState()
