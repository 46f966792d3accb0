"""The mouse wheel scrolls the page; it never changes a value the user is not editing.

Qt's combo boxes, spin boxes and date edits take the wheel even without focus (and grab focus
from it), so scrolling a page over one changed a saved answer. The application's style guards
every such widget as it polishes it, also those created later (table cell editors, plan page
delegates).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QProxyStyle, QWidget

_GUARDED = (QComboBox, QAbstractSpinBox)


def _guarded_widget(obj: QObject) -> QWidget | None:
    """The combo or spin box ``obj`` is (or belongs to, like a combo box's line edit)."""
    widget = obj if isinstance(obj, QWidget) else None
    while widget is not None and not widget.isWindow():
        if isinstance(widget, _GUARDED):
            return widget
        widget = widget.parentWidget()
    return None


class WheelGuard(QObject):
    """Installed on each combo and spin box: a wheel over one without focus scrolls the page."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QWheelEvent):
            guarded = _guarded_widget(watched)
            if guarded is not None and not guarded.hasFocus() and not _has_focus_within(guarded):
                scroll_enclosing_area(guarded, event)
                return True
        return False


class GuardingStyle(QProxyStyle):
    """The application's own style, which also guards every combo and spin box it polishes (those
    made later too: table cell editors, plan page delegates). Polishing happens once a widget, so
    no Python runs for the thousands of other events a page gets: an application-wide event filter
    did, and while a worker held the interpreter lock (a PDF, the sample) each of those events
    waited for it, a freeze the heartbeat measured."""

    def __init__(self) -> None:
        super().__init__()
        self.guard = WheelGuard(self)

    def polish(self, target: Any) -> Any:  # QWidget, QApplication or QPalette (one name in Python)
        if isinstance(target, _GUARDED):
            # Without WheelFocus a spontaneous wheel no longer gives them focus first.
            target.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            target.installEventFilter(self.guard)  # once: installing again only moves it first
        return super().polish(target)


def _has_focus_within(widget: QWidget) -> bool:
    focused = QApplication.focusWidget()
    return focused is not None and widget.isAncestorOf(focused)


def scroll_enclosing_area(widget: QWidget, event: QWheelEvent) -> None:
    """Hand the wheel to the scrolling ancestors' viewports, as if the box were not there."""
    child = widget.parentWidget()
    while child is not None:
        area = child.parentWidget()
        if isinstance(area, QAbstractScrollArea) and area.viewport() is child:
            forwarded = QWheelEvent(
                child.mapFromGlobal(event.globalPosition()),
                event.globalPosition(),
                event.pixelDelta(),
                event.angleDelta(),
                event.buttons(),
                event.modifiers(),
                event.phase(),
                event.inverted(),
            )
            forwarded.ignore()
            QApplication.sendEvent(child, forwarded)
            if forwarded.isAccepted():
                return  # scrolled; an area already at its end passes the wheel outwards
        child = area


_installed: tuple[QApplication, GuardingStyle] | None = None


def install_wheel_guard(app: QApplication) -> GuardingStyle:
    """Install the guarding style once per application (tests build several windows)."""
    global _installed
    if _installed is None or _installed[0] is not app:
        style = GuardingStyle()
        app.setStyle(style)  # before the style sheet: Qt keeps it as the sheet's base style
        _installed = app, style
    return _installed[1]
