"""Qt models behind the county window: rows stay as the database gave them and are formatted only
when a view asks for a visible cell, so 10,000 townships cost one query, not 80,000 items."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel

from jianfu.storage.county import MANIFESTATIONS, DepartmentRow
from jianfu.storage.county_counts import RequestGroup

ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
LEVEL_COLOURS = {"low": "#e8f5e9", "moderate": "#fff8e1", "high": "#ffe0b2", "severe": "#ffcdd2"}

# Positions in CountyStore.overview_table rows.
_ID, _CODE, _NAME, _HOURS, _ANSWERED, _ASKED, _PREVIOUS = 0, 1, 2, 4, 5, 6, 7
_SCORE = {m: 8 + 2 * n for n, m in enumerate((*MANIFESTATIONS, "overall"))}
_BEFORE = {m: 18 + n for n, m in enumerate((*MANIFESTATIONS, "overall"))}

Index = QModelIndex | QPersistentModelIndex


class OverviewModel(QAbstractTableModel):
    """One row per township: name, the four scores with level and change, overall, hours, completion."""

    def __init__(self, headers: list[str], level_labels: dict[str, str]) -> None:
        super().__init__()
        self.headers = headers
        self.level_labels = level_labels
        self.rows: list[tuple[Any, ...]] = []
        self.colours = {level: QColor(colour) for level, colour in LEVEL_COLOURS.items()}

    def set_rows(self, rows: list[tuple[Any, ...]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 8

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == SORT_ROLE:
            return self._key(row, column)
        if role == ID_ROLE:
            return row[_ID]
        if role == Qt.ItemDataRole.BackgroundRole and 1 <= column <= 4:
            return self.colours.get(row[_SCORE[MANIFESTATIONS[column - 1]] + 1])
        return None

    def _text(self, row: tuple[Any, ...], column: int) -> str:
        if column == 0:
            return str(row[_NAME])
        if column <= 4:
            m = MANIFESTATIONS[column - 1]
            score, level = row[_SCORE[m]] or 0.0, row[_SCORE[m] + 1]
            text = f"{score:.1f} {self.level_labels.get(level, '')}"
            before = row[_BEFORE[m]] if row[_PREVIOUS] else None
            return text + (f"（{round(score - before, 1):+.1f}）" if before is not None else "")
        if column == 5:
            return f"{row[_SCORE['overall']] or 0.0:.1f}"
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


class DepartmentModel(QAbstractTableModel):
    """County departments (条线) and the burdens they put on the townships."""

    def __init__(self, headers: list[str], also_written: Callable[[list[str]], str]) -> None:
        super().__init__()
        self.headers = headers
        self.also_written = also_written
        self.rows: list[DepartmentRow] = []

    def set_rows(self, rows: list[DepartmentRow]) -> None:
        self.beginResetModel()
        self.rows = rows
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
        if role == Qt.ItemDataRole.DisplayRole:
            values = [d.name, *d.figures(), f"{d.hours:.0f}"]
            return str(values[column])
        if role == ID_ROLE:
            return d.name
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            others = [s for s in d.spellings if s != d.name]
            return self.also_written(others) if others else None
        return None


class ProblemsModel(QStandardItemModel):
    """Common problems with their township counts, and the requests to the county by department;
    a department's items are read when it is opened (``load_requests``)."""

    def __init__(self, headers: list[str]) -> None:
        super().__init__()
        self.setHorizontalHeaderLabels(headers)
        self.groups: dict[int, RequestGroup] = {}  # request row → its group
        self.loaded: set[int] = set()
        self.requests_root: QStandardItem | None = None

    def fill(
        self,
        common_title: str,
        common: Sequence[tuple[str, int]],
        requests_title: str,
        groups: list[RequestGroup],
    ) -> None:
        self.removeRows(0, self.rowCount())
        root = QStandardItem(common_title)
        for title, count in common:
            root.appendRow([QStandardItem(title), QStandardItem(str(count))])
        self.appendRow([root, QStandardItem("")])
        self.requests_root = QStandardItem(requests_title)
        self.groups, self.loaded = {}, set()
        for row, group in enumerate(groups):
            item = QStandardItem(group.name)
            item.appendRow(QStandardItem("…"))  # placeholder: the arrow shows, the items load on opening
            self.groups[row] = group
            self.requests_root.appendRow([item, QStandardItem(str(group.townships))])
        self.appendRow([self.requests_root, QStandardItem("")])

    def group_at(self, index: QModelIndex) -> RequestGroup | None:
        parent = index.parent()
        if self.requests_root is None or not parent.isValid() or parent.row() != self.requests_root.row():
            return None
        if parent.parent().isValid():
            return None
        return self.groups.get(index.row())

    def load_requests(self, index: QModelIndex, lines: list[str]) -> None:
        self.loaded.add(index.row())
        item = self.itemFromIndex(index.siblingAtColumn(0))
        item.removeRows(0, item.rowCount())
        item.appendRows([QStandardItem(line) for line in lines])
