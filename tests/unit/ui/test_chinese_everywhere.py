"""Every dialog, message box, menu and page the program shows is in Chinese, Qt's own included."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from english import english_in, english_words
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QMessageBox

from helpers.modal_guard import GUARD
from helpers.sample import open_sample
from jianfu.core.wizard import wizard_pages
from jianfu.ui.pages.export_page import PreviewDialog
from jianfu.ui.widgets.table_editor import PickCatalogueDialog


class Inspector:
    """Scans each modal dialog or popup menu that opens, then closes it as a user would."""

    def __init__(self) -> None:
        self.seen: dict[str, list[str]] = {}
        self.menu_items: list[str] = []
        self.timer = QTimer(interval=30)
        self.timer.timeout.connect(self._look)

    def __enter__(self) -> Inspector:
        self._done = GUARD.expect(QDialog)  # every dialog is expected here: it answers them all
        self.timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.timer.stop()
        self._done()

    def _look(self) -> None:
        popup = QApplication.activePopupWidget()
        if isinstance(popup, QMenu):
            self.seen[f"menu {len(self.seen)}"] = english_in(popup)
            self.menu_items = [a.text() for a in popup.actions() if a.text()]
            popup.close()
            return
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and dialog.isVisible():
            self.seen[f"{len(self.seen)} {type(dialog).__name__} {dialog.windowTitle()}"] = english_in(dialog)
            dialog.reject()


def no_english(seen: dict[str, list[str]]) -> dict[str, list[str]]:
    return {name: found for name, found in seen.items() if found}


def test_the_english_finder_finds_english() -> None:
    assert english_words("&Look in:") == ["Look"]
    assert english_words("确定") == [] and english_words("保存为 PDF（/tmp/plan.pdf）") == []


def test_every_page_and_menu_of_the_wizard(qtbot, make_window) -> None:
    window = make_window()
    assert english_in(window) == []
    open_sample(qtbot, window)
    for page in wizard_pages(window.session.checklist):
        window.show_page(page.id)
        assert english_in(window) == [], page.id
    for menu in window.menuBar().findChildren(QMenu):
        assert [a.text() for a in menu.actions() if english_words(a.text())] == []


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")  # offscreen popups
def test_dialogs_and_message_boxes(qtbot, make_window, tmp_path) -> None:
    window = make_window()
    with Inspector() as inspector:
        qtbot.mouseClick(window.start_page.new_button, Qt.MouseButton.LeftButton)  # 新建自查
        open_sample(qtbot, window)
        bad = tmp_path / "broken.jianfu"
        bad.write_text("{not json", encoding="utf-8")
        window.open_file(bad)  # a warning box
        QMessageBox.question(window, "减负助手", "要继续吗？")  # Yes/No
        QMessageBox.critical(window, "减负助手", "出错了")
        window.show_page("filing")
        tasks = window.pages["filing"].tables["filing.tasks"]
        qtbot.mouseClick(tasks.add_button, Qt.MouseButton.LeftButton)
        cell = tasks.table.item(0, 2)
        tasks.table.scrollToItem(cell)
        rect = tasks.table.visualItemRect(cell)
        qtbot.mousePress(tasks.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(tasks.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # PickRowsDialog
        window.show_page("apps")
        qtbot.mouseClick(window.pages["apps"].tables["apps.inventory"].catalogue_button, Qt.MouseButton.LeftButton)
        entry = SimpleNamespace(name="网格通", department="县委政法委")
        PickCatalogueDialog([entry], set(), window).exec()
        PreviewDialog([], window).exec()
        window.show_page("export")
        qtbot.mouseClick(window.pages["export"].save_pdf_button, Qt.MouseButton.LeftButton)  # save dialog
        window.show_page("traces")
        edit = window.pages["traces"].rows["traces.photo_checkin"].note
        edit.setText("仅安全生产类")
        center = edit.rect().center()
        QApplication.sendEvent(
            edit, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, center, edit.mapToGlobal(center))
        )
        qtbot.waitUntil(lambda: any(k.startswith("menu") for k in inspector.seen))  # a popup, not modal
    kinds = " ".join(inspector.seen)
    for expected in (
        "NewAssessmentDialog",
        "QMessageBox",
        "PickRowsDialog",
        "QFileDialog",
        "PickCatalogueDialog",
        "PreviewDialog",
        "menu",
    ):
        assert expected in kinds, f"{expected} never opened: {kinds}"
    assert no_english(inspector.seen) == {}
    assert "全选\tCtrl+A" in inspector.menu_items  # the line edit's own menu, in Chinese
    # QPrintDialog is not opened here: on the offscreen platform without CUPS it crashes Qt.


def test_the_county_window(qtbot, make_window) -> None:
    window = make_window()
    county = window.open_county()
    qtbot.addWidget(county)
    assert english_in(county) == []
    with Inspector() as inspector:
        county._choose_files()
        county._choose_folder()
    assert len(inspector.seen) == 2 and no_english(inspector.seen) == {}


@pytest.mark.parametrize(
    "standard",
    [
        QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard,
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
    ],
)
def test_qt_standard_buttons(qtbot, make_window, standard) -> None:
    make_window()
    box = QMessageBox(QMessageBox.Icon.Question, "减负助手", "？", standard)
    qtbot.addWidget(box)
    assert [b.text() for b in box.buttons() if english_words(b.text())] == []
