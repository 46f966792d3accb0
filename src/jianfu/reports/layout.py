"""Layout helpers shared by the printed documents: column widths from content, headings that
never stay alone at a page bottom, and blanks wide enough to write in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Table, TableStyle

CELL_PADDING = 8.0  # left + right padding of a grid cell (see the grid styles)


@dataclass(frozen=True)
class Column:
    header: str
    # "fit": as wide as its longest line (a date, a name: never wrapped mid-word), up to ``cap``
    # characters; "share": takes a share of the width that is left.
    kind: str = "share"
    share: float = 1.0
    cap: int = 10


def text_width(text: str, font: str, size: float) -> float:
    return max((stringWidth(line, font, size) for line in text.split("\n")), default=0.0)


def fitted_widths(
    columns: Sequence[Column], rows: Sequence[Sequence[str]], width: float, font: str, header_font: str, size: float
) -> list[float]:
    """Fit columns to their longest line (header included), capped; the rest share what is left.

    If the fitted columns alone would leave the shared ones less than a third of the width, the
    fitted ones are scaled down (they then wrap at their cap, as a long department name must).
    """
    fitted: dict[int, float] = {}
    for index, column in enumerate(columns):
        if column.kind != "fit":
            continue
        longest = max(
            [text_width(column.header, header_font, size)]
            + [text_width(row[index], font, size) for row in rows if index < len(row)]
        )
        fitted[index] = min(longest, column.cap * size) + CELL_PADDING + 1
    shared = [i for i, c in enumerate(columns) if c.kind != "fit"]
    room = width - sum(fitted.values())
    if shared and room < width / 3:
        scale = (width * 2 / 3) / sum(fitted.values())
        fitted = {i: w * scale for i, w in fitted.items()}
        room = width / 3
    # The declared share, leaned towards how much text each column holds: a row is as tall as
    # its fullest cell, so a long measure beside a short problem should get the wider column.
    text = {i: sum(len(row[i]) for row in rows if i < len(row)) for i in shared}
    total_text = sum(text.values())
    share = {i: (columns[i].share + text[i] / total_text) / 2 if total_text else columns[i].share for i in shared}
    total_share = sum(share.values()) or 1.0
    result = []
    for index in range(len(columns)):
        result.append(fitted[index] if index in fitted else room * share[index] / total_share)
    if not shared:  # all fitted: spread what is left
        spare = (width - sum(result)) / len(result)
        result = [w + spare for w in result]
    return result


HELD_ROWS = 2  # body rows never left alone: kept with the header at a page foot, and at a table's end


def keep_with_table(
    heading: Flowable | Sequence[Flowable],
    table: Table,
    width: float,
    frame_height: float,
    hold: bool = False,
    whole_up_to: int = 2 * HELD_ROWS,
) -> list[Any]:
    """A heading (or a heading and its introduction) followed by its table, moved to the next page
    unless the table's header row and first row fit below it (no heading alone at a page bottom).

    ``hold``: no row alone either — the first ``HELD_ROWS`` body rows go with the header, and the
    last ``HELD_ROWS`` stay together, wherever a page can hold them (see ``_hold_ends``); a table
    of at most ``whole_up_to`` body rows is held whole (the county summary passes 3: a table of
    four rows held whole left half pages empty, while two and two cannot leave a row alone)."""
    lead = [heading] if isinstance(heading, Flowable) else list(heading)
    # keepWithNext would move the heading *and the whole table* to the next page whenever the
    # table does not fit below it; the conditional break asks only for its first rows.
    lead_height = 0.0
    for flowable in lead:
        flowable.keepWithNext = 0
        lead_height += flowable.wrap(width, frame_height)[1] + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    # The header row and the first rows only: wrapping the whole table here would lay it out twice.
    first = _hold_ends(table, frame_height, lead_height, whole_up_to) if hold else 1
    needed = (
        lead_height
        + 2
        + sum(_row_height(table, row, frame_height) for row in range(min(1 + first, len(table._cellvalues))))
    )
    return [CondPageBreak(min(needed, frame_height - 1)), *lead, table]


def _hold_ends(table: Table, frame_height: float, lead_height: float, whole_up_to: int = 2 * HELD_ROWS) -> int:
    """Keep the first ``HELD_ROWS`` body rows together (with the header, and the headings of
    ``lead_height`` above them) and the last ``HELD_ROWS`` together (the last row never alone on
    a continuation page); returns how many body rows open the table unsplit. Rows a page cannot
    hold so are left to split: a lone row that tall is no stray line. One header row."""
    count = len(table._cellvalues)
    if count < 3:
        return 1
    heights = [_row_height(table, row, frame_height) for row in range(count)]
    room = frame_height - 1
    if count - 1 <= max(whole_up_to, 2 * HELD_ROWS - 1):  # the ends meet (or short): whole, or nothing
        blocks = [(1, count - 1)] if lead_height + sum(heights) <= room else []
    else:
        blocks = [(1, HELD_ROWS)] if lead_height + sum(heights[: 1 + HELD_ROWS]) <= room else []
        if sum(heights[:1]) + sum(heights[count - HELD_ROWS :]) <= room:
            blocks.append((count - HELD_ROWS, count - 1))
    for first, last in blocks:
        table.setStyle(TableStyle([("NOSPLIT", (0, first), (-1, last))]))
    return blocks[0][1] if blocks and blocks[0][0] == 1 else 1


def _row_height(table: Table, row: int, frame_height: float) -> float:
    """A row's height as the table will lay it out (its cells wrapped, with their padding); a line
    spanning the whole row (the plan's area lines) has the table's width."""
    tallest = 0.0
    widths = list(table._argW)
    if any(
        start == (0, row) and end[0] in (-1, len(widths) - 1) and end[1] == row for _, start, end in table._spanCmds
    ):
        widths = [sum(widths)]
    for cell, style, column_width in zip(table._cellvalues[row], table._cellStyles[row], widths, strict=False):
        if hasattr(cell, "wrap"):
            inner = column_width - style.leftPadding - style.rightPadding
            tallest = max(tallest, cell.wrap(inner, frame_height)[1] + style.topPadding + style.bottomPadding)
    return tallest


def blanks(parts: Sequence[tuple[str, float]], font: str, size: float, align: str = "RIGHT") -> Table:
    """A line of labels and underlined blanks, e.g. "____年__月__日": each part is (text, width);
    an empty text is a blank of that width to write in."""
    widths = [w if not text else stringWidth(text, font, size) + 1 for text, w in parts]
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
    ]
    for index, (text, _) in enumerate(parts):
        if not text:
            style.append(("LINEBELOW", (index, 0), (index, 0), 0.5, "#333333"))
    table = Table([[text for text, _ in parts]], colWidths=widths, rowHeights=[size * 1.9], hAlign=align)
    table.setStyle(TableStyle(style))
    return table


DATE_BLANKS = (("", 22 * mm), ("年", 0.0), ("", 13 * mm), ("月", 0.0), ("", 13 * mm), ("日", 0.0))


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一, 100 and above in digits (headings never go so far)."""
    digits = "零一二三四五六七八九"
    if n < 1 or n >= 100:
        return str(n)
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else digits[tens]) + "十" if tens else "") + (digits[ones] if ones else "")


def shorten(text: str, limit: int) -> str:
    """At most ``limit`` characters, with "……" where cut (a cell must never outgrow a page)."""
    return text if len(text) <= limit else text[: limit - 2] + "……"
