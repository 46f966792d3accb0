"""Time to build the sample township's rectification PDF against bare ReportLab documents.

Two baselines, measured in the same run with the same (already registered) font:
- "same pages": a plain SimpleDocTemplate with as many A4 pages of Chinese paragraphs;
- "same content": a plain SimpleDocTemplate with the same plan and findings tables (cells as
  escaped Paragraphs, fixed column widths) and no page templates, chart or font fallback —
  the cost of ReportLab itself for this content, so the ratio is what our code adds.
Targets: ≤ 1.5× and under 1 s.

    python tests/benchmarks/report.py
"""

from __future__ import annotations

import io
import statistics
import sys
import time

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

from jianfu.core.library import ChecklistLibrary
from jianfu.exchange.demo import sample_township_assessment
from jianfu.paths import resources_dir
from jianfu.reports.fonts import register_fonts
from jianfu.reports.rectification import build_rectification_pdf

RUNS = 7


def bare_document(pages: int, font: str) -> bytes:
    buffer = io.BytesIO()
    style = ParagraphStyle("body", fontName=font, fontSize=16, leading=28, wordWrap="CJK")
    text = "基层减负自查整改方案正文，" * 18
    story = []
    for _ in range(pages):
        story += [Paragraph(text, style) for _ in range(4)] + [PageBreak()]
    SimpleDocTemplate(buffer, pagesize=A4).build(story[:-1])
    return buffer.getvalue()


def bare_same_content(assessment, result, font: str) -> bytes:
    from xml.sax.saxutils import escape

    from reportlab.platypus import Table

    from jianfu.core.plan import problem_text

    buffer = io.BytesIO()
    cell = ParagraphStyle("cell", fontName=font, fontSize=11.5, leading=16, wordWrap="CJK")
    body = ParagraphStyle("body", fontName=font, fontSize=16, leading=28.5, wordWrap="CJK")
    doc = SimpleDocTemplate(buffer, pagesize=A4)
    width = doc.width
    findings = [
        [Paragraph(escape(t), cell) for t in (str(n), problem_text(h), h.rule.title, f"{h.intensity:.1f}")]
        for n, h in enumerate(result.hits, start=1)
    ]
    plan = [
        [
            Paragraph(escape(t), cell)
            for t in (
                str(n),
                i.problem,
                i.measure,
                i.responsible_unit,
                i.responsible_person,
                i.deadline,
                i.status,
            )
        ]
        for n, i in enumerate(assessment.plan, start=1)
    ]
    story = [Paragraph("基层减负自查整改方案正文，" * 18, body) for _ in range(4)]
    story += [
        Table(findings, colWidths=[width * s for s in (0.08, 0.48, 0.34, 0.10)], repeatRows=1),
        Table(plan, colWidths=[width * s for s in (0.05, 0.25, 0.29, 0.11, 0.08, 0.12, 0.10)], repeatRows=1),
    ]
    doc.build(story)
    return buffer.getvalue()


def timed(function) -> tuple[float, object]:
    samples, result = [], None
    for _ in range(RUNS):
        start = time.perf_counter()
        result = function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), result


def main() -> int:
    start = time.perf_counter()
    fonts = register_fonts()
    registration = time.perf_counter() - start
    library = ChecklistLibrary(resources_dir() / "checklists")
    assessment, result = sample_township_assessment(library)
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)

    def ours() -> bytes:
        buffer = io.BytesIO()
        build_rectification_pdf(assessment, checklist, result, buffer, fonts)
        return buffer.getvalue()

    ours_time, data = timed(ours)
    pages = len(PdfReader(io.BytesIO(data)).pages)  # type: ignore[arg-type]
    bare_time, _ = timed(lambda: bare_document(pages, fonts.body))
    content_time, _ = timed(lambda: bare_same_content(assessment, result, fonts.body))
    print(f"font registration (once per process): {1000 * registration:.0f} ms")
    print(f"rectification plan: {pages} pages, {len(data) // 1024} KB, {1000 * ours_time:.0f} ms")  # type: ignore[arg-type]
    ratio = ours_time / bare_time
    print(f"bare ReportLab, same pages of paragraphs: {1000 * bare_time:.0f} ms -> ratio {ratio:.2f}x")
    print(
        f"bare ReportLab, same tables and text:     {1000 * content_time:.0f} ms -> ratio "
        f"{ours_time / content_time:.2f}x (target ≤ 1.5x)"
    )
    print(f"total {ours_time:.2f} s (target < 1 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
