"""Nothing answered is no score of 0: a manifestation whose every scored item is blank or 不适用
says 尚无作答，未评估 wherever scores are shown (the plan PDF and Word plan with their radar, the
county's summary and workbook after importing such a file, the command line), and an overall
that counts such a manifestation as 0 says it is too low."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from jianfu.cli.main import main
from jianfu.core.answers import Answer
from jianfu.core.assessed import NOT_ASSESSED, read_items
from jianfu.core.assessment import Assessment, Period, Township
from jianfu.core.checklist import Checklist
from jianfu.core.library import ChecklistLibrary
from jianfu.core.scoring import ScoreResult, score_assessment
from jianfu.exchange.assessment_file import to_document, write_assessment_file
from jianfu.exchange.demo import sample_township_assessment
from jianfu.reports.county import write_county_pdf, write_county_workbook
from jianfu.reports.plan_docx import build_rectification_docx
from jianfu.reports.rectification import build_rectification_pdf
from jianfu.services.county import CountyService

SHOTS = os.environ.get("JIANFU_SHOTS")
EMPTY = Township("新建镇", "519901150000", "云溪县")
NAMES = ("痕迹管理异化", "平台建设形式化", "数据填报冗余化", "算法逻辑中心化")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def empty_assessment(checklist: Checklist, answers: dict[str, Answer] | None = None) -> Assessment:
    """As 新建自查 leaves it: the basic facts, nothing else."""
    basic = {"profile.filled_by": Answer("李四"), "profile.cadre_count": Answer(40)}
    return Assessment(
        EMPTY, Period("2026-Q4"), checklist.id, checklist.version, dt.date(2026, 12, 31), {**basic, **(answers or {})}
    )


def plan_text(assessment: Assessment, checklist: Checklist, result: ScoreResult, out: Path) -> str:
    build_rectification_pdf(assessment, checklist, result, out)
    return squeeze("".join(page.extract_text() for page in PdfReader(out).pages))


def test_the_score_says_which_manifestations_are_not_assessed(library: ChecklistLibrary) -> None:
    checklist = library.latest()
    result = score_assessment(checklist, empty_assessment(checklist).answers)
    assert not result.assessed and result.not_assessed == list(NAMES)
    assert all(m.score == 0.0 and not m.assessed for m in result.manifestations.values())
    assert "assessed" not in str(result.to_json())  # the file format stays as it is
    _, sample = sample_township_assessment(library)
    assert sample.assessed and sample.not_assessed == []
    # one answer that algorithm centrism reads, blank or 不适用 everywhere else
    one = score_assessment(checklist, {"apps.dispatch_used": Answer(True), "apps.dispatch_per_month": Answer(30)})
    assert one.manifestations["algorithm_centrism"].assessed and one.assessed
    assert "痕迹管理异化" in one.not_assessed


def test_the_plan_of_an_empty_assessment_shows_no_zero_scores(library: ChecklistLibrary, tmp_path: Path) -> None:
    checklist = library.latest()
    assessment = empty_assessment(checklist)
    result = score_assessment(checklist, assessment.answers)
    out = tmp_path / "plan.pdf"
    text = plan_text(assessment, checklist, result, out)
    summary = text[text.index("二、自查总体情况") : text.index("三、主要问题")]
    assert f"本次自查{NOT_ASSESSED}，不能据此认定没有负担" in summary
    assert "0.0" not in summary and "综合得分" not in summary and "0.0小时" not in summary
    # the score table and the radar's spoke labels: 未评估, not 0.0
    assert summary.count("未评估") >= 4 + 4 + 1
    findings = text[text.index("三、主要问题") :]
    for name in NAMES:
        assert f"{name}（{NOT_ASSESSED}）" in findings
    assert "0.0分" not in text
    assert "本次自查尚未完成，暂不能确定需要整改的事项" in text and "未发现需要整改的事项" not in text
    if SHOTS:
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(out), f"{SHOTS}/plan_empty"], check=True
        )

    document = tmp_path / "plan.docx"
    build_rectification_docx(assessment, checklist, result, document)
    tables = [[[c.text for c in row.cells] for row in table.rows] for table in Document(str(document)).tables]
    scores = next(t for t in tables if t[0] == ["表现", "得分", "等级"])
    assert [row[1] for row in scores[1:]] == ["未评估"] * 5  # the four and 综合
    paragraphs = "".join(p.text for p in Document(str(document)).paragraphs)
    assert "综合得分0.0" not in paragraphs and NOT_ASSESSED in paragraphs


def test_a_partly_answered_plan_says_its_overall_is_too_low(library: ChecklistLibrary, tmp_path: Path) -> None:
    sample, _ = sample_township_assessment(library)
    checklist = library.get(sample.checklist_id, sample.checklist_version)
    # everything answered as the sample did but what data-filing redundancy reads
    filing = set(read_items(checklist, "filing_redundancy"))
    answers = {k: v for k, v in sample.answers.items() if k not in filing}
    assessment = replace(sample, answers=answers)
    result = score_assessment(checklist, answers)
    assert result.not_assessed == ["数据填报冗余化"]
    text = plan_text(assessment, checklist, result, tmp_path / "plan.pdf")
    assert f"其中数据填报冗余化{NOT_ASSESSED}，暂按0分计入综合得分，综合得分因此偏低" in text
    assert f"综合得分{result.overall:.1f}分" in text
    trace = result.manifestations["trace_alienation"]
    assert f"痕迹管理异化（{trace.score:.1f}分，{trace.level_label}）" in text
    assert f"数据填报冗余化（{NOT_ASSESSED}）" in text


def test_an_imported_empty_file_shows_no_zero_scores_in_the_county(
    qtbot, qapp, library: ChecklistLibrary, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from PySide6.QtCore import Qt

    from jianfu.ui.county.county_window import CountyWindow

    checklist = library.latest()
    empty = empty_assessment(checklist)
    path = tmp_path / "新建镇-2026-Q4.jianfu"
    write_assessment_file(path, to_document(empty, score_assessment(checklist, empty.answers)))
    sample, sample_result = sample_township_assessment(library)
    other = tmp_path / "柳河镇-2026-Q4.jianfu"
    write_assessment_file(other, to_document(sample, sample_result))

    assert main(["score", str(path)]) == 0  # the command line
    printed = capsys.readouterr().out
    assert f"痕迹管理异化：{NOT_ASSESSED}" in printed and f"综合：{NOT_ASSESSED}" in printed
    assert "0.0 分" not in printed and "指尖工时" not in printed

    service = CountyService.open(tmp_path / "county.sqlite3", library)
    try:
        assert not service.import_files([path, other]).rejected
        summary = service.summary(Period("2026-Q4"))
        pdf = io.BytesIO()
        write_county_pdf(summary, pdf)
        raw = "".join(page.extract_text() for page in PdfReader(pdf).pages)
        text = squeeze(raw)
        row = text[text.rindex("新建镇") :][:80]  # its line in the table (the first names it as unfinished)
        assert row.count(NOT_ASSESSED) == 5 and "0.0" not in row, row
        assert raw[raw.rindex("新建镇") :].count("未评估") == 5  # each cell breaks after "，", not inside a word
        book = io.BytesIO()
        write_county_workbook(summary, book)
        sheet = load_workbook(book)["总览"]
        header = [c.value for c in sheet[1]]
        line = next([c.value for c in r] for r in sheet.iter_rows(min_row=2) if r[1].value == "新建镇")
        cells = dict(zip(header, line, strict=False))
        assert [cells[name] for name in (*NAMES, "综合", "每人每月指尖工时")] == [None] * 6
        assert cells["等级"] == NOT_ASSESSED
        assert isinstance(next(r[3].value for r in sheet.iter_rows(min_row=2) if r[1].value == "柳河镇"), float)
    finally:
        service.close()

    from jianfu.ui.appearance import install_translation

    install_translation(qapp)  # the window as the inspector reads it, in Chinese (as tests/unit/ui do)
    window = CountyWindow(library, tmp_path / "county.sqlite3")
    qtbot.addWidget(window)
    try:
        model = window.overview.model()
        rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
        shown = [model.index(rows["新建镇"], c).data() for c in range(1, 7)]
        assert shown == [NOT_ASSESSED] * 5 + ["—"]
        assert (
            model.index(rows["柳河镇"], 1).data().split()[0]
            == f"{sample_result.manifestations['trace_alienation'].score:.1f}"
        )
        window.resize(1200, 500)
        window.show()
        if SHOTS:
            window.grab().save(f"{SHOTS}/county_empty.png")
        assert model.headerData(0, Qt.Orientation.Horizontal)
    finally:
        window.county.close()
