"""Next period: the sidebar shows carried answers as filled in and to confirm, never as "0/5"."""

from __future__ import annotations

from dialogs import start_next_period
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from test_journey import click, sample_file  # noqa: F401 - the fixture is used by name
from test_wizard import type_into


def entry_text(window, page_id: str) -> str:
    sidebar = window.sidebar
    return next(sidebar.item(r).text() for r in range(sidebar.count()) if sidebar.item(r).data(256) == page_id)


def test_carried_pages_say_to_confirm_without_zero_answered(qtbot, make_window, sample_file) -> None:  # noqa: F811
    window = make_window()
    window.open_file(sample_file)
    window.show_page("start")
    start_next_period(qtbot, window)
    session = window.session
    profile = session.checklist.sections[0]
    asked = len([i for i in profile.items if window.pages[profile.id].rows[i.id].isVisibleTo(window)])
    first = entry_text(window, profile.id)
    assert first == f"{profile.title}\n● {asked}项待确认"  # filled in (carried), to confirm; no "0/5"
    for section in session.checklist.sections:
        assert "0/" not in entry_text(window, section.id)

    # One answer cleared: it is blank, the rest still to confirm.
    page = window.pages[profile.id]
    row = next(r for r in page.rows.values() if isinstance(getattr(r.editor, "edit", None), QLineEdit))
    row.editor.edit.setFocus()
    row.editor.edit.selectAll()
    qtbot.keyClick(row.editor.edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(row.editor.edit, Qt.Key.Key_Return)
    row.editor.flush()
    assert entry_text(window, profile.id) == f"{profile.title}\n● {asked - 1}项待确认，1项未答"

    # Confirming the page: the count of answers comes back, without a tick while one is blank.
    click(qtbot, page.confirm_all_button)
    assert entry_text(window, profile.id) == f"{profile.title}  {asked - 1}/{asked}"
    type_into(qtbot, row.editor.edit, "5")
    row.editor.flush()
    assert entry_text(window, profile.id) == f"{profile.title}  {asked}/{asked} ✓"
