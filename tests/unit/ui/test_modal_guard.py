"""A modal dialog that no test answers fails that test at once, naming its title and text,
instead of waiting for a click and hanging the whole run (tests/conftest.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from dialogs import MessageBoxes, when_shown
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QInputDialog, QLabel, QMessageBox, QPushButton

from helpers.modal_guard import GUARD, UnexpectedDialog

TESTS = Path(__file__).resolve().parents[2]

UNANSWERED = """
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QMessageBox, QPushButton


def test_a_question_from_a_click(qtbot):
    button = QPushButton("删除")
    qtbot.addWidget(button)
    button.clicked.connect(lambda: QMessageBox.question(button, "删除自查", "确定移到回收站吗？"))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_dialog_of_our_own(qtbot):
    dialog = QDialog()
    dialog.setWindowTitle("新建自查")
    QLabel("乡镇（街道）", dialog)
    qtbot.addWidget(dialog)
    dialog.exec()


def test_one_the_application_swallows(qtbot):
    try:
        QFileDialog.getSaveFileName(None, "保存整改方案", "方案.pdf")
    except Exception:
        pass


def test_an_answered_one_passes(qtbot):
    from dialogs import MessageBoxes

    with MessageBoxes(press=QMessageBox.StandardButton.Yes) as boxes:
        assert QMessageBox.question(None, "继续", "要继续吗？") == QMessageBox.StandardButton.Yes
    assert boxes.texts == ["要继续吗？"]
"""


def test_a_run_with_unanswered_dialogs_fails_them_and_ends(tmp_path: Path) -> None:
    """The real conftest, in a run of its own: each unanswered dialog fails its test with its
    title and text, the answered one passes, and the run ends (it used to hang for ever)."""
    shutil.copy(TESTS / "conftest.py", tmp_path / "conftest.py")
    (tmp_path / "test_unanswered.py").write_text(UNANSWERED, encoding="utf-8")
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    paths = [str(TESTS.parent / "src"), str(TESTS), str(TESTS / "unit" / "ui"), os.environ.get("PYTHONPATH", "")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p), "QT_QPA_PLATFORM": "offscreen"}
    started = time.monotonic()
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-rfE", str(tmp_path)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    elapsed = time.monotonic() - started
    out = run.stdout + run.stderr
    assert run.returncode == 1, out
    assert "3 failed, 1 passed" in out, out
    for failed, title, text in (
        ("test_a_question_from_a_click", "删除自查", "确定移到回收站吗？"),
        ("test_a_dialog_of_our_own", "新建自查", "乡镇（街道）"),
        ("test_one_the_application_swallows", "保存整改方案", "方案.pdf"),
    ):
        assert f"FAILED test_unanswered.py::{failed}" in out, out
        assert f"titled '{title}': '{text}'" in out, out
    assert "Unexpected modal dialog" in out and "tests/unit/ui/dialogs.py" in out
    print(f"the run with three unanswered dialogs ended in {elapsed:.1f} s")


@pytest.mark.qt_no_exception_capture  # the slot's exception is what this test looks at
def test_an_unanswered_box_is_refused_at_once_and_recorded(qtbot) -> None:
    button = QPushButton("删除")
    qtbot.addWidget(button)
    button.clicked.connect(lambda: QMessageBox.warning(button, "打开文件", "文件无效"))
    started = time.monotonic()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # returns: the box never waits for a click
    assert time.monotonic() - started < 5
    assert len(GUARD.failures) == 1 and "QMessageBox.warning titled '打开文件': '文件无效'" in GUARD.failures[0]
    dialog = QDialog()
    dialog.setWindowTitle("更正乡镇")
    QLabel("区划代码", dialog)
    qtbot.addWidget(dialog)
    with pytest.raises(UnexpectedDialog, match="QDialog titled '更正乡镇': '区划代码'"):
        dialog.exec()
    with pytest.raises(UnexpectedDialog, match=r"QInputDialog\.getText titled '合并部门'"):
        QInputDialog.getText(None, "合并部门", "并入：")
    GUARD.failures.clear()  # seen: this test does not fail for them


def test_expected_dialogs_run_as_before(qtbot) -> None:
    with MessageBoxes() as boxes:
        QMessageBox.information(None, "导出", "已导出")
    assert boxes.texts == ["已导出"] and boxes.titles == ["导出"]
    dialog = QDialog()
    dialog.setWindowTitle("新建自查")
    qtbot.addWidget(dialog)
    shown = when_shown(QDialog, lambda d: d.done(QDialog.DialogCode.Accepted))
    assert dialog.exec() == QDialog.DialogCode.Accepted and shown == [dialog]
    with pytest.raises(UnexpectedDialog):  # answered once: a second one is not expected
        dialog.exec()
    GUARD.failures.clear()
