"""The signature lines of the plan: the blank date never runs into 分管负责人."""

from __future__ import annotations

import io

from pypdf import PdfReader

from jianfu.exchange.demo import sample_assessments
from jianfu.reports.rectification import build_rectification_pdf


def _runs(page) -> list[tuple[str, float, float, float]]:
    """(text, x, y, font size) of every text run drawn on the page."""
    runs: list[tuple[str, float, float, float]] = []

    def visit(text, cm, tm, _font, size) -> None:
        if text.strip():
            scale = tm[0] * cm[0] or 1.0
            runs.append((text.strip(), tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5], size * scale))

    page.extract_text(visitor_text=visit)
    return runs


def test_blank_date_ends_before_the_second_signature_column(library) -> None:
    checked = 0
    for assessment, result in sample_assessments(library):
        answer = assessment.answers.get("profile.fill_date")
        if assessment.period.code != "2026-Q4" or (answer is not None and answer.value):
            continue
        checklist = library.get(assessment.checklist_id, assessment.checklist_version)
        buffer = io.BytesIO()
        build_rectification_pdf(assessment, checklist, result, buffer)
        for page in PdfReader(io.BytesIO(buffer.getvalue())).pages:
            runs = _runs(page)
            fill_lines = [r[2] for r in runs if r[0].startswith("填报")]
            second = [r for r in runs if r[0].startswith("分管负") and any(abs(r[2] - y) < 2 for y in fill_lines)]
            if not second:
                continue
            _, x_second, y_line, _ = second[0]
            days = [r for r in runs if r[0] == "日" and abs(r[2] - y_line) < 2]
            assert days, "the date blanks are on the 分管负责人 line"
            _, x_day, _, size = max(days, key=lambda r: r[1])  # the last 日, of the blank date
            assert x_day + size <= x_second, (assessment.township.name, x_day, size, x_second)
            checked += 1
    assert checked > 0
