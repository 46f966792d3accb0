"""Every department the townships ask to act is in the department view (QA walk4 #5): the demo
county sent 16 notices while the 条线部门 tab, sheet and PDF listed 14 (县委办公室 and
县生态环境局 are named in requests only, by no table row)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from jianfu.core.attribution import UNKNOWN_DEPARTMENT
from jianfu.exchange.demo import write_demo
from jianfu.reports.county import write_county_pdf, write_county_workbook
from jianfu.services.county import CountyService
from jianfu.services.county_import import collect_files
from jianfu.storage.county_counts import NO_DEPARTMENT_NAMED

REQUEST_ONLY = ("县委办公室", "县生态环境局")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_pages(data: bytes) -> list[str]:
    return [squeeze(p.extract_text()) for p in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture(scope="module")
def summary_and_notices(tmp_path_factory, library):
    directory = tmp_path_factory.mktemp("demo")
    write_demo(directory, library)
    with CountyService.open(tmp_path_factory.mktemp("county") / "county.sqlite3", library) as county:
        county.import_files(collect_files([directory]))
        data = county.summary()
        yield data, county.department_notices(data)


def test_every_department_sent_a_notice_is_listed(summary_and_notices) -> None:
    data, notices = summary_and_notices
    listed = {d.name: d for d in data.departments}
    assert {n.name for n in notices} <= set(listed)
    for name in REQUEST_ONLY:
        d = listed[name]
        assert d.figures()[1:] == (0,) * 7 and d.hours == 0, d  # no table row names it: zeros, not missing
        # …and the townships asking it to act are counted (it read "涉及乡镇数 0" beside 3 requests)
        assert d.townships == len({e.division_code for e in data.escalated[name]}) > 0
        assert d.requests == len(data.escalated[name]) > 0
    for d in data.departments:  # the count is the requests naming it, for burdening departments too
        assert d.requests == len(data.escalated.get(d.name, [])), d.name
    assert NO_DEPARTMENT_NAMED not in listed or listed[NO_DEPARTMENT_NAMED].requests == 0
    assert UNKNOWN_DEPARTMENT not in {n.name for n in notices}


def test_workbook_and_pdf_list_them_with_their_requests(summary_and_notices, tmp_path: Path) -> None:
    data, _ = summary_and_notices
    buffer = io.BytesIO()
    write_county_workbook(data, buffer)
    ws = load_workbook(io.BytesIO(buffer.getvalue()))["条线部门"]
    header = [c.value for c in ws[1]]
    rows = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert len(rows) == len(data.departments)
    for name in REQUEST_ONLY:
        assert rows[name][header.index("月耗工时")] == 0
        assert rows[name][header.index("提请协调事项（项）")] == len(data.escalated[name])
    out = tmp_path / "county.pdf"
    write_county_pdf(data, out)
    text = "".join(pdf_pages(out.read_bytes()))
    section = text[text.index(squeeze("四、条线部门归因")) : text.index(squeeze("五、共性问题"))]
    assert squeeze("提请协调事项") in section
    for name in REQUEST_ONLY:
        assert name in section
