"""Finding English words left in what a user sees (Qt's own dialogs included)."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)

# Names and formats that are English in Chinese software too.
ALLOWED = {
    "PDF",
    "Word",
    "Excel",
    "APP",
    "App",
    "app",
    "WPS",
    "JIANFU",
    "HOME",
    "jianfu",
    "docx",
    "xlsx",
    "csv",
    "JSON",
    "Ctrl",  # key names
    "Shift",
}
_WORD = re.compile(r"[A-Za-z]{3,}")
_TAG = re.compile(r"<[^>]+>|&[a-z]+;")


def english_words(text: str) -> list[str]:
    plain = _TAG.sub(" ", text.split("\t")[0]).replace("&", "")  # "\tCtrl+A": a key, not a word
    plain = re.sub(r"(?:[A-Za-z]:)?[/\\][^\s，。；（）]*", " ", plain)  # paths
    plain = re.sub(r"\*?\.[A-Za-z0-9-]+", " ", plain)  # file suffixes (*.jianfu)
    return [w for w in _WORD.findall(plain) if w not in ALLOWED]


def visible_texts(root: QWidget) -> list[str]:
    """Every string ``root`` and its visible children show: titles, buttons, labels, menus, headers."""
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not isinstance(widget, QMenu) and not widget.isVisibleTo(root):
            continue
        texts.append(widget.toolTip())
        if isinstance(widget, QAbstractButton | QLabel):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QHeaderView) and widget.model() is not None:
            model = widget.model()
            texts += [str(model.headerData(c, widget.orientation()) or "") for c in range(widget.count())]
        texts += [a.text() for a in widget.actions()]
    return [t for t in texts if t]


def english_in(root: QWidget) -> list[str]:
    return [t for t in visible_texts(root) if english_words(t)]
