"""Autosave: one answer saved through the answer service (as the runner does on every
keystroke it commits) against a raw single-row upsert into the same database file, both
in their own transaction with the app's pragmas (WAL, synchronous=FULL)."""

from __future__ import annotations

import sqlite3
import statistics
import time
from pathlib import Path

from common import Row

ANSWERS = 200


def _timings(calls, count: int) -> list[tuple[float, float]]:
    """(median CPU seconds, median wall seconds) of each `call(n)` over `count` rounds. The
    calls alternate, so both see the same disk: a commit's fsync (synchronous=FULL) takes
    from under a millisecond to tens while other work shares the disk."""
    cpu = [[] for _ in calls]
    wall = [[] for _ in calls]
    for n in range(count):
        for k, call in enumerate(calls):
            c0, w0 = time.process_time(), time.perf_counter()
            call(n)
            cpu[k].append(time.process_time() - c0)
            wall[k].append(time.perf_counter() - w0)
    return [(statistics.median(c), statistics.median(w)) for c, w in zip(cpu, wall)]


def measure(home: Path) -> list[Row]:
    from app.services.answers import answer_item
    from app.services.inspections import start_inspection
    from app.services.schools import add_school
    from app.services.templates import get_template
    from app.workspace import Workspace
    ws = Workspace.open(home)
    ws.set_identity(name="基准督学", role="inspector")
    school = add_school(ws, name="第一学校", district="区").created
    template = ws.store.scalar("select id from templates where key = 'school_comprehensive'")
    inspection = start_inspection(ws, school_id=school, template=template).created
    items = [i for i in get_template(ws, template).items if i.type == "yes_no"]

    def app_answer(n: int) -> None:
        item = items[n % len(items)]
        answer_item(ws, inspection, item.key, "yes" if (n // len(items)) % 2 else "no")

    conn = sqlite3.connect(str(ws.store.path), isolation_level=None)
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("create table raw_answers (id text primary key, value text, at text)")

    def raw_upsert(n: int) -> None:
        conn.execute("begin")
        conn.execute("insert into raw_answers (id, value, at) values (?, ?, ?) on conflict(id) "
                     "do update set value = excluded.value, at = excluded.at",
                     [f"item{n % len(items)}", "yes" if n % 2 else "no", str(n)])
        conn.execute("commit")

    app_answer(0)  # warm caches (template parsed once per session, as in the app)
    (app_cpu, app_wall), (raw_cpu, raw_wall) = _timings((app_answer, raw_upsert), ANSWERS)
    statements = _statements(ws, app_answer)
    conn.close()
    ws.close()
    return [
        Row("autosave: one answer, CPU (median)", app_cpu * 1000, raw_cpu * 1000, "ms",
            target=5.0),
        Row("autosave: one answer, wall p50", app_wall * 1000, raw_wall * 1000, "ms", limit=5),
        Row("autosave: SQL statements per answer", statements, 3, "", target=None),
    ]


def _statements(ws, app_answer) -> int:
    count = 0

    def trace(_sql):
        nonlocal count
        count += 1
    ws.store.db.conn.set_trace_callback(trace)
    app_answer(10_001)
    ws.store.db.conn.set_trace_callback(None)
    return count
