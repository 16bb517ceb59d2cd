"""Benchmark: the Inspections list with 100,000 inspections.

Builds a throwaway profile, inserts the inspections directly (one executemany, not the
services, so setup takes seconds), then times what a user feels in the real page:
first paint (count + first page + painted rows), scrolling deep (fetchMore pages), a filter,
a search and a sort. Run: `QT_QPA_PLATFORM=offscreen python bench/bench_inspections_model.py`.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.services.schools import add_school  # noqa: E402
from app.workspace import Workspace  # noqa: E402

TOTAL = int(os.environ.get("BENCH_INSPECTIONS", "100000"))


def build(home: Path) -> Workspace:
    ws = Workspace.open(home)
    schools = [add_school(ws, name=f"第{n}学校", district=f"区{n % 7}").created
               for n in range(200)]
    templates = ws.store.query("select id, key from templates where kind != 'ethics'")
    rng = random.Random(7)
    statuses = ("draft", "in_progress", "completed", "signed")
    rows = []
    for n in range(TOTAL):
        template = templates[n % len(templates)]
        rows.append((f"bench-{n:07d}", f"rev{n}", "bench", template["id"], template["key"],
                     1, rng.choice(schools), "inspection", rng.choice(statuses),
                     f"20{20 + n % 7}-{1 + n % 12:02d}-{1 + n % 28:02d}",
                     f'["督学{n % 50}"]', "2026-01-01", "2026-01-01"))
    with ws.store.atomic():
        ws.store.db.conn.executemany(
            "insert into inspections (id, rev, device_id, template_id, template_key, "
            "template_version, school_id, mode, status, visit_date, inspectors, created_at, "
            "updated_at, deleted) values (?,?,?,?,?,?,?,?,?,?,?,?,?,0)", rows)
    return ws


def timed(label: str, call, results: dict) -> None:
    start = time.perf_counter()
    call()
    results[label] = (time.perf_counter() - start) * 1000


def main() -> None:
    from PySide6.QtCore import Qt
    from ui.context import UiContext
    from ui.launcher import create_application
    from ui.operations import Operations
    from ui.pages.inspections_page import InspectionsPage

    app = create_application()
    home = Path(tempfile.mkdtemp(prefix="bench-inspections-"))
    start = time.perf_counter()
    ws = build(home)
    print(f"setup: {TOTAL} inspections in {time.perf_counter() - start:.1f} s")
    ctx = UiContext(ws, Operations())
    results: dict[str, float] = {}

    def first_paint():
        page = InspectionsPage(ctx)
        page.resize(1200, 800)
        page.show()
        app.processEvents()
        page.grab()
        main.page = page

    timed("first paint (page built, shown, painted)", first_paint, results)
    page = main.page
    model, table = page.model, page.table

    def scroll_deep():
        for _ in range(50):  # 50 pages = 10,000 rows, as a long scroll does
            table.scrollToBottom()
            app.processEvents()
            if model.canFetchMore():
                model.fetchMore()
        page.grab()

    timed("scroll 50 pages to row ~10,000", scroll_deep, results)
    results["rows loaded after scroll"] = model.rowCount()

    def filter_status():
        page.status.setCurrentIndex(page.status.findData("signed"))
        app.processEvents()
        page.grab()

    timed("filter status = signed", filter_status, results)

    def search():
        page.search.setText("第17学校")
        page.apply_filter()
        page.grab()

    timed("search '第17学校'", search, results)

    def sort():
        page.search.setText("")
        page.status.setCurrentIndex(0)
        page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        page.grab()

    timed("clear filters + sort by school", sort, results)
    for label, value in results.items():
        unit = "" if label.startswith("rows") else " ms"
        print(f"{label:45s} {value:10.1f}{unit}")
    ws.close()


if __name__ == "__main__":
    main()
