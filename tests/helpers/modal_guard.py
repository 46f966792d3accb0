"""An unexpected modal dialog fails the test at once instead of hanging the run.

A blocking dialog (``QDialog.exec``, the static ``QMessageBox``, ``QFileDialog`` and
``QInputDialog`` helpers, the print dialogs) waits for a click in an event loop of its own; when
no test answers it, the run hangs until someone kills it. While a GUI test runs, each of these is
wrapped (``install``): a dialog of a kind the test declared it expects (``GUARD.expect``, which
the answering helpers in tests/unit/ui/dialogs.py call) is shown as usual; any other is not shown:
the call raises ``UnexpectedDialog`` naming the dialog's kind, title and text, and the failure is
recorded, so that the test fails even where the application caught the exception.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

import pytest
from PySide6.QtPrintSupport import QPageSetupDialog, QPrintDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QLabel, QMessageBox

# The static helpers: each builds its dialog in C++ and runs it there, so wrapping exec is not enough.
STATIC = {
    QMessageBox: ("question", "information", "warning", "critical", "about", "aboutQt"),
    QFileDialog: (
        "getOpenFileName",
        "getOpenFileNames",
        "getSaveFileName",
        "getExistingDirectory",
        "getOpenFileUrl",
        "getOpenFileUrls",
        "getSaveFileUrl",
        "getExistingDirectoryUrl",
    ),
    QInputDialog: ("getText", "getMultiLineText", "getItem", "getInt", "getDouble"),
}


class UnexpectedDialog(AssertionError):
    """A modal dialog that the test did not say it would answer."""


class ModalGuard:
    def __init__(self) -> None:
        self.expected: list[type[QDialog]] = []  # one entry per pending answerer
        self.failures: list[str] = []

    def reset(self) -> None:
        self.expected.clear()
        self.failures.clear()

    def expect(self, kind: type[QDialog]) -> Callable[[], None]:
        """Let dialogs of ``kind`` run until the returned function is called."""
        self.expected.append(kind)

        def done() -> None:
            if kind in self.expected:  # (the guard is reset between tests)
                self.expected.remove(kind)

        return done

    @contextmanager
    def expecting(self, kind: type[QDialog]) -> Iterator[None]:
        done = self.expect(kind)
        try:
            yield
        finally:
            done()

    def allows(self, kind: type[Any]) -> bool:
        return any(issubclass(kind, expected) for expected in self.expected)

    def refuse(self, kind: str, title: str, text: str) -> NoReturn:
        message = (
            f"Unexpected modal dialog {kind} titled {title!r}: {text!r}. It would have waited for a "
            "click and hung the run. If the test expects it, answer it with MessageBoxes or "
            "when_shown (tests/unit/ui/dialogs.py)."
        )
        self.failures.append(message)
        raise UnexpectedDialog(message)


GUARD = ModalGuard()


def dialog_text(dialog: QDialog) -> str:
    if isinstance(dialog, QMessageBox):
        return "\n".join(t for t in (dialog.text(), dialog.informativeText()) if t)
    return " | ".join(label.text() for label in dialog.findChildren(QLabel) if label.text())[:500]


def _guarded_exec(original: Callable[..., Any]) -> Callable[..., Any]:
    def exec(dialog: QDialog, *args: Any) -> Any:
        if GUARD.allows(type(dialog)):
            return original(dialog, *args)
        GUARD.refuse(type(dialog).__name__, dialog.windowTitle(), dialog_text(dialog))

    return exec


def _guarded_static(kind: type[QDialog], name: str, original: Callable[..., Any]) -> Callable[..., Any]:
    def static(*args: Any, **kwargs: Any) -> Any:
        if GUARD.allows(kind):
            return original(*args, **kwargs)
        # (parent, title, text, …) for every one of them but aboutQt
        title = args[1] if len(args) > 1 else kwargs.get("title", kwargs.get("caption", ""))
        text = args[2] if len(args) > 2 else kwargs.get("text", kwargs.get("label", kwargs.get("dir", "")))
        GUARD.refuse(f"{kind.__name__}.{name}", str(title), str(text))

    return static


def install(monkeypatch: pytest.MonkeyPatch) -> ModalGuard:
    """Wrap every blocking dialog for one test (``monkeypatch`` undoes it); the guard, reset."""
    GUARD.reset()
    for kind in (QDialog, QPageSetupDialog, QPrintDialog):
        for name in ("exec", "exec_"):
            if name in vars(kind):
                monkeypatch.setattr(kind, name, _guarded_exec(getattr(kind, name)))
    for kind, names in STATIC.items():
        for name in names:
            monkeypatch.setattr(kind, name, staticmethod(_guarded_static(kind, name, getattr(kind, name))))
    return GUARD
