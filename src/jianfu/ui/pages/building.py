"""The wizard's pages are built a slice at a time between the user's events: no build freezes the window.

A section page is 5–11 item rows of widgets, each polished by the style sheet: 60–150 ms in one go,
a freeze felt on every first Next. The builder makes one slice (at most ``SLICE_MS``) per
event-loop turn, so input and painting go on in between: the page being shown first (its first
slice at once, so that it is never shown empty), then the pages after it (where Next leads), then
those before it, while the user reads. One timer for the whole window: two slices never run in one turn.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

SLICE_MS = 12  # one slice of building: with layout and painting it stays far below a felt 100 ms
TURN_GAP_MS = 5  # between slices: the events that arrived meanwhile go first


class BuiltInSlices(Protocol):
    """A page that builds its rows in slices (section pages)."""

    @property
    def complete(self) -> bool: ...

    @property
    def started(self) -> bool: ...

    def build_rows(self, budget_ms: float | None = SLICE_MS) -> bool: ...


def incomplete(page: QWidget | None) -> BuiltInSlices | None:
    """``page`` if it still has rows to build, else None."""
    if page is not None and not getattr(page, "complete", True):
        return page  # type: ignore[return-value]
    return None


def build_first_slice(page: QWidget) -> None:
    """The rows the user sees first, before the page is shown; the rest follow in the next turns."""
    building = incomplete(page)
    if building is not None and not building.started:
        building.build_rows()


class PageBuilder(QObject):
    """Builds a window's pages one slice per event-loop turn, the current page first.

    ``pages`` are the pages built so far by id; ``order`` the wizard's page ids; ``make`` builds
    the page of an id (a section page's skeleton only); ``current`` the id shown now; ``wanted``
    whether to build at all (an assessment is open)."""

    def __init__(
        self,
        parent: QObject,
        pages: Mapping[str, QWidget],
        order: Callable[[], list[str]],
        make: Callable[[str], QWidget],
        current: Callable[[], str],
        wanted: Callable[[], bool],
    ) -> None:
        super().__init__(parent)
        self.pages = pages
        self.order = order
        self.make = make
        self.current = current
        self.wanted = wanted
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.build_slice)

    def start(self, delay_ms: int = 0) -> None:
        """Go on building from ``delay_ms`` on (an earlier start already waiting is kept)."""
        if not self.timer.isActive() or self.timer.remainingTime() > delay_ms:
            self.timer.start(delay_ms)

    def build_slice(self) -> bool:
        """Build one slice; True if there may be more to build (then the next turn is scheduled)."""
        if not self.wanted():
            return False
        current, order = self.current(), self.order()
        # the page shown, then those after it (where Next goes), then those before it
        at = order.index(current) if current in order else 0
        for page_id in [*order[at:], *order[:at]]:
            page = self.pages.get(page_id)
            if page is None:
                self.make(page_id)  # one page's skeleton (or a whole small page) is a slice
                break
            building = incomplete(page)
            if building is not None:
                building.build_rows()
                break
        else:
            return False
        self.timer.start(TURN_GAP_MS)
        return True
