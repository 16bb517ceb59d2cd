"""Corrective actions at district scale: ~3 actions per inspection (300,000 at 100,000
inspections) with carried copies and life-cycle events, written with executemany. Measured:
the status bar's open count against a raw count of the same table, and the Actions page's
first painted rows (counts, first page, display rows) and 50 pages of scrolling against a
raw lazy model over `actions` in the same kind of view; the slowest filter's first page; and
the one-off recomputation of every school's stored state (as after an import touching every
school), for information."""

from __future__ import annotations

import random
import time

from common import Row
from rawview import raw_model, scroll, view

PER_INSPECTION = 3
PAGES = 50
STATUSES = ("in_progress", "reported", "verified", "not_rectified")


def add_actions(ws) -> int:
    """Actions for every inspection, a tenth carried into a later visit of the same school,
    about one event each; returns how many actions."""
    rng = random.Random(13)
    visits = ws.store.rows("select id, school_id, visit_date from inspections "
                           "where deleted = 0 order by visit_date, id")
    actions, events, last_of_school = [], [], {}
    for n, (visit, school, date) in enumerate(visits):
        for k in range(PER_INSPECTION):
            action_id = f"a{n:07d}{k}"
            carried = last_of_school.get(school) if rng.random() < 0.1 else None
            year = int(date[:4]) + rng.choice((0, 0, 1, 10))
            actions.append((action_id, f"r{n:07d}{k}", "bench", visit, school,
                            f"整改事项 {n}-{k}", rng.choice(("low", "medium", "high")),
                            f"{year}-{date[5:]}", "pending", carried,
                            f"{date}T08:00:0{k}Z", f"{date}T08:00:0{k}Z"))
            if rng.random() < 0.8:
                events.append((f"e{n:07d}{k}", f"s{n:07d}{k}", "bench", action_id, school,
                               rng.choice(STATUSES), "核查", "基准督学", f"{date}T09:00:00Z"))
            last_of_school[school] = action_id
    with ws.store.atomic():
        conn = ws.store.conn
        conn.executemany(
            "insert into actions (id, rev, device_id, inspection_id, school_id, description, "
            "severity, due_date, status, carried_from, created_at, updated_at, note, deleted) "
            "values (?,?,?,?,?,?,?,?,?,?,?,?,'',0)", actions)
        conn.executemany(
            "insert into action_events (id, rev, device_id, action_id, school_id, to_status, "
            "note, actor, at, deleted) values (?,?,?,?,?,?,?,?,?,0)", events)
    return len(actions)


def _raw_model(path: str):
    """The baseline: the least a lazily paged table model over `actions` does (keyset
    pages by id, one table, no state), with the count the page shows."""
    return raw_model(
        path, "select id, due_date, school_id, description, severity, status, responsible "
        "from actions where deleted = 0 and id > ? order by id limit 200", columns=7,
        key_width=1, start_key=("",),
        count_sql="select count(*) from actions where deleted = 0")


def _best(call, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return min(times)


def _first_rows(app, make) -> tuple[float, object]:
    """Best of three: seconds from nothing to the first rows painted; the last widget."""
    best, widget = None, None
    for _ in range(3):
        if widget is not None:
            widget.close()
        start = time.perf_counter()
        widget = make()
        app.processEvents()
        widget.grab()
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best, widget


def measure(ws) -> list[Row]:
    from app.services.action_list import open_count
    from ui.launcher import create_application
    from ui.pages.actions_page import ActionsPage
    app = create_application()

    made = add_actions(ws)
    start = time.perf_counter()
    ws.store.refresh_action_state()
    recompute = time.perf_counter() - start
    # As after an import that touched every school but changed no chain.
    with ws.store.atomic():
        ws.store.conn.execute("insert or ignore into action_dirty (school_id) "
                              "select id from schools")
    start = time.perf_counter()
    ws.store.refresh_action_state()
    recheck = time.perf_counter() - start
    ws.store.conn.execute("analyze action_state")

    raw_count = _best(lambda: ws.store.scalar(
        "select count(*) from actions where deleted = 0 and status != 'verified'"))
    count = _best(lambda: open_count(ws))

    # Each side's first rows three times, the best kept: in the app the page is built
    # when first shown, after the window (and Qt's fonts and styles) have painted.
    raw_first, raw = _first_rows(app, lambda: view(_raw_model(str(ws.store.path))))
    from ui.context import UiContext
    from ui.operations import Operations
    ctx = UiContext(ws=ws, operations=Operations(), open_inspection=lambda _id: None)

    def actions_page():
        page = ActionsPage(ctx)        # counts, the school filter, the first page
        page.resize(1200, 800)
        page.show()
        return page
    first, page = _first_rows(app, actions_page)
    raw_view = raw

    filters = {}
    school = ws.store.scalar("select id from schools order by name limit 1")
    for name, status, school_id, overdue in (
            ("overdue only", None, None, True),
            ("status in progress + overdue", "in_progress", None, True),
            ("status verified", "verified", None, False),
            ("one school", None, school, False)):
        for widget in (page.status, page.school, page.overdue_only):
            widget.blockSignals(True)     # one reload per filter, timed below
        page.status.setCurrentIndex(page.status.findData(status) if status else 0)
        page.school.setCurrentIndex(page.school.findData(school_id) if school_id else 0)
        page.overdue_only.setChecked(overdue)
        for widget in (page.status, page.school, page.overdue_only):
            widget.blockSignals(False)
        start = time.perf_counter()
        page.reload()
        app.processEvents()
        page.grab()
        filters[name] = time.perf_counter() - start
    slowest = max(filters, key=filters.get)
    page.school.setCurrentIndex(0)
    app.processEvents()
    raw_scroll = scroll(app, raw_view, raw_view.model(), PAGES)[1]
    scrolled = scroll(app, page.table, page.model, PAGES)[1]
    raw_view.close()
    page.close()
    return [
        Row(f"actions ({made:,}): open count (status bar)", count * 1000, raw_count * 1000,
            "ms", target=2),
        Row("actions page: first rows painted (counts + first page)", first * 1000,
            raw_first * 1000, "ms", limit=100),
        Row(f"actions page: slowest filter, first rows ({slowest})", filters[slowest] * 1000,
            None, "ms", limit=100),
        Row(f"actions page: scroll {PAGES} pages (CPU)", scrolled * 1000, raw_scroll * 1000,
            "ms", target=1.5),
        Row("actions: state of every action computed (once: migration / first import)",
            recompute * 1000, None, "ms"),
        Row("actions: state re-checked for every school (an import touching all, no change)",
            recheck * 1000, None, "ms"),
    ]

