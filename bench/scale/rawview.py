"""The raw side of the list benches, and what both sides share: the least a lazily paged
table model over one table does (keyset pages of 200, no joins, no state), the view each
side is shown in, and scrolling it page by page."""

from __future__ import annotations

import sqlite3
import time


def raw_model(path: str, page_sql: str, columns: int, key_width: int, start_key: tuple,
              count_sql: str | None = None):
    """A model over `page_sql` (the next page after a key; its parameters are the key's
    values, the first `key_width` columns of the last row; `start_key` before the first
    page). `count_sql`, if given, is read once on creation, as the app counts its list."""
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

    class RawModel(QAbstractTableModel):
        def __init__(self):
            super().__init__()
            self.conn = sqlite3.connect(path)
            self.total = self.conn.execute(count_sql).fetchone()[0] if count_sql else None
            self.rows: list[tuple] = []
            self.done = False

        def rowCount(self, parent=QModelIndex()):
            return 0 if parent.isValid() else len(self.rows)

        def columnCount(self, parent=QModelIndex()):
            return columns

        def canFetchMore(self, parent=QModelIndex()):
            return not parent.isValid() and not self.done

        def fetchMore(self, parent=QModelIndex()):
            after = self.rows[-1][:key_width] if self.rows else start_key
            new = self.conn.execute(page_sql, after).fetchall()
            if not new:
                self.done = True
                return
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(new) - 1)
            self.rows.extend(new)
            self.endInsertRows()

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            if role == Qt.ItemDataRole.DisplayRole:
                return str(self.rows[index.row()][index.column()])
            return None

    return RawModel()


def view(model):
    """A table as the app's lists show one: no row-number column (`RowTable` hides the
    vertical header). A shown one sizes itself from the first and last hundred rows' header
    data after every page, which the raw model answers in C++ and a model with column
    titles in Python: ~1,800 calls a page that no user of the app ever causes."""
    from PySide6.QtWidgets import QTableView
    table = QTableView()
    table.setModel(model)
    table.verticalHeader().setVisible(False)
    table.resize(1200, 800)
    table.show()
    return table


def scroll(app, table, model, pages: int) -> tuple[float, float]:
    """(wall, CPU) seconds of scrolling `pages` pages down (CPU: this process only, so a
    busy machine does not count against either side)."""
    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(pages):
        table.scrollToBottom()
        app.processEvents()
        if model.canFetchMore():
            model.fetchMore()
    table.grab()
    return time.perf_counter() - start, time.process_time() - cpu
