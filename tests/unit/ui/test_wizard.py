"""Clicking through the township wizard as a cadre would, then reading the database back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit

from helpers.sample import open_sample
from jianfu.core.assessment import Period, Township
from jianfu.core.checklist import Handling
from jianfu.ui.pages.new_assessment import NewAssessmentDialog
from jianfu.ui.pages.plan_page import COLUMNS
from jianfu.ui.widgets.table_editor import VALUE_ROLE, PickRowsDialog

TOWNSHIP = Township("石桥镇", "519901102000", "云溪县")


def type_text(qtbot, widget, text: str) -> None:
    """Type as a user does; Chinese arrives as committed text, as from an input method."""
    for char in text:
        if char.isascii():
            qtbot.keyClick(widget, char)
        else:
            QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, char))


def type_into(qtbot, line_edit: QLineEdit, text: str) -> None:
    line_edit.setFocus()
    line_edit.selectAll()
    type_text(qtbot, line_edit, text)
    qtbot.keyClick(line_edit, Qt.Key.Key_Return)


def edit_cell(qtbot, table, row: int, column: int, text: str) -> None:
    table.setCurrentCell(row, column)
    table.editItem(table.item(row, column))
    editors = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1, "no cell editor opened"
    editor = editors[0]
    editor.selectAll()
    type_text(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(20)  # let the view close the editor, as the event loop does between keystrokes


def test_new_assessment_dialog_checks_the_division_code(qtbot) -> None:
    dialog = NewAssessmentDialog(None)
    qtbot.addWidget(dialog)
    dialog.name.setText("石桥镇")
    dialog.code.setText("12345")
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.township is None and "12位数字" in dialog.error.text()
    dialog.code.setText(TOWNSHIP.division_code)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.township == Township("石桥镇", TOWNSHIP.division_code, "")


def test_click_through_the_whole_wizard(qtbot, make_window, tmp_path: Path) -> None:
    window = make_window()
    assert window.start_page.empty.isVisible()  # first start: nothing yet, the sample is offered
    session = window.session
    session.create(TOWNSHIP, Period("2026-Q4"))
    window._build_pages()
    window.show_page("profile")

    profile = window.pages["profile"]
    type_into(qtbot, profile.rows["profile.cadre_count"].editor.edit, "40")
    type_into(qtbot, profile.rows["profile.filled_by"].editor.edit, "杨帆")
    bad = profile.rows["profile.village_count"]
    type_into(qtbot, bad.editor.edit, "-3")
    assert bad.error.isVisible() and "不能小于" in bad.error.text()  # next to the field, in Chinese

    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert window.current == "apps"
    apps = window.pages["apps"]
    inventory = apps.tables["apps.inventory"]
    qtbot.mouseClick(inventory.add_button, Qt.MouseButton.LeftButton)
    edit_cell(qtbot, inventory.table, 0, 0, "网格通")
    edit_cell(qtbot, inventory.table, 0, 2, "县委政法委")
    inventory.table.item(0, 4).setCheckState(Qt.CheckState.Checked)  # 打卡、排名或在线时长要求
    minutes = [c.id for c in inventory.item.columns].index("minutes_per_day")
    edit_cell(qtbot, inventory.table, 0, minutes, "25")  # minutes on a day of use
    qtbot.mouseClick(inventory.add_button, Qt.MouseButton.LeftButton)
    edit_cell(qtbot, inventory.table, 1, 0, "临时表格")
    inventory.table.setCurrentCell(1, 0)
    qtbot.mouseClick(inventory.delete_button, Qt.MouseButton.LeftButton)  # added and removed
    assert inventory.table.rowCount() == 1

    dispatch = apps.rows["apps.dispatch_used"]
    follow_up = apps.rows["apps.dispatch_trivial_share"]
    qtbot.mouseClick(dispatch.editor.no, Qt.MouseButton.LeftButton)
    assert follow_up.isHidden()  # skipped by skip logic
    assert not apps.rows["apps.dispatch_per_month"].isHidden()  # v3: the count is asked always (0: none)
    qtbot.mouseClick(dispatch.editor.yes, Qt.MouseButton.LeftButton)
    assert not follow_up.isHidden()
    practices = apps.rows["apps.dispatch_practices"].editor.boxes
    no_override = next(b for b in practices if b.property("choice") == "no_override")
    qtbot.mouseClick(no_override, Qt.MouseButton.LeftButton, pos=QPoint(8, no_override.height() // 2))

    window.show_page("filing")
    tasks = window.pages["filing"].tables["filing.tasks"]
    qtbot.mouseClick(tasks.add_button, Qt.MouseButton.LeftButton)
    edit_cell(qtbot, tasks.table, 0, 0, "综治月报")
    picker = PickRowsDialog(inventory_rows := session.answers["apps.inventory"].value, [])
    qtbot.addWidget(picker)
    picker.list.item(0).setCheckState(Qt.CheckState.Checked)
    tasks.table.item(0, 2).setData(VALUE_ROLE, picker.chosen())  # what accepting the dialog does
    assert tasks.table.item(0, 2).text() == "网格通"

    window.show_page("traces")
    traces = window.pages["traces"]
    qtbot.mouseClick(traces.rows["traces.photo_checkin"].editor.yes, Qt.MouseButton.LeftButton)
    note = traces.rows["traces.photo_checkin"].note
    type_into(qtbot, note, "仅安全生产类")
    assert traces.rows["traces.minutes_per_day"].not_applicable.isHidden()  # 0 is the honest "none" here
    qtbot.mouseClick(traces.rows["traces.imposed_by"].not_applicable, Qt.MouseButton.LeftButton)

    window.show_page("results")
    results = window.pages["results"]
    assert "痕迹管理异化" in results.cards["trace_alienation"].text()
    qtbot.mouseClick(results.cards["algorithm_centrism"], Qt.MouseButton.LeftButton)
    assert results.findings.topLevelItemCount() == 1
    behind = results.findings.topLevelItem(0).child(0)
    assert "人工核实" in behind.text(0) and "人工核实" in behind.text(1)  # the answer: the ticked choice
    assert "未完成" in results.completeness.text()  # most required items are still blank
    qtbot.mouseClick(results.cards["trace_alienation"], Qt.MouseButton.LeftButton)
    trace = results.explanation.manifestation("trace_alienation")
    pages = [title for title, _ in trace.by_area]
    assert len(pages) > 1  # fed by the traces and the apps page: the heading says so
    assert results.findings.topLevelItem(0).text(0).endswith(trace.sources_text())

    window.show_page("plan")
    plan_page = window.pages["plan"]
    keys = list(plan_page.items)
    assert "fix:stop_forced_features:escalate" in keys  # measures merged per fix
    assert "fix:dispatch_rules:escalate" in keys
    row = keys.index("fix:stop_forced_features:escalate")
    edit_cell(qtbot, plan_page.table, row, COLUMNS.index("responsible_person"), "李明")
    reject_row = keys.index("fix:dispatch_rules:escalate")
    plan_page.table.item(reject_row, 0).setCheckState(Qt.CheckState.Unchecked)
    qtbot.mouseClick(plan_page.add_button, Qt.MouseButton.LeftButton)

    # Everything is in the database.
    stored = session.service.store.load(session.assessment_id)
    answers = stored.answers
    assert answers["profile.cadre_count"].value == 40
    assert answers["profile.filled_by"].value == "杨帆"
    assert "profile.village_count" not in answers  # the refused value was not stored
    assert answers["apps.inventory"].value == [
        {
            "row_id": inventory_rows[0]["row_id"],
            "cells": {
                "name": "网格通",
                "department": "县委政法委",
                "forced_download": False,
                "checkin": True,
                "duplicate": False,
                "minutes_per_day": 25,
            },
        }
    ]
    assert answers["apps.dispatch_used"].value is True
    assert answers["filing.tasks"].value[0]["cells"]["platforms"] == [inventory_rows[0]["row_id"]]
    assert answers["traces.photo_checkin"].note == "仅安全生产类"
    assert answers["traces.imposed_by"].not_applicable and "traces.minutes_per_day" not in answers
    plan = {item.key: item for item in stored.plan}
    assert plan["fix:stop_forced_features:escalate"].responsible_person == "李明"
    assert plan["fix:stop_forced_features:escalate"].handling is Handling.ESCALATE
    assert plan["fix:dispatch_rules:escalate"].rejected
    assert any(item.is_custom for item in stored.plan)
    assert session.service.store.stored_scores(session.assessment_id)["trace_alienation"][0] > 0

    window.show_page("export")
    pdf = tmp_path / "plan.pdf"
    window.pages["export"].write_pdf(pdf)
    qtbot.waitUntil(pdf.exists, timeout=20_000)
    assert pdf.read_bytes().startswith(b"%PDF")


def test_closing_midway_keeps_answers_and_page(qtbot, make_window) -> None:
    window = make_window()
    window.session.create(TOWNSHIP, Period("2026-Q4"))
    window._build_pages()
    window.show_page("meetings")
    meetings = window.pages["meetings"]
    editor = meetings.rows["meetings.per_month"].editor.edit
    editor.setFocus()
    qtbot.keyClicks(editor, "12")  # typed, not yet confirmed with Enter or Tab
    window.close()

    reopened = make_window()
    reopened.start_page.load()
    qtbot.mouseClick(reopened.start_page.continue_button, Qt.MouseButton.LeftButton)
    assert reopened.current == "meetings"
    assert reopened.pages["meetings"].rows["meetings.per_month"].editor.edit.text() == "12"
    assert reopened.session.answers["meetings.per_month"].value == 12


def test_sidebar_shows_completion_and_opens_any_page(qtbot, make_window) -> None:
    window = make_window()
    open_sample(qtbot, window)
    texts = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert texts[0] == "开始" and any("多头填报" in t and "/" in t for t in texts)
    window.sidebar.setCurrentRow(len(texts) - 1)
    assert window.current == "export"


def test_large_font_option(qtbot, make_window) -> None:
    window = make_window()
    before = QApplication.font().pointSizeF()
    window.large_font.setChecked(True)
    assert QApplication.font().pointSizeF() > before
    window.large_font.setChecked(False)
    assert QApplication.font().pointSizeF() == before


def test_fits_a_1366_by_768_screen(make_window) -> None:
    window = make_window()
    hint = window.minimumSizeHint()
    assert window.minimumWidth() <= 1366 and window.minimumHeight() <= 768
    assert hint.width() <= 1366 and hint.height() <= 768


def test_opening_an_assessment_file(qtbot, make_window, library, tmp_path) -> None:
    from jianfu.exchange.demo import write_demo

    files = write_demo(tmp_path / "demo", library)
    path = next(f for f in files if f.name == "石桥镇-2026-Q4.jianfu")
    window = make_window()
    window.open_file(path)
    assert window.session.assessment.township.name == "石桥镇"
    assert window.current != "start"
    stored = window.session.service.store.summaries()
    assert [s.township.name for s in stored] == ["石桥镇"]


def test_a_failed_save_is_shown_next_to_the_field(qtbot, make_window, monkeypatch) -> None:
    import sqlite3

    window = make_window()
    window.session.create(TOWNSHIP, Period("2026-Q4"))
    window._build_pages()
    window.show_page("profile")
    row = window.pages["profile"].rows["profile.cadre_count"]

    def full_disk(*_args, **_kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(window.session.service.store, "save_answer", full_disk)
    type_into(qtbot, row.editor.edit, "40")
    assert row.error.isVisible() and "已满" in row.error.text() and "没有保存" in row.error.text()


def test_preview_renders_every_page_of_the_plan(qtbot, make_window, tmp_path) -> None:
    from pypdf import PdfReader

    from jianfu.ui.pages.export_page import PreviewDialog, render_pages

    window = make_window()
    open_sample(qtbot, window)
    window.show_page("export")
    pdf = tmp_path / "plan.pdf"
    window.pages["export"].write_pdf(pdf)
    qtbot.waitUntil(pdf.exists, timeout=20_000)
    pages = render_pages(pdf, 40)
    assert len(pages) == len(PdfReader(pdf).pages) > 5
    assert pages[0].width() < max(p.width() for p in pages)  # portrait first page, landscape plan table
    dialog = PreviewDialog(pages)
    qtbot.addWidget(dialog)
    assert dialog.page_count == len(pages)


def test_preview_is_written_beside_the_data_folder_set_by_jianfu_home(
    qtbot, make_window, tmp_path, monkeypatch
) -> None:
    """A portable install (JIANFU_HOME on a USB stick) leaves nothing in the user's own folders."""
    monkeypatch.setenv("JIANFU_HOME", str(tmp_path / "home"))
    window = make_window()
    open_sample(qtbot, window)
    window.show_page("export")
    export = window.pages["export"]
    export.preview()
    qtbot.waitUntil(lambda: getattr(export, "preview_dialog", None) is not None, timeout=20_000)
    scratch = export._scratch_pdf()
    assert scratch.parent == tmp_path / "home" / "cache" and scratch.stat().st_size > 0
    export.preview_dialog.close()


def test_exported_file_has_the_current_plan(qtbot, make_window, library, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from jianfu.exchange.assessment_file import read_assessment_file

    window = make_window()
    window.session.create(TOWNSHIP, Period("2026-Q4"))
    window._build_pages()
    window.show_page("traces")
    qtbot.mouseClick(window.pages["traces"].rows["traces.photo_checkin"].editor.yes, Qt.MouseButton.LeftButton)
    window.show_page("export")  # straight from the answers to export, the plan never shown
    target = tmp_path / "石桥镇.jianfu"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.pages["export"].export()
    qtbot.waitUntil(target.exists, timeout=20_000)
    content = read_assessment_file(target, library)
    assert "fix:stop_traces:escalate" in {item.key for item in content.assessment.plan}
    assert content.assessment.answers["traces.photo_checkin"].value is True


def test_measures_are_edited_as_paragraphs(qtbot, make_window) -> None:
    from PySide6.QtWidgets import QPlainTextEdit

    window = make_window()
    open_sample(qtbot, window)
    window.show_page("plan")
    page = window.pages["plan"]
    row, column = 0, COLUMNS.index("measure")
    page.table.setCurrentCell(row, column)
    page.table.editItem(page.table.item(row, column))
    editor = next(e for e in page.table.viewport().findChildren(QPlainTextEdit) if e.isVisible())
    editor.setPlainText("一、关闭打卡功能；\n二、向县减负办书面报告。")
    delegate = page.table.itemDelegate()
    delegate.commitData.emit(editor)
    delegate.closeEditor.emit(editor)
    key = page.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
    stored = {i.key: i for i in window.session.service.store.load(window.session.assessment_id).plan}[key]
    assert stored.measure == "一、关闭打卡功能；\n二、向县减负办书面报告。" and "measure" in stored.edited
