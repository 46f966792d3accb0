"""A radar chart of the four manifestation scores, painted with QPainter."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget


class RadarChart(QWidget):
    """A score of None is a manifestation not assessed (nothing answered): no point on its spoke
    and 未评估 for a number, never a point at 0, which would read as no burden."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: list[str] = []
        self.scores: list[float | None] = []
        self.setMinimumSize(320, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(420, 300)

    def set_scores(self, labels: list[str], scores: list[float | None]) -> None:
        self.labels, self.scores = labels, scores
        self.update()

    def paintEvent(self, _event: object) -> None:
        if not self.scores:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        label_width = max(metrics.horizontalAdvance(label) for label in self.labels) + 8
        radius = max(30.0, min(self.width() / 2 - label_width, self.height() / 2 - 2.5 * metrics.height()))
        centre = QPointF(self.width() / 2, self.height() / 2)
        count = len(self.scores)

        def point(index: int, value: float) -> QPointF:
            angle = -math.pi / 2 + 2 * math.pi * index / count
            return QPointF(
                centre.x() + radius * value / 100 * math.cos(angle),
                centre.y() + radius * value / 100 * math.sin(angle),
            )

        painter.setPen(QPen(QColor("#b0bac5"), 1))
        for ring in (25, 50, 75, 100):
            painter.drawPolygon(QPolygonF([point(i, ring) for i in range(count)]))
        for i in range(count):
            painter.drawLine(centre, point(i, 100))
        painter.setPen(QPen(QColor("#b71c1c"), 2))
        painter.setBrush(QColor(183, 28, 28, 70))
        if all(s is not None for s in self.scores):
            painter.drawPolygon(QPolygonF([point(i, s or 0.0) for i, s in enumerate(self.scores)]))
        else:  # the assessed ones only: a dot each, joined where neighbours both are
            for i, score in enumerate(self.scores):
                following = self.scores[(i + 1) % count]
                if score is not None and following is not None and count > 2:
                    painter.drawLine(point(i, score), point((i + 1) % count, following))
            for i, score in enumerate(self.scores):
                if score is not None:
                    painter.drawEllipse(point(i, score), 3.0, 3.0)
        painter.setPen(self.palette().color(self.foregroundRole()))
        height = metrics.height()
        not_assessed = self.tr("not assessed")
        for i, (label, score) in enumerate(zip(self.labels, self.scores, strict=True)):
            tip = point(i, 100)
            text = f"{label}\n{not_assessed if score is None else f'{score:.1f}'}"
            width = label_width
            if abs(tip.x() - centre.x()) < 1:  # top or bottom
                top = tip.y() - 2 * height - 4 if tip.y() < centre.y() else tip.y() + 4
                box = QRectF(tip.x() - width / 2, top, width, 2 * height)
                align = Qt.AlignmentFlag.AlignHCenter
            else:
                left = tip.x() + 6 if tip.x() > centre.x() else tip.x() - 6 - width
                box = QRectF(left, tip.y() - height, width, 2 * height)
                align = Qt.AlignmentFlag.AlignLeft if tip.x() > centre.x() else Qt.AlignmentFlag.AlignRight
            painter.drawText(box, int(align | Qt.AlignmentFlag.AlignVCenter), text)
        painter.end()
