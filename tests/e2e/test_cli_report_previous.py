"""``jianfu report FILE --previous FILE``: last period's follow-up in the printed plan, run as a user runs it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from e2e import test_cli
from jianfu.core.library import ChecklistLibrary
from jianfu.exchange.assessment_file import read_assessment_file
from jianfu.paths import resources_dir

jianfu = test_cli.jianfu
demo_dir = test_cli.demo_dir  # the sample county, written once for this module

Q4, Q3 = "柳河镇-2026-Q4.jianfu", "柳河镇-2026-Q3.jianfu"


def _pdf_text(path: Path) -> str:
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(path).pages))


def test_the_plan_reports_last_periods_follow_up(demo_dir: Path, tmp_path: Path) -> None:
    library = ChecklistLibrary(resources_dir() / "checklists")
    previous = read_assessment_file(demo_dir / Q3, library).assessment
    current = read_assessment_file(demo_dir / Q4, library).assessment
    done = [i for i in previous.plan if i.status == "已完成" and i.key in {c.key for c in current.plan}]
    dropped = [i for i in previous.plan if i.key not in {c.key for c in current.plan}]
    assert done and dropped  # the sample has both: carried items with a status, and items gone

    output = tmp_path / "方案.pdf"
    result = jianfu("report", str(demo_dir / Q4), "--previous", str(demo_dir / Q3), "-o", str(output))
    assert result.returncode == 0, result.stderr
    text = _pdf_text(output)
    assert "上期整改事项完成情况" in text
    assert f"上期（2026年第三季度）方案列整改事项{len(previous.plan)}项" in text
    assert "上期：已完成" in text  # under a carried item
    assert f"本期未再列入的{len(dropped)}项如下" in text
    for item in dropped:  # each named in the table, in brief
        assert re.sub(r"\s+", "", item.problem)[:12] in text, item.problem

    plain = tmp_path / "无上期.pdf"
    assert jianfu("report", str(demo_dir / Q4), "-o", str(plain)).returncode == 0
    assert "上期" not in _pdf_text(plain)


def test_the_docx_reports_it_too(demo_dir: Path, tmp_path: Path) -> None:
    output = tmp_path / "方案.docx"
    result = jianfu("report", str(demo_dir / Q4), "--previous", str(demo_dir / Q3), "-o", str(output))
    assert result.returncode == 0, result.stderr
    document = Document(str(output))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    text = "\n".join([p.text for p in document.paragraphs] + cells)
    assert "上期整改事项完成情况" in text and "上期：已完成" in text


@pytest.mark.parametrize(
    ("previous", "reason"),
    [
        ("城关街道-2026-Q3.jianfu", "是城关街道（区划代码519901001000）的自查，不是柳河镇"),
        (Q4, "与本期是同一评估期（2026年第四季度），应为上一期2026年第三季度"),
    ],
)
def test_a_file_that_is_not_last_period_is_refused(demo_dir: Path, tmp_path: Path, previous: str, reason: str) -> None:
    output = tmp_path / "方案.pdf"
    result = jianfu("report", str(demo_dir / Q4), "--previous", str(demo_dir / previous), "-o", str(output))
    assert result.returncode == 2
    assert previous in result.stderr and reason in result.stderr
    assert not list(tmp_path.glob("方案*"))  # nor a partial file


def test_a_later_period_is_refused(demo_dir: Path, tmp_path: Path) -> None:
    output = tmp_path / "方案.pdf"
    result = jianfu("report", str(demo_dir / Q3), "--previous", str(demo_dir / Q4), "-o", str(output))
    assert result.returncode == 2
    assert Q4 in result.stderr and "晚于本期（2026年第三季度），应为上一期2026年第二季度" in result.stderr
    assert not output.exists()


def test_a_bad_previous_file_is_refused_by_name(demo_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "坏的上期.jianfu"
    bad.write_text("{", encoding="utf-8")
    output = tmp_path / "方案.docx"
    result = jianfu("report", str(demo_dir / Q4), "--previous", str(bad), "-o", str(output))
    assert result.returncode == 2
    assert "--previous" in result.stderr and "坏的上期.jianfu" in result.stderr and "无效" in result.stderr
    assert not output.exists()
