"""The county's drill-down lists every 不适用 of a township with its reason and whether it counts."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QLabel, QTableWidget

from jianfu.core.answers import Answer
from jianfu.exchange.demo import sample_township_assessment
from jianfu.ui.county.drilldown import DrilldownDialog

SHOTS = os.environ.get("JIANFU_SHOTS")


def _rows(dialog: DrilldownDialog) -> list[list[str]]:
    tab = dialog.tabs.widget(dialog.tabs.count() - 1)
    table = tab.findChild(QTableWidget, "notApplicable")
    assert table is not None
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_drill_down_lists_each_not_applicable_with_its_reason(qtbot, library) -> None:
    assessment, _ = sample_township_assessment(library)
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    answers = {
        **assessment.answers,
        "filing.imposed_by": Answer(None, not_applicable=True, note="本期无县级部门另行布置填报"),
        "traces.minutes_per_day": Answer(None, not_applicable=True, note="本镇不搞留痕"),  # imported, from before
    }
    dialog = DrilldownDialog(replace(assessment, answers=answers), checklist)
    qtbot.addWidget(dialog)
    assert dialog.tabs.tabText(dialog.tabs.count() - 1) == "不适用"
    rows = _rows(dialog)
    assert [row[2] for row in rows] == ["本期无县级部门另行布置填报", "本镇不搞留痕"]
    assert rows[0][1] == checklist.item("filing.imposed_by").label and rows[0][3].startswith("计为不适用")
    assert rows[1][1] == checklist.item("traces.minutes_per_day").label and "须重新作答" in rows[1][3]
    summary = dialog.findChildren(QLabel)[0].text()  # the counts above the tabs: 1 not accepted
    assert "不适用2题（其中1题未说明实际理由、超出不适用上限或本版已不提供不适用）" in summary
    if SHOTS:
        dialog.tabs.setCurrentIndex(dialog.tabs.count() - 1)
        dialog.show()
        dialog.grab().save(str(Path(SHOTS) / "county_not_applicable.png"))

    plain = DrilldownDialog(assessment, checklist)
    qtbot.addWidget(plain)
    assert _rows(plain) == []


def test_drill_down_asks_the_inspector_to_verify_a_township_without_dispatch(qtbot, library) -> None:
    """v3: 否 to platform dispatch (with 0 orders, consistently) is scored as given, but the county's
    view of the township names it for checking against the 12345 and grid records."""
    assessment, _ = sample_township_assessment(library)
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    dispatched = DrilldownDialog(assessment, checklist)
    qtbot.addWidget(dispatched)
    assert assessment.answers["apps.dispatch_used"].value is True and dispatched.to_verify.isHidden()
    answers = {**assessment.answers, "apps.dispatch_used": Answer(False), "apps.dispatch_per_month": Answer(0)}
    denied = DrilldownDialog(replace(assessment, answers=answers), checklist)
    qtbot.addWidget(denied)
    denied.show()
    assert denied.to_verify.isVisible()
    text = denied.to_verify.text()
    assert text.startswith("请县级核实：") and "12345" in text and "派单" in text
