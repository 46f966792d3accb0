"""The county window's 签名与待确认 tab: fingerprints, a held impostor file, confirming a key
after a phone call, discarding, and safe suggested export names."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from helpers.hostile import HOSTILE
from jianfu.exchange.demo import write_demo
from jianfu.ui.county.county_window import CountyWindow
from jianfu.ui.county.signers import safe_file_name


@pytest.fixture(scope="module")
def incoming(tmp_path_factory, library) -> Path:
    directory = tmp_path_factory.mktemp("incoming")
    write_demo(directory, library)
    impostor = next(h for h in HOSTILE if h.name == "impersonation-other-key")
    document = json.loads((directory / "柳河镇-2026-Q4.jianfu").read_text(encoding="utf-8"))
    later = directory / "later"
    later.mkdir()
    (later / "冒名镇-2026-Q4.jianfu").write_bytes(impostor.make(document))
    return directory


@pytest.fixture
def county(qtbot, library, tmp_path: Path):
    window = CountyWindow(library, tmp_path / "county.sqlite3")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    yield window
    window.county.close()


def _import(qtbot, county, path: Path) -> None:
    task = county.import_paths([path])
    with qtbot.waitSignal(task.succeeded, timeout=60_000):
        pass


def _answer(panel, button: QMessageBox.StandardButton) -> str:
    box = panel.question
    text = box.text()
    box.button(button).click()
    return text


def test_signers_tab_shows_fingerprints_and_confirms_a_held_key(qtbot, county, incoming, tmp_path) -> None:
    panel = county.signers
    _import(qtbot, county, incoming / "柳河镇-2026-Q4.jianfu")
    county.tabs.setCurrentIndex(county.signers_tab)  # a line per township, read when the tab opens
    assert panel.signers_model.rowCount() == 1
    known = panel.signers_model.index(0, 2).data()
    assert len(known) == 19 and known.count("-") == 3
    assert county.tabs.tabText(county.signers_tab) == "签名与待确认"

    _import(qtbot, county, incoming / "later")
    assert "待确认1个" in county.summary_box.text()
    assert "冒名镇-2026-Q4.jianfu" in county.summary_box.detailedText()
    assert county.tabs.tabText(county.signers_tab) == "签名与待确认（1）"
    assert panel.held.rowCount() == 1
    assert panel.held.item(0, 4).text() == known
    assert panel.held.item(0, 2).text() == "2026年第四季度"  # as the period is read everywhere else
    new_key = panel.held.item(0, 5).text()
    assert new_key != known and "电话" in panel.held.item(0, 6).text()
    assert "（柳河镇）" in panel.held.item(0, 6).text()  # whose code it is, as the county knows it
    county.tabs.setCurrentIndex(county.signers_tab)
    if os.environ.get("JIANFU_SCREENSHOTS"):
        county.grab().save(str(Path(os.environ["JIANFU_SCREENSHOTS"]) / "signers-tab.png"))
    (row,) = county.county.overview(county.selected_period())
    before = county.county.assessment(row.assessment_id).answers["meetings.per_month"].value

    panel.held.selectRow(0)
    panel.confirm_selected()
    question = _answer(panel, QMessageBox.StandardButton.Cancel)
    assert new_key in question and known in question
    assert panel.held.rowCount() == 1  # cancelled: nothing applied

    panel.confirm_selected()
    _answer(panel, QMessageBox.StandardButton.Yes)
    assert panel.held.rowCount() == 0
    assert panel.signers_model.index(0, 2).data() == new_key and panel.signers_model.index(0, 4).data()
    (row,) = county.county.overview(county.selected_period())
    after = county.county.assessment(row.assessment_id).answers["meetings.per_month"].value
    assert before != 0 and after == 0  # the confirmed file is now the township's current one
    assert county.tabs.tabText(county.signers_tab) == "签名与待确认"


def test_discarding_a_held_file_changes_nothing_else(qtbot, county, incoming) -> None:
    panel = county.signers
    _import(qtbot, county, incoming / "柳河镇-2026-Q4.jianfu")
    _import(qtbot, county, incoming / "later")
    history = county.county.db.conn.execute("SELECT count(*) FROM assessment_history").fetchone()
    panel.held.selectRow(0)
    panel.discard_selected()
    _answer(panel, QMessageBox.StandardButton.Yes)
    assert county.county.held_files() == [] and panel.held.rowCount() == 0
    assert county.county.db.conn.execute("SELECT count(*) FROM assessment_history").fetchone() == history


def test_suggested_export_names_cannot_leave_the_folder() -> None:
    for hostile in ("../../etc/passwd县2026-Q4县级汇总.pdf", "/abs/县.xlsx", "C:\\x\\县.pdf", "县\x07\x00名.pdf"):
        name = safe_file_name(hostile)
        assert "/" not in name and "\\" not in name and not any(ord(c) < 32 for c in name)
        assert Path(name).name == name and name.endswith(hostile[-4:])
    assert safe_file_name("..") == "县级汇总"
    assert safe_file_name("县" * 300 + ".xlsx").endswith(".xlsx") and len(safe_file_name("县" * 300 + ".xlsx")) <= 120


def test_a_held_file_under_another_name_says_whose_code_it_is(qtbot, county, incoming, tmp_path) -> None:
    impostor = next(h for h in HOSTILE if h.name == "impersonation-other-key")
    document = json.loads((incoming / "柳河镇-2026-Q4.jianfu").read_text(encoding="utf-8"))
    document["township"]["name"] = "清溪镇"
    renamed = tmp_path / "renamed"
    renamed.mkdir()
    (renamed / "清溪镇-2026-Q4.jianfu").write_bytes(impostor.make(document))
    _import(qtbot, county, incoming / "柳河镇-2026-Q4.jianfu")
    _import(qtbot, county, renamed)
    reason = county.signers.held.item(0, 6).text()
    assert "（柳河镇）" in reason and "文件中的乡镇名称“清溪镇”也与此前的“柳河镇”不同" in reason
