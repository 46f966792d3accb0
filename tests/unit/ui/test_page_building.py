"""Pages built a slice per event-loop turn: the one shown first, the others while the cadre types,
ending up as a page built in one go would be, without taking the keyboard from anyone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from test_wizard import type_into, type_text

from helpers.sample import open_sample
from jianfu.core.wizard import wizard_pages
from jianfu.ui.pages.section_page import SectionPage


def all_built(window) -> bool:
    pages = [window.pages.get(p.id) for p in wizard_pages(window.session.checklist)]
    return all(page is not None and getattr(page, "complete", True) for page in pages)


def test_pages_build_while_the_cadre_types_and_keep_the_keyboard(qtbot, make_window) -> None:
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    open_sample(qtbot, window)
    first = window.pages[window.current]
    assert isinstance(first, SectionPage) and not all_built(window)
    edit = next(row.note for row in first.rows.values() if row.isVisible())
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    windows = {w for w in QApplication.topLevelWidgets() if w.isVisible()}
    while not all_built(window):  # typing, a key per turn, while the other pages are built
        type_text(qtbot, edit, "核")
        qtbot.wait(5)
        assert edit.hasFocus() and window.isActiveWindow()
    assert {w for w in QApplication.topLevelWidgets() if w.isVisible()} == windows  # no widget flashed as a window
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.text().startswith("核")


def test_a_page_built_in_slices_is_laid_out_and_ordered_as_its_section(qtbot, make_window) -> None:
    window = make_window()
    open_sample(qtbot, window)
    qtbot.waitUntil(lambda: all_built(window), timeout=20_000)
    for page_id in ("apps", "traces"):
        window.show_page(page_id)
        page = window.pages[page_id]
        qtbot.wait(20)
        rows = [page.rows[item.id] for item in page.section.items]
        layout = page.widget().layout()
        positions = [layout.indexOf(row) for row in rows]
        assert positions == sorted(positions)  # in the section's order
        shown = [row for row in rows if row.isVisible()]
        tops = [row.mapTo(page.widget(), row.rect().topLeft()).y() for row in shown]
        assert tops == sorted(tops) and len(set(tops)) == len(tops)  # laid out one below the other
        last = shown[-1]
        assert page.widget().height() >= last.geometry().bottom()  # the page reaches its last row
        assert page.verticalScrollBar().maximum() > 0
        # Tab goes through the rows in order: "?" then the answer, row by row
        chain: list[QWidget] = []
        widget = page.nextInFocusChain()
        while widget is not page and len(chain) < 5000:
            if page.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible():
                chain.append(widget)
            widget = widget.nextInFocusChain()
        owners = [i for w in chain for i, row in enumerate(shown) if row.isAncestorOf(w)]
        assert owners == sorted(owners)


def test_scores_shown_again_follow_every_edit_in_between(qtbot, make_window) -> None:
    from jianfu.core.scoring import score_assessment

    window = make_window()
    open_sample(qtbot, window)
    window.show_page("results")
    first = window.pages["results"].result
    window.show_page("plan")
    assert window.session.rescore()[0] is first  # nothing changed since: the score is not redone
    window.show_page("meetings")
    hours = window.pages["meetings"].rows["meetings.average_hours"].editor.edit
    type_into(qtbot, hours, "8")
    window.show_page("results")
    again = window.pages["results"].result
    fresh = score_assessment(window.session.checklist, window.session.answers)
    assert again.overall == fresh.overall != first.overall
    stored = window.session.service.store.stored_scores(window.session.assessment_id)
    assert stored["overall"][0] == fresh.overall  # and stored


def test_group_headings_appear_once_and_never_over_hidden_questions(qtbot, make_window, monkeypatch) -> None:
    from PySide6.QtWidgets import QLabel

    from jianfu.core.assessment import Period, Township
    from jianfu.ui.pages import section_page

    window = make_window()
    window.session.create(Township("石桥镇", "519901102000", "云溪县"), Period("2026-Q4"))
    window._build_pages()
    for page_id in ("apps", "traces", "filing", "meetings"):
        window.show_page(page_id)
        page = window.pages[page_id]
        assert page.rows  # finishes building the page
        headings = [w for w in page.findChildren(QLabel) if w.objectName() == "groupTitle"]
        texts = [h.text() for h in headings]
        assert len(texts) == len(set(texts)), texts  # a group's questions stand together
        assert page.section.title not in texts  # the page title is not repeated as a heading
    # a heading whose questions are all hidden by skip logic is hidden with them
    page = window.pages["traces"]
    heading = next(w for w in page.findChildren(QLabel) if w.objectName() == "groupTitle")
    group = heading.text()
    assert heading.isVisibleTo(page)
    real = section_page.is_visible
    monkeypatch.setattr(section_page, "is_visible", lambda item, answers: item.group != group and real(item, answers))
    page.update_visibility()
    assert not heading.isVisibleTo(page)
    assert not any(r.isVisibleTo(page) for r in page.rows.values() if r.item.group == group)
    monkeypatch.setattr(section_page, "is_visible", real)
    page.update_visibility()
    assert heading.isVisibleTo(page)
