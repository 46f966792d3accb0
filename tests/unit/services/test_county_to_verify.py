"""The county overview, summary PDF and workbook name the townships the county should verify
(the checklist's ``verify`` notes: "no platform dispatch"), as the drill-down does for one."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from jianfu.core.answers import Answer
from jianfu.core.assessment import Period
from jianfu.core.consistency import to_verify
from jianfu.exchange.assessment_file import to_document, write_assessment_file
from jianfu.exchange.demo import sample_assessments, write_demo
from jianfu.reports.county import write_county_pdf, write_county_workbook
from jianfu.services.county import CountyService
from jianfu.services.county_import import collect_files
from jianfu.storage.county_verify import TablesOnDemand

NOTE = "答不通过平台接收系统派单、每月派单数为0，请县级对照12345热线和网格化平台的派单记录核实"


@pytest.fixture(scope="module")
def county(tmp_path_factory, library):
    folder = tmp_path_factory.mktemp("verify")
    write_demo(folder / "demo", library)
    service = CountyService.open(folder / "county.sqlite3", library)
    service.import_files(collect_files([folder / "demo"]))
    yield service
    service.close()


def test_townships_answering_no_dispatch_are_named_from_their_stored_answers(county, library) -> None:
    latest = Period("2026-Q4")
    found = county.to_verify(latest)
    no_dispatch = {
        a.township.name
        for a, _ in sample_assessments(library)
        if a.period == latest and a.answers["apps.dispatch_used"].value is False
    }
    assert no_dispatch == {"马鞍乡", "桃源乡"}  # the demo's two townships without platform dispatch
    assert [t.township for t in found] == ["马鞍乡", "桃源乡"]  # division-code order
    assert all(t.notes == ("本镇" + NOTE + "。",) for t in found)  # the checklist's words, to group by
    # the summary's act-on page names them once, with the note said of them
    pdf = io.BytesIO()
    write_county_pdf(county.summary(latest), pdf)
    pages = ["".join((page.extract_text() or "").split()) for page in PdfReader(pdf).pages]
    text = "".join(pages)
    assert "（六）请县级核实：马鞍乡、桃源乡（共2个）" + NOTE + "。" in text
    assert text.index("（六）请县级核实") < text.index("二、总体情况")
    # the workbook: one column, each township's own wording (a 乡 says 本乡)
    book = io.BytesIO()
    write_county_workbook(county.summary(latest), book)
    sheet = load_workbook(book, read_only=True)["总览"]
    rows = list(sheet.values)
    column = rows[0].index("请县级核实")
    by_name = {r[1]: r[column] for r in rows[1:]}
    assert by_name["马鞍乡"] == "本乡" + NOTE + "。" and by_name["桃源乡"] == "本乡" + NOTE + "。"
    assert all(not v for name, v in by_name.items() if name not in {"马鞍乡", "桃源乡"})


def test_a_v2_file_without_dispatch_is_named_once_carried_to_v3(library, tmp_path: Path) -> None:
    """v2 never showed this note; its file, carried to v3 at import, is named like a v3 one."""
    files = tmp_path / "files"
    files.mkdir()
    for assessment, result in sample_assessments(library, version=2):
        if assessment.period.code == "2026-Q4" and assessment.township.name in {"马鞍乡", "柳河镇"}:
            path = files / f"{assessment.township.division_code}.jianfu"
            write_assessment_file(path, to_document(assessment, result, exported_at="2026-12-05T09:00:00"))
    with CountyService.open(tmp_path / "county.sqlite3", library) as county:
        county.import_files(collect_files([files]))
        assert [(t.township, t.notes) for t in county.to_verify(Period("2026-Q4"))] == [
            ("马鞍乡", ("本镇" + NOTE + "。",))
        ]


def test_a_note_reading_the_inventory_reads_it_only_where_the_other_answers_hold(library, tmp_path: Path) -> None:
    """v4's note on tracing time beside daily check-in apps reads the inventory: the rows are read
    for the townships whose tracing time makes them matter, and the result is the drill-down's."""
    write_demo(tmp_path / "demo", library)
    with CountyService.open(tmp_path / "county.sqlite3", library) as county:
        county.import_files(collect_files([tmp_path / "demo"]))
        latest = Period("2026-Q4")
        conn = county.db.conn
        ids = [i for (i,) in conn.execute("SELECT id FROM assessments WHERE period = ? ORDER BY id", (latest.code,))]
        heavy = ids[::2]  # half the townships say 40 minutes of tracing a day: their inventory decides
        conn.executemany(
            "UPDATE answers SET value = '40' WHERE assessment_id = ? AND item_id = 'traces.minutes_per_day'",
            [(i,) for i in heavy],
        )
        expected = {}
        for assessment_id in ids:
            assessment = county.assessment(assessment_id)
            checklist = library.get(assessment.checklist_id, assessment.checklist_version)
            notes = tuple(to_verify(checklist, assessment.answers))
            if notes:
                expected[assessment.township.name] = notes
        found = {t.township: t.notes for t in county.to_verify(latest)}
        assert found == expected
        tracing = {name for name, notes in found.items() if any("留痕时间" in n for n in notes)}
        heavy_names = {county.assessment(i).township.name for i in heavy}
        assert tracing and tracing < heavy_names  # some of the 40-minute townships have no daily check-in app


def test_a_tables_answer_is_read_when_asked_for_only() -> None:
    reads = []
    with_rows = {"apps.inventory": Answer([{"row_id": "r1", "cells": {}}]), "traces.minutes_per_day": Answer(10)}
    answers = TablesOnDemand(
        {"apps.inventory": Answer([]), "traces.minutes_per_day": Answer(10)},
        ["apps.inventory"],
        lambda: reads.append(1) or with_rows,
    )
    assert answers["traces.minutes_per_day"].value == 10 and not answers.loaded and not reads
    assert answers.get("apps.inventory") == with_rows["apps.inventory"] and answers.loaded and reads == [1]
    assert answers["apps.inventory"] == with_rows["apps.inventory"] and reads == [1]  # read once
