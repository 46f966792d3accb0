"""Complex scripts shaped with HarfBuzz, for our line breaker.

Arabic-script Uyghur and Kazakh, Arabic, Hebrew, Tibetan and Mongolian need shaping: contextual
letter forms, ligatures, stacked consonants, marks placed on their base. A run of such characters
in one font is shaped here into clusters (the smallest pieces a line may be broken between), each
holding its glyphs in visual order with HarfBuzz's advances and offsets. The glyphs travel as a
ReportLab ``ShapedStr``: each glyph is a character of the font (its own character where the font
maps one to it, else a private-use code point added to the font's tables), and ReportLab's text
object draws a ``ShapedStr`` glyph by glyph with the offsets. The private-use codes are written
into the PDF's ToUnicode map as the characters they stand for, so the text still extracts.

Mongolian is set horizontally, left to right, joined: this is how Mongolian is printed inside
horizontal Chinese text (the vertical line turned 90° clockwise), and the Noto font's glyphs are
drawn for exactly that orientation.
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import uharfbuzz as hb
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr, TTFont

from jianfu.reports.fonts import PRIVATE_TEXT
from jianfu.reports.linebreak import COMPLEX_SCRIPT
from jianfu.reports.text import SHAPING_JOINERS

_FEATURES = {"kern": True, "liga": True}
_FIRST_PRIVATE = 0xF0000  # Supplementary Private Use Area-A: no font of ours maps it
_private_codes: dict[tuple[str, int, str], int] = {}
_private_lock = threading.Lock()  # documents are built off the UI thread, maybe two at once


@dataclass(frozen=True)
class Cluster:
    text: str  # the characters, in logical order
    glyphs: ShapedStr  # what is drawn, left to right
    width: float  # in points


def in_run(char: str) -> bool:
    """Whether a character belongs to a run that is shaped (given the run has begun)."""
    return COMPLEX_SCRIPT.match(char) is not None or char in SHAPING_JOINERS or _is_mark(char)


def _is_mark(char: str) -> bool:
    return unicodedata.category(char) in ("Mn", "Mc", "Me")


def shapable(font_name: str) -> bool:
    return isinstance(pdfmetrics.getFont(font_name), TTFont)


@lru_cache(maxsize=4096)
def shape(text: str, font_name: str, size: float) -> tuple[Cluster, ...]:
    """The clusters of one run (one font, one script), in logical order."""
    font = pdfmetrics.getFont(font_name)
    hb_font = _hb_font(font_name)
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    hb.shape(hb_font, buffer, _FEATURES)
    scale = 1000 / hb_font.face.upem
    groups: dict[int, list[tuple[int, ShapeData]]] = {}
    for info, position in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True):
        nominal = hb_font.get_glyph_h_advance(info.codepoint) * scale
        data = ShapeData(
            info.cluster,
            position.x_advance * scale,
            position.y_advance * scale,
            position.x_offset * scale,
            position.y_offset * scale,
            nominal,
        )
        groups.setdefault(info.cluster, []).append((info.codepoint, data))
    starts = sorted(groups)
    clusters = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        chunk = text[start:end]
        glyphs = groups[start]
        codes = _codes(font, font_name, [gid for gid, _ in glyphs], chunk)
        width = sum(data.x_advance for _, data in glyphs) * size / 1000
        clusters.append(Cluster(chunk, ShapedStr(codes, shapeData=[data for _, data in glyphs]), width))
    return tuple(clusters)


def _codes(font: TTFont, font_name: str, gids: list[int], chunk: str) -> str:
    """The characters ReportLab draws a cluster's glyphs with, and extracts them as: a glyph
    that is the font's own glyph for one of the cluster's characters is that character; any
    other (a contextual form, a ligature, a stacked consonant) gets a private-use code point that
    the ToUnicode map turns back into the characters it shows."""
    remaining = list(chunk)
    own: list[str | None] = []
    for gid in gids:
        char = next((c for c in remaining if font.face.charToGlyph.get(ord(c)) == gid), None)
        if char is not None:
            remaining.remove(char)
        own.append(char)
    codes = []
    for gid, char in zip(gids, own, strict=True):
        if char is None:
            codes.append(chr(_private_code(font, font_name, gid, "".join(remaining) or "\u200b")))
            remaining = []  # the first such glyph shows the characters left; the others, nothing
        else:
            codes.append(char)
    return "".join(codes)


@cache
def _hb_font(font_name: str) -> hb.Font:
    font = pdfmetrics.getFont(font_name)
    return hb.Font(font.hbFace)


def _private_code(font: TTFont, font_name: str, gid: int, text: str) -> int:
    """A code point of our own for drawing glyph ``gid`` where it shows ``text``."""
    with _private_lock:
        code = _private_codes.get((font_name, gid, text))
        if code is None:
            code = _private_codes[(font_name, gid, text)] = _FIRST_PRIVATE + len(_private_codes)
            hb_font = _hb_font(font_name)
            face = font.face
            face.charWidths[code] = hb_font.get_glyph_h_advance(gid) * 1000 / hb_font.face.upem
            face.glyphToChar.setdefault(gid, []).append(code)
            PRIVATE_TEXT[code] = text
            face.charToGlyph[code] = gid  # last: a code in the cmap is complete
        return code
