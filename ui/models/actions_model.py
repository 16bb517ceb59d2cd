"""The Corrective actions table model: a `PagedModel` (ids a page at a time as the user
scrolls, display rows loaded in blocks only for rows that are painted, each row's cell texts
made once when it loads) over `app.services.action_list.ActionQuery` (counts, order and
filters in SQL). Columns and per-row hooks (tooltip, background, icon) are the page's, as
with `RowsModel`. A row that cannot be loaded (removed meanwhile) shows as a disabled row.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.services.action_list import ActionQuery
from ui.models.paged_model import DISPLAY, TOOLTIP, Entry, PagedModel
from ui.models.rows_model import Column
from ui.state.paging import PAGE  # noqa: F401 - the page size, for the page's tests

BACKGROUND, DECORATION = Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.DecorationRole


class ActionsModel(PagedModel):
    ROLES = frozenset({DISPLAY, TOOLTIP, BACKGROUND, DECORATION})
    UNLOADED_COLUMN = 2

    def __init__(self, query: ActionQuery, columns: list[Column], parent=None):
        super().__init__(parent)
        self.query = query
        self._columns = columns
        self.tooltip = lambda row: None
        self.background = lambda row: None
        self.decoration = lambda row: None
        self.counts = {"total": 0, "open": 0, "overdue": 0}

    # -- loading --------------------------------------------------------------------------
    def reload(self) -> None:
        """Start over (new filter or data): count, then load nothing until the view asks."""
        self.beginResetModel()
        self._restart()
        self.counts = self.query.counts()
        self.endResetModel()
        self.fetchMore()        # the first page of ids at once: the page selects in it

    @property
    def total(self) -> int:
        return self.counts["total"]

    def _fetch_ids(self, limit, after):
        return self.query.ids(limit, after)

    def _load_rows(self, ids):
        return self.query.rows(ids)

    def _present(self, row: dict) -> Entry:
        # The row's background and icon once (the view asks both for every painted cell);
        # the hooks are the page's, set before anything loads.
        return Entry(row, self._cells(row), (self.background(row), self.decoration(row)))

    def _cells(self, row: dict) -> tuple[str, ...]:
        return tuple("" if (value := column.display(row)) is None else str(value)
                     for column in self._columns)

    def reach(self, action_id: str) -> int:
        """The row of `action_id`, fetching the ids up to it if it is in the list but not
        yet loaded (the selection kept across a reload); -1 when it is not in the list."""
        row = self.row_of_id(action_id)
        if row >= 0 or self.pager.exhausted:
            return row
        key = self.query.key_of(action_id)
        if key is None:
            return -1
        # Every id after the last fetched up to it, in one query (ids only: cheap).
        self._append(self.query.ids(None, self.pager.last, through=key), None)
        return self.row_of_id(action_id)

    # -- Qt model API ---------------------------------------------------------------------
    def titles(self) -> tuple[str, ...]:
        return tuple(column.title for column in self._columns)

    def unloaded_text(self) -> str:
        return self.tr("(could not be loaded)")

    def unloaded_tooltip(self) -> str:
        return self.tr("This corrective action could not be loaded; it may have been "
                       "removed by a sync.")

    def _role(self, entry: Entry, column: int, role):
        if role == BACKGROUND:
            return entry.looks[0]
        if role == DECORATION:
            return entry.looks[1] if column == 0 else None
        if role == TOOLTIP:
            return self.tooltip(entry.row)
        return None
