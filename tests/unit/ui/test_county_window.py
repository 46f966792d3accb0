"""The county inspector's window: import with progress, cancel and summary; overview; drill-down."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget

from jianfu.exchange.catalogue import write_catalogue
from jianfu.exchange.demo import write_demo
from jianfu.services.township_list import parse_township_list
from jianfu.ui.county.county_window import CountyWindow, _request_line
from jianfu.ui.county.models import ID_ROLE


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory, library) -> Path:
    directory = tmp_path_factory.mktemp("incoming")
    write_demo(directory, library)
    (directory / "坏文件.jianfu").write_text("{", encoding="utf-8")
    return directory


@pytest.fixture
def county(qtbot, library, tmp_path: Path):
    window = CountyWindow(library, tmp_path / "county.sqlite3")
    qtbot.addWidget(window)
    window.show()
    yield window
    window.county.close()


def test_import_shows_progress_and_summary_then_the_overview(qtbot, county, demo_dir) -> None:
    assert "还没有导入" in county.headline.text()
    task = county.import_paths([demo_dir])
    with qtbot.waitSignal(task.succeeded, timeout=30_000):
        pass
    summary = county.last_summary
    assert summary.describe().startswith("导入18个") and len(summary.rejected) == 1
    assert "坏文件.jianfu" in county.summary_box.detailedText()
    assert county.overview.model().rowCount() == 13
    assert "共有13个乡镇（街道）报送。全县负担最重的是" in county.headline.text()
    assert "未完成" not in county.headline.text()  # every demo file is complete: all in the averages
    assert county.departments.model().rowCount() > 5
    assert county.period.count() == 2  # two periods to choose from
    county.period.setCurrentIndex(1)
    assert county.overview.model().rowCount() == 5  # 2026-Q3: the five townships that reported twice


def test_cancel_stops_between_files(qtbot, county, demo_dir, monkeypatch) -> None:
    from jianfu.ui.county import county_window

    real = county_window.import_in_worker

    def cancel_after_first_file(database, library, files, progress):
        report = progress.report

        def report_then_cancel(fraction: float) -> None:
            report(fraction)
            if fraction > 0:  # the second file begins: Cancel pressed now (what the dialog's button does)
                progress.cancelled = True

        progress.report = report_then_cancel
        return real(database, library, files, progress)

    monkeypatch.setattr(county_window, "import_in_worker", cancel_after_first_file)
    task = county.import_paths([demo_dir])
    with qtbot.waitSignal(task.succeeded, timeout=30_000):
        pass
    assert county.last_summary.cancelled
    # the file under way when Cancel was pressed is finished, none after it is begun; both kept
    assert len(county.county.store.assessments.summaries()) == 2


def test_drill_down_and_department_merge(qtbot, county, demo_dir) -> None:
    task = county.import_paths([demo_dir])
    with qtbot.waitSignal(task.succeeded, timeout=30_000):
        pass
    county.overview.selectRow(0)
    county._drill_down()
    dialog = county.drilldown
    assert dialog.tabs.count() == 4  # scores, answers, plan, 不适用 with reasons
    assert "只读" in dialog.windowTitle()
    names = department_names(county)
    county.county.set_alias("县文化广电旅游局", "县委宣传部")
    county.refresh()
    merged = department_names(county)
    assert "县文化广电旅游局" in names and "县文化广电旅游局" not in merged


def test_drill_down_plan_is_read_in_full_with_its_departments(qtbot, county, demo_dir) -> None:
    task = county.import_paths([demo_dir])
    with qtbot.waitSignal(task.succeeded, timeout=30_000):
        pass
    county.overview.selectRow(0)
    county._drill_down()
    dialog = county.drilldown
    assessment = county.county.assessment(int(county.overview.currentIndex().siblingAtColumn(0).data(ID_ROLE)))
    overall = county.overview_sorted.index(county.overview.currentIndex().row(), 5).data()
    assert f"综合：{overall.split()[0]}（" in dialog.summary.text()  # the overall, as in the overview
    plan = dialog.plan
    headers = [plan.horizontalHeaderItem(c).text() for c in range(plan.columnCount())]
    assert headers[3] == "条线部门"  # as on the plan page
    assert plan.rowCount() == len(assessment.plan) > 0
    line = plan.fontMetrics().lineSpacing()
    for row, entry in enumerate(assessment.plan):
        assert plan.item(row, 3).text() == entry.department  # whom the county would ask
        measure = plan.item(row, 1)
        assert measure.text() == measure.toolTip() == entry.measure
        if plan.fontMetrics().horizontalAdvance(entry.measure) > plan.columnWidth(1):
            assert plan.rowHeight(row) >= 2 * line  # wrapped onto lines, not cut at "…"
    assert any(plan.item(r, 3).text() for r in range(plan.rowCount()))
    dialog.tabs.setCurrentWidget(plan)
    qtbot.waitUntil(plan.isVisible)
    assert plan.horizontalScrollBar().maximum() == 0  # 责任人, 整改时限, 是否采纳 on screen, no sideways scrolling


def department_names(county) -> set[str]:
    model = county.departments.model()
    return {model.index(r, 0).data() for r in range(model.rowCount())}


def test_problems_tab_counts_and_loads_a_departments_requests_on_opening(qtbot, county, demo_dir) -> None:
    task = county.import_paths([demo_dir])
    with qtbot.waitSignal(task.succeeded, timeout=30_000):
        pass
    period = county.selected_period()
    expected = county.county.store.escalated_items(period)  # read from every plan item, the slow way
    model = county.problem_model
    requests = model.index(1, 0)
    shown = {
        model.index(r, 0, requests).data(): int(model.index(r, 1, requests).data())
        for r in range(model.rowCount(requests))
    }
    assert shown == {name: len({i.township for i in items}) for name, items in expected.items()}
    first = model.index(0, 0, requests).data()
    department = model.index(0, 0, requests)
    assert model.rowCount(department) == 1  # not read until opened
    assert county.expand_requests(0) == len(expected[first])
    lines = {
        model.index(line, 0, model.index(problem, 0, department)).data()
        for problem in range(model.rowCount(department))
        for line in range(model.rowCount(model.index(problem, 0, department)))
    }
    assert lines == {_request_line(i) for i in expected[first]}
    common = model.index(0, 0)
    titles = {
        model.index(r, 0, common).data(): int(model.index(r, 1, common).data()) for r in range(model.rowCount(common))
    }
    assert sum(titles.values()) > 0 and len(titles) == len(county.county.store.common_problems(period))


def test_sorting_by_a_score_keeps_the_numbers_order(qtbot, county, demo_dir) -> None:
    task = county.import_paths([demo_dir])
    with qtbot.waitSignal(task.succeeded, timeout=30_000):
        pass
    county.overview.sortByColumn(5, Qt.SortOrder.DescendingOrder)
    model = county.overview.model()
    overall = [float(model.index(r, 5).data().split()[0]) for r in range(model.rowCount())]
    assert overall == sorted(overall, reverse=True) and len(overall) == 13
    # the overall shows its level and colour as the four manifestations do, and its change
    levels = {"较轻", "一般", "较重", "严重", "未完成"}
    assert all(model.index(r, 5).data().split()[1].split("（")[0] in levels for r in range(13))
    assert all(model.index(r, 5).data(Qt.ItemDataRole.BackgroundRole) is not None for r in range(13))
    assert any("（" in model.index(r, 5).data() for r in range(13))  # townships that reported before


def test_summary_is_written_in_a_worker(qtbot, county, demo_dir, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    task = county.import_paths([demo_dir])
    with qtbot.waitSignal(task.succeeded, timeout=30_000):
        pass
    target = tmp_path / "汇总.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    county._export(".xlsx")
    with qtbot.waitSignal(county.export_task.succeeded, timeout=60_000):
        pass
    assert target.stat().st_size > 1000 and not target.with_name(target.name + ".part").exists()


def test_township_list_parsing() -> None:
    townships, bad = parse_township_list("519901101000,柳河镇\n519901102000\t石桥镇\n柳河镇\n\n")
    assert townships == [("519901101000", "柳河镇"), ("519901102000", "石桥镇")] and bad == ["柳河镇"]


def test_township_ticks_its_inventory_from_the_catalogue(qtbot, make_window, county, demo_dir, tmp_path) -> None:
    task = county.import_paths([demo_dir])
    with qtbot.waitSignal(task.succeeded, timeout=30_000):
        pass
    path = tmp_path / "目录.jianfu-catalogue"
    write_catalogue(path, county.county.catalogue())

    from jianfu.core.assessment import Period, Township

    window = make_window()
    window.session.create(Township("新镇", "519901107000", "云溪县"), Period("2026-Q4"))
    window._build_pages()
    window.show_page("apps")
    inventory = window.pages["apps"].tables["apps.inventory"]
    assert inventory.catalogue_button.isVisibleTo(window)
    inventory.add_from_catalogue(path)
    dialog = inventory.catalogue_dialog
    first = dialog.list.item(0)
    first.setCheckState(Qt.CheckState.Checked)
    dialog.accept()
    rows = window.session.service.store.load(window.session.assessment_id).answers["apps.inventory"].value
    assert [r["cells"]["name"] for r in rows] == [dialog.entries[0].name]
    assert rows[0]["cells"]["department"] == dialog.entries[0].department


def test_a_catalogue_that_cannot_be_written_says_why_in_chinese(qtbot, county, demo_dir, tmp_path, monkeypatch) -> None:
    from dialogs import MessageBoxes
    from PySide6.QtWidgets import QFileDialog

    task = county.import_paths([demo_dir])
    with qtbot.waitSignal(task.succeeded, timeout=30_000):
        pass
    locked = tmp_path / "只读" / "目录.jianfu-catalogue"  # its folder does not exist: the write fails
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(locked), ""))
    with MessageBoxes() as boxes:
        county._export_catalogue()
    assert len(boxes.texts) == 1 and f"无法写入 {locked}" in boxes.texts[0], boxes.texts
    assert not locked.exists()


def test_a_township_still_on_v2_reads_the_county_catalogue(
    qtbot, make_window, county, demo_dir, tmp_path, library
) -> None:
    """The county's catalogue lists 派单平台 (v3); a township finishing a v2 assessment is offered
    every entry, the 派单平台 ones as 网页平台/业务系统 with a note saying so, not a refusal."""
    task = county.import_paths([demo_dir])
    with qtbot.waitSignal(task.succeeded, timeout=30_000):
        pass
    path = tmp_path / "目录.jianfu-catalogue"
    catalogue = county.county.catalogue()
    write_catalogue(path, catalogue)

    from jianfu.core.assessment import Period, Township

    window = make_window()
    store = window.session.service.store
    v2 = library.get("township-selfcheck", 2)
    assessment_id = store.create_assessment(
        Township("新镇", "519901107000", "云溪县"), Period("2026-Q4"), v2, Period("2026-Q4").end
    )
    window.session.open(assessment_id)
    assert window.session.checklist.version == 2
    window._build_pages()
    window.show_page("apps")
    inventory = window.pages["apps"].tables["apps.inventory"]
    inventory.add_from_catalogue(path)
    assert inventory.error.text() == ""
    dialog = inventory.catalogue_dialog
    assert [e.name for e in dialog.entries] == [e.name for e in catalogue.entries]
    assert dialog.notes.isVisibleTo(dialog)
    assert "本次自查所用的第 2 版清单没有这一类型，已按“网页平台/业务系统”列出：数字城管平台" in dialog.notes.text()
    at = next(i for i in range(dialog.list.count()) if dialog.list.item(i).text().startswith("数字城管平台"))
    dialog.list.item(at).setCheckState(Qt.CheckState.Checked)
    dialog.accept()
    rows = store.load(assessment_id).answers["apps.inventory"].value
    assert [(r["cells"]["name"], r["cells"]["kind"]) for r in rows] == [("数字城管平台", "web_platform")]


def test_overview_names_the_townships_to_verify(qtbot, county, demo_dir) -> None:
    """Below the townships: those whose answers the county should check ("no platform dispatch"),
    without opening each one's drill-down."""
    task = county.import_paths([demo_dir])
    with qtbot.waitSignal(task.succeeded, timeout=30_000):
        pass
    # looked up off the UI thread after the refresh (at 10,000 townships it would double it)
    qtbot.waitUntil(lambda: "请县级核实" in county.missing.text(), timeout=10_000)
    lines = county.missing.text().split("\n")
    verify = [line for line in lines if line.startswith("请县级核实：")]
    assert verify == [
        "请县级核实：马鞍乡、桃源乡（共2个）答不通过平台接收系统派单、每月派单数为0，"
        "请县级对照12345热线和网格化平台的派单记录核实。"
    ]
    assert county.missing.isVisible()


def test_a_lookup_for_an_earlier_refresh_adds_nothing(qtbot, county, demo_dir) -> None:
    """The period changes before the townships to verify are found: that answer is not shown under
    the other period (2026-Q3 has no township without dispatch; it has its own notes)."""
    from jianfu.ui.tasks import _running

    task = county.import_paths([demo_dir])
    with qtbot.waitSignal(task.succeeded, timeout=30_000):
        pass
    county.refresh()  # 2026-Q4: two townships to verify, looked up …
    county.period.setCurrentIndex(county.period.findData("2026-Q3"))  # … while the inspector moves on
    qtbot.waitUntil(lambda: not _running, timeout=10_000)
    assert county.selected_period().code == "2026-Q3"
    assert "马鞍乡" not in county.missing.text() and "不通过平台接收系统派单" not in county.missing.text()


def test_a_failed_lookup_is_a_line_not_a_dialog(qtbot, county, demo_dir, monkeypatch) -> None:
    from jianfu.core.errors import JianfuError
    from jianfu.services.county import CountyService
    from jianfu.ui.tasks import _running

    def locked(self, period):
        raise JianfuError("县级数据库正被另一个程序占用，请稍后再试。")

    monkeypatch.setattr(CountyService, "to_verify", locked)
    task = county.import_paths([demo_dir])
    with qtbot.waitSignal(task.succeeded, timeout=30_000):
        pass
    qtbot.waitUntil(lambda: not _running, timeout=10_000)
    county.refresh()  # a failure is not remembered: looked up again
    qtbot.waitUntil(lambda: "未能查出" in county.missing.text(), timeout=10_000)  # no dialog (the guard fails one)
    assert county.missing.text().endswith("未能查出需县级核实的乡镇：县级数据库正被另一个程序占用，请稍后再试。")
    assert county.overview.model().rowCount() == 13


def test_townships_to_verify_are_looked_up_once_per_period_until_the_next_import(
    qtbot, county, demo_dir, monkeypatch
) -> None:
    """Refreshing (a tab, an alias, the township list) reads no answers again; an import does."""
    from jianfu.services.county import CountyService
    from jianfu.ui.tasks import _running

    looked_up: list[str] = []
    real = CountyService.to_verify

    def counting(self, period):
        looked_up.append(period.code)
        return real(self, period)

    monkeypatch.setattr(CountyService, "to_verify", counting)
    task = county.import_paths([demo_dir])
    with qtbot.waitSignal(task.succeeded, timeout=30_000):
        pass
    qtbot.waitUntil(lambda: "请县级核实" in county.missing.text(), timeout=10_000)
    qtbot.waitUntil(lambda: not _running, timeout=10_000)
    before = len(looked_up)
    county.refresh()
    county.refresh()
    assert len(looked_up) == before and "请县级核实：马鞍乡、桃源乡" in county.missing.text()
    task = county.import_paths([demo_dir])  # the same files again: looked up afresh all the same
    with qtbot.waitSignal(task.succeeded, timeout=30_000):
        pass
    qtbot.waitUntil(lambda: not _running and len(looked_up) > before, timeout=10_000)
    assert "请县级核实：马鞍乡、桃源乡" in county.missing.text()


def test_refreshes_during_a_lookup_do_not_start_another_for_the_same_period(
    qtbot, county, demo_dir, monkeypatch
) -> None:
    """The lookup that ends after later refreshes of the same period answers them: no second one
    (a chain of lookups had competed with every refresh while the inspector clicked around)."""
    import time

    from jianfu.services.county import CountyService
    from jianfu.ui.tasks import _running

    looked_up: list[str] = []
    real = CountyService.to_verify

    def slow(self, period):
        looked_up.append(period.code)
        time.sleep(0.3)  # still running while the refreshes below come
        return real(self, period)

    monkeypatch.setattr(CountyService, "to_verify", slow)
    task = county.import_paths([demo_dir])
    with qtbot.waitSignal(task.succeeded, timeout=30_000):
        pass
    county.refresh()
    county.refresh()
    qtbot.waitUntil(lambda: not _running and "请县级核实" in county.missing.text(), timeout=10_000)
    assert looked_up == ["2026-Q4"]


def test_every_table_in_the_county_window_is_set_in_the_cjk_font(qtbot, qapp, library, tmp_path: Path) -> None:
    """Opened first, or on its own, the window used to take Qt's default font (DejaVu Sans here:
    Latin first, Chinese from a Mincho fallback) while the township window had the CJK family."""
    from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
    from PySide6.QtWidgets import QAbstractItemView

    from jianfu.ui.appearance import FAMILY_PROPERTY

    qapp.setFont(QFont("DejaVu Sans"))  # what a fresh application starts with on this machine
    window = CountyWindow(library, tmp_path / "county.sqlite3")
    qtbot.addWidget(window)
    window.show()
    family = qapp.property(FAMILY_PROPERTY)
    assert QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family)
    views = window.findChildren(QAbstractItemView)
    assert {window.overview, window.departments, window.problems} <= set(views)
    for widget in [window.headline, *views, *(v.horizontalHeader() for v in views if hasattr(v, "horizontalHeader"))]:
        assert QFontInfo(widget.font()).family() == family, widget
    window.county.close()


def test_at_1024_pixels_every_score_keeps_its_change_from_last_period(qtbot, qapp, county, demo_dir) -> None:
    from jianfu.ui.appearance import apply_font_size

    task = county.import_paths([demo_dir])
    with qtbot.waitSignal(task.succeeded, timeout=30_000):
        pass
    county.resize(1024, 768)
    qtbot.waitUntil(lambda: county.overview.viewport().width() < 1000)
    view, model = county.overview, county.overview.model()

    def elided() -> list[str]:
        metrics = view.fontMetrics()
        cells = [model.index(row, column).data() for row in range(model.rowCount()) for column in range(1, 8)]
        # the cell's text and its margins fit: nothing cut at "…"
        return [t for i, t in enumerate(cells) if metrics.horizontalAdvance(t) + 8 > view.columnWidth(1 + i % 7)]

    assert not elided()
    assert sum("（" in model.index(r, 1).data() for r in range(model.rowCount())) >= 5  # the changes are shown
    assert view.horizontalScrollBar().maximum() == 0  # all in view
    assert "较上期" in str(model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole))
    overall_tip = str(model.headerData(5, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole))
    assert "最多比最重的一项低一档" in overall_tip and "较上期" in overall_tip
    family = county.font_family
    apply_font_size(qapp, family, large=True)  # the large font: the table scrolls sideways instead
    try:
        qtbot.waitUntil(lambda: view.horizontalScrollBar().maximum() > 0)
        assert not elided()
    finally:
        apply_font_size(qapp, family, large=False)


def test_departments_asked_to_act_are_listed_unnumbered_with_their_requests(qtbot, county, demo_dir) -> None:
    """QA walk4 #5, #16: 县委办公室 (requests only) was missing; row numbers read as a ranking."""
    task = county.import_paths([demo_dir])
    with qtbot.waitSignal(task.succeeded, timeout=30_000):
        pass
    model = county.departments.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[-2:] == ["月耗工时", "提请协调事项"]
    rows = {
        model.index(r, 0).data(): [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    }
    office = rows["县委办公室"]
    assert office[-2] == "0" and int(office[-1]) > 0 and set(office[2:-2]) == {"0"}
    assert 0 < int(office[1]) <= int(office[-1])  # the townships asking it, not "0 乡镇" beside its requests
    assert not county.departments.verticalHeader().isVisible()


def test_a_subdistricts_findings_speak_of_itself_as_a_subdistrict(qtbot, county, demo_dir) -> None:
    task = county.import_paths([demo_dir])
    with qtbot.waitSignal(task.succeeded, timeout=30_000):
        pass
    row = next(
        r
        for r in range(county.overview_sorted.rowCount())
        if county.overview_sorted.index(r, 0).data().endswith("街道")
    )
    county.overview.selectRow(row)
    county._drill_down()
    texts = [
        tree.topLevelItem(i).child(j).text(c)
        for tree in county.drilldown.findChildren(QTreeWidget)  # findings with their evidence, answers
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
        for c in (0, 1)
    ]
    assert "本街道在岗干部人数" in texts and sum("本街道" in t for t in texts) > 1, texts
    assert not any("本镇" in t for t in texts), [t for t in texts if "本镇" in t]
