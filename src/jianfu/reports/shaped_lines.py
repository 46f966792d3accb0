"""Lines of a paragraph that holds a shaped script: shaped, broken, reordered, drawn by glyph.

The paragraph's characters become units: one per character, except that runs of a complex
script (in one font) become one unit per HarfBuzz cluster, so that no line is broken inside a
cluster and widths are the shaped ones. Bidirectional levels are resolved over the whole
paragraph, the units are broken into lines by ``linebreak.break_lines`` in logical order, and
each line is then put in visual order. A word (a run of units in one font on a line) that holds
shaped units carries their glyphs as a ``ShapedStr``, which ReportLab draws glyph by glyph.

ReportLab builds the two halves of a paragraph split across pages from the drawn words; each word
therefore remembers its units in logical order and the paragraph is rebuilt from them before it is
broken again.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr

from jianfu.reports import bidi
from jianfu.reports.linebreak import COMPLEX_SCRIPT, break_lines
from jianfu.reports.shaping import Cluster, in_run, shapable, shape

# A plain character inside a shaped word: drawn with its own advance, no offset.
_PLAIN = ShapeData(0x7FFFFFFF, 0, 0, 0, 0, 0)
_MEMORY = ("_jf_units", "_jf_drawn", "_jf_line_end")


class ShapedUnit(str):
    """A shaped cluster in the place of a ``cjkU``: its text, frag, width and glyphs."""

    frag: Any
    width: float
    glyphs: ShapedStr

    def __new__(cls, cluster: Cluster, frag: Any) -> ShapedUnit:
        self = super().__new__(cls, cluster.text)
        self.frag = frag
        self.width = cluster.width
        self.glyphs = cluster.glyphs
        return self


def shaped_frag_split(frags: Any, max_widths: Any, calc_bounds: Any, encoding: str = "utf8") -> Any:
    from reportlab.platypus.paragraph import ParaLines, makeCJKParaLine

    units: list[Any] = []
    for frag in _logical_frags(frags):
        units.extend(_units(frag, encoding))
    if not isinstance(max_widths, (list, tuple)):
        max_widths = [max_widths]
    widths = []
    for unit in units:
        width = unit.width
        if hasattr(width, "normalizedValue"):
            width._normalizer = max_widths[0]
            width = width.normalizedValue(max_widths[0])
        widths.append(width)
    hard = [hasattr(u.frag, "lineBreak") for u in units]
    _, levels = bidi.paragraph_levels([bidi.char_class(str(u)) for u in units])
    lines = []
    for index, (start, end, used) in enumerate(break_lines([str(u) for u in units], widths, max_widths, hard)):
        measure = max_widths[min(index, len(max_widths) - 1)]
        line_break = end > start and hard[end - 1]
        order = [start + i for i in bidi.visual_order(levels[start:end])]
        visual = [units[i] for i in order]
        line = makeCJKParaLine(visual, measure, used, measure - used, line_break, calc_bounds)
        _draw_words(line, visual, order, levels, end - 1)
        lines.append(line)
    return ParaLines(kind=1, lines=lines)


def _units(frag: Any, encoding: str) -> list[Any]:
    from reportlab.platypus.paragraph import cjkU

    text = frag.text
    if isinstance(text, bytes):
        text = text.decode(encoding)
    if not text:
        return [cjkU(text, frag, encoding)]
    can_shape = not hasattr(frag, "cbDefn") and shapable(frag.fontName)
    units: list[Any] = []
    i = 0
    while i < len(text):
        if can_shape and COMPLEX_SCRIPT.match(text[i]):
            end = i + 1
            while end < len(text) and in_run(text[end]):
                end += 1
            units.extend(ShapedUnit(c, frag) for c in shape(text[i:end], frag.fontName, frag.fontSize))
            i = end
        else:
            units.append(cjkU(text[i], frag, encoding))
            i += 1
    return units


def _draw_words(line: Any, visual: list[Any], order: list[int], levels: list[int], line_end: int) -> None:
    """Give each word of a line built by ``makeCJKParaLine`` the text it is drawn with."""
    from reportlab.lib.rl_accel import sameFrag
    from reportlab.platypus.paragraph import FragLine

    groups: list[list[int]] = []
    first: Any = FragLine()
    for position, unit in enumerate(visual):  # makeCJKParaLine's grouping, repeated
        if not sameFrag(first, unit.frag):
            groups.append([])
            first = unit.frag
        groups[-1].append(position)
    if len(groups) != len(line.words):
        raise AssertionError("a line's words do not match its units")
    for word, group in zip(line.words, groups, strict=True):
        pieces: list[str] = []
        data: list[ShapeData] = []
        shaped = False
        for position in group:
            unit = visual[position]
            if isinstance(unit, ShapedUnit):
                pieces.append(str(unit.glyphs))
                data.extend(unit.glyphs.__shapeData__)
                shaped = True
            else:
                text = bidi.mirrored(str(unit)) if levels[order[position]] % 2 else str(unit)
                pieces.append(text)
                data.extend([_PLAIN] * len(text))
        drawn = "".join(pieces)
        word.text = ShapedStr(drawn, shapeData=data) if shaped else drawn
        word._jf_units = [(order[position], str(visual[position])) for position in group]
        word._jf_drawn = drawn
        word._jf_line_end = line_end


def _logical_frags(frags: Any) -> Any:
    """Frags in logical order again, when they are the drawn words of lines made here."""
    items: list[tuple[float, str, Any]] = []
    for frag in frags:
        units = getattr(frag, "_jf_units", None)
        if units is None:
            return frags  # not ours: nothing was reordered
        items.extend((index, text, frag) for index, text in units)
        text = str(frag.text)
        if text != frag._jf_drawn and text.endswith(" "):  # ReportLab marks a split line's end
            items.append((frag._jf_line_end + 0.5, " ", frag))
    items.sort(key=lambda item: item[0])
    grouped: list[tuple[Any, list[str]]] = []
    for _, text, frag in items:
        if grouped and grouped[-1][0] is frag:
            grouped[-1][1].append(text)
        else:
            grouped.append((frag, [text]))
    result = []
    for frag, texts in grouped:
        clone = frag.clone()
        clone.text = "".join(texts)
        for name in _MEMORY:
            clone.__dict__.pop(name, None)
        result.append(clone)
    return result
