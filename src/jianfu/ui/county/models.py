"""Qt models behind the county window: rows stay as the database gave them and are formatted only
when a view asks for a visible cell, so 10,000 townships cost one query, not 80,000 items."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel

from jianfu.core.county import APP_FEATURES, FIGURES, MANIFESTATIONS, DepartmentRow

ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
LEVEL_COLOURS = {
    "low": "#e8f5e9",
    "moderate": "#fff8e1",
    "high": "#ffe0b2",
    "severe": "#ffcdd2",
    "incomplete": "#eeeeee",
}

# Positions in CountyStore.overview_table rows, and in its previous scores.
_ID, _CODE, _NAME, _HOURS, _ANSWERED, _ASKED, _TOWNSHIP = 0, 1, 2, 4, 5, 6, 7
_SCORE = {m: 8 + 2 * n for n, m in enumerate((*MANIFESTATIONS, "overall"))}
_BEFORE = {m: 1 + n for n, m in enumerate((*MANIFESTATIONS, "overall"))}
_SCORED = (*MANIFESTATIONS, "overall")  # columns 1–5

Index = QModelIndex | QPersistentModelIndex
_DISPLAY, _BACKGROUND = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.BackgroundRole)
_TOOLTIP, _ALIGNMENT = int(Qt.ItemDataRole.ToolTipRole), int(Qt.ItemDataRole.TextAlignmentRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_SORT, _ID_ROLE = int(SORT_ROLE), int(ID_ROLE)


class OverviewModel(QAbstractTableModel):
    """One row per township: name, the four scores and the overall with level and change, hours,
    completion."""

    def __init__(self, headers: list[str], level_labels: dict[str, str]) -> None:
        super().__init__()
        self.headers = headers
        self.level_labels = level_labels
        self.rows: list[tuple[Any, ...]] = []
        self.previous: dict[int, tuple[Any, ...]] = {}
        self.colours = {level: QColor(colour) for level, colour in LEVEL_COLOURS.items()}

    def set_rows(self, rows: list[tuple[Any, ...]], previous: dict[int, tuple[Any, ...]] | None = None) -> None:
        """Rows as CountyStore.overview_table gives them, and the previous scores by township."""
        self.beginResetModel()
        self.rows = rows
        self.previous = previous or {}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 8

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if orientation == Qt.Orientation.Horizontal and role == _TOOLTIP and section == 5:  # 综合: why 39.7 reads 较重
            return self.tr(
                "Mean of the four scores; its level is at most one below the worst manifestation's and at least "
                "what the fingertip hours reach, so it can lie above the mean's band. In brackets the change since "
                "last period (negative: lighter)"
            )
        if orientation == Qt.Orientation.Horizontal and role == _TOOLTIP and 1 <= section <= 5:
            return self.tr("Score and level; in brackets the change since last period (negative: lighter)")
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # Asked for about ten roles a cell on every paint: the roles it does not answer return at
        # once, compared as plain ints (comparing Qt's enum members costs more than the answer).
        if role == _DISPLAY:
            return self._text(self.rows[index.row()], index.column())
        if role == _BACKGROUND:
            column = index.column()
            if 1 <= column <= 5:
                return self.colours.get(self.rows[index.row()][_SCORE[_SCORED[column - 1]] + 1])
            return None
        if role == _SORT:
            return self._key(self.rows[index.row()], index.column())
        if role == _ID_ROLE:
            return self.rows[index.row()][_ID]
        if role == _TOOLTIP:  # in full where a narrow column elides it
            return self._text(self.rows[index.row()], index.column())
        if role == _ALIGNMENT and index.column() >= 6:  # hours and completion: figures, right-aligned
            return _RIGHT
        return None

    def _text(self, row: tuple[Any, ...], column: int) -> str:
        if column == 0:
            return str(row[_NAME])
        if column <= 6 and not _assessed(row, _SCORED[column - 1] if column <= 5 else "overall"):
            # nothing it reads is answered (stored without a score): 0.0 would read as no burden
            return self.tr("not yet assessed") if column <= 5 else "—"
        if column <= 5:  # the four manifestations and the overall: score, level, change
            m = _SCORED[column - 1]
            score, level = row[_SCORE[m]] or 0.0, row[_SCORE[m] + 1]
            text = f"{score:.1f} {self.level_labels.get(level, '')}"
            earlier = self.previous.get(row[_TOWNSHIP])
            before = earlier[_BEFORE[m]] if earlier else None
            return text + (f"（{round(score - before, 1):+.1f}）" if before is not None else "")
        if column == 6:
            return f"{row[_HOURS]:.1f}"
        return f"{self._share(row)}%"

    def _key(self, row: tuple[Any, ...], column: int) -> Any:
        if column == 0:
            return row[_CODE]
        if column <= 4:
            return row[_SCORE[MANIFESTATIONS[column - 1]]] or 0.0
        return (row[_SCORE["overall"]] or 0.0, row[_HOURS], self._share(row))[column - 5]

    @staticmethod
    def _share(row: tuple[Any, ...]) -> int:
        return round(100 * row[_ANSWERED] / row[_ASKED]) if row[_ASKED] else 0


def _assessed(row: tuple[Any, ...], manifestation: str) -> bool:
    """As ``OverviewRow.assessed``, on the raw row."""
    if manifestation == "overall":
        return any(row[_SCORE[m]] is not None for m in MANIFESTATIONS)
    return row[_SCORE[manifestation]] is not None


class DepartmentModel(QAbstractTableModel):
    """County departments (条线) and the burdens they put on the townships: the name, the figures
    asked of the period's townships (``FIGURES``; one nobody was asked has no column, one a
    department's townships were not asked shows ``not_asked``, never 0), the hours, and the
    requests to act naming it."""

    def __init__(
        self,
        headers: list[str],
        also_written: Callable[[list[str]], str],
        not_asked: tuple[str, str] = ("—", ""),
    ) -> None:
        super().__init__()
        self.default_headers = headers  # name, each of FIGURES, hours, requests
        self.headers = headers
        self.figures: list[str] = list(FIGURES)
        self.also_written = also_written
        self.not_asked, self.not_asked_tip = not_asked
        self.rows: list[DepartmentRow] = []

    def set_rows(self, rows: list[DepartmentRow], figures: dict[str, str] | None = None) -> None:
        """``figures``: the figures to show with their headers (the checklist's label for an app
        feature, as the townships were asked it); None: every figure, the default headers."""
        self.beginResetModel()
        self.rows = rows
        if figures is None:
            self.figures, self.headers = list(FIGURES), self.default_headers
        else:
            defaults = dict(zip(FIGURES, self.default_headers[1:-2], strict=True))
            self.figures = list(figures)
            # an app feature headed as the checklist asks it, the rest as translated
            labels = [figures[f] if f in APP_FEATURES else defaults[f] for f in self.figures]
            self.headers = [self.default_headers[0], *labels, *self.default_headers[-2:]]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        d, column = self.rows[index.row()], index.column()
        figure = self.figures[column - 1] if 0 < column <= len(self.figures) else None
        if role == Qt.ItemDataRole.DisplayRole:
            if figure is not None:
                value = d.figure(figure)
                return self.not_asked if value is None else str(value)
            if column == 0:
                return d.name
            return f"{d.hours:.0f}" if column == len(self.figures) + 1 else str(d.requests)
        if role == ID_ROLE:
            return d.name
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            others = [s for s in d.spellings if s != d.name]
            return self.also_written(others) if others else None
        if role == Qt.ItemDataRole.ToolTipRole and figure is not None and d.figure(figure) is None:
            return self.not_asked_tip
        if role == _ALIGNMENT and column > 0:  # the figures, hours and requests, right-aligned
            return _RIGHT
        return None


LOADER_ROLE = Qt.ItemDataRole.UserRole + 2
Row = tuple[str, str, "Callable[[], list[Row]] | None"]  # text, count, children read on opening


class ProblemsModel(QStandardItemModel):
    """Common problems with their township counts, and the requests to the county by department.
    Rows given a loader show an arrow and read their children only when opened (``load``): at
    10,000 townships one department may have tens of thousands of requests."""

    def __init__(self, headers: list[str]) -> None:
        super().__init__()
        self.setHorizontalHeaderLabels(headers)
        self.loaders: dict[int, Callable[[], list[Row]]] = {}
        self.next_loader = 0

    def fill(self, roots: list[tuple[str, list[Row]]]) -> None:
        self.removeRows(0, self.rowCount())
        self.loaders = {}
        for title, rows in roots:
            root = QStandardItem(title)
            self._append(root, rows)
            self.appendRow([root, QStandardItem("")])

    def _append(self, parent: QStandardItem, rows: list[Row]) -> None:
        for text, count, loader in rows:
            item = QStandardItem(text)
            if loader is not None:
                self.next_loader += 1
                item.setData(self.next_loader, LOADER_ROLE)
                self.loaders[self.next_loader] = loader
                item.appendRow(QStandardItem("…"))  # placeholder: the arrow shows, the rows load on opening
            number = QStandardItem(count)
            number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            parent.appendRow([item, number])

    def load(self, index: QModelIndex) -> bool:
        """Read the children of the row at ``index`` if not read yet; whether it read them."""
        item = self.itemFromIndex(index.siblingAtColumn(0))
        loader = self.loaders.pop(item.data(LOADER_ROLE), None) if item is not None else None
        if loader is None:
            return False
        item.removeRows(0, item.rowCount())
        self._append(item, loader())
        return True
