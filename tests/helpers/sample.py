"""Open the sample township in a test: it is prepared off the UI thread, so wait for its page."""

from __future__ import annotations

from typing import Any


def open_sample(qtbot: Any, window: Any) -> None:
    window.open_sample()
    qtbot.waitUntil(lambda: window.session.current is not None and window.session.current.sample, timeout=20000)
