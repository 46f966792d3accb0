"""The UI thread keeps beating while the wizard is driven through every page, prints and previews."""

from __future__ import annotations

from pypdf import PdfReader

from helpers.heartbeat import Heartbeat, drive_wizard


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
