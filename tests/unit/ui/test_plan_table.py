"""The plan table: one delegate instead of a widget per row; "who acts" edited in place; the wheel
never changes a choice the cadre is not editing."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox

from jianfu.ui.pages.plan_page import COLUMNS, TEXT_COMPACT_CHARACTERS

HANDLING = COLUMNS.index("handling")


def open_plan(make_window):
    window = make_window()
    # Stored and opened at once (not prepared in a worker, as the window's button does): the
    # window is not activated meanwhile, so a cell editor keeps existing without focus.
    window.open_assessment(window.session.service.open_sample())
    window.show_page("plan")
    return window, window.pages["plan"]


def stored_plan(window):
    return {i.key: i for i in window.session.service.store.load(window.session.assessment_id).plan}


def test_no_widget_per_row_and_who_acts_is_shown_as_text(qtbot, make_window) -> None:
    _window, page = open_plan(make_window)
    rows = page.table.rowCount()
    assert rows > 5
    assert all(page.table.cellWidget(r, HANDLING) is None for r in range(rows))
    texts = {page.table.item(r, HANDLING).text() for r in range(rows)}
    assert texts <= {"本镇自行整改", "提请县级协调"} and texts


def choice_editor(qtbot, page, row: int) -> QComboBox:
    page.table.setCurrentCell(row, HANDLING)
    page.table.editItem(page.table.item(row, HANDLING))
    return next(e for e in page.table.viewport().findChildren(QComboBox) if e.isVisible())


def test_who_acts_is_chosen_in_place_and_saved(qtbot, make_window) -> None:
    window, page = open_plan(make_window)
    key = page.table.item(0, 0).data(Qt.ItemDataRole.UserRole)
    before = stored_plan(window)[key].handling.value
    box = choice_editor(qtbot, page, 0)
    other = 1 - box.currentIndex()
    label = box.itemText(other)
    box.setCurrentIndex(other)
    box.activated.emit(other)
    qtbot.wait(20)
    after = stored_plan(window)[key]
    assert after.handling.value != before and "handling" in after.edited
    assert page.table.item(0, HANDLING).text() == label


def test_the_wheel_does_not_change_a_choice_without_focus(qtbot, make_window) -> None:
    _window, page = open_plan(make_window)
    box = choice_editor(qtbot, page, 0)
    page.table.setFocus()
    QApplication.processEvents()
    assert not box.hasFocus()
    index = box.currentIndex()
    centre = QPointF(box.rect().center())
    wheel = QWheelEvent(
        centre,
        QPointF(box.mapToGlobal(QPoint(int(centre.x()), int(centre.y())))),
        QPoint(0, 0),
        QPoint(0, -120 if index == 0 else 120),  # towards the other choice
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(box, wheel)
    assert box.currentIndex() == index


def test_every_column_is_in_view_on_an_office_screen(qtbot, make_window) -> None:
    """At 1366×768 (make_window's size) no column hides behind a horizontal scroll bar, and the
    short columns hold a deadline and a unit's name on one line."""
    _window, page = open_plan(make_window)
    qtbot.waitUntil(lambda: page.table.horizontalHeader().sectionSize(COLUMNS.index("problem")) > 150)
    header = page.table.horizontalHeader()
    right = header.sectionViewportPosition(len(COLUMNS) - 1) + header.sectionSize(len(COLUMNS) - 1)
    assert right <= page.table.viewport().width()
    assert not page.table.horizontalScrollBar().isVisible()
    metrics = page.table.fontMetrics()
    for field, text in (("deadline", "2027-03-31"), ("responsible_unit", "党政综合办公室")):
        assert header.sectionSize(COLUMNS.index(field)) > metrics.horizontalAdvance(text) + 8
    # Rows follow the widths once laid out: a short problem is not left in a tall row.
    heights = [page.table.rowHeight(r) for r in range(page.table.rowCount())]
    assert max(heights) < page.table.viewport().height()


def test_problem_and_measure_stay_readable_with_the_large_font(qtbot, make_window) -> None:
    """查看 → 大字体 at 1366×768: the short columns wrap (as at 1024 pixels) so that every column
    stays in view, and problem and measure keep at least TEXT_COMPACT_CHARACTERS each; in the
    smallest window (1000×600) the table scrolls sideways instead of squeezing them further. Back
    to the normal font at 1366, the short columns hold their text on one line again."""
    window, page = open_plan(make_window)
    header = page.table.horizontalHeader()
    text_columns = [COLUMNS.index("problem"), COLUMNS.index("measure")]
    unit = COLUMNS.index("responsible_unit")

    def characters(n: int) -> int:
        return page.table.fontMetrics().horizontalAdvance("字" * n)

    normal = characters(12)
    window.set_large_font(True)
    qtbot.waitUntil(lambda: characters(12) > normal)
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: header.length() <= page.table.viewport().width())
    assert all(header.sectionSize(c) >= characters(TEXT_COMPACT_CHARACTERS) for c in text_columns)
    assert header.sectionSize(unit) < characters(7)  # 党政综合办公室 wraps

    window.resize(1000, 600)
    qtbot.waitUntil(lambda: header.length() > page.table.viewport().width())
    assert all(header.sectionSize(c) >= characters(TEXT_COMPACT_CHARACTERS) for c in text_columns)
    page.table.horizontalScrollBar().setValue(page.table.horizontalScrollBar().maximum())
    last = len(COLUMNS) - 1
    assert header.sectionViewportPosition(last) + header.sectionSize(last) <= page.table.viewport().width()

    window.resize(1366, 768)
    window.set_large_font(False)
    qtbot.waitUntil(lambda: header.length() <= page.table.viewport().width())
    assert not page.table.horizontalScrollBar().isVisible()
    assert header.sectionSize(unit) >= characters(7)  # room again: on one line
    assert all(header.sectionSize(c) >= characters(12) for c in text_columns)


def test_a_deadline_is_typed_as_offices_write_it_and_a_typo_year_is_refused(qtbot, make_window, tmp_path) -> None:
    """2027年3月31日 is stored as 2027-03-31; 2207 (a typo) is refused at once with why: stored,
    it would have been exported in a file the county's import refuses."""
    from jianfu.exchange.assessment_file import read_assessment_file
    from jianfu.ui.pages.export_page import export_file

    window, page = open_plan(make_window)
    column = COLUMNS.index("deadline")
    cell = page.table.item(0, column)
    cell.setText("2027年3月31日")
    assert cell.text() == "2027-03-31" and page.error.text() == ""
    stored = {i.deadline for i in stored_plan(window).values()}
    assert "2027-03-31" in stored
    cell.setText("2207-03-31")
    assert cell.text() == "2027-03-31"  # what is stored, shown again
    assert "2207-03-31不在2000–2100年之间" in page.error.text() and page.error.text().startswith("整改时限")
    assert "2207-03-31" not in {i.deadline for i in stored_plan(window).values()}
    path = export_file(window.session, tmp_path / "柳河镇.jianfu", lambda _f: None)
    assert read_assessment_file(path, window.session.library).assessment.plan  # the county can import it
