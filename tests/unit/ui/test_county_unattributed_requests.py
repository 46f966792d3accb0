"""The county window lists a request the township attributed to "one or more of" several departments
under no department, and says which departments it listed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from jianfu.exchange.demo import write_demo
from jianfu.reports.county import UNATTRIBUTED
from jianfu.ui.county.county_window import CountyWindow


def test_requests_without_a_named_department_say_so(qtbot, library, tmp_path: Path) -> None:
    write_demo(tmp_path / "demo", library)
    window = CountyWindow(library, tmp_path / "county.sqlite3")
    qtbot.addWidget(window)
    window.show()
    try:
        task = window.import_paths([tmp_path / "demo"])
        with qtbot.waitSignal(task.succeeded, timeout=30_000):
            pass
        window.tabs.setCurrentWidget(window.problems)
        model, tree = window.problem_model, window.problems
        requests = model.index(1, 0)
        names = [model.index(r, 0, requests).data() for r in range(model.rowCount(requests))]
        unattributed = model.index(names.index(UNATTRIBUTED), 0, requests)

        def open_with_keyboard(index) -> None:
            tree.setCurrentIndex(index)
            qtbot.keyClick(tree, Qt.Key.Key_Right)  # the arrow key opens the row, which reads it
            assert tree.isExpanded(index)

        open_with_keyboard(unattributed)
        lines = []
        for problem in range(model.rowCount(unattributed)):
            index = model.index(problem, 0, unattributed)
            open_with_keyboard(index)
            lines += [model.index(n, 0, index).data() for n in range(model.rowCount(index))]
        expected = window.county.store.escalated_items(window.selected_period())[UNATTRIBUTED]
        assert set(lines) == {f"{i.township}【{i.department}】：{i.problem}" for i in expected}
        assert all(line.split("】")[0].endswith("之一或多个（未指明）") for line in lines)  # all in the demo
        # and no department's own requests show such a line
        department = model.index(names.index(next(n for n in names if n != UNATTRIBUTED)), 0, requests)
        open_with_keyboard(department)
        for problem in range(model.rowCount(department)):
            index = model.index(problem, 0, department)
            open_with_keyboard(index)
            assert not any("之一或多个" in model.index(n, 0, index).data() for n in range(model.rowCount(index)))
        window.grab().save(str(tmp_path / "county.png"))
    finally:
        window.county.close()
