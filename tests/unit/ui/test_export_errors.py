"""Saving the county summary onto a workbook that Excel holds open: the inspector reads which
file, why (in Chinese, whatever the system's language) and what to do; the old file stays."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from dialogs import MessageBoxes
from PySide6.QtWidgets import QFileDialog

from jianfu.exchange.demo import write_demo
from jianfu.ui.county.county_window import CountyWindow


def test_a_summary_saved_onto_an_open_workbook_says_to_close_it(qtbot, library, tmp_path: Path, monkeypatch) -> None:
    files = tmp_path / "files"
    write_demo(files, library)
    window = CountyWindow(library, tmp_path / "county.sqlite3")
    qtbot.addWidget(window)
    window.show()
    try:
        task = window.import_paths([files])
        with qtbot.waitSignal(task.succeeded, timeout=30_000):
            pass
        target = tmp_path / "县级汇总.xlsx"
        target.write_bytes(b"as exported last week")
        real_replace = Path.replace

        def held_open(self: Path, destination: os.PathLike[str] | str) -> Path:
            if Path(destination) == target:  # Windows: a sharing violation, reported as EACCES
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self), None, str(destination))
            return real_replace(self, destination)

        monkeypatch.setattr(Path, "replace", held_open)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
        with MessageBoxes() as boxes:
            window._export(".xlsx")
            with qtbot.waitSignal(window.export_task.failed, timeout=60_000):
                pass
            qtbot.waitUntil(lambda: any("无法写入" in t for t in boxes.texts), timeout=5_000)
        message = next(t for t in boxes.texts if "无法写入" in t)  # (the import's summary came first)
        assert f"无法写入 {target}：" in message and ".part" not in message
        assert "Excel" in message and "关闭" in message and os.strerror(errno.EACCES) not in message
        assert target.read_bytes() == b"as exported last week"
    finally:
        window.county.close()
