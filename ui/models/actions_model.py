"""The Corrective actions table model: ids arrive a page at a time through Qt's
`canFetchMore`/`fetchMore` as the user scrolls, and display rows are loaded in small blocks
only for rows that are painted, from `app.services.action_list.ActionQuery` (counts, order
and filters in SQL). Columns and per-row hooks (tooltip, background, icon) are the page's,
as with `RowsModel`. A row that cannot be loaded (removed meanwhile) shows as a disabled row.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.services.action_list import ActionQuery
from ui.models.rows_model import Column

PAGE = 200   # ids fetched per fetchMore
BLOCK = 50   # display rows loaded per query
Index = QModelIndex | QPersistentModelIndex
DISPLAY, TOOLTIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
BACKGROUND, DECORATION = Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.DecorationRole
ENABLED = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
# The view asks each painted cell for a dozen roles; the others are answered at once.
HANDLED_ROLES = frozenset({DISPLAY, TOOLTIP, BACKGROUND, DECORATION})


class ActionsModel(QAbstractTableModel):
    def __init__(self, query: ActionQuery, columns: list[Column], parent=None):
        super().__init__(parent)
        self.query = query
        self._columns = columns
        self.tooltip = lambda row: None
        self.background = lambda row: None
        self.decoration = lambda row: None
        self._ids: list[str] = []
        self._cache: dict[str, dict | None] = {}
        self._last: tuple | None = None
        self._exhausted = False
        self.counts = {"total": 0, "open": 0, "overdue": 0}

    # -- loading --------------------------------------------------------------------------
    def reload(self) -> None:
        """Start over (new filter or data): count, then load nothing until the view asks."""
        self.beginResetModel()
        self._ids, self._cache, self._last, self._exhausted = [], {}, None, False
        self.counts = self.query.counts()
        self.endResetModel()
        self.fetchMore()        # the first page of ids at once: the page selects in it

    @property
    def total(self) -> int:
        return self.counts["total"]

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted and len(self._ids) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if not parent.isValid():
            self._append(self.query.ids(PAGE, self._last), PAGE)

    def _append(self, new: list[tuple[str, tuple]], asked: int | None) -> None:
        if not new:
            self._exhausted = True
            return
        self._last = new[-1]
        self.beginInsertRows(QModelIndex(), len(self._ids), len(self._ids) + len(new) - 1)
        self._ids.extend(record_id for record_id, _key in new)
        self.endInsertRows()
        if asked is not None and len(new) < asked:
            self._exhausted = True

    def reach(self, action_id: str) -> int:
        """The row of `action_id`, fetching the ids up to it if it is in the list but not
        yet loaded (the selection kept across a reload); -1 when it is not in the list."""
        row = self.row_of_id(action_id)
        if row >= 0 or self._exhausted:
            return row
        key = self.query.key_of(action_id)
        if key is None:
            return -1
        # Every id after the last fetched up to it, in one query (ids only: cheap).
        self._append(self.query.ids(None, self._last, through=key), None)
        return self.row_of_id(action_id)

    def _row(self, row: int) -> dict | None:
        record_id = self._ids[row]
        if record_id not in self._cache:
            start = row - row % BLOCK
            block = [i for i in self._ids[start:start + BLOCK] if i not in self._cache]
            loaded = self.query.rows(block)
            for i in block:
                self._cache[i] = loaded.get(i)
        return self._cache[record_id]

    def row_at(self, row: int) -> dict | None:
        return self._row(row) if 0 <= row < len(self._ids) else None

    def row_of_id(self, record_id: str) -> int:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return -1

    @property
    def rows(self) -> list[dict]:
        """The rows fetched so far (loading their display rows)."""
        return [row for n in range(len(self._ids)) if (row := self._row(n)) is not None]

    # -- Qt model API ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation, role=DISPLAY):
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self._columns):
            return self._columns[section].title
        return None

    def data(self, index: Index, role=DISPLAY):
        if role not in HANDLED_ROLES or not index.isValid() \
                or not 0 <= index.row() < len(self._ids):
            return None
        row = self._row(index.row())
        if row is None:
            if role == DISPLAY:
                return self.tr("(could not be loaded)") if index.column() == 2 else ""
            if role == TOOLTIP:
                return self.tr("This corrective action could not be loaded; it may have "
                               "been removed by a sync.")
            return None
        if role == DISPLAY:
            value = self._columns[index.column()].display(row)
            return "" if value is None else str(value)
        if role == TOOLTIP:
            return self.tooltip(row)
        if role == BACKGROUND:
            return self.background(row)
        if role == DECORATION and index.column() == 0:
            return self.decoration(row)
        return None

    def flags(self, index: Index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if 0 <= index.row() < len(self._ids) and self._row(index.row()) is None:
            return Qt.ItemFlag.NoItemFlags
        return ENABLED
