"""The command line speaks Chinese, even argparse's own parts, and checks every argument it can."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def jianfu(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "jianfu", *args], capture_output=True, text=True, encoding="utf-8", env=env, timeout=120
    )


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("county")
    assert jianfu("demo", str(directory)).returncode == 0
    return directory


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["score"], "缺少必需的参数：FILE"),
        (["bogus"], "没有 'bogus' 这个选项"),
        (["validate", "--nope", "x"], "无法识别的参数：--nope"),
        (["import", "--db"], "后面需要一个值"),
    ],
)
def test_usage_errors_are_chinese_and_exit_2(args: list[str], expected: str) -> None:
    result = jianfu(*args)
    assert result.returncode == 2
    assert result.stderr.startswith("用法：jianfu") and expected in result.stderr, result.stderr
    assert "usage:" not in result.stderr and "error:" not in result.stderr


def test_help_is_chinese() -> None:
    result = jianfu("import", "--help")
    assert result.returncode == 0
    assert "用法：" in result.stdout and "显示本帮助并退出" in result.stdout and "选项" in result.stdout
    assert "show this help" not in result.stdout and "usage:" not in result.stdout


def test_help_section_titles_end_with_a_full_width_colon() -> None:
    """ "参数：" and "选项：" as in Chinese text, in the program's help and every command's."""
    from jianfu.cli.argparse_zh import chinese_argparse
    from jianfu.cli.main import build_parser

    with chinese_argparse():  # as main() does: argparse names its groups when they are made
        parser = build_parser()
        commands = next(a for a in parser._actions if a.dest == "command").choices
        helps = {name: shown.format_help() for name, shown in [("jianfu", parser), *commands.items()]}
    for name, text in helps.items():
        lines = text.splitlines()
        assert "选项：" in lines, name
        assert not [line for line in lines if line.rstrip().endswith(":")], (name, text)
    assert "参数：" in jianfu("score", "--help").stdout.splitlines()  # as a user runs it


def test_a_folder_given_as_a_file_is_named_and_the_rest_are_checked(demo_dir: Path) -> None:
    good = demo_dir / "柳河镇-2026-Q4.jianfu"
    result = jianfu("validate", str(demo_dir), str(good))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    assert "是一个文件夹" in lines[0] and "有效" in lines[1]
    score = jianfu("score", str(demo_dir))
    assert score.returncode == 2 and "文件夹" in score.stderr and "Traceback" not in score.stderr


def test_score_prints_names_not_ids(demo_dir: Path) -> None:
    result = jianfu("score", str(demo_dir / "柳河镇-2026-Q4.jianfu"))
    assert result.returncode == 0 and "痕迹管理异化：" in result.stdout
    assert "trace_alienation" not in result.stdout


def test_demo_onto_an_existing_file_is_a_chinese_error(tmp_path: Path) -> None:
    target = tmp_path / "已有文件"
    target.write_text("x", encoding="utf-8")
    result = jianfu("demo", str(target))
    assert result.returncode == 2 and "不是文件夹" in result.stderr and "Traceback" not in result.stderr


def test_an_uppercase_extension_is_imported_and_an_empty_folder_is_an_error(demo_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "U盘"
    folder.mkdir()
    (folder / "东坝镇-2026-Q4.JIANFU").write_bytes((demo_dir / "东坝镇-2026-Q4.jianfu").read_bytes())
    result = jianfu("import", "--db", str(tmp_path / "county.sqlite3"), str(folder))
    assert result.returncode == 0 and "导入1个" in result.stdout, result.stdout + result.stderr
    empty = tmp_path / "空"
    empty.mkdir()
    result = jianfu("import", "--db", str(tmp_path / "county.sqlite3"), str(empty))
    assert result.returncode == 2 and f"在 {empty} 中找到 0 个 .jianfu 文件" in result.stderr
    # a path that is not there is said to be missing, not a folder holding 0 files
    missing = tmp_path / "没有这个文件夹"
    result = jianfu("import", "--db", str(tmp_path / "county.sqlite3"), str(missing))
    assert result.returncode == 2 and f"{missing} 不存在，没有导入任何内容。请检查路径是否写对。" in result.stderr
    assert "找到 0 个" not in result.stderr


def test_verify_names_the_signer_and_the_county_binding(demo_dir: Path, tmp_path: Path) -> None:
    file = demo_dir / "柳河镇-2026-Q4.jianfu"
    database = tmp_path / "county.sqlite3"
    first = jianfu("verify", str(file), "--db", str(database))
    assert first.returncode == 0 and "签名有效" in first.stdout and "密钥指纹" in first.stdout
    assert not database.exists()  # verify never creates or changes a database
    assert jianfu("import", "--db", str(database), str(file)).returncode == 0
    before = database.read_bytes()
    second = jianfu("verify", str(file), "--db", str(database))
    assert "与县级登记的密钥一致" in second.stdout and database.read_bytes() == before
    own = jianfu("verify")
    assert own.returncode == 0 and "本机的签名密钥指纹" in own.stdout
