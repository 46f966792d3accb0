"""A row added with only its name leaves the table unanswered: the page's count does not rise,
the required headers carry "*", and the blank required cells are tinted until filled."""

from __future__ import annotations

from PySide6.QtCore import Qt
from test_wizard import edit_cell

from jianfu.core.assessment import Period, Township
from jianfu.core.wizard import page_completion
from jianfu.ui.widgets.table_editor import BLANK_REQUIRED


def test_a_row_with_only_a_name_does_not_answer_the_table(qtbot, make_window) -> None:
    window = make_window()
    window.session.create(Township("石桥镇", "519901102000", "云溪县"), Period("2026-Q4"))
    window._build_pages()
    window.show_page("apps")
    editor = window.pages["apps"].tables["apps.inventory"]
    columns = [c.id for c in editor.item.columns]
    headers = [editor.table.horizontalHeaderItem(i).text() for i in range(len(columns))]
    assert headers[columns.index("name")].endswith("*") and headers[columns.index("usage")].endswith("*")
    assert not headers[columns.index("department")].endswith("*")

    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    edit_cell(qtbot, editor.table, 0, columns.index("name"), "dingding")
    stored = window.session.answers["apps.inventory"].value
    assert stored[0]["cells"]["name"] == "dingding"  # saved at once, as every edit
    assert page_completion(window.session.checklist, window.session.answers, "apps")[0] == 0  # not yet answered
    assert any(
        window.sidebar.item(i).text().startswith("政务应用、账号与工作群  0/") for i in range(window.sidebar.count())
    )
    minutes = editor.table.item(0, columns.index("minutes_per_day"))
    assert minutes.background().color().name() == BLANK_REQUIRED
    assert "必填" in minutes.toolTip()
    edit_cell(qtbot, editor.table, 0, columns.index("minutes_per_day"), "20")
    minutes = editor.table.item(0, columns.index("minutes_per_day"))
    assert minutes.background().color().name() != BLANK_REQUIRED
