"""Chinese line breaking: no line starts with closing punctuation, nothing is wider than its measure."""

from __future__ import annotations

import io
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from jianfu.reports.linebreak import CANNOT_END, CANNOT_START, break_lines

HAN = st.sampled_from("整改方案乡镇干部工作群应用报表打卡台账留痕数据县级部门督办")
CLOSING = st.sampled_from("，。、；：？！）》”’」』】…")
OPENING = st.sampled_from("（《“‘「『【")
LATIN = st.sampled_from(["App", "2027", "73.9", "WeChat", "v2.3", "OA", "12%"])
# Tokens of real text: a character with the marks that follow it, an opening mark with the
# character it opens, a Latin word or number. Every token boundary is a place a line may break,
# so a line of seven characters always has one and the rules below must hold without exception.
PIECE = st.one_of(
    HAN,
    st.tuples(HAN, st.lists(CLOSING, min_size=1, max_size=2).map("".join)).map("".join),
    st.tuples(OPENING, HAN).map("".join),
    st.tuples(OPENING, HAN, HAN, CLOSING, CLOSING).map("".join),
    LATIN,
    st.tuples(st.just(" "), HAN).map("".join),
)
TEXT = st.lists(PIECE, min_size=1, max_size=200).map("".join)


def lines_of(paragraph: object) -> list[tuple[str, float]]:
    """(text, width used) of each line ReportLab laid out."""
    result = []
    for line in paragraph.blPara.lines:  # type: ignore[attr-defined]
        if isinstance(line, tuple):
            extra, words = line
            result.append(("".join(words), paragraph.width - extra))  # type: ignore[attr-defined]
        else:
            result.append(("".join(w.text for w in line.words), line.currentWidth))
    return result


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@settings(max_examples=150, deadline=None)
@given(text=TEXT, columns=st.integers(7, 30), mixed=st.booleans())
def test_no_line_starts_with_closing_punctuation_or_overflows(text: str, columns: int, mixed: bool) -> None:
    from reportlab.platypus import Paragraph

    from jianfu.reports.document import make_styles
    from jianfu.reports.fonts import SYMBOLS, register_fonts
    from jianfu.reports.text import markup

    fonts = register_fonts()
    style = make_styles(fonts).cell
    body = markup(text, fonts, style.fontName)
    if mixed:  # several fonts in one paragraph take ReportLab's other line breaker
        body += f'<font face="{SYMBOLS}">☎</font>'
        text += "☎"
    width = columns * style.fontSize + 0.5
    paragraph = Paragraph(body, style)
    paragraph.wrap(width, 100_000)
    lines = lines_of(paragraph)
    assert squeeze("".join(t for t, _ in lines)) == squeeze(text)  # nothing lost or reordered
    for index, (line, used) in enumerate(lines):
        assert used <= width + 0.01, (line, used, width)
        stripped = line.strip()
        if index and stripped:
            assert stripped[0] not in CANNOT_START, (index, line, lines)
            previous = lines[index - 1][0].strip()
            assert not previous or previous[-1] not in CANNOT_END, (index, previous, lines)


def test_break_moves_back_over_a_run_of_closing_marks() -> None:
    chars = "一二三四五六（七）。”"
    lines = break_lines(chars, [10.0] * len(chars), [90.0])
    texts = [chars[s:e] for s, e, _ in lines]
    # No line may start with "。", "）" or "”", nor end with "（": the break moves back 3.
    assert texts == ["一二三四五六", "（七）。”"]
    assert [used for _, _, used in lines] == [60.0, 50.0]


def test_latin_words_and_numbers_stay_whole() -> None:
    chars = "截至2027年3月1日"
    lines = break_lines(chars, [10.0] * len(chars), [45.0])
    texts = [chars[s:e] for s, e, _ in lines]
    assert "2027" in texts[1] and all(t[-3:] != "202" for t in texts)


def test_sample_plan_pdf_has_no_line_starting_with_closing_mark(library) -> None:
    from jianfu.exchange.demo import sample_township_assessment
    from jianfu.reports.rectification import build_rectification_pdf

    assessment, result = sample_township_assessment(library)
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    buffer = io.BytesIO()
    build_rectification_pdf(assessment, checklist, result, buffer)
    for page in PdfReader(io.BytesIO(buffer.getvalue())).pages:
        for line in page.extract_text().splitlines():
            assert not line.strip() or line.strip()[0] not in CANNOT_START - {"—"}, line
