"""Time to build rectification PDFs against bare ReportLab documents.

Three plans: the sample township's (the one the GUI offers), the sample county's heaviest (most
pages), and the heaviest next-period plan with last period's follow-up (half of last period's
items with a 完成情况 entered; each re-listed item's row notes it, the rest are listed at the end
of 附件1). Two baselines, measured in the same run with the same (already registered) font:
- "same pages": a plain SimpleDocTemplate with as many A4 pages of Chinese paragraphs;
- "same content": a plain SimpleDocTemplate with the same findings, plan (with last period's
  notes) and follow-up tables (cells as escaped Paragraphs, fixed column widths) and no page
  templates, chart or font fallback — the cost of ReportLab itself for this content, so the ratio
  is what our code adds.
Rounds are interleaved (ours, bare, bare, ours…) and the medians compared, in wall and CPU time
(the machine is shared: CPU time is the steadier figure). Targets: ≤ 1.5× and under 1 s.

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
from jianfu.exchange.demo import sample_assessments, sample_township_assessment
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


def bare_same_content(assessment, result, font: str, follow_up=None) -> bytes:
    from xml.sax.saxutils import escape

    from reportlab.platypus import Table

    from jianfu.core.plan import problem_text
    from jianfu.reports.rectification import follow_up_rows, task_rows

    buffer = io.BytesIO()
    cell = ParagraphStyle("cell", fontName=font, fontSize=11.5, leading=16, wordWrap="CJK")
    body = ParagraphStyle("body", fontName=font, fontSize=16, leading=28.5, wordWrap="CJK")
    doc = SimpleDocTemplate(buffer, pagesize=A4)
    width = doc.width
    findings = [
        [Paragraph(escape(t), cell) for t in (str(n), problem_text(h), h.rule.title, f"{h.intensity:.1f}")]
        for n, h in enumerate(result.hits, start=1)
    ]
    listed = [item for item in assessment.plan if not item.rejected]
    plan = [[Paragraph(escape(t), cell) for t in row] for row in task_rows(listed, follow_up)]
    story = [Paragraph("基层减负自查整改方案正文，" * 18, body) for _ in range(4)]
    story += [
        Table(findings, colWidths=[width * s for s in (0.08, 0.48, 0.34, 0.10)], repeatRows=1),
        Table(plan, colWidths=[width * s for s in (0.05, 0.25, 0.29, 0.11, 0.08, 0.12, 0.10)], repeatRows=1),
    ]
    if follow_up is not None:
        rows = [[Paragraph(escape(t), cell) for t in row] for row in follow_up_rows(follow_up, listed)]
        if rows:
            story.append(Table(rows, colWidths=[width * s for s in (0.06, 0.50, 0.18, 0.13, 0.13)], repeatRows=1))
    doc.build(story)
    return buffer.getvalue()


Clock = tuple[float, float]  # (wall, CPU) seconds


def clocked(function) -> tuple[Clock, object]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = function()
    return (time.perf_counter() - wall, time.process_time() - cpu), result


def interleaved(functions: dict[str, object]) -> dict[str, Clock]:
    """Median wall and CPU time of each function, run in turn RUNS times."""
    samples: dict[str, list[Clock]] = {name: [] for name in functions}
    for _ in range(RUNS):
        for name, function in functions.items():
            samples[name].append(clocked(function)[0])  # type: ignore[arg-type]
    return {
        name: (statistics.median(s[0] for s in runs), statistics.median(s[1] for s in runs))
        for name, runs in samples.items()
    }


def plans(library: ChecklistLibrary):
    """(name, assessment, result, follow_up): the sample township's plan, the sample county's
    heaviest, and the heaviest next period with last period's follow-up."""
    import datetime as dt
    from dataclasses import replace

    from jianfu.core.follow_up import last_period_follow_up

    sample = sample_township_assessment(library)
    county = sample_assessments(library)
    cases = [("the sample township", *sample, None)]
    cases.append(("the heaviest sample plan", *max(county, key=lambda case: pages_of(library, *case)), None))
    previous: dict[str, object] = {}
    followed = []
    for assessment, result in county:  # each township's periods in order
        before = previous.get(assessment.township.division_code)
        previous[assessment.township.division_code] = assessment
        if before is not None:
            entered = [
                replace(i, status="已完成整改，取消重复填报，按月复查" if n % 2 else "")
                for n, i in enumerate(before.plan)
            ]
            follow_up = last_period_follow_up(replace(before, plan=entered), dt.date.today())
            followed.append((assessment, result, follow_up))
    heaviest = max(followed, key=lambda case: pages_of(library, *case))
    cases.append(("the heaviest next period, with follow-up", *heaviest))
    return cases


def pdf_of(library: ChecklistLibrary, assessment, result, follow_up=None, fonts=None) -> bytes:
    buffer = io.BytesIO()
    checklist = library.get(assessment.checklist_id, assessment.checklist_version)
    build_rectification_pdf(assessment, checklist, result, buffer, fonts, follow_up=follow_up)
    return buffer.getvalue()


def pages_of(library: ChecklistLibrary, assessment, result, follow_up=None) -> int:
    return len(PdfReader(io.BytesIO(pdf_of(library, assessment, result, follow_up))).pages)


def main() -> int:
    start = time.perf_counter()
    fonts = register_fonts()
    registration = time.perf_counter() - start
    print(f"font registration (once per process): {1000 * registration:.0f} ms")
    library = ChecklistLibrary(resources_dir() / "checklists")
    worst = 0.0
    for name, assessment, result, follow_up in plans(library):
        data = pdf_of(library, assessment, result, follow_up, fonts)
        pages = len(PdfReader(io.BytesIO(data)).pages)
        times = interleaved(
            {
                "ours": lambda a=assessment, r=result, f=follow_up: pdf_of(library, a, r, f, fonts),
                "pages": lambda n=pages: bare_document(n, fonts.body),
                "content": lambda a=assessment, r=result, f=follow_up: bare_same_content(a, r, fonts.body, f),
            }
        )
        (wall, cpu), (pages_wall, pages_cpu), (content_wall, content_cpu) = (
            times["ours"],
            times["pages"],
            times["content"],
        )
        plan = [item for item in assessment.plan if not item.rejected]
        extra = f", last period's {len(follow_up.items)} items" if follow_up else ""
        print(
            f"\n{name}: {assessment.township.name} {assessment.period.code}, {len(result.hits)} findings, "
            f"{len(plan)} plan items{extra}"
        )
        print(f"  ours: {pages} pages, {len(data) // 1024} KB, {1000 * wall:.0f} ms wall, {1000 * cpu:.0f} ms CPU")
        print(
            f"  bare ReportLab, same pages of paragraphs: {1000 * pages_wall:.0f} ms wall -> ratio "
            f"{wall / pages_wall:.2f}x; CPU {cpu / pages_cpu:.2f}x"
        )
        print(
            f"  bare ReportLab, same tables and text:     {1000 * content_wall:.0f} ms wall -> ratio "
            f"{wall / content_wall:.2f}x; CPU {cpu / content_cpu:.2f}x (target ≤ 1.5x)"
        )
        worst = max(worst, wall)
    print(f"\nslowest plan {worst:.2f} s (target < 1 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
