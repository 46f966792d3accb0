"""County outputs show a department figure only where the townships were asked it: checklist v2
has no 排名 or 在线时长 question (one 打卡、排名或在线时长要求 column instead), so a v2 round has no
such columns, and in a round mixing v1 and v2 a department whose townships all answered v2 shows
"not surveyed" there, never 0 — in the summary PDF, the workbook and the county window."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from jianfu.core.answers import Answer
from jianfu.core.assessment import Assessment, Period, Township
from jianfu.core.county import Outcome
from jianfu.core.scoring import score_assessment
from jianfu.exchange.assessment_file import read_assessment_file, to_document, write_assessment_file
from jianfu.exchange.demo import write_demo
from jianfu.reports.county import NOT_ASKED_CELL, NOT_ASKED_NOTE, write_county_pdf, write_county_workbook
from jianfu.services.county import CountyService

Q4 = Period("2026-Q4")
V2_CHECKIN = "打卡、排名或在线时长要求"
V2_ONLY = "县应急管理局"  # a department in the demo county, which answered v2 only


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def v1_file(folder: Path, library) -> Path:
    """A township that still answered checklist v1: two apps with 排名 and 在线时长, one of a
    department only it names, one of a department the v2 townships name too."""
    checklist = library.get("township-selfcheck", 1)
    rows = [
        {"name": "老干部学习平台", "department": "县老干部局", "ranking": True, "online_time": True, "checkin": False},
        {"name": "组工积分", "department": "县委组织部", "ranking": True, "online_time": False, "checkin": True},
    ]
    answers = {
        "profile.cadre_count": Answer(40),
        "apps.inventory": Answer([{"row_id": f"r{n:012x}", "cells": cells} for n, cells in enumerate(rows)]),
    }
    assessment = Assessment(
        Township("旧版镇", "519901190000", "云溪县"), Q4, checklist.id, 1, dt.date(2026, 12, 31), answers
    )
    path = folder / "旧版镇-2026-Q4.jianfu"
    document = to_document(assessment, score_assessment(checklist, answers), exported_at="2027-01-01T09:00:00")
    write_assessment_file(path, document)
    return path


@pytest.fixture(scope="module")
def demo_files(tmp_path_factory, library) -> Path:
    folder = tmp_path_factory.mktemp("files")
    write_demo(folder, library)
    return folder


def county_with(tmp_path: Path, library, files: list[Path], legacy: Path | None = None) -> CountyService:
    """The files imported; ``legacy`` stored on the checklist version it was answered with, as
    an earlier release of the program stored it (today's import carries it to v2 first)."""
    service = CountyService.open(tmp_path / "county.sqlite3", library)
    summary = service.import_files(files)
    assert not summary.rejected, summary.rejected
    if legacy is not None:
        content = read_assessment_file(legacy, library)
        checklist = library.get(content.assessment.checklist_id, content.assessment.checklist_version)
        assert checklist.version == 1
        result = score_assessment(checklist, content.assessment.answers)
        assert service.store.store_import(content, checklist, result) is Outcome.IMPORTED
    return service


def workbook_departments(summary) -> list[tuple]:
    buffer = io.BytesIO()
    write_county_workbook(summary, buffer)
    sheet = load_workbook(io.BytesIO(buffer.getvalue()))["条线部门"]
    return [tuple(r) for r in sheet.iter_rows(values_only=True)]


def pdf_department_section(summary) -> str:
    buffer = io.BytesIO()
    write_county_pdf(summary, buffer)
    text = squeeze("".join(p.extract_text() for p in PdfReader(io.BytesIO(buffer.getvalue())).pages))
    return text[text.index("四、条线部门归因") : text.index("五、共性问题")]


def test_a_v2_round_has_no_columns_v2_never_asks(tmp_path: Path, library, demo_files: Path) -> None:
    with county_with(tmp_path, library, sorted(demo_files.glob("*.jianfu"))) as county:
        summary = county.summary(Q4)
    assert list(summary.figure_headers) == [
        "townships",
        "apps",
        "checkin",
        "forced_download",
        "filing_tasks",
        "duplicate_filings",
    ]
    sheet = workbook_departments(summary)
    assert sheet[0] == (
        "县级部门",
        "其他写法",
        "涉及乡镇数",
        "应用/群",
        V2_CHECKIN,
        "强制下载注册",
        "报表任务",
        "重复报送",
        "月耗工时",
        "提请协调事项（项）",
    )
    assert all(NOT_ASKED_CELL not in row for row in sheet)  # every township was asked every column shown
    section = pdf_department_section(summary)
    assert V2_CHECKIN in section and "积分排名" not in section and "在线时长" not in section.replace(V2_CHECKIN, "")
    assert squeeze(NOT_ASKED_NOTE) not in section
    # the first department's figures in the PDF's order, no 0 for a question never asked
    first = summary.departments[0]
    assert squeeze(first.name) + "".join(str(first.figure(f)) for f in summary.figure_headers) in section


def test_a_mixed_round_marks_what_a_departments_townships_were_not_asked(
    tmp_path: Path, library, demo_files: Path
) -> None:
    files = sorted(demo_files.glob("*-2026-Q4.jianfu"))
    with county_with(tmp_path, library, files, v1_file(tmp_path, library)) as county:
        summary = county.summary(Q4)
    headers = summary.figure_headers
    assert list(headers)[2:5] == ["checkin", "ranking", "online_time"]  # v1's township was asked them
    assert headers["checkin"] == V2_CHECKIN and headers["ranking"] == "积分排名"  # the newest label
    by_name = {d.name: d for d in summary.departments}
    assert by_name["县老干部局"].figure("ranking") == 1 and by_name["县老干部局"].figure("online_time") == 1
    assert by_name["县委组织部"].figure("ranking") == 1  # v1 and v2 townships: v1's answer counts
    assert by_name[V2_ONLY].figure("ranking") is None and by_name[V2_ONLY].figure("online_time") is None
    assert by_name[V2_ONLY].figure("checkin") is not None
    sheet = workbook_departments(summary)
    columns = sheet[0]
    rows = {row[0]: dict(zip(columns, row, strict=True)) for row in sheet[1:]}
    assert rows[V2_ONLY]["积分排名"] == NOT_ASKED_CELL and rows[V2_ONLY]["在线时长要求"] == NOT_ASKED_CELL
    assert rows["县老干部局"]["积分排名"] == 1 and rows["县委组织部"]["积分排名"] == 1
    assert isinstance(rows[V2_ONLY]["涉及乡镇数"], int)
    section = pdf_department_section(summary)
    assert squeeze(NOT_ASKED_NOTE) in section
    emergency = by_name[V2_ONLY]
    expected = "".join("—" if emergency.figure(f) is None else str(emergency.figure(f)) for f in summary.figure_headers)
    assert squeeze(V2_ONLY) + expected in section


def test_the_county_window_shows_not_surveyed_not_zero(qtbot, tmp_path: Path, library, demo_files: Path) -> None:
    from PySide6.QtCore import Qt

    from jianfu.ui.county.county_window import CountyWindow

    files = sorted(demo_files.glob("*-2026-Q4.jianfu"))
    county_with(tmp_path, library, files, v1_file(tmp_path, library)).close()
    window = CountyWindow(library, tmp_path / "county.sqlite3")
    qtbot.addWidget(window)
    try:
        model = window.departments.model()
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
        assert V2_CHECKIN in headers and "积分排名" in headers and "在线时长要求" in headers
        ranking = headers.index("积分排名")
        rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
        cell = model.index(rows[V2_ONLY], ranking)
        assert cell.data() == "—" and cell.data(Qt.ItemDataRole.ToolTipRole)  # says why
        assert model.index(rows["县老干部局"], ranking).data() == "1"
        # a v2-only round: no 排名 column at all
        only_v2 = tmp_path / "v2"
        only_v2.mkdir()
        service = county_with(only_v2, library, sorted(demo_files.glob("*-2026-Q4.jianfu")))
        service.close()
        other = CountyWindow(library, only_v2 / "county.sqlite3")
        qtbot.addWidget(other)
        model = other.departments.model()
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
        assert "积分排名" not in headers and V2_CHECKIN in headers and len(headers) == 9
        other.county.close()
    finally:
        window.county.close()
