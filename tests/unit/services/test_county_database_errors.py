"""The county database failing mid-way (locked by the window, a full disk, damage) reaches the
command line as a Chinese message with what to do, not as SQLite's English text."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from jianfu.core.errors import JianfuError
from jianfu.services.county import CountyService


@pytest.mark.parametrize(
    ("failure", "words"),
    [
        ("database is locked", ("占用", "等它结束")),
        ("database or disk is full", ("已满", "清理")),
        ("database disk image is malformed", ("损坏", "备份")),
    ],
)
def test_an_sqlite_failure_inside_the_service_becomes_a_chinese_message(
    tmp_path: Path, library, failure: str, words: tuple[str, ...]
) -> None:
    with pytest.raises(JianfuError) as raised, CountyService.open(tmp_path / "county.sqlite3", library):
        raise sqlite3.OperationalError(failure)
    message = str(raised.value)
    assert all(word in message for word in words), message
    assert failure not in message


def test_a_database_that_cannot_be_created_names_the_folder(tmp_path: Path, library) -> None:
    folder = tmp_path / "只读"
    folder.mkdir()
    target = folder / "county.sqlite3"
    target.mkdir()  # a folder where the file should be
    with pytest.raises(JianfuError) as raised:
        CountyService.open(target, library)
    assert str(target) in str(raised.value) and "文件夹" in str(raised.value)


def test_a_read_only_location_is_named_as_such_in_chinese(tmp_path: Path, library, monkeypatch) -> None:
    """SQLite says only "unable to open database file" on a read-only disk, share or write-protected
    USB stick: the message says read-only (not "is the disk still connected"), without the English."""
    import errno

    from jianfu.storage import failures

    path = tmp_path / "county.sqlite3"
    CountyService.open(path, library).close()

    def refused(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(failures.tempfile, "mkstemp", refused)
    with pytest.raises(JianfuError) as raised, CountyService.open(path, library):
        raise sqlite3.OperationalError("unable to open database file")
    message = str(raised.value)
    assert "只读" in message and str(tmp_path) in message and "unable" not in message, message
