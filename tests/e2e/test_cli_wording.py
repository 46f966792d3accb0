"""What the command line says, run as a user runs it: the checklist by its Chinese title, help
for every argument, a file of another kind named as such, progress lines in a log, examples one a
line."""

from __future__ import annotations

import argparse
import re
import unicodedata
from pathlib import Path

import pytest
from test_cli import jianfu

from jianfu.cli.argparse_zh import COMMAND_LINE, NO_LINE_START, chinese_argparse, wrap_cells
from jianfu.cli.main import build_parser

TITLE = "《乡镇（街道）“指尖上的形式主义”自查清单》"


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("county")
    assert jianfu("demo", str(directory)).returncode == 0
    return directory


def test_validate_names_the_checklist_by_its_title(demo_dir: Path) -> None:
    result = jianfu("validate", str(demo_dir / "柳河镇-2026-Q4.jianfu"))
    assert result.returncode == 0
    assert re.search(f"有效 — 云溪县柳河镇 2026年第四季度，{TITLE}第\\d+版", result.stdout), result.stdout
    assert "township-selfcheck" not in result.stdout


def test_every_argument_has_help() -> None:
    with chinese_argparse():
        parser = build_parser()
        commands = next(a for a in parser._actions if a.dest == "command").choices
    for name, command in [("jianfu", parser), *commands.items()]:
        for action in command._actions:
            if isinstance(action, argparse._SubParsersAction):
                continue
            assert action.help, (name, action.metavar or action.dest)
    text = jianfu("import", "--help").stdout
    assert "PATH        乡镇报来的 .jianfu 文件或存放它们的文件夹" in text
    assert "--db DB     县级数据库文件（不存在时新建）" in text


def test_a_file_of_another_kind_is_named_as_such(tmp_path: Path, demo_dir: Path) -> None:
    passwd = tmp_path / "passwd"
    passwd.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    cut = tmp_path / "截断.jianfu"
    cut.write_bytes((demo_dir / "柳河镇-2026-Q4.jianfu").read_bytes()[:500])
    result = jianfu("validate", str(passwd), str(cut))
    assert result.returncode == 2
    lines = result.stdout.splitlines()
    assert lines[0] == f"{passwd}: 无效 — 不是减负助手的自查文件（内容不是 JSON 格式）"
    assert lines[1].startswith(f"{cut}: 无效 — 不是完整的 JSON（")  # ours, cut short: said so
    assert "此处缺少内容" not in lines[0]


def test_import_progress_into_a_log_is_one_line_each(tmp_path: Path, demo_dir: Path) -> None:
    files = sorted(demo_dir.glob("*.jianfu"))
    result = jianfu("import", "--db", str(tmp_path / "县级.sqlite3"), str(demo_dir))
    assert result.returncode == 0, result.stderr
    assert "\r" not in result.stderr
    assert result.stderr.splitlines() == [f"导入进度：0/{len(files)}", f"导入进度：{len(files)}/{len(files)}"]
    assert f"导入{len(files)}个" in result.stdout


def test_county_help_lists_one_example_a_line() -> None:
    lines = jianfu("county", "--help").stdout.splitlines()
    at = lines.index("示例：jianfu county --db 县级汇总.sqlite3 -o 县级汇总.xlsx --period 2026-Q4")
    assert lines[at + 1] == "　　　jianfu county --db 县级汇总.sqlite3 --departments -o 督办函/"  # under the first


def display_cells(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


@pytest.mark.parametrize("command", ["import", "report", "county", "score"])
def test_help_fits_an_80_column_terminal_counting_chinese_as_two(command: str) -> None:
    """argparse counts characters and breaks only at spaces: a Chinese description ran off an
    80-column console (cmd.exe, UOS's terminal) as one 200-column line."""
    text = jianfu(command, "--help", env={"COLUMNS": "80"}).stdout
    for line in text.splitlines():
        if COMMAND_LINE.match(line):  # example commands are copied whole
            continue
        assert display_cells(line) <= 80, line
        assert not line.lstrip() or line.lstrip()[0] not in NO_LINE_START, line
    examples = [line.lstrip("　 ").removeprefix("示例：") for line in text.splitlines() if COMMAND_LINE.match(line)]
    assert examples and all(e.startswith("jianfu ") for e in examples)


def test_wrapping_keeps_closing_punctuation_on_its_line() -> None:
    lines = wrap_cells("甲" * 9 + "。乙丙", 20)
    assert lines == ["甲" * 9 + "。", "乙丙"]  # 20 cells plus the full stop, never a line opening with it
    assert wrap_cells("见 .jianfu 文件", 20) == ["见 .jianfu 文件"]
    assert all(display_cells(x) <= 20 for x in wrap_cells("检查并导入文件" * 10, 20))


def test_import_never_makes_a_county_database_where_the_township_keeps_its_own(tmp_path: Path, demo_dir: Path) -> None:
    """A county database made at the desktop program's own place left the program refusing to open
    there (another kind of database) with no way to the county window; another name is asked for."""
    home = tmp_path / "home"
    home.mkdir()
    result = jianfu("import", "--db", str(home / "jianfu.sqlite3"), str(demo_dir), env={"JIANFU_HOME": str(home)})
    assert result.returncode == 2
    assert "本机桌面程序存放本镇自查的位置，不能在这里新建县级汇总数据库" in result.stderr
    assert not (home / "jianfu.sqlite3").exists()
    elsewhere = jianfu("import", "--db", str(home / "县级汇总.sqlite3"), str(demo_dir), env={"JIANFU_HOME": str(home)})
    assert elsewhere.returncode == 0 and (home / "县级汇总.sqlite3").exists()
