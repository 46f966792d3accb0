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


def test_an_export_the_county_would_refuse_is_refused_with_what_to_do(
    qtbot, make_window, tmp_path, monkeypatch
) -> None:
    """A deadline of 2207 stored by an older version: the export says which item and where to
    correct it, and writes (and signs) nothing."""
    import sqlite3

    from PySide6.QtCore import Qt
    from test_wizard import TOWNSHIP

    from jianfu.core.assessment import Period

    window = make_window()
    window.session.create(TOWNSHIP, Period("2026-Q4"))
    window._build_pages()
    window.show_page("traces")
    qtbot.mouseClick(window.pages["traces"].rows["traces.photo_checkin"].editor.yes, Qt.MouseButton.LeftButton)
    window.show_page("plan")  # the plan is drafted and stored
    database = window.session.service.store.db.path
    window.close()
    with sqlite3.connect(database) as conn:  # typed so in an older version, which did not check it
        typed = "UPDATE plan_items SET deadline = '2207-03-31', edited = '[\"deadline\"]'"
        assert conn.execute(typed).rowcount > 0
    conn.close()

    reopened = make_window()
    reopened.start_page.load()
    qtbot.mouseClick(reopened.start_page.continue_button, Qt.MouseButton.LeftButton)
    reopened.show_page("export")
    target = tmp_path / "石桥镇.jianfu"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    shots = os.environ.get("JIANFU_SHOTS")
    look = (lambda box: box.grab().save(f"{shots}/export-refused.png")) if shots else None
    with MessageBoxes(look=look) as boxes:
        reopened.pages["export"].export()
        qtbot.waitUntil(lambda: bool(boxes.texts), timeout=20_000)
    (message,) = boxes.texts
    assert message.startswith("未导出：县级导入会拒收这个文件") and "2207-03-31" in message
    assert "整改事项第 1 项的完成时限" in message and "请在整改方案页改正后再导出" in message
    assert not target.exists() and not list(tmp_path.glob("石桥镇.jianfu*"))
