"""Table headers are read in full at 1366×768 and in the smallest window (1000×600), in the
normal and the large font, broken into lines as Chinese text is."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers.sample import open_sample
from jianfu.ui.widgets.table_editor import TableEditor

SHOTS = os.environ.get("JIANFU_SHOTS")  # set to a folder to keep screenshots for a look


@pytest.mark.parametrize(("large", "size"), [(False, (1366, 768)), (True, (1366, 768)), (True, (1000, 600))])
def test_table_headers_are_not_cut(qtbot, make_window, large: bool, size: tuple[int, int]) -> None:
    window = make_window()
    window.resize(*size)
    open_sample(qtbot, window)
    window.large_font.setChecked(large)
    for page in ("apps", "filing"):
        window.show_page(page)
        qtbot.wait(50)
        if SHOTS:
            window.grab().save(str(Path(SHOTS) / f"test-{page}-{large}.png"))
        for editor in window.pages[page].findChildren(TableEditor):
            if not editor.isVisible():
                continue
            table = editor.table
            header = table.horizontalHeader()
            metrics = header.fontMetrics()
            for column in range(table.columnCount()):
                text = table.horizontalHeaderItem(column).text()
                assert "）（" not in text  # the unit joins the label's own bracket
                lines = text.split("\n")
                assert not any(line.endswith("（") for line in lines), text  # "主管部门（" / "写明层级）"
                assert not any(line.startswith(("）", "，")) for line in lines[1:]), text
                widest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
                assert header.sectionSize(column) >= widest, (page, text)
    window.large_font.setChecked(False)
    table = window.pages["filing"].findChildren(TableEditor)[0].table
    headers = [table.horizontalHeaderItem(c).text().replace("\n", "") for c in range(table.columnCount())]
    assert "每次用时（全镇合计，分钟） *" in headers  # required (core.table_rows): marked
