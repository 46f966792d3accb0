"""County averages rest only on assessments given a level: a file left 未完成 (here: basic
information blanked, then exported as a township would) is listed but kept out of every average,
and the summary and window say so."""

from __future__ import annotations

import io
import re
from pathlib import Path

from pypdf import PdfReader

from jianfu.core.answers import Answer
from jianfu.exchange.assessment_file import read_assessment_file
from jianfu.exchange.demo import write_demo
from jianfu.reports.county import write_county_pdf
from jianfu.services.county import CountyService
from jianfu.services.county_import import import_files
from jianfu.services.township import AssessmentService


def _incomplete_copy(path: Path, library, store, target: Path) -> Path:
    """The township's file, with its cadre count blanked and exported again by the wizard's service."""
    service = AssessmentService(store, library)
    assessment_id, _ = service.add_from_file(read_assessment_file(path, library).assessment)
    opened = service.load(assessment_id)
    service.save_answer(opened, "profile.cadre_count", Answer(None))
    service.export(service.load(assessment_id), target)
    return target


def test_incomplete_files_are_kept_out_of_the_averages(library, store, tmp_path: Path) -> None:
    files = [f for f in write_demo(tmp_path / "demo", library) if "2026-Q4" in f.name]
    blanked = _incomplete_copy(files[0], library, store, tmp_path / "blanked.jianfu")
    with CountyService.open(tmp_path / "county.sqlite3", library) as county:
        assert not import_files(county.db, library, [blanked, *files[1:]]).rejected
        period = read_assessment_file(files[0], library).assessment.period
        summary = county.summary(period)
        rows = {r.township: r for r in summary.rows}
        incomplete = read_assessment_file(blanked, library).assessment.township.name
        assert rows[incomplete].overall_level == "incomplete"
        rated = [r for r in summary.rows if r.township != incomplete]
        expected = round(sum(r.overall for r in rated) / len(rated), 1)
        assert summary.average("overall") == expected and len(summary.rated) == len(rated)

        count, rated_count, averages = county.averages(period)
        assert (count, rated_count) == (len(files), len(files) - 1)
        mean = sum(r.scores["trace_alienation"] for r in rated) / len(rated)
        assert abs(averages["trace_alienation"] - mean) < 0.05

        pdf = io.BytesIO()
        write_county_pdf(summary, pdf)
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.getvalue())).pages))
    assert f"本期共有{len(files)}个乡镇（街道）报送自查文件，其中1个自查未完成，不评定等级，不计入以下平均数" in text
    assert f"评定等级的{len(files) - 1}个乡镇四种表现平均得分" in text
    assert f"综合{expected:.1f}分" in text
