"""`PagedModel`: the Qt side of a lazily paged list (`ui.state.paging.PagedIds` holds the
state). Ids arrive a page at a time through Qt's `canFetchMore`/`fetchMore` as the user
scrolls; display rows are loaded in blocks only for rows that are painted, and turned into
cell texts once per load. A row that cannot be loaded shows as a disabled row instead of
breaking the view.

A subclass gives the column titles, the queries (`_fetch_ids`, `_load_rows`), how a row reads
(`_cells`), what the other roles say (`_role`), and the text of a row it could not load.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ui.state.paging import PAGE, PagedIds

Index = QModelIndex | QPersistentModelIndex
# Looked up once: the view asks data() for seven roles of every painted cell, and each
# attribute access on a PySide6 enum builds an enum value.
DISPLAY, TOOLTIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
HORIZONTAL = Qt.Orientation.Horizontal
ENABLED = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
DISABLED = Qt.ItemFlag.NoItemFlags
UNSEEN = object()   # not loaded yet (None is "could not be loaded")


class Entry(NamedTuple):
    """A loaded row and its cells' display texts, made once when its block loaded; `looks`:
    whatever else a subclass works out once per row for the view's per-cell asks (colours,
    icons), read by its `_role`."""
    row: dict
    cells: tuple[str, ...]
    looks: tuple = ()


class PagedModel(QAbstractTableModel):
    # The roles answered; the view's other asks (font, check state, …) return at once.
    ROLES: frozenset = frozenset({DISPLAY, TOOLTIP})
    UNLOADED_COLUMN = 1          # where "(could not be loaded)" is shown

    def __init__(self, parent=None):
        super().__init__(parent)
        self.pager = PagedIds(self._load_rows, self._present)
        # The pager's own list and dict (cleared in place): data() is asked ~1,500 times a
        # paint, so it looks up with as few steps as it can.
        self._ids, self._cache = self.pager.ids, self.pager.cache
        self._titles: tuple[str, ...] | None = None

    # -- what a subclass gives ------------------------------------------------------------
    def titles(self) -> tuple[str, ...]:
        raise NotImplementedError

    def _fetch_ids(self, limit: int | None, after: tuple | None) -> list[tuple[str, tuple]]:
        raise NotImplementedError

    def _load_rows(self, ids: list[str]) -> dict[str, dict]:
        raise NotImplementedError

    def _cells(self, row: dict) -> tuple[str, ...]:
        raise NotImplementedError

    def _role(self, entry: Entry, column: int, role) -> Any:
        """Any handled role other than display (tooltip, colours, …)."""
        return None

    def unloaded_text(self) -> str:
        """The cell text of a row that could not be loaded (the subclass translates it, in
        its own catalogue context)."""
        raise NotImplementedError

    def unloaded_tooltip(self) -> str:
        raise NotImplementedError

    @property
    def total(self) -> int:
        raise NotImplementedError

    def known_total(self) -> int | None:
        """How many rows the list holds, if that is known without asking the database
        (None: fetch pages until a short one)."""
        return self.total

    # -- loading --------------------------------------------------------------------------
    def _present(self, row: dict) -> Entry:
        return Entry(row, self._cells(row))

    def _restart(self) -> None:
        """Forget every id and entry; call between beginResetModel and endResetModel."""
        self.pager.clear()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self.pager.more(self.known_total())

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if not parent.isValid():
            self._append(self._fetch_ids(PAGE, self.pager.last), PAGE)

    def _append(self, new: list[tuple[str, tuple]], asked: int | None) -> None:
        if not new:
            self.pager.add(new, asked)
            return
        first = len(self.pager.ids)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        self.pager.add(new, asked)
        self.endInsertRows()

    def _entry(self, row: int) -> Entry | None:
        return self.pager.entry(row) if 0 <= row < len(self.pager.ids) else None

    def id_at(self, row: int) -> str | None:
        return self.pager.ids[row] if 0 <= row < len(self.pager.ids) else None

    def row_at(self, row: int) -> dict | None:
        entry = self._entry(row)
        return None if entry is None else entry.row

    def row_of_id(self, record_id: str) -> int:
        return self.pager.position(record_id)

    @property
    def rows(self) -> list[dict]:
        """The rows fetched so far (loading their display rows)."""
        return [row for n in range(len(self.pager.ids)) if (row := self.row_at(n)) is not None]

    def refresh_ids(self, ids) -> None:
        """Forget cached rows for changed records and repaint them."""
        last = self.columnCount() - 1
        for n in self.pager.forget(ids):
            self.dataChanged.emit(self.index(n, 0), self.index(n, last))

    # -- Qt model API ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.pager.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid():
            return 0
        titles = self._titles      # asked for every painted cell: no call when known
        return len(titles if titles is not None else self._header())

    def _header(self) -> tuple[str, ...]:
        if self._titles is None:    # the header asks for them on every paint
            self._titles = tuple(self.titles())
        return self._titles

    def headerData(self, section: int, orientation, role=DISPLAY):
        if role == DISPLAY and orientation == HORIZONTAL:
            titles = self._header()
            if 0 <= section < len(titles):
                return titles[section]
        return None

    def data(self, index: Index, role=DISPLAY):
        if role not in self.ROLES:
            return None
        row = index.row()       # -1 for an invalid index
        ids = self._ids
        if not 0 <= row < len(ids):
            return None
        entry = self._cache.get(ids[row], UNSEEN)
        if entry is UNSEEN:
            entry = self.pager.entry(row)
        if entry is None:
            if role == DISPLAY:
                return self.unloaded_text() if index.column() == self.UNLOADED_COLUMN else ""
            return self.unloaded_tooltip() if role == TOOLTIP else None
        if role == DISPLAY:
            return entry.cells[index.column()]
        return self._role(entry, index.column(), role)

    def flags(self, index: Index):
        row = index.row()       # -1 for an invalid index
        ids = self._ids
        if 0 <= row < len(ids):
            # Asked for every painted cell, as data() is: the cached entry without a call.
            entry = self._cache.get(ids[row], UNSEEN)
            if entry is UNSEEN:
                entry = self.pager.entry(row)
            return DISABLED if entry is None else ENABLED
        return DISABLED if row < 0 else ENABLED
