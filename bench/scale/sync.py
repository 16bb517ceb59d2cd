"""Sync: export and import of a demo profile against raw baselines of the same bytes —
export against zipping the bundle's entries again with a SHA-256 of each; import into an
empty profile against reading the zip, hashing each entry, parsing each line and inserting
the same rows with executemany in one transaction (WAL, synchronous=FULL). Linearity: the
same measures on 4× the data; memory: import in a child process, its peak RSS.

Fair sides: both imports run in a fresh child process of their own and time themselves from
the moment the receiving database is open (the app's profile, the raw side's schema) to the
commit, so neither pays the interpreter's start-up in the ratio; the app child's wall time
with start-up is shown on its own row. Both exports run in this process on warm data, each
side EXPORT_RUNS times interleaved; the rows show medians of wall time and, beside it, of CPU
time (the app deflates in worker threads, so its wall time gains from a free second core)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import statistics
import sys
import time
import zipfile
from pathlib import Path

from common import Row, env, run_child

# Runs of each export side, interleaved; the rows show their medians.
EXPORT_RUNS = 3

IMPORT_CHILD = """
import sys, time
from pathlib import Path
from app.sync.importer import import_bundle
from app.workspace import Workspace
ws = Workspace.open(sys.argv[1])
start = time.perf_counter()
import_bundle(ws, sys.argv[2], trust=True)
Path(sys.argv[3]).write_text(str(time.perf_counter() - start))
ws.close()
"""
RAW_IMPORT_CHILD = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from sync import _raw_import
Path(sys.argv[5]).write_text(str(_raw_import(Path(sys.argv[2]), Path(sys.argv[3]),
                                             Path(sys.argv[4]), sys.argv[6] == "1")))
"""


def _profile(home: Path, inspections: int, runs: int) -> tuple[Path, dict]:
    """The demo profile's full bundle, and the export measures over `runs` runs (`_exports`)."""
    from app.services.demo import generate_demo
    from app.workspace import Workspace
    ws = Workspace.open(home / "sender")
    ws.set_identity(name="督学甲", role="inspector")
    generate_demo(ws, schools=max(20, inspections // 40), inspections=inspections, seed=7)
    bundle = home / "full.sibundle"
    try:
        measured = _exports(ws, bundle, home / "raw.sibundle", runs)
    finally:
        ws.close()
    return bundle, measured


def _exports(ws, bundle: Path, raw_target: Path, runs: int) -> dict:
    """Each side's median wall and CPU seconds over `runs` runs, interleaved (app, raw,
    app, raw, …): a busy moment of the machine then falls on both sides alike, and one slow
    first run (right after the demo was written) does not decide the ratio. CPU time is
    the process's, every thread's: the app deflates in worker threads, the raw side in one."""
    app, raw = [], []
    for _ in range(runs):
        app.append(_app_export(ws, bundle))
        raw.append(_raw_export(bundle, raw_target))
    return {"export": statistics.median(w for w, _ in app),
            "export_cpu": statistics.median(c for _, c in app),
            "raw_export": statistics.median(w for w, _ in raw),
            "raw_export_cpu": statistics.median(c for _, c in raw)}


def _app_export(ws, bundle: Path) -> tuple[float, float]:
    """(wall, CPU seconds) of one full export of the profile to `bundle`."""
    from app.sync.export import export_bundle
    start, cpu = time.perf_counter(), time.process_time()
    export_bundle(ws, bundle, kind="full")
    return time.perf_counter() - start, time.process_time() - cpu


def _raw_export(bundle: Path, target: Path) -> tuple[float, float]:
    """(wall, CPU seconds) of zipping `bundle`'s entries again with their own settings
    (records and manifest deflated at zlib's default level, evidence stored), a SHA-256 of
    each: the least an export of the same bytes must do. The entries are read first."""
    with zipfile.ZipFile(bundle) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    start, cpu = time.perf_counter(), time.process_time()
    with zipfile.ZipFile(target, "w") as out:
        for info, data in entries:
            hashlib.sha256(data).hexdigest()
            out.writestr(info, data)
    return time.perf_counter() - start, time.process_time() - cpu


def _raw_import(bundle: Path, sender_db: Path, target: Path, integrity: bool = False) -> float:
    """The least an import must do: the schema is made before the clock starts. With
    `integrity`, also what the app's database itself enforces on every insert, whoever
    writes: foreign keys (checked at commit, as the importer defers them) and the triggers
    that mark stored scores stale — shown beside the target's baseline, not instead of it."""
    src = sqlite3.connect(sender_db)
    # Tables and their indexes (an import must maintain them too), not the app's triggers.
    kinds = "('table', 'index', 'trigger')" if integrity else "('table', 'index')"
    schema = [sql for (sql,) in src.execute(
        f"select sql from sqlite_master where type in {kinds} and sql is not null "
        "and name not like 'sqlite_%' order by case type when 'table' then 0 "
        "when 'index' then 1 else 2 end")]
    src.close()
    dst = sqlite3.connect(target, isolation_level=None)
    dst.execute("PRAGMA journal_mode = WAL")
    dst.execute("PRAGMA synchronous = FULL")
    if integrity:
        dst.execute("PRAGMA foreign_keys = ON")
    for sql in schema:
        dst.execute(sql)
    start = time.perf_counter()
    dst.execute("begin")
    if integrity:
        dst.execute("PRAGMA defer_foreign_keys = ON")
    with zipfile.ZipFile(bundle) as archive:
        for info in archive.infolist():
            data = archive.read(info)
            hashlib.sha256(data).hexdigest()
            if info.filename.startswith("attachments/"):
                dst.execute("insert or ignore into blobs (sha256, data, size) values (?, ?, ?)",
                            [info.filename.split("/")[1], data, len(data)])
            elif info.filename.startswith("records/"):
                table = info.filename[len("records/"):-len(".ndjson")]
                rows = [json.loads(line) for line in data.splitlines() if line.strip()]
                if rows:
                    known = {r[1] for r in dst.execute(f"PRAGMA table_info([{table}])")}
                    columns = [c for c in rows[0] if c in known]  # not bundle-only keys
                    dst.executemany(
                        f"insert or replace into [{table}] ({', '.join(columns)}) values "
                        f"({', '.join('?' * len(columns))})",
                        [[row.get(c) for c in columns] for row in rows])
    dst.execute("commit")
    elapsed = time.perf_counter() - start
    dst.close()
    return elapsed


def _one_size(tmp: Path, inspections: int, export_runs: int = EXPORT_RUNS) -> dict:
    tmp.mkdir(parents=True)
    bundle, exports = _profile(tmp, inspections, export_runs)
    wall, rss, _cpu = run_child([sys.executable, "-c", IMPORT_CHILD, str(tmp / "receiver"),
                                 str(bundle), str(tmp / "import_seconds")], env())
    raw = {}
    for integrity in ("0", "1"):
        seconds = tmp / f"raw_import_seconds{integrity}"
        run_child([sys.executable, "-c", RAW_IMPORT_CHILD, str(Path(__file__).resolve().parent),
                   str(bundle), str(tmp / "sender" / "school-inspect.db"),
                   str(tmp / f"raw{integrity}.db"), str(seconds), integrity], env())
        raw[integrity] = float(seconds.read_text())
    return {**exports, "rss": rss, "wall": wall,
            "import": float((tmp / "import_seconds").read_text()),
            "raw_import": raw["0"], "raw_import_integrity": raw["1"],
            "mb": bundle.stat().st_size / 2**20}


def measure(home: Path, inspections: int) -> list[Row]:
    small = _one_size(home / "x1", inspections)
    large = _one_size(home / "x4", inspections * 4, export_runs=1)  # its bundle only
    n = f"{inspections:,}"
    return [
        Row(f"export --all, {n} inspections ({small['mb']:.0f} MB), median of {EXPORT_RUNS}",
            small["export"], small["raw_export"], "s", target=2.0),
        Row(f"export {n}: CPU time, all threads (info)", small["export_cpu"],
            small["raw_export_cpu"], "s"),
        Row(f"import into an empty profile, {n} (each side in its own child)", small["import"],
            small["raw_import"], "s", target=3.0),
        Row(f"import {n}, the app child's wall time incl. its start", small["wall"], None, "s"),
        Row(f"import {n} vs raw with the app's foreign keys and score triggers (info)",
            small["import"], small["raw_import_integrity"], "s"),
        Row(f"import, 4× the data ({inspections * 4:,}) vs 1×", large["import"],
            small["import"], "s", target=5.0),
        Row(f"import {inspections * 4:,}: peak RSS", large["rss"], None, "MB", limit=400),
    ]
