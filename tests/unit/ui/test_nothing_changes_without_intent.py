"""The mouse wheel scrolls pages and never changes an answer; "not applicable" keeps a table's rows."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QScrollArea, QTableWidget, QVBoxLayout, QWidget
from test_wizard import edit_cell, type_into

from jianfu.core.answers import Answer
from jianfu.core.assessment import Period, Township
from jianfu.storage.assessments import AssessmentStore
from jianfu.storage.database import open_database
from jianfu.ui.widgets.item_row import DateEditor

CHOICE = "traces.assessment_basis"  # a single choice of checklist v2
TOWNSHIP = Township("石桥镇", "519901102000", "云溪县")


def wheel(widget: QWidget, notches: int = -1) -> None:
    """A mouse wheel turned over the middle of ``widget`` (negative: towards the user, scrolls down)."""
    local = QPointF(widget.rect().center())
    event = QWheelEvent(
        local,
        QPointF(widget.mapToGlobal(local)),
        QPoint(),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def opened(make_window, page: str):
    window = make_window()
    window.session.create(TOWNSHIP, Period("2026-Q4"))
    window._build_pages()
    window.show_page(page)
    return window, window.pages[page]


def test_wheel_over_a_choice_scrolls_the_page_and_keeps_the_answer(qtbot, make_window, database) -> None:
    window, meetings = opened(make_window, "traces")
    combo = meetings.rows[CHOICE].editor.combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # chosen by keyboard: saved
    chosen = window.session.answers[CHOICE].value
    assert chosen is not None
    window.next_button.setFocus()  # the user moved on
    scroll = meetings.verticalScrollBar()
    scroll.setValue(scroll.maximum() // 2)
    before = scroll.value()
    for _ in range(3):
        wheel(combo)
    assert combo.currentData() == chosen
    assert scroll.value() > before  # the page scrolled instead
    check = AssessmentStore(open_database(database))
    assert check.load(window.session.assessment_id).answers[CHOICE].value == chosen
    check.db.close()
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus  # a real wheel no longer grabs focus


def test_wheel_over_a_date_keeps_it(qtbot, make_window) -> None:
    make_window()  # the application as the program sets it up
    area = QScrollArea()
    qtbot.addWidget(area)
    content = QWidget()
    layout = QVBoxLayout(content)
    dates = DateEditor()
    layout.addWidget(dates)
    layout.addSpacing(2000)
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.resize(400, 300)
    area.show()
    before = dates.edit.date()
    wheel(dates.edit, -2)
    assert dates.edit.date() == before and area.verticalScrollBar().value() > 0


def test_a_focused_choice_still_takes_the_wheel(qtbot, make_window) -> None:
    _window, meetings = opened(make_window, "traces")
    combo = meetings.rows[CHOICE].editor.combo
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    before = combo.currentIndex()
    wheel(combo, -1)
    assert combo.currentIndex() == before + 1


def test_wheel_over_a_combo_in_a_table_cell(qtbot, make_window) -> None:
    make_window()  # the application as the program sets it up
    area = QScrollArea()
    qtbot.addWidget(area)
    content = QWidget()
    layout = QVBoxLayout(content)
    table = QTableWidget(1, 1)
    combo = QComboBox()
    combo.addItems(["本镇自行整改", "提请县级协调"])
    table.setCellWidget(0, 0, combo)
    layout.addWidget(table)
    layout.addSpacing(2000)
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.resize(400, 300)
    area.show()
    wheel(combo, -1)
    assert combo.currentText() == "本镇自行整改"
    assert area.verticalScrollBar().value() > 0


def test_an_old_not_applicable_keeps_a_tables_rows(qtbot, make_window, database) -> None:
    window, apps = opened(make_window, "apps")
    row = apps.rows["apps.inventory"]
    inventory = apps.tables["apps.inventory"]
    for name in ("网格通", "学习强国"):
        qtbot.mouseClick(inventory.add_button, Qt.MouseButton.LeftButton)
        edit_cell(qtbot, inventory.table, inventory.table.rowCount() - 1, 0, name)
    type_into(qtbot, row.note, "两个都是县里要求的")  # a note after the rows: rows stay

    def stored():
        check = AssessmentStore(open_database(database))
        answer = check.load(window.session.assessment_id).answers["apps.inventory"]
        check.db.close()
        return answer

    assert [r["cells"]["name"] for r in stored().value] == ["网格通", "学习强国"]
    assert row.not_applicable.isHidden()  # tables answer "none" instead; 不适用 only from before:
    window.session.save_answer("apps.inventory", Answer(stored().value, True, stored().note))
    apps.load()  # as a database from an earlier version opens
    assert row.not_applicable.isChecked() and not row.not_applicable.isHidden() and not inventory.isVisible()
    answer = stored()
    assert answer.not_applicable and [r["cells"]["name"] for r in answer.value] == ["网格通", "学习强国"]
    assert answer.note == "两个都是县里要求的"

    qtbot.mouseClick(row.not_applicable, Qt.MouseButton.LeftButton)
    assert inventory.isVisible() and inventory.table.rowCount() == 2
    answer = stored()
    assert not answer.not_applicable and [r["cells"]["name"] for r in answer.value] == ["网格通", "学习强国"]

    window.close()  # and after a restart
    again = make_window()
    again.open_assessment(window.session.assessment_id)
    again.show_page("apps")
    assert again.pages["apps"].tables["apps.inventory"].table.rowCount() == 2
