"""A contradiction (core.consistency) is said on the page where it is answered, at once: the
cadre who answers "否" to platform dispatch after giving 120 dispatches a month learns there,
not only on the results page, why the assessment will get no level."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from test_wizard import TOWNSHIP, type_into

from helpers.sample import open_sample
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


def test_the_sidebar_ticks_no_page_whose_answers_contradict(qtbot, make_window) -> None:
    """Every item answered is no ✓ while the answers contradict: the assessment gets no level."""
    window = make_window()
    open_sample(qtbot, window)
    window.show_page("apps")
    apps = window.pages["apps"]

    def entry() -> str:
        sidebar = window.sidebar
        return next(sidebar.item(r).text() for r in range(sidebar.count()) if sidebar.item(r).data(256) == "apps")

    assert entry().endswith("✓") and "矛盾" not in entry()
    type_into(qtbot, apps.rows["apps.dispatch_per_month"].editor.edit, "120")
    qtbot.mouseClick(apps.rows["apps.dispatch_used"].editor.no, Qt.MouseButton.LeftButton)
    first, second = entry().split("\n")[:2]
    assert "✓" not in first and second == "● 作答矛盾"
    if shots := os.environ.get("JIANFU_SHOTS"):
        window.grab().save(f"{shots}/sidebar-contradiction.png")
    qtbot.mouseClick(apps.rows["apps.dispatch_used"].editor.yes, Qt.MouseButton.LeftButton)
    assert entry().endswith("✓") and "矛盾" not in entry()


def test_the_results_page_says_a_contradiction_is_what_is_wrong(qtbot, make_window) -> None:
    """Everything answered, only a contradiction: the red line does not ask to answer every item."""
    window = make_window()
    open_sample(qtbot, window)
    window.show_page("apps")
    apps = window.pages["apps"]
    type_into(qtbot, apps.rows["apps.dispatch_per_month"].editor.edit, "120")
    qtbot.mouseClick(apps.rows["apps.dispatch_used"].editor.no, Qt.MouseButton.LeftButton)
    window.show_page("results")
    shown = window.pages["results"].completeness.text()
    first = shown.split("\n")[0]
    assert first.startswith("未完成：必答题都已作答，但有回答前后矛盾") and "改正每处矛盾中的一方" in first
    assert "必答题须全部按清单允许的方式作答" not in shown
    assert "每月派单数" in shown  # the contradiction itself, listed below
    if shots := os.environ.get("JIANFU_SHOTS"):
        window.grab().save(f"{shots}/results-contradiction.png")
