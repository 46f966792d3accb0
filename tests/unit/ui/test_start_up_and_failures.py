"""One window per data folder, start-up faults as dialogs, a locked database, the excepthook."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from dialogs import MessageBoxes
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from test_wizard import type_into

from jianfu.core.answers import Answer
from jianfu.core.assessment import Period, Township
from jianfu.core.library import ChecklistLibrary
from jianfu.paths import resources_dir
from jianfu.storage.assessments import AssessmentStore
from jianfu.storage.database import open_database
from jianfu.ui.app import start
from jianfu.ui.failures import LOG, ExceptHook, close_log, install_log
from jianfu.ui.single_instance import ALREADY_RUNNING, SingleInstance

TOWNSHIP = Township("石桥镇", "519901102000", "云溪县")


def never_invites_deleting(text: str) -> bool:
    return "删除" not in text.replace("请不要删除", "") and "删掉" not in text


@pytest.fixture
def started(qtbot):
    windows = []

    def make(database: Path):
        window = start(database)
        if window is not None:
            qtbot.addWidget(window)
            windows.append(window)
        return window

    yield make
    for window in windows:
        window.session.service.store.db.close()
        window.deleteLater()
    close_log()


def with_answers(database: Path) -> int:
    store = AssessmentStore(open_database(database))
    checklist = ChecklistLibrary(resources_dir() / "checklists").latest()
    aid = store.create_assessment(TOWNSHIP, Period("2026-Q4"), checklist, dt.date(2026, 12, 31))
    for n in range(40):
        store.save_table_row(aid, checklist, "apps.inventory", f"r{n}", {"name": f"应用{n}" * 20}, n)
    store.save_answer(aid, checklist, "meetings.per_month", Answer(12))
    store.db.close()
    return aid


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen platform cannot
def test_a_second_start_brings_the_first_window_forward(qtbot, started, tmp_path) -> None:
    database = tmp_path / "data" / "jianfu.sqlite3"
    first = started(database)
    assert first is not None
    first.show()
    qtbot.waitUntil(lambda: first.startup.done)  # it answers once its first page is painted
    owner = first.findChild(SingleInstance)
    with qtbot.waitSignal(owner.activated, timeout=3000), MessageBoxes() as boxes:
        assert started(database) is None
    assert len(boxes.texts) == 1 and ALREADY_RUNNING in boxes.texts[0]
    assert boxes.buttons == [["确定"]]  # Qt's own button, translated


def test_a_lock_left_by_a_crashed_program_is_taken_over(qtbot, started, tmp_path) -> None:
    database = tmp_path / "jianfu.sqlite3"
    lock = database.with_name(database.name + ".lock")
    lock.write_text("999999\njianfu\n" + os.uname().nodename + "\n")  # no such process
    assert started(database) is not None


def test_jianfu_home_pointing_at_a_file(qtbot, started, tmp_path) -> None:
    home = tmp_path / "notes.txt"
    home.write_text("not a folder")
    with MessageBoxes() as boxes:
        assert started(home / "jianfu.sqlite3") is None
    assert "是一个文件，不是文件夹" in boxes.texts[0] and "JIANFU_HOME" in boxes.texts[0]
    assert never_invites_deleting(boxes.texts[0])
    assert home.read_text() == "not a folder"


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder holding a good database that this process cannot write."""
    source = tmp_path / "data"
    source.mkdir()
    with_answers(source / "jianfu.sqlite3")
    if os.geteuid() != 0:
        source.chmod(0o555)
        (source / "jianfu.sqlite3").chmod(0o444)
        yield source
        source.chmod(0o755)
        return
    mounted = tmp_path / "mounted"
    mounted.mkdir()
    if subprocess.run(["mount", "--bind", "-o", "ro", str(source), str(mounted)], capture_output=True).returncode:
        pytest.skip("cannot make a read-only folder here (root without mount)")
    yield mounted
    subprocess.run(["umount", str(mounted)], check=True)


def test_a_read_only_data_folder(qtbot, started, read_only_folder) -> None:
    database = read_only_folder / "jianfu.sqlite3"
    before = database.read_bytes()
    with MessageBoxes() as boxes:
        assert started(database) is None
    text = boxes.texts[0]
    assert "只读" in text and "没有损坏" in text and "已损坏" not in text
    assert never_invites_deleting(text)
    assert database.read_bytes() == before


def test_a_damaged_database_page(qtbot, started, tmp_path) -> None:
    database = tmp_path / "jianfu.sqlite3"
    with_answers(database)
    page_size = 4096
    with database.open("r+b") as handle:  # scribble over a page in the middle of the file
        handle.seek(page_size * (database.stat().st_size // page_size // 2))
        handle.write(os.urandom(page_size))
    with MessageBoxes() as boxes:
        assert started(database) is None
    text = boxes.texts[0]
    assert "已损坏" in text and "备份" in text and "只读" not in text
    assert never_invites_deleting(text)
    assert database.exists()


def test_a_locked_database_says_so_quickly(qtbot, started, tmp_path) -> None:
    database = tmp_path / "jianfu.sqlite3"
    aid = with_answers(database)
    window = started(database)
    window.show()
    window.open_assessment(aid)
    window.show_page("meetings")
    row = window.pages["meetings"].rows["meetings.per_month"]
    other = sqlite3.connect(str(database), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    began = time.monotonic()
    type_into(qtbot, row.editor.edit, "20")
    waited = time.monotonic() - began
    assert waited < 3.0
    assert row.error.isVisible() and "另一个程序" in row.error.text()
    other.execute("ROLLBACK")
    other.close()
    type_into(qtbot, row.editor.edit, "21")
    assert not row.error.isVisible()
    check = AssessmentStore(open_database(database))
    assert check.load(aid).answers["meetings.per_month"].value == 21
    check.db.close()


def test_an_unexpected_error_is_logged_and_explained(qtbot, tmp_path, monkeypatch) -> None:
    path = install_log(tmp_path / "data")
    shown: list[str] = []
    hook = ExceptHook(tmp_path / "data" / "jianfu.sqlite3", show=lambda _parent, text: shown.append(text))
    button = QPushButton("试一下")
    qtbot.addWidget(button)

    def broken() -> None:
        raise ZeroDivisionError("a bug")

    button.clicked.connect(broken)
    monkeypatch.setattr("sys.excepthook", hook)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    monkeypatch.undo()
    for handler in LOG.handlers:
        handler.flush()
    assert len(shown) == 1 and str(path) in shown[0] and "都已保存" in shown[0]
    assert "ZeroDivisionError: a bug" in path.read_text(encoding="utf-8")
    close_log()


def test_the_lock_taken_in_the_background_is_held_then_released(qtbot, tmp_path) -> None:
    from PySide6.QtCore import QLockFile

    database = tmp_path / "jianfu.sqlite3"
    instance = SingleInstance(database)
    instance.begin()  # as the start does, while the fonts load
    instance.release()  # given up before it was asked for: the worker finishes first, then it unlocks
    other = QLockFile(str(database.with_name(database.name + ".lock")))
    assert other.tryLock(0)
    other.unlock()
    instance.begin()
    assert instance.acquire()
    assert not other.tryLock(0)  # held: a second start sees the folder in use
    instance.release()
    assert other.tryLock(0)
    other.unlock()


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen platform cannot
def test_the_county_database_opened_as_the_township_one(qtbot, started, tmp_path, library) -> None:
    """`jianfu --db county.sqlite3`: the wizard would list every imported township as its own and
    edit what the county received; it says what the file is and leaves it byte for byte."""
    from jianfu.exchange.demo import write_demo
    from jianfu.services.county import CountyService
    from jianfu.services.county_import import collect_files

    database = tmp_path / "county.sqlite3"
    write_demo(tmp_path / "demo", library)
    with CountyService.open(database, library) as county:
        county.import_files(collect_files([tmp_path / "demo"]))
    before = database.read_bytes()
    with MessageBoxes() as boxes:
        assert started(database) is None
    text = boxes.texts[0]
    assert "县级汇总数据库" in text and str(database) in text and "未作任何改动" in text
    assert database.read_bytes() == before
