"""User text to ReportLab paragraph markup that prints exactly as typed.

ReportLab parses paragraph text as markup: ``A<B & "x"`` raises and ``<font color=red>`` typed by
a user would be applied. Everything is escaped; line breaks are kept; control characters are
dropped; characters the style's font lacks are drawn with the bundled or the symbol font, and
a character no font has becomes "□" rather than vanishing.
"""

from __future__ import annotations

import unicodedata
from xml.sax.saxutils import escape

from jianfu.core.wording import official_spacing as official_spacing  # re-exported: its home is core
from jianfu.reports.fonts import BUNDLED, FontSet

MISSING = "□"
IDEOGRAPHIC_SPACE = "\u3000"
NBSP = "\u00a0"
# Joiners, variation selectors and emoji skin-tone modifiers: they modify the character before
# them and have no glyph of their own in our fonts.
_INVISIBLE = {0x200D, 0xFE0E, 0xFE0F, *range(0x1F3FB, 0x1F400)}
# Characters that change how the letters around them are shaped (see shaping.py): zero-width
# (non-)joiners, Mongolian variation selectors and vowel separator, the narrow no-break space
# before Mongolian suffixes, the combining grapheme joiner.
SHAPING_JOINERS = frozenset("\u200c\u200d\u180b\u180c\u180d\u180e\u180f\u202f\u034f")


def markup(text: str, fonts: FontSet, primary: str) -> str:
    if IDEOGRAPHIC_SPACE in text:
        text = text.replace(IDEOGRAPHIC_SPACE, _wide_space(primary))
    if not set(map(ord, text)) - fonts.coverage.get(primary, frozenset()):
        return escape(text)  # the common case: every character drawable, no line breaks
    pieces: list[str] = []
    run_font = primary
    run: list[str] = []

    def flush() -> None:
        if not run:
            return
        chunk = escape("".join(run)).replace("\n", "<br/>")
        pieces.append(chunk if run_font == primary else f'<font face="{run_font}">{chunk}</font>')
        run.clear()

    for char in text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    "):
        code = ord(char)
        if char == "\n":
            font = run_font
        elif char in SHAPING_JOINERS and run_font != primary and fonts.covers(run_font, code):
            font = run_font  # a joiner inside a word of a shaped script stays with the word
        elif code in _INVISIBLE or unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            continue
        else:
            found = _font_for(code, fonts, primary)
            if found is None:
                char = MISSING
                found = primary if fonts.covers(primary, ord(MISSING)) else BUNDLED
            font = found
        if font != run_font:
            flush()
            run_font = font
        run.append(char)
    flush()
    return "".join(pieces)


def _font_for(code: int, fonts: FontSet, primary: str) -> str | None:
    for font in (primary, *fonts.fallbacks):
        if fonts.covers(font, code):
            return font
    return None


def _wide_space(font: str) -> str:
    """ReportLab collapses a run of U+3000 ("　　年　　月") into one narrow space, so blanks
    meant for writing vanish; no-break spaces of the same total width are kept."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    nbsp = stringWidth(NBSP, font, 10)
    return NBSP * max(1, round(stringWidth(IDEOGRAPHIC_SPACE, font, 10) / nbsp)) if nbsp else IDEOGRAPHIC_SPACE
