"""The Inspections list on a large profile: first rows, every sort (a page each), and 50
pages of scrolling, against a raw lazy model (one table, keyset pages by visit date, no
joins) in the same kind of view."""

from __future__ import annotations

import sqlite3
import time

from common import Row

PAGES = 50


def _raw_model(path: str):
    """The baseline: the least a lazily paged table model over `inspections` does."""
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

    class RawModel(QAbstractTableModel):
        def __init__(self):
            super().__init__()
            self.conn = sqlite3.connect(path)
            self.rows: list[tuple] = []
            self.done = False

        def rowCount(self, parent=QModelIndex()):
            return 0 if parent.isValid() else len(self.rows)

        def columnCount(self, parent=QModelIndex()):
            return 8

        def canFetchMore(self, parent=QModelIndex()):
            return not parent.isValid() and not self.done

        def fetchMore(self, parent=QModelIndex()):
            after = self.rows[-1][:2] if self.rows else ("9999", "")
            new = self.conn.execute(
                "select visit_date, id, school_id, template_key, mode, status, inspectors, "
                "updated_at from inspections where deleted = 0 and (visit_date, id) < (?, ?) "
                "order by visit_date desc, id desc limit 200", after).fetchall()
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


def _view(model):
    from PySide6.QtWidgets import QTableView
    view = QTableView()
    view.setModel(model)
    view.resize(1200, 800)
    view.show()
    return view


def _scroll(app, view, model) -> tuple[float, float]:
    """(wall, CPU) seconds of scrolling PAGES pages down (CPU: this process only, so a
    busy machine does not count against either side)."""
    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(PAGES):
        view.scrollToBottom()
        app.processEvents()
        if model.canFetchMore():
            model.fetchMore()
    view.grab()
    return time.perf_counter() - start, time.process_time() - cpu


def measure(ws) -> list[Row]:
    from PySide6.QtCore import Qt
    from ui.launcher import create_application
    from ui.models.inspections_model import COLUMNS, SORTABLE, InspectionsModel
    from ui.state.inspections import InspectionQuery
    app = create_application()

    raw = _raw_model(str(ws.store.path))
    start = time.perf_counter()
    raw_view = _view(raw)
    app.processEvents()
    raw_view.grab()
    raw_first = time.perf_counter() - start

    start = time.perf_counter()
    model = InspectionsModel(InspectionQuery(ws), ws.profile.language)
    model.reload()
    view = _view(model)
    app.processEvents()
    view.grab()
    first = time.perf_counter() - start

    sorts = {}
    for column, name in enumerate(COLUMNS):
        if name not in SORTABLE:
            continue
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            start = time.perf_counter()
            model.sort(column, order)
            app.processEvents()
            view.grab()
            sorts[(name, order)] = time.perf_counter() - start
    slowest = max(sorts, key=sorts.get)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    app.processEvents()
    raw_scroll = _scroll(app, raw_view, raw)
    scroll = _scroll(app, view, model)
    raw_view.close()
    view.close()
    order = "asc" if slowest[1] == Qt.SortOrder.AscendingOrder else "desc"
    return [
        Row("list: first rows painted", first * 1000, raw_first * 1000, "ms", limit=100),
        Row(f"list: slowest sort, one page ({slowest[0]} {order}; {len(sorts)} sorts)",
            sorts[slowest] * 1000, None, "ms", limit=50),
        Row(f"list: scroll {PAGES} pages (wall)", scroll[0] * 1000, raw_scroll[0] * 1000, "ms",
            target=1.5),
        Row(f"list: scroll {PAGES} pages (CPU)", scroll[1] * 1000, raw_scroll[1] * 1000, "ms",
            target=1.5),
    ]
