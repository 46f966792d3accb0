"""Complex scripts print shaped: the glyphs in the PDF are HarfBuzz's, in visual order.

Names in Uyghur (Arabic script, right to left), Arabic, Hebrew, Tibetan and Mongolian inside
Chinese sentences. The reference is HarfBuzz run on the bundled font file itself; the glyphs drawn
are read back from the PDF (the embedded subset's outlines), not from our code.
"""

from __future__ import annotations

import io
import re
import unicodedata
from typing import Any

import pytest
import uharfbuzz as hb
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from helpers.truetype import Fingerprint, TrueType, drawn_glyphs
from jianfu.reports import bidi
from jianfu.reports.fonts import FontSet, register_fonts
from jianfu.reports.text import markup

# script -> (name, what shaping must do to it)
NAMES = {
    "维吾尔文": ("ئابدۇرېھىم ئەمەت", "contextual forms, right to left"),
    "阿拉伯文": ("محمد علي", "contextual forms, right to left"),
    "希伯来文": ("משה לוי", "right to left"),
    "藏文": ("བཀྲ་ཤིས་བསྟན་འཛིན", "stacked subjoined consonants, vowel marks on their base"),
    "蒙古文": ("ᠪᠠᠲᠤ ᠮᠥᠩᠬᠡ", "joined initial, medial and final forms"),
}
SENTENCE = "柳河镇党委书记{name}同志（2027年3月1日到任）参加会议。"


def font_face(fonts: FontSet, text: str) -> str:
    faces = set(re.findall(r'<font face="([^"]+)">', markup(text, fonts, fonts.body)))
    assert len(faces) == 1, faces
    return faces.pop()


def build(paragraphs: list[str], width: float | None = None) -> bytes:
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from jianfu.reports.document import make_styles

    fonts = register_fonts()
    style = make_styles(fonts).body
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer)
    if width is not None:
        doc.rightMargin = doc.pagesize[0] - doc.leftMargin - width
    doc.build([Paragraph(markup(p, fonts, style.fontName), style) for p in paragraphs])
    return buffer.getvalue()


def reference(path: str, text: str) -> tuple[list[int], list[int]]:
    """HarfBuzz's glyphs for ``text`` (visual order) and the unshaped ones (the cmap, logical)."""
    blob = hb.Blob.from_file_path(path)
    font = hb.Font(hb.Face(blob))
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    hb.shape(font, buffer, {"kern": True, "liga": True})
    shaped = [info.codepoint for info in buffer.glyph_infos]
    nominal = [font.get_nominal_glyph(ord(c)) or 0 for c in text]
    return shaped, nominal


def contains(haystack: list[Fingerprint], needle: list[Fingerprint]) -> bool:
    return any(haystack[i : i + len(needle)] == needle for i in range(len(haystack) - len(needle) + 1))


@pytest.mark.parametrize("script", NAMES)
def test_a_name_in_a_sentence_is_drawn_with_the_shaped_glyphs(script: str) -> None:
    fonts = register_fonts()
    name, _ = NAMES[script]
    pdf = build([SENTENCE.format(name=name)])
    face = font_face(fonts, name)
    path = fonts.sources[face]
    original = TrueType.from_file(path)
    drawn = drawn_glyphs(pdf, face.removeprefix("JF-"))
    # Words are shaped one by one (the space between them is the body font's); in a
    # right-to-left name the second word is drawn left of the first.
    words = name.split(" ")
    if bidi.char_class(name) in ("R", "AL"):
        words.reverse()
    for word in words:
        shaped, nominal = reference(path, word)
        expected = [original.fingerprint(g) for g in shaped]
        assert expected != [original.fingerprint(g) for g in nominal], (script, word)  # shaping matters here
        assert contains(drawn, expected), (script, word)
    assert len(drawn) == sum(len(reference(path, w)[0]) for w in words)  # nothing else, nothing twice


def test_what_shaping_does_per_script_is_in_the_reference() -> None:
    """The reference glyphs are really contextual, stacked and joined forms (not the cmap's)."""
    fonts = register_fonts()
    for script, (name, _) in NAMES.items():
        path = fonts.sources[font_face(fonts, name)]
        word = name.split(" ")[0]
        shaped, nominal = reference(path, word)
        if script == "希伯来文":  # no contextual forms: the same glyphs, right to left
            assert shaped == nominal[::-1]
        elif script in ("维吾尔文", "阿拉伯文"):  # joined forms instead of isolated ones, right to left
            assert len(set(shaped) - set(nominal)) >= len(word) - 2
        else:  # Tibetan stacks and Mongolian joining use glyphs that no character maps to
            assert set(shaped) - set(nominal)


def test_chinese_text_around_the_names_extracts_unchanged() -> None:
    shaped_scripts = re.compile(r"[\s\u200b\u0590-\u08ff\u0f00-\u0fff\u1800-\u18af]")
    for name, _ in NAMES.values():
        sentence = SENTENCE.format(name=name)
        pdf = build([sentence])
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
        assert shaped_scripts.sub("", text) == sentence.replace(name, ""), name


def test_shaped_text_extracts_as_its_letters() -> None:
    """Contextual forms and stacks are drawn with codes of our own; the ToUnicode map gives the
    letters back (right-to-left words come out in visual order, as PDF text does)."""
    pdf = build([SENTENCE.format(name=name) for name, _ in NAMES.values()])
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    for name, _ in NAMES.values():
        for word in name.split(" "):
            letters = unicodedata.normalize("NFC", word)
            assert (
                letters in text
                or letters[::-1] in text
                or sorted(letters) == sorted(c for c in text if c in letters)[: len(letters)]
            )


def logical(line: Any) -> str:
    """A line's text in logical order, from the units its words were drawn from."""
    return "".join(text for _, text in sorted(unit for word in line.words for unit in word._jf_units))


def units_by_line(paragraph: Any) -> list[str]:
    return [logical(line) for line in paragraph.blPara.lines]


def test_lines_break_between_words_never_inside_one() -> None:
    from reportlab.platypus import Paragraph

    from jianfu.reports.document import make_styles

    fonts = register_fonts()
    style = make_styles(fonts).body
    name = "ئابدۇرېھىم ئەمەت"
    text = "名单：" + "，".join([name] * 12) + "。"
    paragraph = Paragraph(markup(text, fonts, style.fontName), style)
    paragraph.wrap(300, 10_000)
    lines = units_by_line(paragraph)
    assert len(lines) > 3
    for line in lines:  # every line holds whole words only
        assert set(re.split(r"[ ，。：]", line)) <= {"名单", "ئابدۇرېھىم", "ئەمەت", ""}, line
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in paragraph.blPara.lines:
        assert line.currentWidth <= 300 + 1e-6


def test_tibetan_breaks_after_the_syllable_mark() -> None:
    from reportlab.platypus import Paragraph

    from jianfu.reports.document import make_styles

    fonts = register_fonts()
    style = make_styles(fonts).cell
    text = "བཀྲ་ཤིས་བསྟན་འཛིན་" * 8
    paragraph = Paragraph(markup(text, fonts, style.fontName), style)
    paragraph.wrap(120, 10_000)
    lines = units_by_line(paragraph)
    assert len(lines) > 2
    assert all(line.endswith("་") for line in lines[:-1]), lines
    assert "".join(lines) == text


def test_a_paragraph_split_across_pages_keeps_its_text_in_order() -> None:
    from reportlab.platypus import Paragraph

    from jianfu.reports.document import make_styles
    from jianfu.reports.shaped_lines import shaped_frag_split

    fonts = register_fonts()
    style = make_styles(fonts).body
    text = "".join(f"第{n}位：ئابدۇرېھىم ئەمەت，" for n in range(20))
    paragraph = Paragraph(markup(text, fonts, style.fontName), style)
    paragraph.wrap(400, 10_000)
    first, second = paragraph.split(400, 3 * style.leading)
    rebuilt = []
    for part in (first, second):
        assert all(getattr(frag, "_jf_units", None) for frag in part.frags)  # the drawn words
        # Broken again at another width (a landscape page): from the logical text, not the drawn.
        lines = shaped_frag_split(part.frags, [250], False)
        rebuilt.append("".join(logical(line) for line in lines.lines))
    assert "".join(rebuilt).replace(" ", "") == text.replace(" ", "")


@pytest.mark.parametrize(
    ("text", "visual"),
    [
        ("abc", "abc"),
        ("汉אבג字", "汉גבא字"),
        ("汉אב גד字", "汉דג בא字"),  # the space between two right-to-left words is right-to-left
        ("汉אב 12字", "汉בא 12字"),  # a right-to-left name is isolated: the number after it is Chinese text
        ("汉（אב）2026年", "汉（בא）2026年"),
        ("汉אב 12 גד字", "汉דג 12 בא字"),  # a number inside a right-to-left stretch belongs to it
        ("汉(אב)字", "汉(בא)字"),  # brackets outside the name keep their direction
        ("אב(גד)", "(דג)בא"),  # ... inside a right-to-left paragraph they are mirrored
    ],
)
def test_bidi_visual_order(text: str, visual: str) -> None:
    _, levels = bidi.paragraph_levels([bidi.char_class(c) for c in text])
    order = bidi.visual_order(levels)
    assert "".join(bidi.mirrored(text[i]) if levels[i] % 2 else text[i] for i in order) == visual


def test_a_name_alone_in_a_cell_is_shaped_too() -> None:
    """A paragraph in one font takes ReportLab's single-font path; ours shapes it."""
    fonts = register_fonts()
    name = NAMES["维吾尔文"][0]
    face = font_face(fonts, name)
    path = fonts.sources[face]
    original = TrueType.from_file(path)
    drawn = drawn_glyphs(build([name]), face.removeprefix("JF-"))
    expected = [original.fingerprint(g) for word in reversed(name.split(" ")) for g in reference(path, word)[0]]
    assert drawn == expected


WORDS = st.sampled_from(
    ["ئابدۇرېھىم", "ئەمەت", "محمد", "משה", "བཀྲ་ཤིས་", "ᠪᠠᠲᠤ", "柳河镇", "（一）", "2027年", "，", "。", " "]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=40).map("".join), st.integers(min_value=60, max_value=400))
def test_mixed_text_keeps_every_character_and_its_measure(text: str, width: int) -> None:
    from reportlab.platypus import Paragraph

    from jianfu.reports.document import make_styles

    fonts = register_fonts()
    style = make_styles(fonts).cell
    paragraph = Paragraph(markup(text, fonts, style.fontName), style)
    paragraph.wrap(width, 100_000)
    lines = paragraph.blPara.lines
    if not lines or isinstance(lines[0], tuple):  # no shaped script in this text: the plain path
        return
    assert "".join(logical(line) for line in lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        assert line.currentWidth <= width + 1e-6 or len(line.words) == 1


def test_county_summary_and_department_notice_draw_shaped_names(tmp_path) -> None:
    """Every PDF we make goes through the same breaker: a Uyghur township in the county summary,
    a Tibetan township and a Mongolian department in a notice."""
    from test_county_documents import escalation, row, summary

    from jianfu.reports.county import write_county_pdf
    from jianfu.reports.notices import DepartmentNotice, TaskLine, write_notice_pdf

    fonts = register_fonts()
    uyghur, tibetan, mongolian = "ئۈرۈمچى", "བཀྲ་ཤིས་", "ᠪᠠᠲᠤ"
    county = io.BytesIO()
    rows = [row(1, uyghur, 60.0), row(2, "桃源乡", 20.0)]
    write_county_pdf(summary(rows, {"县民政局": [escalation(uyghur, "县民政局")]}), county)
    tasks = [TaskLine("月报", "每月", {tibetan}, 12.0)]
    requests = [("多头报送", [tibetan], "请统一报送口径")]
    notice = DepartmentNotice(f"县{mongolian}局", "云溪县", "2026年第四季度", 1, 12.0, [], tasks, requests)
    notice_pdf = tmp_path / "notice.pdf"
    write_notice_pdf(notice, notice_pdf)
    documents = [(county.getvalue(), uyghur), (notice_pdf.read_bytes(), tibetan), (notice_pdf.read_bytes(), mongolian)]
    for pdf, name in documents:
        face = font_face(fonts, name)
        path = fonts.sources[face]
        original = TrueType.from_file(path)
        expected = [original.fingerprint(g) for g in reference(path, name)[0]]
        assert contains(drawn_glyphs(pdf, face.removeprefix("JF-")), expected), name
