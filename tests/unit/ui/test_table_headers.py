"""Table headers are read in full at 1366×768, in the normal and the large font."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers.sample import open_sample
from jianfu.ui.widgets.table_editor import TableEditor

SHOTS = os.environ.get("JIANFU_SHOTS")  # set to a folder to keep screenshots for a look


@pytest.mark.parametrize("large", [False, True])
def test_table_headers_are_not_cut(qtbot, make_window, large: bool) -> None:
    window = make_window()
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
                widest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
                assert header.sectionSize(column) >= widest, (page, text)
    window.large_font.setChecked(False)
    table = window.pages["filing"].findChildren(TableEditor)[0].table
    headers = [table.horizontalHeaderItem(c).text().replace("\n", "") for c in range(table.columnCount())]
    assert "每次用时（全镇合计，分钟） *" in headers  # required (core.table_rows): marked
