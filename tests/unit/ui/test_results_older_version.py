"""An assessment answered on an older checklist version is scored on it in the township, while the
county carries the exported file to the latest version and scores it there: the results page says
so, or the two sets of figures differ (even in level) without a word."""

from __future__ import annotations

from pathlib import Path

from helpers.sample import open_sample
from jianfu.exchange.assessment_file import to_document, write_assessment_file
from jianfu.exchange.demo import sample_assessments


def test_results_of_an_older_version_say_the_county_scores_it_on_the_latest(
    qtbot, make_window, library, tmp_path: Path
) -> None:
    assessment, result = next(
        (a, r)
        for a, r in sample_assessments(library, version=2)
        if a.township.name == "马鞍乡" and a.period.code == "2026-Q4"
    )
    path = tmp_path / "马鞍乡-2026-Q4.jianfu"
    write_assessment_file(path, to_document(assessment, result))
    window = make_window()
    window.open_file(path)
    assert window.session.checklist.version == 2
    window.show_page("results")
    latest = library.latest().version
    bands = window.pages["results"].bands.text()
    assert f"本次自查按作答时的第2版清单计分；县里导入导出的文件后按第{latest}版计分，分数可能不同" in bands


def test_results_of_the_latest_version_say_nothing_of_versions(qtbot, make_window) -> None:
    window = make_window()
    open_sample(qtbot, window)
    window.show_page("results")
    assert "版清单计分" not in window.pages["results"].bands.text()
