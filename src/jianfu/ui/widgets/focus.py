"""Keyboard focus helpers shared by the pages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def focus_first_field(page: QWidget) -> bool:
    """Give focus to the first widget of ``page`` that Tab would reach; False when there is none."""
    candidate = page.nextInFocusChain()
    seen = 0
    while candidate is not None and candidate is not page and seen < 5000:
        seen += 1
        if (
            page.isAncestorOf(candidate)
            and candidate.isVisible()
            and candidate.isEnabled()
            and candidate.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            candidate.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        candidate = candidate.nextInFocusChain()
    page.setFocus(Qt.FocusReason.OtherFocusReason)
    return False
