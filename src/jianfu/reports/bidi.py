"""The Unicode bidirectional algorithm (UAX #9), the part our documents need.

Right-to-left text (Uyghur, Kazakh and Arabic in the Arabic script, Hebrew) appears inside Chinese
sentences: a name, a department. Levels are resolved once per paragraph (rules W1–W7, N1–N2,
I1–I2) and each line is reordered on its own (L1–L2, L4 mirroring). Explicit embeddings and
isolates are not supported: the markup step drops those control characters, as it drops every
other format character. The paragraph is left-to-right whenever it holds any left-to-right letter
(a Chinese document keeps its direction even when a sentence opens with a Uyghur name); only
text with no such letter at all (a cell holding just a name) takes its direction from its first
letter (P2–P3).

One tailoring (a higher-level protocol, UAX #9 HL3): in a left-to-right paragraph each stretch of
right-to-left text — from its first right-to-left letter to its last, with no left-to-right
letter between — is resolved as if it were isolated (as HTML's <bdi> isolates a name typed by a
user). Without it "柳河镇（ئۈرۈمچى）2026年" prints as "柳河镇（2026（ئۈرۈمچى年": the rules make
the year an Arabic number and the bracket right-to-left, because they follow an Arabic letter.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

_STRONG_RTL = frozenset(("R", "AL"))
_NEUTRAL = frozenset(("B", "S", "WS", "ON", "BN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"))
# L4: a bracket on a right-to-left level is drawn as its mirror image.
_MIRROR = dict(zip("()[]{}<>«»‹›（）《》〈〉「」『』【】〔〕", ")(][}{><»«›‹）（》《〉〈」「』『】【〕〔", strict=True))


def char_class(text: str) -> str:
    """The bidirectional class of a unit (a character, or a shaped cluster: its first base)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind != "NSM":
            return kind or "L"
    return "NSM" if text else "ON"


def paragraph_levels(classes: Sequence[str]) -> tuple[int, list[int]]:
    """(paragraph level, embedding level of each unit) for units of these classes."""
    if "L" not in classes:
        first = next((c for c in classes if c in ("L", "R", "AL")), "L")
        base = 1 if first in _STRONG_RTL else 0
        return base, _resolve(list(classes), base)
    islands = _rtl_stretches(classes)
    outer = list(classes)
    for start, end in islands:
        outer[start:end] = ["ON"] * (end - start)  # an isolate is a neutral to its surroundings
    levels = _resolve(outer, 0)
    for start, end in islands:
        levels[start:end] = _resolve(list(classes[start:end]), 1)
    return 0, levels


def _rtl_stretches(classes: Sequence[str]) -> list[tuple[int, int]]:
    stretches = []
    start: int | None = None
    last = 0
    for i, kind in enumerate(classes):
        if kind in _STRONG_RTL:
            if start is None:
                start = i
            last = i
        elif kind == "L" and start is not None:
            stretches.append((start, last + 1))
            start = None
    if start is not None:
        stretches.append((start, last + 1))
    return stretches


def _resolve(types: list[str], base: int) -> list[int]:
    """Rules W1–W7, N1–N2 and I1–I2 over one sequence at paragraph level ``base``."""
    sos = "R" if base else "L"
    count = len(types)
    # W1: a mark takes the type of what it marks.
    previous = sos
    for i, kind in enumerate(types):
        if kind == "NSM":
            types[i] = previous
        previous = types[i]
    # W2 and W3: European digits after Arabic letters are Arabic numbers; AL is R.
    last_strong = sos
    for i, kind in enumerate(types):
        if kind in ("L", "R", "AL"):
            last_strong = kind
        elif kind == "EN" and last_strong == "AL":
            types[i] = "AN"
    types = ["R" if kind == "AL" else kind for kind in types]
    # W4: one separator between two numbers of the same kind joins them.
    for i in range(1, count - 1):
        before, kind, after = types[i - 1], types[i], types[i + 1]
        if kind == "ES" and before == after == "EN":
            types[i] = "EN"
        elif kind == "CS" and before == after and before in ("EN", "AN"):
            types[i] = before
    # W5: terminators (%, currency) next to European numbers belong to them.
    i = 0
    while i < count:
        if types[i] != "ET":
            i += 1
            continue
        end = i
        while end < count and types[end] == "ET":
            end += 1
        if (i > 0 and types[i - 1] == "EN") or (end < count and types[end] == "EN"):
            types[i:end] = ["EN"] * (end - i)
        i = end
    # W6 and W7: other separators are neutral; European numbers after L are L.
    types = ["ON" if kind in ("ES", "ET", "CS") else kind for kind in types]
    last_strong = sos
    for i, kind in enumerate(types):
        if kind in ("L", "R"):
            last_strong = kind
        elif kind == "EN" and last_strong == "L":
            types[i] = "L"
    # N1 and N2: neutrals between two runs of one direction take it; others the paragraph's.
    i = 0
    while i < count:
        if types[i] not in _NEUTRAL:
            i += 1
            continue
        end = i
        while end < count and types[end] in _NEUTRAL:
            end += 1
        before = _direction(types[i - 1]) if i > 0 else sos
        after = _direction(types[end]) if end < count else sos
        types[i:end] = [before if before == after else sos] * (end - i)
        i = end
    # I1 and I2.
    levels: list[int] = []
    for kind in types:
        if base == 0:
            levels.append(1 if kind == "R" else 2 if kind in ("AN", "EN") else 0)
        else:
            levels.append(2 if kind in ("L", "AN", "EN") else 1)
    return levels


def _direction(kind: str) -> str:
    return "R" if kind in ("R", "AN", "EN") else "L"


def visual_order(levels: Sequence[int]) -> list[int]:
    """L2: indices of one line's units, left to right as drawn."""
    order = list(range(len(levels)))
    if not levels:
        return order
    highest = max(levels)
    lowest_odd = min((level for level in levels if level % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] < level:
                i += 1
                continue
            end = i
            while end < len(order) and levels[order[end]] >= level:
                end += 1
            order[i:end] = reversed(order[i:end])
            i = end
    return order


def mirrored(text: str) -> str:
    """L4: the text of a unit drawn on a right-to-left level."""
    return "".join(_MIRROR.get(char, char) for char in text)
