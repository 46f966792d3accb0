"""A contradiction (core.consistency) is said on the page where it is answered, at once: the
cadre who answers "否" to platform dispatch after giving 120 dispatches a month learns there,
not only on the results page, why the assessment will get no level."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from test_wizard import TOWNSHIP, type_into

from jianfu.core.assessment import Period


def test_a_contradiction_shows_under_the_answer_and_goes_when_corrected(qtbot, make_window) -> None:
    window = make_window()
    window.session.create(TOWNSHIP, Period("2026-Q4"))
    window._build_pages()
    window.show_page("apps")
    apps = window.pages["apps"]
    used = apps.rows["apps.dispatch_used"]
    type_into(qtbot, apps.rows["apps.dispatch_per_month"].editor.edit, "120")
    assert not used.contradiction

    qtbot.mouseClick(used.editor.no, Qt.MouseButton.LeftButton)
    assert window.session.answers["apps.dispatch_used"].value is False
    assert used.contradiction.startswith("作答前后矛盾：")
    assert "每月派单数" in used.contradiction
    shown = [label.text() for label in used.findChildren(QLabel, "errorText") if label.isVisible()]
    assert shown == [used.contradiction]  # under the answer, in the error colour

    type_into(qtbot, apps.rows["apps.dispatch_per_month"].editor.edit, "0")
    assert not used.contradiction  # corrected: the note goes
    assert not any(label.isVisible() for label in used.findChildren(QLabel, "errorText"))


def test_a_contradiction_from_another_page_shows_when_the_page_is_built(qtbot, make_window) -> None:
    window = make_window()
    window.session.create(TOWNSHIP, Period("2026-Q4"))
    window._build_pages()
    window.show_page("apps")
    apps = window.pages["apps"]
    type_into(qtbot, apps.rows["apps.official_accounts_followed"].editor.edit, "8")
    apps.tables["apps.inventory"].none_box.click()  # "none" to the inventory, 8 accounts followed
    assert window.session.answers["apps.inventory"].declared_none
    assert "作答前后矛盾" in apps.rows["apps.inventory"].contradiction

    window.close()
    reopened = make_window()
    reopened.start_page.load()
    qtbot.mouseClick(reopened.start_page.continue_button, Qt.MouseButton.LeftButton)
    reopened.show_page("apps")
    assert "作答前后矛盾" in reopened.pages["apps"].rows["apps.inventory"].contradiction  # built with it
