"""Demo data: `generate_demo` for N inspections (deterministic, batched writes), against
raw inserts of the very rows it wrote (one executemany per table, one transaction, same
tables and pragmas). The target is absolute: 20,000 inspections in at most 120 s (the
`--full` run measures 20,000; the default run 1,000 against the same rate, 6 s). A small
demo is also made one service call at a time (the reference path the batched one is
tested against), to show what batching saves."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from common import Row

TABLES = ("schools", "teachers", "users", "inspections", "responses", "blobs", "attachments",
          "actions", "action_events", "signatures", "history", "audit_log", "audit_heads")
TARGET_COUNT, TARGET_SECONDS = 20_000, 120
REFERENCE_COUNT = 200


def _raw_copy(source: Path, target: Path) -> float:
    """Seconds to insert every row of the demo's tables into an empty copy of the schema."""
    src = sqlite3.connect(source)
    rows = {t: src.execute(f"select * from [{t}]").fetchall() for t in TABLES}
    schema = [sql for (sql,) in src.execute(
        "select sql from sqlite_master where type = 'table' and name in "
        f"({','.join('?' * len(TABLES))})", TABLES)]
    src.close()
    dst = sqlite3.connect(target, isolation_level=None)
    dst.execute("PRAGMA journal_mode = WAL")
    dst.execute("PRAGMA synchronous = FULL")
    for sql in schema:
        dst.execute(sql)
    start = time.perf_counter()
    dst.execute("begin")
    for table, values in rows.items():
        if values:
            marks = ",".join("?" * len(values[0]))
            dst.executemany(f"insert into [{table}] values ({marks})", values)
    dst.execute("commit")
    elapsed = time.perf_counter() - start
    dst.close()
    return elapsed


def _demo(home: Path, inspections: int, batched: bool = True) -> tuple[float, float, Path]:
    """(wall s, CPU s, database path) of one demo in a fresh profile."""
    from app.services.demo import generate_demo
    from app.workspace import Workspace
    ws = Workspace.open(home)
    start, cpu = time.perf_counter(), time.process_time()
    generate_demo(ws, schools=max(20, inspections // 40), inspections=inspections, seed=7,
                  batched=batched)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    path = ws.store.path
    ws.close()
    return elapsed, cpu, path


def measure(home: Path, inspections: int) -> list[Row]:
    elapsed, cpu, path = _demo(home / "batched", inspections)
    raw = _raw_copy(path, home / "raw.db")
    scaled = "" if inspections == TARGET_COUNT else \
        f" (target {TARGET_COUNT // 1000}k ≤ {TARGET_SECONDS} s, scaled)"
    rows = [Row(f"demo --inspections {inspections:,}{scaled}", elapsed, raw, "s",
                limit=TARGET_SECONDS * inspections / TARGET_COUNT),
            Row(f"demo --inspections {inspections:,}, CPU", cpu, None, "s")]
    batched, _, _ = _demo(home / "small-batched", REFERENCE_COUNT)
    services, _, _ = _demo(home / "small-services", REFERENCE_COUNT, batched=False)
    rows.append(Row(f"demo {REFERENCE_COUNT}: batched vs one service call at a time",
                    batched, services, "s"))
    return rows
