"""A place the command line cannot write to — a missing folder, a folder given as the file, no
permission, a read-only or full disk, a file held open by Excel — gives a Chinese message naming
the file and what to do, exit status 2, no traceback and no half-written file."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

# Runs the command with one file operation failing as the system would fail it: the message the
# user sees must not depend on the system's (English) error text.
FAILING = """
import os, pathlib, sys
from jianfu.cli.main import main
code, operation = int(sys.argv[1]), sys.argv[2]
def fail(self, *args, **kwargs):
    raise OSError(code, os.strerror(code), str(self))
setattr(pathlib.Path, operation, fail)
sys.exit(main(sys.argv[3:]))
"""


def run(*args: str, failing: tuple[int, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, "-m", "jianfu", *args]
    if failing:
        command = [sys.executable, "-c", FAILING, str(failing[0]), failing[1], *args]
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", env=env, timeout=300)


@pytest.fixture(scope="module")
def county(tmp_path_factory) -> tuple[Path, Path]:
    """(a township file, a county database with the demo county imported)."""
    directory = tmp_path_factory.mktemp("county")
    assert run("demo", str(directory / "files")).returncode == 0
    database = directory / "county.sqlite3"
    assert run("import", "--db", str(database), str(directory / "files")).returncode in (0, 2)
    return next((directory / "files").glob("柳河镇-2026-Q4.jianfu")), database


def assert_chinese_failure(result: subprocess.CompletedProcess[str], path: Path, *words: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    message = result.stderr.strip()
    assert message.startswith("错误：无法") and str(path) in message, message
    for word in words:
        assert word in message, message
    english = [os.strerror(code) for code in (errno.ENOENT, errno.EACCES, errno.ENOSPC, errno.EROFS, errno.EISDIR)]
    assert not any(text in message for text in english), message
    assert "请" in message  # says what to do
    if path.parent.is_dir():
        assert not list(path.parent.glob("*.part"))  # nothing half-written left behind


def test_report_into_a_missing_folder(county, tmp_path: Path) -> None:
    township, _ = county
    target = tmp_path / "不存在" / "方案.pdf"
    assert_chinese_failure(run("report", str(township), "-o", str(target)), target, "不存在", "建立")


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_report_onto_a_folder(county, tmp_path: Path, suffix: str) -> None:
    township, _ = county
    target = tmp_path / f"方案{suffix}"
    target.mkdir()
    assert_chinese_failure(run("report", str(township), "-o", str(target)), target, "文件夹", "文件名")


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.EACCES, ("没有写入权限", "换一个")),
        (errno.EROFS, ("只读", "换一个位置")),
        (errno.ENOSPC, ("磁盘空间已满", "清理")),
    ],
)
def test_report_on_a_disk_that_refuses_it(county, tmp_path: Path, code: int, words: tuple[str, ...]) -> None:
    township, _ = county
    target = tmp_path / "方案.pdf"
    result = run("report", str(township), "-o", str(target), failing=(code, "write_bytes"))
    assert_chinese_failure(result, target, *words)
    assert not target.exists()


def test_county_workbook_held_open_by_excel(county, tmp_path: Path) -> None:
    """Windows refuses to replace a workbook open in Excel (a sharing violation, EACCES): the
    message says to close it, and the old file is left as it was."""
    _, database = county
    target = tmp_path / "县级汇总.xlsx"
    target.write_bytes(b"the workbook as last exported")
    result = run("county", "--db", str(database), "-o", str(target), failing=(errno.EACCES, "replace"))
    assert_chinese_failure(result, target, "Excel", "关闭")
    assert target.read_bytes() == b"the workbook as last exported"


@pytest.mark.parametrize("suffix", [".xlsx", ".pdf"])
def test_county_summary_into_unwritable_places(county, tmp_path: Path, suffix: str) -> None:
    _, database = county
    missing = tmp_path / "没有这个文件夹" / f"汇总{suffix}"
    assert_chinese_failure(run("county", "--db", str(database), "-o", str(missing)), missing, "不存在")
    folder = tmp_path / f"汇总{suffix}"
    folder.mkdir()
    assert_chinese_failure(run("county", "--db", str(database), "-o", str(folder)), folder, "文件夹")
    full = tmp_path / f"满{suffix}"
    result = run("county", "--db", str(database), "-o", str(full), failing=(errno.ENOSPC, "write_bytes"))
    assert_chinese_failure(result, full, "磁盘空间已满")


def test_county_database_that_cannot_be_created(county, tmp_path: Path) -> None:
    township, _ = county
    target = tmp_path / "县级.sqlite3"
    result = run("import", "--db", str(target), str(township), failing=(errno.EACCES, "mkdir"))
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert str(target) in result.stderr and "请" in result.stderr
    assert os.strerror(errno.EACCES) not in result.stderr
