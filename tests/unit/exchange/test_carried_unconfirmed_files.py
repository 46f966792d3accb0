"""A next period exported before its carried-over answers were confirmed: the file says so, answer
by answer; the county reads it back flagged, levels it 未完成 and counts it ("沿用上期未确认");
``jianfu validate`` and ``jianfu score`` say it in Chinese. Files without it stay as they were."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from jianfu.cli.main import main
from jianfu.core.answers import unconfirmed
from jianfu.exchange.assessment_file import read_assessment_file
from jianfu.exchange.file_flags import FLAG_UNCONFIRMED, file_flags
from jianfu.reports.county import write_county_pdf
from jianfu.services.county import CountyService
from jianfu.services.county_import import import_files
from jianfu.services.township import AssessmentService


@pytest.fixture
def service(store, library) -> AssessmentService:
    return AssessmentService(store, library)


def _exported(service: AssessmentService, tmp_path: Path) -> tuple[Path, Path, int]:
    """Last period (complete) and the next period, started and exported untouched."""
    assessment, _ = service.prepare_sample()
    previous_id, _ = service.add_from_file(assessment)
    new = service.load(service.next_period(previous_id))
    count = len(unconfirmed(new.checklist, new.assessment.answers))
    folder = tmp_path / "sent"
    folder.mkdir()
    before, after = folder / "before.jianfu", folder / "after.jianfu"
    service.export(service.load(previous_id), before)
    service.export(new, after)
    return before, after, count


def test_the_flag_travels_from_township_to_county_database(service, library, tmp_path: Path) -> None:
    before, after, count = _exported(service, tmp_path)
    document = json.loads(after.read_text(encoding="utf-8"))
    flagged = [k for k, entry in document["answers"].items() if entry.get("carried_unconfirmed")]
    assert len(flagged) >= count > 0
    assert document["scores"]["overall"]["level"] == "incomplete"
    assert document["scores"]["completeness"]["unconfirmed"] == count
    assert b"carried_unconfirmed" not in before.read_bytes()  # a confirmed file is written as before
    assert "unconfirmed" not in json.loads(before.read_text(encoding="utf-8"))["scores"]["completeness"]
    content = read_assessment_file(after, library)
    assert content.unconfirmed == count and FLAG_UNCONFIRMED in file_flags(content)
    assert FLAG_UNCONFIRMED not in file_flags(read_assessment_file(before, library))

    with CountyService.open(tmp_path / "county.sqlite3", library) as county:
        summary = import_files(county.db, library, [before, after])
        assert not summary.rejected
        assert [(p.name, note) for p, note in summary.notes if "沿用上期未确认" in note] == [
            ("after.jianfu", "沿用上期未确认")
        ]
        conn = county.db.conn
        period = content.assessment.period
        stored_id, stored_count, level = conn.execute(
            "SELECT id, unconfirmed, level_overall FROM assessments WHERE period = ? AND content_sha256 IS NOT NULL",
            (period.code,),
        ).fetchone()
        assert (stored_count, level) == (count, "incomplete")
        (unconfirmed_rows,) = conn.execute(
            "SELECT count(*) FROM answers WHERE assessment_id = ? AND confirmed = 0", (stored_id,)
        ).fetchone()
        assert unconfirmed_rows == len(flagged)
        (flags,) = conn.execute(
            "SELECT flags FROM assessment_history WHERE period = ? AND reason = 'current'", (period.code,)
        ).fetchone()
        assert FLAG_UNCONFIRMED in flags.split(",")
        assert county.unconfirmed_townships(period) == [("柳河镇", count)]
        assert county.unconfirmed_townships(period.preceding()) == []  # last period was confirmed
        loaded = county.assessment(stored_id)  # what the drill-down scores
        assert len(unconfirmed(library.latest(), loaded.answers)) == count
        county_summary = county.summary(period)
        assert county_summary.unconfirmed == [("柳河镇", count)]
        pdf = io.BytesIO()
        write_county_pdf(county_summary, pdf)
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.getvalue())).pages))
    assert "其中沿用上期回答未确认的1个：柳河镇" in text


def test_validate_and_score_say_it_in_chinese(service, tmp_path: Path, capsys) -> None:
    before, after, count = _exported(service, tmp_path)
    assert main(["validate", str(before), str(after)]) == 0
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if "有效" in line]
    assert len(lines) == 2
    assert f"{count} 项沿用上期的回答未确认，自查未完成，不评定等级" in next(x for x in lines if "after" in x)
    assert "沿用上期" not in next(x for x in lines if "before" in x)
    assert main(["score", str(after)]) == 0
    out = capsys.readouterr().out
    assert "综合：" in out and "未完成" in out
    assert f"沿用上期未确认{count}项" in out
    assert f"未完成原因：还有{count}项沿用上期的回答未确认（“" in out
