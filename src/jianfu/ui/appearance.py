"""Fonts, translations and the large-font option."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from jianfu.paths import resources_dir

NORMAL_POINT_SIZE = 10.5
LARGE_POINT_SIZE = 13.5
# System CJK fonts preferred over the bundled one (tech-notes: Qt renders tofu without any).
PREFERRED_FAMILIES = (
    "Microsoft YaHei",
    "Microsoft YaHei UI",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "SimHei",
    "SimSun",
    "UnionTech Sans",
)


FAMILY_PROPERTY = "jianfuFontFamily"  # on the QApplication: the CJK family install_fonts chose


def install_fonts(app: QApplication, large: bool = False) -> str:
    """Use a system CJK font when there is one, else the bundled WenQuanYi Micro Hei."""
    families = set(QFontDatabase.families())
    family = next((f for f in PREFERRED_FAMILIES if f in families), None)
    if family is None:
        font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / "wqy-microhei.ttc"))
        loaded = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        family = loaded[0] if loaded else app.font().family()
    apply_font_size(app, family, large)
    app.setProperty(FAMILY_PROPERTY, family)
    return family


def large_font_chosen() -> bool:
    return bool(QSettings().value("ui/large_font", False, type=bool))


def ensure_fonts(app: QApplication) -> str:
    """The CJK family, installed (at the size the user chose) unless it already is the application
    font. Every window calls it before building itself: a window opened first, or on its own, would
    otherwise be set in Qt's default font (Latin first, Chinese from whatever fallback font)."""
    family = app.property(FAMILY_PROPERTY)
    if isinstance(family, str) and family and app.font().family() == family:
        return family
    return install_fonts(app, large_font_chosen())


def apply_font_size(app: QApplication, family: str, large: bool) -> None:
    font = QFont(family)
    font.setPointSizeF(LARGE_POINT_SIZE if large else NORMAL_POINT_SIZE)
    app.setFont(font)
    if app.styleSheet():
        # With a style sheet, widgets already shown keep their old font until re-polished:
        # setting the sheet again makes the switch live instead of after a restart.
        app.setStyleSheet(app.styleSheet())


def install_translation(app: QApplication, language: str | None = None) -> QTranslator | None:
    """Chinese by default; ``language="en"`` (or JIANFU_LANG=en) keeps the English source text."""
    language = language or "zh_CN"
    if language.startswith("en"):
        QLocale.setDefault(QLocale(QLocale.Language.English))
        return None
    install_qt_translation(app, language)
    translator = QTranslator(app)
    if translator.load(str(resources_dir() / "translations" / f"jianfu_{language}.qm")):
        app.installTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        return translator
    return None


def qt_translation_folders() -> list[Path]:
    """Where Qt's own catalogues may be: Qt's configured place, the PySide6 package, a bundle."""
    import PySide6

    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    package = Path(PySide6.__file__).resolve().parent
    folders += [package / "Qt" / "translations", package / "translations"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        folders += [Path(bundle) / "PySide6" / "Qt" / "translations", Path(bundle) / "PySide6" / "translations"]
    folders.append(resources_dir() / "translations")
    return folders


class SupplementTranslator(QTranslator):
    """The few Qt strings missing from Qt's catalogue, kept as data in ``qt_supplement_<lang>.json``."""

    def __init__(self, table: dict[str, dict[str, str]], parent: QApplication) -> None:
        super().__init__(parent)
        self.table = table

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return self.table.get(context, {}).get(source, "")  # "": ask the next translator

    def isEmpty(self) -> bool:
        return not self.table


def install_qt_translation(app: QApplication, language: str) -> QTranslator | None:
    """Qt's own words (OK/Cancel, file and print dialogs, context menus) from ``qtbase_<language>.qm``."""
    supplement = resources_dir() / "translations" / f"qt_supplement_{language}.json"
    if supplement.is_file():
        table = json.loads(supplement.read_text(encoding="utf-8"))
        app.installTranslator(SupplementTranslator({k: v for k, v in table.items() if isinstance(v, dict)}, app))
    translator = QTranslator(app)
    for folder in qt_translation_folders():
        if translator.load(f"qtbase_{language}", str(folder)):
            app.installTranslator(translator)
            return translator
    return None
