"""The command line, run as a user runs it: a separate process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jianfu import __version__

MANIFESTATIONS = {"trace_alienation", "platform_formalism", "filing_redundancy", "algorithm_centrism"}


def jianfu(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "jianfu", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        timeout=120,
    )


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("county")
    result = jianfu("demo", str(directory))
    assert result.returncode == 0, result.stderr
    return directory


def test_version() -> None:
    result = jianfu("--version")
    assert result.returncode == 0 and __version__ in result.stdout


def test_demo_validate_score(demo_dir: Path) -> None:
    files = sorted(demo_dir.glob("*.jianfu"))
    assert len(files) >= 12
    validated = jianfu("validate", *map(str, files))
    assert validated.returncode == 0, validated.stdout
    assert validated.stdout.count("有效") == len(files)
    scored = jianfu("score", str(demo_dir / "柳河镇-2026-Q4.jianfu"), "--json")
    assert scored.returncode == 0, scored.stderr
    data = json.loads(scored.stdout)
    assert set(data["manifestations"]) == MANIFESTATIONS
    for entry in data["manifestations"].values():
        assert 0 <= entry["score"] <= 100 and entry["level"]
    assert data["overall"]["level"] and data["fingertip_hours_per_cadre_month"] > 0
    text = jianfu("score", str(demo_dir / "柳河镇-2026-Q4.jianfu"))
    assert "痕迹管理异化" in text.stdout and "算法逻辑中心化" in text.stdout


def test_validate_reports_each_file_and_exits_2(demo_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "坏文件.jianfu"
    bad.write_text("{", encoding="utf-8")
    good = demo_dir / "柳河镇-2026-Q4.jianfu"
    result = jianfu("validate", str(good), str(bad))
    assert result.returncode == 2
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2
    assert "有效" in lines[0] and "坏文件.jianfu" in lines[1] and "无效" in lines[1]


def test_score_of_a_missing_file_exits_2_in_chinese(tmp_path: Path) -> None:
    result = jianfu("score", str(tmp_path / "没有.jianfu"))
    assert result.returncode == 2
    assert "没有.jianfu" in result.stderr and "无法读取" in result.stderr


def test_every_command_has_help_with_an_example() -> None:
    from jianfu.cli.main import build_parser

    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    for name, sub in subparsers.choices.items():
        assert "示例" in (sub.epilog or ""), name
        assert sub.description, name


def test_report_writes_a_pdf(demo_dir: Path, tmp_path: Path) -> None:
    output = tmp_path / "整改方案.pdf"
    result = jianfu("report", str(demo_dir / "柳河镇-2026-Q4.jianfu"), "-o", str(output))
    assert result.returncode == 0, result.stderr
    assert output.read_bytes().startswith(b"%PDF")
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(output).pages)
    assert "柳河镇" in text and "整改任务清单" in text


def test_report_of_a_tampered_file_exits_2(demo_dir: Path, tmp_path: Path) -> None:
    tampered = tmp_path / "改过.jianfu"
    tampered.write_text(
        (demo_dir / "柳河镇-2026-Q4.jianfu").read_text(encoding="utf-8").replace("柳河镇", "柳湖镇"),
        encoding="utf-8",
    )
    output = tmp_path / "out.pdf"
    result = jianfu("report", str(tampered), "-o", str(output))
    assert result.returncode == 2 and "校验码" in result.stderr
    assert not output.exists()


def test_county_import_and_summary(demo_dir: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    db = tmp_path / "county.sqlite3"
    bad = tmp_path / "incoming" / "坏.jianfu"
    bad.parent.mkdir()
    bad.write_text("{", encoding="utf-8")
    result = jianfu("import", "--db", str(db), str(demo_dir), str(bad))
    assert result.returncode == 2  # one file rejected, the good ones still imported
    assert "导入18个" in result.stdout and "拒收1个" in result.stdout and "坏.jianfu" in result.stdout
    again = jianfu("import", "--db", str(db), str(demo_dir))
    assert again.returncode == 0 and "未变18个" in again.stdout
    xlsx = tmp_path / "县级汇总.xlsx"
    assert jianfu("county", "--db", str(db), "-o", str(xlsx)).returncode == 0
    assert load_workbook(xlsx).sheetnames[0] == "总览"
    pdf = tmp_path / "县级汇总.pdf"
    assert jianfu("county", "--db", str(db), "-o", str(pdf), "--period", "2026-Q3").returncode == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    missing = jianfu("county", "--db", str(db), "-o", str(pdf), "--period", "2020-Q1")
    assert missing.returncode == 2 and "没有2020年第一季度" in missing.stderr


def test_catalogue_export(demo_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "county.sqlite3"
    assert jianfu("import", "--db", str(db), str(demo_dir)).returncode == 0
    out = tmp_path / "目录.jianfu-catalogue"
    result = jianfu("catalogue", "--db", str(db), "-o", str(out))
    assert result.returncode == 0 and "已导出平台目录" in result.stdout
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == "jianfu-catalogue"
    missing = jianfu("catalogue", "--db", str(tmp_path / "none.sqlite3"), "-o", str(out))
    assert missing.returncode == 2 and "不存在" in missing.stderr
