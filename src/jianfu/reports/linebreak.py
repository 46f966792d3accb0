"""Line breaking for Chinese text (GB/T 15834 and the usual 排版 rules), for ReportLab.

ReportLab's CJK breaker cuts "like a knife" and lets one closing mark hang into the margin; the
second mark of "）。" then starts the next line, and the hanging one is drawn over the margin or a
cell rule. Here the break moves back instead (推入 is never needed, 推出 always fits): a line never
starts with a closing mark, never ends with an opening mark, keeps a Latin word or a number whole
when it can, and is never wider than its measure. ``install()`` makes both ReportLab breakers
(one-font paragraphs and mixed-font paragraphs) use it. A paragraph holding a script that must be
shaped (Arabic-script Uyghur, Hebrew, Tibetan, Mongolian) is laid out by ``shaped_lines`` with the
same ``break_lines``; every other paragraph is untouched by it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

# Marks that must not start a line: closing brackets and quotes, sentence and clause marks,
# the ellipsis and the second half of a dash, and their half-width forms; Tibetan tsheg and shad.
CANNOT_START = frozenset("，。、；：？！）》〉」』】〕〗〙｝”’…—～·％‰℃,.;:?!)]}%>・〜｠ｰ゛゜\u0f0b\u0f0d\u0f0e\u0f14")
# Marks that must not end a line: opening brackets and quotes.
CANNOT_END = frozenset("（《〈「『【〔〖〘｛“‘([{<｟")
_FUZZ = 1e-6
# Scripts that are shaped (see shaping.py): Hebrew, Arabic, Syriac, Thaana, N'Ko, Tibetan,
# Mongolian and the Hebrew and Arabic presentation forms. Their words stay whole on a line, like
# Latin words; Tibetan breaks after its syllable mark (tsheg) and shad, which are not letters.
COMPLEX_SCRIPT = re.compile(r"[\u0590-\u08ff\u0f00-\u0fff\u1800-\u18af\ufb1d-\ufdff\ufe70-\ufefe\U00011660-\U0001167f]")
TIBETAN_BREAKS = frozenset("\u0f0b\u0f0d\u0f0e\u0f14")


def _is_word(char: str) -> bool:
    """Latin letters and digits (and the marks inside numbers) stay together on one line, and
    so do the letters of a shaped script (a unit here may be a shaped cluster of characters)."""
    if len(char) == 1 and char.isascii():
        return char.isalnum() or char in "._-/:%"
    first = char[:1]
    if not ("\u0590" <= first <= "\u18af" or "\ufb1d" <= first <= "\ufefe" or first >= "\U00011660"):
        return False  # Chinese, the common case: two comparisons
    return COMPLEX_SCRIPT.match(first) is not None and first not in TIBETAN_BREAKS


def break_lines(
    chars: Sequence[str],
    widths: Sequence[float],
    max_widths: Sequence[float],
    hard: Sequence[bool] | None = None,
) -> list[tuple[int, int, float]]:
    """Lines as (start, end, width used) over ``chars``; ``hard[i]`` ends a line after i."""
    total = len(chars)
    lines: list[tuple[int, int, float]] = []
    start = 0
    while start < total:
        measure = max_widths[min(len(lines), len(max_widths) - 1)]
        used = 0.0
        end = start
        forced = False
        while end < total:
            if used + widths[end] > measure + _FUZZ and end > start:
                break
            used += widths[end]
            end += 1
            if hard is not None and hard[end - 1]:
                forced = True
                break
        if not forced and end < total:
            end = _good_break(chars, start, end)
        width = sum(widths[start:end])
        while end - 1 > start and chars[end - 1] == " ":  # a trailing space takes no room
            width -= widths[end - 1]
            end -= 1
        lines.append((start, end, width))
        start = end
        if not forced:
            while start < total and chars[start] == " ":
                start += 1
    return lines


def _good_break(chars: Sequence[str], start: int, end: int) -> int:
    """The latest break at or before ``end`` that the rules allow; the knife cut if none does."""

    total = len(chars)

    def allowed(at: int, words: bool) -> bool:
        after_at = at  # spaces at a break are dropped: look past them
        while after_at < total and chars[after_at] == " ":
            after_at += 1
        before_at = at - 1
        while before_at > start and chars[before_at] == " ":
            before_at -= 1
        after = chars[after_at] if after_at < total else ""
        before = chars[before_at]
        if after in CANNOT_START or before in CANNOT_END:
            return False
        return not (words and _is_word(chars[at - 1]) and _is_word(chars[at]))

    half = start + max(1, (end - start) // 2)
    for at in range(end, start, -1):  # punctuation and whole words, within half a line
        if at < half:
            break
        if allowed(at, words=True):
            return at
    for at in range(end, start, -1):  # punctuation only: a long word is cut
        if allowed(at, words=False):
            return at
    return end


# ------------------------------------------------------------------------------ ReportLab


def _dumb_split(word: str, widths: Sequence[float], max_widths: Any) -> list[list[Any]]:
    """Replaces ``reportlab.lib.textsplit.dumbSplit`` (paragraphs in one font)."""
    if not isinstance(max_widths, (list, tuple)):
        max_widths = [max_widths]
    result: list[list[Any]] = []
    for index, (start, end, used) in enumerate(break_lines(word, widths, max_widths)):
        measure = max_widths[min(index, len(max_widths) - 1)]
        result.append([measure - used, word[start:end]])
    return result


def _cjk_frag_split(frags: Any, max_widths: Any, calc_bounds: Any, encoding: str = "utf8") -> Any:
    """Replaces ``reportlab.platypus.paragraph.cjkFragSplit`` (paragraphs with several fonts)."""
    from reportlab.platypus.paragraph import ParaLines, cjkU, makeCJKParaLine

    if needs_shaping(frags):
        from jianfu.reports.shaped_lines import shaped_frag_split

        return shaped_frag_split(frags, max_widths, calc_bounds, encoding)
    units: list[Any] = []
    for frag in frags:
        text = frag.text
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if text:
            units.extend(cjkU(t, frag, encoding) for t in text)
        else:
            units.append(cjkU(text, frag, encoding))
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
    lines = []
    for index, (start, end, used) in enumerate(break_lines([str(u) for u in units], widths, max_widths, hard)):
        measure = max_widths[min(index, len(max_widths) - 1)]
        line_break = end > start and hard[end - 1]
        lines.append(makeCJKParaLine(units[start:end], measure, used, measure - used, line_break, calc_bounds))
    return ParaLines(kind=1, lines=lines)


def needs_shaping(frags: Any) -> bool:
    """Whether a paragraph holds text in a shaped script (or lines already shaped and ordered)."""
    for frag in frags:
        attributes = getattr(frag, "__dict__", None) or {}  # no exception per missing attribute
        if attributes.get("_jf_units") is not None:
            return True
        text = attributes.get("text")
        if isinstance(text, str) and COMPLEX_SCRIPT.search(text):
            return True
    return False


def install() -> None:
    import reportlab.lib.textsplit as textsplit
    import reportlab.platypus.paragraph as paragraph

    textsplit.dumbSplit = _dumb_split
    paragraph.cjkFragSplit = _cjk_frag_split
    original = paragraph.Paragraph.breakLinesCJK
    if getattr(original, "_jianfu", False):
        return

    def break_lines_cjk(self: Any, max_widths: Any) -> Any:
        """A paragraph in one font takes ReportLab's single-font path, which cannot shape: one
        whose text needs shaping takes the mixed-font path (ours) instead."""
        frags = self.frags
        if (
            len(frags) == 1
            and needs_shaping(frags)  # first: it rules out nearly every paragraph, and quickly
            and not hasattr(frags[0], "cbDefn")
            and not self.style.endDots
            and not (hasattr(self, "blPara") and getattr(self, "_splitpara", False))
        ):
            if not isinstance(max_widths, (list, tuple)):
                max_widths = [max_widths]
            self.height = 0
            paragraph._handleBulletWidth(self.bulletText, self.style, max_widths)
            auto_leading = getattr(self, "autoLeading", getattr(self.style, "autoLeading", ""))
            return _cjk_frag_split(frags, max_widths, auto_leading not in ("", "off"))
        return original(self, max_widths)

    break_lines_cjk._jianfu = True  # type: ignore[attr-defined]
    paragraph.Paragraph.breakLinesCJK = break_lines_cjk
