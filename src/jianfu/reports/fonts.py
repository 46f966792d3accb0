"""Fonts for printing: the system's 公文 fonts when present, else the bundled ones.

Every font is a TrueType font embedded in the PDF (never ReportLab's CID fonts, which are not
embedded and print blank on machines without Chinese fonts).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from jianfu.paths import resources_dir

BUNDLED = "JF-WenQuanYi"
SYMBOLS = "JF-Symbola"

# Characters the 公文 fonts and WenQuanYi lack: rare characters in names (CJK Extension A, e.g. 䶮;
# Extension B, e.g. 𠮷) and the scripts of China's minority regions (Arabic-script Uyghur and
# Kazakh, Tibetan, Mongolian, Yi) and Hebrew. A system font is used where present; else the
# bundled one (TrueType outlines only: ReportLab cannot embed CFF). Extension B (42,720
# characters, 22 MB even as a subset) is not bundled: Windows has it (SimSun-ExtB), Debian/UOS
# in fonts-hanazono or fonts-babelstone-han.
SYSTEM_FALLBACKS = (
    "simsun.ttc",
    "simsunb.ttf",  # SimSun-ExtB (Windows)
    "mingliub.ttc",  # MingLiU-ExtB (Windows)
    "HanaMinA.ttf",
    "HanaMinB.ttf",
    "BabelStoneHan.ttf",
    "msuighur.ttf",  # Microsoft Uighur
    "himalaya.ttf",  # Microsoft Himalaya (Tibetan)
    "monbaiti.ttf",  # Mongolian Baiti
    "msyi.ttf",  # Microsoft Yi Baiti
)
BUNDLED_FALLBACKS = (
    "JianfuExtA.ttf",  # HanaMinA, Extension A only (3.3 MB), renamed: see HanaMin.LICENSE
    "NotoSansArabic-Regular.ttf",
    "NotoSerifTibetan-Regular.ttf",
    "NotoSansMongolian-Regular.ttf",
    "NotoSansYi-Regular.ttf",
    "NotoSansHebrew-Regular.ttf",
)

# File names by role, most preferred first (Windows, then fonts often installed on UOS/Kylin).
CANDIDATES: dict[str, tuple[str, ...]] = {
    "title": ("FZXBSJW.TTF", "方正小标宋简体.ttf", "simhei.ttf", "STHEITI.TTF", "FZHTK.TTF"),
    "heading": ("simhei.ttf", "STHEITI.TTF", "FZHTK.TTF"),
    "subheading": ("simkai.ttf", "STKAITI.TTF", "FZKTK.TTF", "楷体_GB2312.ttf"),
    "body": ("simfang.ttf", "STFANGSO.TTF", "FZFSK.TTF", "仿宋_GB2312.ttf"),
}


_original_to_unicode = ttfonts.makeToUnicodeCMap
# Private-use code points that stand for shaped glyphs (see shaping.py) -> the text they show.
PRIVATE_TEXT: dict[int, str] = {}


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode map writes characters beyond U+FFFF (emoji) as 5 hex digits, which
    PDF readers reject, so copied or extracted text loses them; write UTF-16 surrogates instead,
    and the text a shaped glyph shows for its private-use code point."""
    cmap = _original_to_unicode(fontname, [v if v <= 0xFFFF else 0xFFFD for v in subset])
    for index, value in enumerate(subset):
        if value > 0xFFFF:
            text = PRIVATE_TEXT.get(value, chr(value))
            utf16 = text.encode("utf-16-be").hex().upper()
            cmap = cmap.replace(f"<{index:02X}> <FFFD>", f"<{index:02X}> <{utf16}>", 1)
    return str(cmap)


ttfonts.makeToUnicodeCMap = _to_unicode_cmap


@dataclass(frozen=True)
class FontSet:
    """ReportLab font names by role, and what each character can be drawn with."""

    title: str
    heading: str
    subheading: str
    body: str
    sources: dict[str, str] = field(default_factory=dict)
    coverage: dict[str, frozenset[int]] = field(default_factory=dict, repr=False)
    # Tried in order for a character the style's font lacks (after it: BUNDLED ... SYMBOLS).
    fallbacks: tuple[str, ...] = (BUNDLED, SYMBOLS)
    # Fallback fonts not yet read: registered the first time a character may need them, so that
    # a document in Chinese alone never pays for them (~0.5 s with the system's HanaMin fonts).
    pending: dict[str, Path] = field(default_factory=dict, repr=False)

    def covers(self, font: str, codepoint: int) -> bool:
        if font in self.pending:
            path = self.pending.pop(font)
            if _register(font, path, self.coverage):
                self.sources[font] = str(path)
            else:
                self.coverage[font] = frozenset()
        return codepoint in self.coverage.get(font, frozenset())


def font_dirs() -> list[Path]:
    dirs = []
    if sys.platform == "win32":
        dirs.append(Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    else:
        dirs += [
            Path("/usr/share/fonts"),
            Path("/usr/local/share/fonts"),
            Path.home() / ".local" / "share" / "fonts",
            Path.home() / ".fonts",
        ]
    return [d for d in dirs if d.is_dir()]


@cache
def register_fonts(use_system_fonts: bool = True) -> FontSet:
    """Register the fonts once per process and say which file serves which role."""
    bundled_path = resources_dir() / "fonts" / "wqy-microhei.ttc"
    coverage: dict[str, frozenset[int]] = {}
    sources: dict[str, str] = {}
    _register(BUNDLED, bundled_path, coverage)
    _register(SYMBOLS, resources_dir() / "fonts" / "Symbola.ttf", coverage)
    found = _system_fonts() if use_system_fonts else {}
    # Narrow fonts first (each covers its script only), then the symbols, then the broad system
    # fonts, whose odd corners (a Japanese font's emoji) must not win over Symbola.
    fallbacks = [BUNDLED]
    pending: dict[str, Path] = {}
    for file_name in BUNDLED_FALLBACKS:
        name = f"JF-{Path(file_name).stem}"
        fallbacks.append(name)
        pending[name] = resources_dir() / "fonts" / file_name
    fallbacks.append(SYMBOLS)
    system = _find_files(SYSTEM_FALLBACKS) if use_system_fonts else {}
    for file_name in SYSTEM_FALLBACKS:
        installed = system.get(file_name.lower())
        if installed is not None:
            name = f"JF-sys-{Path(file_name).stem}"
            fallbacks.append(name)
            pending[name] = installed
    names: dict[str, str] = {}
    for role in CANDIDATES:
        path = found.get(role)
        name = f"JF-{role}"
        if path is not None and _register(name, path, coverage):
            names[role] = name
            sources[role] = str(path)
        else:
            names[role] = BUNDLED
            sources[role] = str(bundled_path)
    return FontSet(
        names["title"],
        names["heading"],
        names["subheading"],
        names["body"],
        sources,
        coverage,
        tuple(fallbacks),
        pending,
    )


@cache
def _all_font_files() -> dict[str, Path]:
    by_name: dict[str, Path] = {}
    for directory in font_dirs():
        for path in directory.rglob("*"):
            if path.suffix.lower() in (".ttf", ".ttc", ".otf"):
                by_name.setdefault(path.name.lower(), path)
    return by_name


def _find_files(names: tuple[str, ...]) -> dict[str, Path]:
    files = _all_font_files()
    return {n.lower(): files[n.lower()] for n in names if n.lower() in files}


def _system_fonts() -> dict[str, Path]:
    by_name = _all_font_files()
    result = {}
    for role, names in CANDIDATES.items():
        for name in names:
            if name.lower() in by_name:
                result[role] = by_name[name.lower()]
                break
    return result


def _register(name: str, path: Path, coverage: dict[str, frozenset[int]]) -> bool:
    if name in coverage:
        return True
    try:
        font = TTFont(name, str(path), subfontIndex=0)
    except (TTFError, OSError):
        return False  # e.g. CFF outlines, which ReportLab cannot embed
    pdfmetrics.registerFont(font)
    # Control characters are never drawn, even where a font maps them (WenQuanYi maps U+0000).
    coverage[name] = frozenset(c for c in font.face.charToGlyph if c >= 0x20 and not 0x7F <= c < 0xA0)
    return True
