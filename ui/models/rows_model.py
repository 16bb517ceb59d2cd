"""`RowsModel`: a read-only table over a list of dict rows with declared columns.

Used by the small lists (schools, teachers, actions, templates, ethics): each column says how
to show a row (display text), and optional per-row hooks give tooltip, background, icon and
whether the row is enabled.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt


@dataclass
class Column:
    title: str
    display: Callable[[dict], Any]
    align_right: bool = False


Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """Rows are dicts with an 'id'; columns are declared once by the page."""

    def __init__(self, columns: list[Column], parent=None):
        super().__init__(parent)
        self._columns = columns
        self._rows: list[dict] = []
        self.tooltip: Callable[[dict], str | None] = lambda row: None
        self.background: Callable[[dict], Any] = lambda row: None
        self.decoration: Callable[[dict], Any] = lambda row: None

    # -- data in --------------------------------------------------------------------------
    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> dict | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of_id(self, record_id: str) -> int:
        return next((n for n, r in enumerate(self._rows) if r.get("id") == record_id), -1)

    @property
    def rows(self) -> list[dict]:
        return self._rows

    # -- Qt model API ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self._columns):
            return self._columns[section].title
        return None

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row, column = self._rows[index.row()], self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.display(row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.background(row)
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            return self.decoration(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
