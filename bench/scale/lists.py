"""The Inspections list on a large profile: first rows, every sort (a page each), and 50
pages of scrolling, against a raw lazy model (one table, keyset pages by visit date, no
joins) in the same kind of view."""

from __future__ import annotations

import statistics
import time

from common import Row
from rawview import raw_model, scroll, view

PAGES = 50
SCROLLS = 3     # runs of each side's scroll, interleaved; the medians are compared


def _raw_model(path: str):
    """The baseline: the least a lazily paged table model over `inspections` does. Its page
    reads the (visit_date, id) index range, as the app's does: with a bare `deleted = 0`
    SQLite picks the (deleted, template_id) index, which matches every row, and sorts the
    whole table for each page (~0.4 s at 100,000), which made the baseline ten times slower
    than the app it measures."""
    return raw_model(
        path, "select visit_date, id, school_id, template_key, mode, status, inspectors, "
        "updated_at from inspections where +deleted = 0 and (visit_date, id) < (?, ?) "
        "order by visit_date desc, id desc limit 200", columns=8, key_width=2,
        start_key=("9999", ""))


def measure(ws) -> list[Row]:
    from PySide6.QtCore import Qt
    from ui.launcher import create_application
    from ui.models.inspections_model import COLUMNS, SORTABLE, InspectionsModel
    from ui.state.inspections import InspectionQuery
    app = create_application()

    raw = _raw_model(str(ws.store.path))
    start = time.perf_counter()
    raw_view = view(raw)
    app.processEvents()
    raw_view.grab()
    raw_first = time.perf_counter() - start
    # Each side is measured alone on screen: a second window shown would repaint the first
    # (it turns inactive), and that paint would count against the side measured second.
    raw_view.close()
    app.processEvents()

    start = time.perf_counter()
    model = InspectionsModel(InspectionQuery(ws), ws.profile.language)
    model.reload()
    table = view(model)
    app.processEvents()
    table.grab()
    first = time.perf_counter() - start

    sorts = {}
    for column, name in enumerate(COLUMNS):
        if name not in SORTABLE:
            continue
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            start = time.perf_counter()
            model.sort(column, order)
            app.processEvents()
            table.grab()
            sorts[(name, order)] = time.perf_counter() - start
    slowest = max(sorts, key=sorts.get)
    table.close()
    app.processEvents()

    def app_side():
        fresh = InspectionsModel(InspectionQuery(ws), ws.profile.language)
        fresh.sort(0, Qt.SortOrder.DescendingOrder)
        return fresh
    scrolled, raw_scroll = _scrolls(app, app_side, lambda: _raw_model(str(ws.store.path)))
    order = "asc" if slowest[1] == Qt.SortOrder.AscendingOrder else "desc"
    return [
        Row("list: first rows painted", first * 1000, raw_first * 1000, "ms", limit=100),
        Row(f"list: slowest sort, one page ({slowest[0]} {order}; {len(sorts)} sorts)",
            sorts[slowest] * 1000, None, "ms", limit=50),
        Row(f"list: scroll {PAGES} pages (wall), median of {SCROLLS}", scrolled[0] * 1000,
            raw_scroll[0] * 1000, "ms", target=1.5),
        Row(f"list: scroll {PAGES} pages (CPU), median of {SCROLLS}", scrolled[1] * 1000,
            raw_scroll[1] * 1000, "ms", target=1.5),
    ]


def _scrolls(app, make_app, make_raw) -> tuple[tuple[float, float], tuple[float, float]]:
    """(wall, CPU) medians of scrolling each side `SCROLLS` times, a fresh model and view
    each run, the sides interleaved (app, raw, app, raw, ...): one run each was at the mercy
    of a busy moment falling on one side (the same machine read 1.13x-1.41x)."""
    runs: tuple[list, list] = ([], [])
    for _ in range(SCROLLS):
        for side, make in enumerate((make_app, make_raw)):
            model = make()
            table = view(model)
            app.processEvents()
            table.grab()
            runs[side].append(scroll(app, table, model, PAGES))
            table.close()        # alone on screen, as above
            app.processEvents()
    return tuple((statistics.median(r[0] for r in side), statistics.median(r[1] for r in side))
                 for side in runs)
