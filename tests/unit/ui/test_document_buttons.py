"""The .docx button beside the PDF on the export page, and department notices in the county window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from helpers.sample import open_sample
from jianfu.exchange.demo import write_demo
from jianfu.ui.county.county_window import CountyWindow


def test_export_page_saves_the_plan_as_word(qtbot, make_window, tmp_path: Path, monkeypatch) -> None:
    from docx import Document

    window = make_window()
    open_sample(qtbot, window)
    window.show_page("export")
    page = window.pages["export"]
    assert page.save_docx_button.text() == "另存为 Word（可编辑）…"
    target = tmp_path / "柳河镇整改方案"  # the suffix is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(page.save_docx_button, Qt.MouseButton.LeftButton)
    saved = target.with_name(target.name + ".docx")
    qtbot.waitUntil(saved.exists, timeout=20_000)
    paragraphs = [p.text for p in Document(str(saved)).paragraphs]
    assert paragraphs[0].startswith("柳河镇") and "四、整改措施" in paragraphs


def test_county_window_writes_one_notice_per_department(qtbot, library, tmp_path: Path, monkeypatch) -> None:
    write_demo(tmp_path / "demo", library)
    window = CountyWindow(library, tmp_path / "county.sqlite3")
    qtbot.addWidget(window)
    window.show()
    try:
        assert not window.notices_action.isEnabled()  # nothing imported yet
        task = window.import_paths([tmp_path / "demo"])
        with qtbot.waitSignal(task.succeeded, timeout=30_000):
            pass
        assert window.notices_action.isEnabled() and window.notices_action.text() == "部门督办函…"
        folder = tmp_path / "督办函"
        folder.mkdir()
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
        window.notices_action.trigger()
        qtbot.waitUntil(lambda: "份部门督办函" in window.statusBar().currentMessage(), timeout=60_000)
        names = sorted(p.name for p in folder.iterdir())
        assert len(names) >= 10 and all(n.startswith("督办函-县") and n.endswith(".pdf") for n in names)
    finally:
        window.county.close()
