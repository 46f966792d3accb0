"""The mouse wheel scrolls the page; it never changes a value the user is not editing.

Qt's combo boxes, spin boxes and date edits take the wheel even without focus (and grab focus
from it), so scrolling a page over one changed a saved answer. One application-wide filter
covers every such widget, also those created later (table cell editors, plan page delegates).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QWidget

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
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the application passes here: the type tests come first because they are
        # cheap (asking ``event.type()`` makes a Python enum each time, thousands a page built).
        if isinstance(event, QWheelEvent):
            guarded = _guarded_widget(watched)
            if guarded is not None and not guarded.hasFocus() and not _has_focus_within(guarded):
                _scroll_enclosing_area(guarded, event)
                return True
        elif isinstance(watched, _GUARDED) and event.type() == QEvent.Type.Polish:
            # Without WheelFocus a spontaneous wheel no longer gives them focus first.
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return False


def _has_focus_within(widget: QWidget) -> bool:
    focused = QApplication.focusWidget()
    return focused is not None and widget.isAncestorOf(focused)


def _scroll_enclosing_area(widget: QWidget, event: QWheelEvent) -> None:
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


_installed: WheelGuard | None = None


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Install the filter once per application (tests build several windows)."""
    global _installed
    if _installed is None or _installed.parent() is not app:
        _installed = WheelGuard(app)
        app.installEventFilter(_installed)
    return _installed
