"""Excel workbooks that are safe on their own and print well.

Safe: text starting with = + - @ is stored as text (never a live formula, even if a file got past
the reader), control characters that Excel forbids are dropped, text is cut at Excel's 32,767
characters, non-finite numbers become empty, and a sheet that would pass Excel's 1,048,576 rows
continues on a second sheet. Printable: wrapped bold headers, widths, number and percent formats,
autofilter, frozen header, A4 landscape fitted to the page width with the header repeated.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from copy import copy
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from jianfu.core.limits import xml_safe

MAX_ROWS = 1_048_576  # Excel's limit, header included
MAX_CELL_TEXT = 32_767
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_THIN = Side(style="thin", color="999999")

NUMBER = "0.0"
INTEGER = "0"
PERCENT = "0%"
CHANGE = "+0.0;-0.0;0.0"
TEXT = "@"


@dataclass(frozen=True)
class Col:
    header: str
    width: float
    format: str = ""  # an Excel number format; "" for text
    wrap: bool = True


def _text_units(text: str) -> int:
    return sum(1 if ord(c) < 0x2E80 else 2 for c in text)


def clean_text(text: str) -> str:
    """``text`` as any XML writer accepts it, cut at Excel's cell limit."""
    return xml_safe(text)[:MAX_CELL_TEXT]


def safe_value(value: Any) -> tuple[Any, bool]:
    """(value to store, whether it must be forced to a text cell)."""
    if value is None or isinstance(value, bool):
        return value, False
    if isinstance(value, (int, float)):
        return (value if math.isfinite(value) else None), False
    text = clean_text(str(value))
    return text, text.startswith(FORMULA_START)


class SheetWriter:
    """Writes one logical table into a write-only workbook, starting new sheets at Excel's limit."""

    def __init__(self, book: Workbook, title: str, columns: Sequence[Col], fills: dict[str, str] | None = None) -> None:
        self.book = book
        self.title = title
        self.columns = columns
        self.fills = {k: PatternFill("solid", fgColor=v) for k, v in (fills or {}).items()}
        self.sheet: Any = None
        self.templates: dict[tuple[int, bool, str | None], Any] = {}
        self.rows = 0
        self.sheets = 0
        self.header_font = Font(bold=True)
        self.header_fill = PatternFill("solid", fgColor="EDEDED")
        self.header_align = Alignment(wrap_text=True, vertical="center", horizontal="center")
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.plain = Alignment(vertical="top")
        self.border = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)

    def _new_sheet(self) -> None:
        if self.sheet is not None:
            self._finish()
        self.sheets += 1
        ws = self.book.create_sheet(self.title if self.sheets == 1 else f"{self.title}（{self.sheets}）")
        for index, column in enumerate(self.columns, start=1):
            ws.column_dimensions[get_column_letter(index)].width = column.width
        ws.freeze_panes = "A2"
        ws.print_title_rows = "1:1"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = "9"  # A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.gridLines = False
        ws.page_margins.left = ws.page_margins.right = 0.5
        ws.oddFooter.center.text = "第 &P 页，共 &N 页"
        # Excel and LibreOffice do not grow a row for wrapped text when a file is opened: the
        # header row gets the height of its longest wrapped header (a CJK character is ~2 units).
        lines = max(math.ceil(_text_units(c.header) / max(c.width - 1, 1)) for c in self.columns)
        ws.row_dimensions[1].height = 15 * max(lines, 1) + 4
        header = []
        for column in self.columns:
            cell = WriteOnlyCell(ws, value=clean_text(column.header))
            cell.font, cell.fill, cell.alignment, cell.border = (
                self.header_font,
                self.header_fill,
                self.header_align,
                self.border,
            )
            header.append(cell)
        ws.append(header)
        self.sheet = ws
        self.rows = 1

    def append(self, values: Sequence[Any], fills: Sequence[str | None] = ()) -> None:
        if self.sheet is None or self.rows >= MAX_ROWS:
            self._new_sheet()
        cells = []
        for index, raw in enumerate(values):
            value, as_text = safe_value(raw)
            fill = fills[index] if index < len(fills) else None
            cell = WriteOnlyCell(self.sheet, value=value)
            # Styles are copied from a template cell: assigning font, border and alignment cell
            # by cell costs ~40 s for a 10,000-township county; copying costs ~1 s.
            cell._style = copy(self._template(index, as_text, fill)._style)
            if as_text:
                cell.data_type = "s"  # stored as a string: Excel shows it, never evaluates it
            cells.append(cell)
        # Nor for data rows: give a row with wrapped long text the lines it needs (Excel's
        # maximum row height is 409 points). Set before the row is streamed out.
        lines = max(
            (
                math.ceil(_text_units(str(v)) / max(c.width - 1, 1))
                for c, v in zip(self.columns, values, strict=False)
                if c.wrap and isinstance(v, str)
            ),
            default=1,
        )
        if lines > 1:
            self.sheet.row_dimensions[self.rows + 1].height = min(409, 15 * lines + 2)
        self.sheet.append(cells)
        self.rows += 1

    def _template(self, index: int, forced_text: bool, fill: str | None) -> Any:
        key = (index, forced_text, fill if fill in self.fills else None)
        template = self.templates.get(key)
        if template is None:
            column = self.columns[index]
            template = WriteOnlyCell(self.sheet)
            template.alignment = self.wrap if column.wrap else self.plain
            template.border = self.border
            template.number_format = TEXT if forced_text else column.format or "General"
            if key[2] is not None:
                template.fill = self.fills[key[2]]
            self.templates[key] = template
        return template

    def extend(self, rows: Iterable[Sequence[Any]]) -> None:
        for row in rows:
            self.append(row)

    def _finish(self) -> None:
        last = get_column_letter(len(self.columns))
        self.sheet.auto_filter.ref = f"A1:{last}{max(self.rows, 1)}"

    def close(self) -> None:
        if self.sheet is None:
            self._new_sheet()
        self._finish()


def new_workbook() -> Workbook:
    return Workbook(write_only=True)
