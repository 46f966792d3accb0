"""Chinese wording: joining clauses without doubled punctuation ("请改正其中一项。；").

Numbers in Chinese text, on screen (the .ts translations, and Chinese formatted in code) as in
print: no space between a Chinese character and an Arabic numeral or a Chinese name, as official
documents (公文) write them — "共43题", "平均47.8分", "第2行", "删除柳河镇待确认的文件". A space stays
around Latin text (file paths, key fingerprints, ".jianfu") and between two values set side by
side in a table cell ("43.8 较重"). ``reports.text.official_spacing`` applies the same rule to
what users type into printed documents; tests/unit/ui/test_number_spacing.py checks every
translation against it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

CLAUSE_ENDS = "。；，"


def join_clauses(clauses: Iterable[str], separator: str = "；") -> str:
    """Clauses joined by ``separator``, each without its own closing "。": the caller ends the
    whole (a sentence end followed by a separator reads as a typo)."""
    return separator.join(text for c in clauses if (text := c.strip().rstrip(CLAUSE_ENDS)))


# A space between a Chinese character and an Arabic numeral (either order), as users type it.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_SPACED_NUMERAL = re.compile(rf"(?<=[{_CJK}]) +(?=[0-9])|(?<=[0-9%]) +(?=[{_CJK}])")


def official_spacing(text: str) -> str:
    """``text`` without spaces between Chinese characters and Arabic numerals ("共43题")."""
    return _SPACED_NUMERAL.sub("", text)
