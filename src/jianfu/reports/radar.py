"""The radar chart of the four manifestation scores (ReportLab graphics)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.charts.spider import SpiderChart
from reportlab.graphics.shapes import Circle, Drawing, Line, String
from reportlab.lib import colors

from jianfu.core.assessed import NOT_ASSESSED_SHORT

GRID = colors.HexColor("#9AA5B1")
FILL = colors.Color(0.72, 0.11, 0.11, alpha=0.28)
LINE = colors.HexColor("#B71C1C")


def radar(labels: Sequence[str], scores: Sequence[float | None], font: str, width: float, height: float) -> Drawing:
    """Labels sit outside the spoke ends (side labels on two lines) so they never overlap. A score
    of None (not assessed: nothing answered) has no point on its spoke and reads 未评估, never 0."""
    drawing = Drawing(width, height, initialFontName=font)  # else Helvetica, unembedded
    size = height
    chart = SpiderChart()
    radius = min(size * 0.32, width / 2 - 80)
    chart.x = drawing.width / 2 - radius
    chart.y = size / 2 - radius
    chart.width = chart.height = 2 * radius
    partial = any(score is None for score in scores)
    # with a score missing, the chart draws only the rings and the points are drawn below
    chart.data = [[score or 0.0 for score in scores], *([ring] * len(scores) for ring in (100, 75, 50, 25))]
    chart.labels = [""] * len(labels)  # drawn below, with room to spare
    chart.strands[0].fillColor = FILL
    chart.strands[0].strokeColor = LINE
    chart.strands[0].strokeWidth = 1.5
    if partial:
        chart.strands[0].fillColor = chart.strands[0].strokeColor = None
    for ring in range(1, 5):
        chart.strands[ring].fillColor = None
        chart.strands[ring].strokeColor = GRID
        chart.strands[ring].strokeWidth = 0.5 if ring == 1 else 0.3
    chart.spokes.strokeColor = GRID
    chart.spokes.strokeWidth = 0.5
    chart.strandLabels.format = ""
    chart.strandLabels.fontName = font  # no label is drawn, but no unembedded default font either
    chart.spokeLabels.fontName = font
    drawing.add(chart)
    centre_x, centre_y = drawing.width / 2, size / 2
    # Four spokes start at the top and go clockwise: top, right, bottom, left.
    offsets = [
        (0, radius + 8, "middle"),
        (radius + 6, 2, "start"),
        (0, -radius - 18, "middle"),
        (-radius - 6, 2, "end"),
    ]
    if partial:
        _assessed_points(drawing, scores, centre_x, size / 2, radius)
    for index, (label, score) in enumerate(zip(labels, scores, strict=True)):
        dx, dy, anchor = offsets[index % 4]
        x, y = centre_x + dx, centre_y + dy
        shown = NOT_ASSESSED_SHORT if score is None else f"{score:.1f}"
        if index % 2:  # side spokes: name above, score below
            drawing.add(String(x, y, label, fontName=font, fontSize=10, textAnchor=anchor))
            drawing.add(String(x, y - 13, shown, fontName=font, fontSize=10, textAnchor=anchor))
        else:
            drawing.add(String(x, y, f"{label} {shown}", fontName=font, fontSize=10, textAnchor=anchor))
    for ring in (25, 50, 75):
        drawing.add(
            String(
                centre_x + 3,
                centre_y + radius * ring / 100 + 1,
                str(ring),
                fontName=font,
                fontSize=7,
                fillColor=GRID,
            )
        )
    return drawing


def _assessed_points(
    drawing: Drawing, scores: Sequence[float | None], centre_x: float, centre_y: float, radius: float
) -> None:
    """The assessed scores only: a dot each on its spoke (the first at the top, clockwise, as the
    chart's), joined where neighbours both are."""
    count = len(scores)

    def point(index: int, value: float) -> tuple[float, float]:
        angle = math.pi / 2 - 2 * math.pi * index / count
        return centre_x + radius * value / 100 * math.cos(angle), centre_y + radius * value / 100 * math.sin(angle)

    for index, score in enumerate(scores):
        following = scores[(index + 1) % count]
        if score is not None and following is not None and count > 2:
            (x1, y1), (x2, y2) = point(index, score), point((index + 1) % count, following)
            drawing.add(Line(x1, y1, x2, y2, strokeColor=LINE, strokeWidth=1.5))
    for index, score in enumerate(scores):
        if score is not None:
            x, y = point(index, score)
            drawing.add(Circle(x, y, 2.2, fillColor=LINE, strokeColor=LINE))
