"""Every failure reaches the user as a Chinese message that says what to do, and the log.

Errors the user can fix (JianfuError) are shown with their own message; anything else is a bug:
it is written with its traceback to a rotating log in the data folder and the message says
where that log is, and that every edit made so far is saved.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from jianfu.core.errors import JianfuError
from jianfu.services.failures import describe_failure

LOG = logging.getLogger("jianfu")
LOG_FILENAME = "jianfu.log"
TITLE = "减负助手"


def install_log(folder: Path) -> Path | None:
    """A rotating log (3 × 1 MB) in ``folder``; None when the folder cannot be written."""
    import logging.handlers  # ~15 ms: installed after the first paint, or by the first failure

    path = folder / "logs" / LOG_FILENAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    close_log()
    LOG.addHandler(handler)
    LOG.setLevel(logging.INFO)
    return path


def close_log() -> None:
    for handler in [h for h in LOG.handlers if isinstance(h, logging.FileHandler)]:
        LOG.removeHandler(handler)
        handler.close()


def log_path() -> Path | None:
    for handler in LOG.handlers:
        if isinstance(handler, logging.FileHandler):  # our rotating log (logging.handlers builds on it)
            return Path(handler.baseFilename)
    return None


def user_message(exc: BaseException, database: Path | None = None) -> str:
    """What the user reads: the error's own advice, or a bug report with the log's place."""
    if isinstance(exc, JianfuError):
        return str(exc)
    advice = describe_failure(exc, database)
    if advice is not None:
        return advice
    where = log_path()
    logged = f"详细情况已记录在 {where}，" if where else ""
    return (
        f"减负助手遇到了一个程序错误（{type(exc).__name__}）。之前的每一处修改都已保存，不会丢失。"
        f"{logged}请把这个文件发给技术支持；可以关闭后重新打开减负助手继续填写。"
    )


Show = Callable[[QWidget | None, str], None]


def _show_critical(parent: QWidget | None, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(parent, TITLE, text)


class ExceptHook:
    """``sys.excepthook`` for the GUI: log, then tell the user (once at a time)."""

    def __init__(self, database: Path | None = None, show: Show = _show_critical) -> None:
        self.database = database
        self.show = show
        self._showing = False

    def __call__(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        from jianfu.ui.startup import StartAbandoned

        if issubclass(kind, StartAbandoned):  # the start-up failure was shown already; the window closes
            return
        if self.database is not None and log_path() is None:  # failed before the log was installed
            install_log(self.database.parent)
        LOG.error("unhandled error\n%s", "".join(traceback.format_exception(kind, exc, tb)))
        if self._showing or QCoreApplication.instance() is None:
            sys.__excepthook__(kind, exc, tb)
            return
        self._showing = True
        try:
            self.show(QApplication.activeWindow(), user_message(exc, self.database))
        finally:
            self._showing = False


def install_excepthook(database: Path | None) -> ExceptHook:
    hook = ExceptHook(database)
    sys.excepthook = hook
    return hook
