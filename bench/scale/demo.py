"""Demo data: `generate_demo` for N inspections (deterministic), against raw inserts of the
very rows it wrote (one executemany per table, one transaction, same schema and pragmas).
The target is absolute: 20,000 inspections in at most 120 s, scaled to N."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from common import Row

TABLES = ("schools", "teachers", "users", "inspections", "responses", "blobs", "attachments",
          "actions", "signatures", "history", "audit_log")


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


def measure(home: Path, inspections: int) -> list[Row]:
    from app.services.demo import generate_demo
    from app.workspace import Workspace
    ws = Workspace.open(home)
    start = time.perf_counter()
    generate_demo(ws, schools=max(20, inspections // 40), inspections=inspections, seed=7)
    elapsed = time.perf_counter() - start
    path = ws.store.path
    ws.close()
    raw = _raw_copy(path, home / "raw.db")
    return [Row(f"demo --inspections {inspections:,}", elapsed, raw, "s",
                limit=120 * inspections / 20_000)]
