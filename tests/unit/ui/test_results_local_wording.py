"""The checklist says 本镇; a 街道's results page reads 本街道 in its findings and their answers, as its
plan and the county's drill-down do."""

from __future__ import annotations

from pathlib import Path

from jianfu.core.scoring import score_assessment
from jianfu.exchange.assessment_file import to_document, write_assessment_file
from jianfu.exchange.demo import sample_assessments


def test_a_jiedao_reads_its_own_word_in_the_findings(qtbot, make_window, library, tmp_path: Path) -> None:
    assessment = next(
        a for a, _ in sample_assessments(library) if a.township.name == "城关街道" and a.period.code == "2026-Q4"
    )
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    path = tmp_path / "城关街道.jianfu"
    write_assessment_file(path, to_document(assessment, score_assessment(checklist, assessment.answers)))
    window = make_window()
    window.open_file(path)
    window.show_page("results")
    tree = window.pages["results"].findings
    texts = [
        tree.topLevelItem(i).child(j).text(column)
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
        for column in (0, 1)
    ]
    said = "".join(texts)
    assert "本街道" in said and "本镇" not in said
