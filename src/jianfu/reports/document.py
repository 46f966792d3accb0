"""The government-document frame (GB/T 9704 where it fits): A4, margins, styles, page numbers.

Margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; landscape pages for wide tables turn
the same margins with the page. Body 3号 (16 pt) 仿宋, title 2号 (22 pt), headings "一、" 黑体 and
"（一）" 楷体, page numbers 4号 (14 pt) "— n —" on the outer side.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, BinaryIO

import reportlab.lib.textsplit as _textsplit
import reportlab.platypus.paragraph as _paragraph
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from jianfu.reports.fonts import FontSet

# Chinese closing punctuation must not start a line (GB/T 15834); ReportLab's list is Japanese and
# lacks the full-width comma, semicolon, colon, ? ! 》 and the closing quotes. Both line breakers
# read it: textsplit (runs in one font) and paragraph (mixed fonts).
_CLOSING = "".join(c for c in "，；：？！》〉”’」』" if c not in _textsplit.ALL_CANNOT_START)
_textsplit.ALL_CANNOT_START += _CLOSING
_paragraph.ALL_CANNOT_START += "".join(c for c in _CLOSING if c not in _paragraph.ALL_CANNOT_START)

PORTRAIT, LANDSCAPE = "portrait", "landscape"
TOP, BOTTOM, LEFT, RIGHT = 37 * mm, 35 * mm, 28 * mm, 26 * mm
PAGE_NUMBER_GAP = 7 * mm  # below the text block


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


def make_styles(fonts: FontSet) -> Styles:
    body = ParagraphStyle(
        "body",
        fontName=fonts.body,
        fontSize=16,
        leading=28.5,
        firstLineIndent=32,
        alignment=TA_JUSTIFY,
        wordWrap="CJK",
    )
    cell = ParagraphStyle("cell", fontName=fonts.body, fontSize=11.5, leading=16, wordWrap="CJK")
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
            fontSize=16,
            leading=26,
            alignment=TA_CENTER,
            spaceAfter=14,
            wordWrap="CJK",
        ),
        heading=ParagraphStyle(
            "heading",
            fontName=fonts.heading,
            fontSize=16,
            leading=28.5,
            firstLineIndent=32,
            spaceBefore=6,
            keepWithNext=1,
            wordWrap="CJK",
        ),
        subheading=ParagraphStyle(
            "subheading",
            fontName=fonts.subheading,
            fontSize=16,
            leading=28.5,
            firstLineIndent=32,
            keepWithNext=1,
            wordWrap="CJK",
        ),
        group_heading=ParagraphStyle(
            "group_heading",
            fontName=fonts.subheading,
            fontSize=16,
            leading=28.5,
            firstLineIndent=32,
            wordWrap="CJK",
        ),
        body=body,
        cell=cell,
        cell_center=ParagraphStyle("cell_center", parent=cell, alignment=TA_CENTER),
        header_cell=ParagraphStyle("header_cell", parent=cell, fontName=fonts.heading, alignment=TA_CENTER),
        right=ParagraphStyle("right", parent=body, firstLineIndent=0, alignment=TA_RIGHT),
        caption=ParagraphStyle("caption", parent=cell, fontSize=12, leading=18, alignment=TA_CENTER),
    )


class GovernmentDocument(BaseDocTemplate):  # type: ignore[misc]
    """Portrait and landscape page templates with "— n —" page numbers."""

    def __init__(self, output: str | BinaryIO, fonts: FontSet, title: str, author: str = "") -> None:
        super().__init__(
            output,
            pagesize=A4,
            title=title,
            initialFontName=fonts.body,
            author=author,
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
        # The page turns, and its margins with it: the binding side (left, 28 mm) becomes the top.
        wide = Frame(
            TOP,
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
    def portrait_width(self) -> float:
        return float(A4[0] - LEFT - RIGHT)

    def _page_number(self, canvas: Canvas, doc: Any) -> None:
        page_width = canvas._pagesize[0]
        is_landscape = page_width > A4[0]
        left, right, bottom = (TOP, BOTTOM, RIGHT) if is_landscape else (LEFT, RIGHT, BOTTOM)
        baseline = bottom - PAGE_NUMBER_GAP - 14
        text = f"— {doc.page} —"
        canvas.saveState()
        canvas.setFont(self.fonts.body, 14)
        if doc.page % 2:  # odd pages: right, even pages: left (the outer side)
            canvas.drawRightString(page_width - right, baseline, text)
        else:
            canvas.drawString(left, baseline, text)
        canvas.restoreState()
