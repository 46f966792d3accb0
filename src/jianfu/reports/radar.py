"""The radar chart of the four manifestation scores (ReportLab graphics)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.spider import SpiderChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

GRID = colors.HexColor("#9AA5B1")
FILL = colors.Color(0.72, 0.11, 0.11, alpha=0.28)
LINE = colors.HexColor("#B71C1C")


def radar(labels: Sequence[str], scores: Sequence[float], font: str, width: float, height: float) -> Drawing:
    """Labels sit outside the spoke ends (side labels on two lines) so they never overlap."""
    drawing = Drawing(width, height, initialFontName=font)  # else Helvetica, unembedded
    size = height
    chart = SpiderChart()
    radius = min(size * 0.32, width / 2 - 80)
    chart.x = drawing.width / 2 - radius
    chart.y = size / 2 - radius
    chart.width = chart.height = 2 * radius
    chart.data = [list(scores), *([ring] * len(scores) for ring in (100, 75, 50, 25))]
    chart.labels = [""] * len(labels)  # drawn below, with room to spare
    chart.strands[0].fillColor = FILL
    chart.strands[0].strokeColor = LINE
    chart.strands[0].strokeWidth = 1.5
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
    for index, (label, score) in enumerate(zip(labels, scores, strict=True)):
        dx, dy, anchor = offsets[index % 4]
        x, y = centre_x + dx, centre_y + dy
        if index % 2:  # side spokes: name above, score below
            drawing.add(String(x, y, label, fontName=font, fontSize=10, textAnchor=anchor))
            drawing.add(String(x, y - 13, f"{score:.1f}", fontName=font, fontSize=10, textAnchor=anchor))
        else:
            drawing.add(String(x, y, f"{label} {score:.1f}", fontName=font, fontSize=10, textAnchor=anchor))
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
