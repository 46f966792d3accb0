"""The UI thread keeps beating while the wizard is driven through every page, prints and previews."""

from __future__ import annotations

from pypdf import PdfReader

from helpers.heartbeat import STATUS_TEXT, Heartbeat, drive_next_period, drive_wizard


def test_the_ui_thread_keeps_beating_through_the_wizard_printing_and_preview(qtbot, make_window, tmp_path) -> None:
    window = make_window()
    heartbeat = Heartbeat()
    drive_wizard(window, heartbeat, tmp_path)
    steps = {step for _gap, step in heartbeat.gaps}
    assert {"open the sample", "print", "preview", "show page plan"} <= steps  # it beat during each
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == len(PdfReader(tmp_path / "plan.pdf").pages)
    (gap, step), *_ = heartbeat.longest()
    print(f"longest gap {gap:.0f} ms during {step}")
    # Printing on the UI thread froze it for seconds; this machine is shared, so the bound is loose
    # here and the benchmark (tests/benchmarks/heartbeat.py) reports the figure against 100 ms.
    assert gap < 1500, heartbeat.longest(5)


def test_the_ui_thread_keeps_beating_through_the_next_periods_plan_and_its_follow_up(
    qtbot, make_window, tmp_path
) -> None:
    import re

    from jianfu.ui.pages.plan_page import COLUMNS, LAST_ROLE

    window = make_window()
    heartbeat = Heartbeat()
    drive_next_period(window, heartbeat, tmp_path)
    steps = {step for _gap, step in heartbeat.gaps}
    assert {"enter 完成情况", "start the next period", "next period: show page plan"} <= steps
    assert window.session.assessment.period.code == "2026-Q4"
    page = window.pages["plan"]
    notes = [page.table.item(r, COLUMNS.index("status")).data(LAST_ROLE) for r in range(page.table.rowCount())]
    assert any(note.startswith(f"上期：{STATUS_TEXT[:6]}") for note in notes)  # what the heartbeat typed in
    assert any(note.startswith("上期：未填写完成情况") for note in notes)
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(tmp_path / "next-plan.pdf").pages))
    assert "上期（2026年第三季度）整改事项完成情况见附件1" in text and "上期：已完成整改" in text
    (gap, step), *_ = heartbeat.longest()
    print(f"longest gap {gap:.0f} ms during {step}")
    assert gap < 1500, heartbeat.longest(5)
