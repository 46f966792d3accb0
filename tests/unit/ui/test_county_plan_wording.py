"""Plan texts as the county reads them (QA walk4 #4, #10): files drafted by earlier versions carry
"约占 7.4 小时" and "见“主要问题”部分"; the drill-down and the workbook show them in the documents'
numerals, pointing at the township's own plan."""

from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook

from jianfu.core import plan, plan_text
from jianfu.exchange.demo import write_demo
from jianfu.reports.county import write_county_workbook
from jianfu.services.county import CountyService
from jianfu.services.county_import import collect_files
from jianfu.ui.county.drilldown import DrilldownDialog

SPACED = re.compile(r"[\u4e00-\u9fff] +\d|\d +[\u4e00-\u9fff]")
OLD_REFERENCE = "见“主要问题”部分"


@pytest.fixture(scope="module")
def county(tmp_path_factory, library):
    """A county holding the sample county as an earlier version drafted its plans."""
    directory = tmp_path_factory.mktemp("old")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(plan, "_drafted", plan.local_wording)  # the templates' spaces kept
        patch.setattr(plan_text, "OTHERS_CLOSING", "个相关问题，见“主要问题”部分。")
        write_demo(directory, library)
    service = CountyService.open(tmp_path_factory.mktemp("county") / "county.sqlite3", library)
    service.import_files(collect_files([directory]))
    yield service
    service.close()


def test_older_files_carry_the_spaced_text(county) -> None:
    texts = [text for row in county.summary().plan_items for text in row[1:3]]
    assert any(SPACED.search(t) for t in texts) and any(OLD_REFERENCE in t for t in texts)


def test_workbook_shows_the_townships_plans_in_the_documents_numerals(county) -> None:
    buffer = io.BytesIO()
    write_county_workbook(county.summary(), buffer)
    book = load_workbook(io.BytesIO(buffer.getvalue()))
    shown = 0
    for sheet, columns in (("全部整改事项", ("问题", "整改措施")), ("提请协调事项", ("问题", "提请协调事项"))):
        ws = book[sheet]
        header = [c.value for c in ws[1]]
        for row in ws.iter_rows(min_row=2, values_only=True):
            for column in columns:
                text = row[header.index(column)] or ""
                assert not SPACED.search(text) and OLD_REFERENCE not in text, text
                shown += "小时" in text or "另有" in text
    assert shown > 10
    items = book["全部整改事项"]
    towns_with_rest = [r[0] for r in items.iter_rows(min_row=2, values_only=True) if "（见本" in (r[1] or "")]
    assert towns_with_rest
    for town, problem, *_ in items.iter_rows(min_row=2, values_only=True):
        if "另有" in problem:
            own = "本街道" if town.endswith("街道") else "本乡" if town.endswith("乡") else "本镇"
            assert f"（见{own}整改方案“主要问题”）" in problem, (town, problem)


def test_drill_down_plan_tab_shows_the_plan_as_printed(qtbot, county, library) -> None:
    checked = 0
    for overview in county.overview(county.periods()[-1]):
        assessment = county.assessment(overview.assessment_id)
        dialog = DrilldownDialog(assessment, library.get("township-selfcheck", assessment.checklist_version))
        qtbot.addWidget(dialog)
        for row, entry in enumerate(assessment.plan):
            for column, stored in ((0, entry.problem), (1, entry.measure)):
                cell = dialog.plan.item(row, column)
                assert not SPACED.search(cell.text()) and OLD_REFERENCE not in cell.text()
                assert cell.toolTip() == cell.text()
                checked += SPACED.search(stored) is not None
    assert checked > 10  # the stored text was spaced: the dialog changed what it shows, not the file
