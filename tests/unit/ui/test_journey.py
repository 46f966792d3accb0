"""The cadre's journey with real clicks: the sample apart, delete and restore, correcting a
township, and the next period confirmed page by page."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from dialogs import press, start_next_period, when_shown
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget

from jianfu.core.assessment import Period, Township
from jianfu.core.scoring import score_assessment
from jianfu.ui.pages.changes_dialog import ChangesDialog
from jianfu.ui.pages.new_assessment import NewAssessmentDialog
from jianfu.ui.pages.township_dialogs import CorrectTownshipDialog, RecycleListDialog

TOWNSHIP = Township("石桥镇", "519901102000", "云溪县")


def click(qtbot, widget: QWidget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def listed(window) -> list[str]:
    table = window.start_page.table
    return [table.item(row, 0).text() for row in range(table.rowCount())]


@pytest.fixture
def sample_file(library, tmp_path: Path) -> Path:
    """The sample township's last period as a file, as a township that used Jianfu before would have."""
    from jianfu.exchange.demo import write_demo

    return next(f for f in write_demo(tmp_path / "demo", library) if f.name == "柳河镇-2026-Q4.jianfu")


def test_the_sample_lives_apart(qtbot, make_window) -> None:
    window = make_window()
    click(qtbot, window.start_page.sample_button)
    qtbot.waitUntil(lambda: window.session.current is not None)  # prepared off the UI thread
    assert window.session.assessment.township.name == "柳河镇"
    assert "示例" in window.location.text()
    window.show_page("start")
    assert listed(window) == [] and window.start_page.empty.isVisible()  # never in "my assessments"
    assert not window.start_page.next_button.isEnabled()  # nothing chosen, least of all the sample

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, NewAssessmentDialog)
        assert (dialog.name.text(), dialog.code.text()) == ("", "")  # never prefilled from the sample
        dialog.reject()

    shown = when_shown(NewAssessmentDialog, look)
    click(qtbot, window.start_page.new_button)
    assert shown
    updated = window.session.service.summary(window.session.assessment_id).updated_at
    assert updated[:10] <= dt.date.today().isoformat()  # no date to come


def test_next_period_walk_confirms_every_page_in_at_most_ten_actions(qtbot, make_window, sample_file) -> None:
    window = make_window()
    window.open_file(sample_file)
    window.show_page("start")
    assert listed(window) == ["云溪县柳河镇"]
    actions = 0

    start_next_period(qtbot, window)  # the township's latest is chosen already
    actions += 1
    session = window.session
    assert session.assessment.period == Period("2027-Q1")
    sections = [s.id for s in session.checklist.sections]
    marked = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert sum("待确认" in text for text in marked) == len(sections)  # every page has carried answers
    while True:
        page = window.pages[window.current]
        assert page.confirm_bar.isVisible() and page.carried_over()
        click(qtbot, page.confirm_all_button)
        actions += 1
        assert not page.confirm_bar.isVisible()
        assert not any(row.confirm_button.isVisible() for row in page.rows.values())
        if window.current == sections[-1]:
            break
        click(qtbot, window.next_button)
        actions += 1
    print(f"next-period walk: {actions} actions")
    assert actions <= 10
    assert session.unconfirmed == set()
    assert session.service.store.unconfirmed(session.assessment_id) == set()  # stored, not just shown
    assert not any("待确认" in window.sidebar.item(i).text() for i in range(window.sidebar.count()))


def test_starting_a_next_period_that_exists_says_so(qtbot, make_window, sample_file) -> None:
    window = make_window()
    window.open_file(sample_file)
    window.show_page("start")
    start_next_period(qtbot, window)
    window.show_page("start")
    table = window.start_page.table
    assert [table.item(r, 1).text() for r in range(2)] == ["2027年第一季度", "2026年第四季度"]
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualItemRect(table.item(1, 1)).center())
    messages: list[str] = []
    when_shown(QMessageBox, lambda box: (messages.append(box.text()), box.accept()))
    click(qtbot, window.start_page.next_button)
    assert messages and "已有2027年第一季度的自查" in messages[0]


def test_changes_since_last_period(qtbot, make_window, sample_file) -> None:
    from test_wizard import type_into

    window = make_window()
    window.open_file(sample_file)
    window.show_page("start")
    start_next_period(qtbot, window)
    assert window.changes_button.isVisible()
    profile = window.pages["profile"]
    type_into(qtbot, profile.rows["profile.cadre_count"].editor.edit, "50")
    rows: list[tuple[str, str, str]] = []
    scores: list[tuple[str, ...]] = []

    def read(dialog: QWidget) -> None:
        assert isinstance(dialog, ChangesDialog)
        table = dialog.table
        rows.extend(
            (table.item(r, 1).text(), table.item(r, 2).text(), table.item(r, 3).text()) for r in range(table.rowCount())
        )
        shown = dialog.scores
        assert shown.isVisible() and not dialog.version_note.isVisible()
        scores.extend(
            tuple(shown.item(r, c).text() for c in range(shown.columnCount())) for r in range(shown.rowCount())
        )
        dialog.reject()

    when_shown(ChangesDialog, read)
    click(qtbot, window.changes_button)
    assert len(rows) == 1 and rows[0][1:] == ("46人", "50人")
    # the scores last period (the sample as answered) beside this period's, 综合 last
    previous = window.session.service.load(window.session.service.previous_of(window.session.current.id))
    result = score_assessment(previous.checklist, previous.assessment.answers)
    expected_names = [m.name for m in result.manifestations.values()] + ["综合"]
    assert [row[0] for row in scores] == expected_names
    platform = result.manifestations["platform_formalism"]
    assert scores[1][1] == f"{platform.score:.1f}（{platform.level_label}）"
    assert all(row[2].endswith("（未完成）") or row[3] for row in scores)
    assert "profile.cadre_count" not in window.session.unconfirmed  # changed counts as looked at


def test_a_failed_confirmation_is_shown(qtbot, make_window, sample_file, monkeypatch) -> None:
    window = make_window()
    window.open_file(sample_file)
    window.show_page("start")
    start_next_period(qtbot, window)

    def full_disk(*_args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(window.session.service.store, "confirm_answers", full_disk)
    page = window.pages[window.current]
    row = next(r for item_id, r in page.rows.items() if item_id in window.session.unconfirmed and r.isVisible())
    click(qtbot, row.confirm_button)
    assert row.error.isVisible() and "没有保存" in row.error.text()
    assert row.confirm_button.isVisible()  # still to confirm
    messages: list[str] = []
    when_shown(QMessageBox, lambda box: (messages.append(box.text()), box.accept()))
    click(qtbot, page.confirm_all_button)
    assert messages and "没有保存" in messages[0]
    assert page.confirm_bar.isVisible()


def test_delete_to_the_recycle_list_and_restore(qtbot, make_window) -> None:
    window = make_window()
    window.session.create(TOWNSHIP, Period("2026-Q4"))
    window._build_pages()
    window.show_page("start")
    assert listed(window) == ["云溪县石桥镇"]
    assert not window.start_page.recycle_button.isEnabled()
    questions: list[str] = []

    def agree(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        questions.append(box.text())
        press(qtbot, QMessageBox.StandardButton.Yes)(box)

    when_shown(QMessageBox, agree)
    click(qtbot, window.start_page.delete_button)
    assert "石桥镇" in questions[0] and "回收站" in questions[0]
    assert listed(window) == [] and window.session.assessment is None  # the open one is closed
    assert not window.next_button.isEnabled()

    def restore(dialog: QWidget) -> None:
        assert isinstance(dialog, RecycleListDialog)
        assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == "云溪县石桥镇"
        qtbot.mouseClick(
            dialog.table.viewport(),
            Qt.MouseButton.LeftButton,
            pos=dialog.table.visualItemRect(dialog.table.item(0, 0)).center(),
        )
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        assert dialog.table.rowCount() == 0
        dialog.reject()

    when_shown(RecycleListDialog, restore)
    click(qtbot, window.start_page.recycle_button)
    assert listed(window) == ["云溪县石桥镇"]


def test_correcting_a_township_is_explicit_and_confirmed(qtbot, make_window) -> None:
    from test_wizard import type_text

    window = make_window()
    window.session.create(TOWNSHIP, Period("2026-Q4"))
    window._build_pages()
    window.show_page("start")

    def correct(dialog: QWidget) -> None:
        assert isinstance(dialog, CorrectTownshipDialog)
        dialog.code.setFocus()
        dialog.code.selectAll()
        type_text(qtbot, dialog.code, "519901102001")
        when_shown(QMessageBox, press(qtbot, QMessageBox.StandardButton.Yes))
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    when_shown(CorrectTownshipDialog, correct)
    click(qtbot, window.start_page.correct_button)
    store = window.session.service.store
    assert store.township("519901102001") == Township("石桥镇", "519901102001", "云溪县")
    assert store.township(TOWNSHIP.division_code) is None
    assert "石桥镇" in window.location.text()

    # Another name typed for a known code is refused with a way forward, never a silent rename.
    def new(dialog: QWidget) -> None:
        assert isinstance(dialog, NewAssessmentDialog)
        dialog.name.setText("石桥乡")
        dialog.period.setCurrentIndex(0)
        when_shown(QMessageBox, lambda box: (messages.append(box.text()), box.accept()))
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    messages: list[str] = []
    when_shown(NewAssessmentDialog, new)
    click(qtbot, window.start_page.new_button)
    assert messages and "更正乡镇名称或代码" in messages[0]
    assert store.township("519901102001").name == "石桥镇"
