"""Sync: export and import of a demo profile against raw baselines of the same bytes —
export against zipping the bundle's entries again with a SHA-256 of each; import into an
empty profile against reading the zip, hashing each entry, parsing each line and inserting
the same rows with executemany in one transaction (WAL, synchronous=FULL). Linearity: the
same measures on 4× the data; memory: import in a child process, its peak RSS.

Fair sides: both imports run in a fresh child process of their own, into a fresh database,
and time themselves from the moment the receiving database is open (the app's profile, the
raw side's schema) to the commit, so neither pays the interpreter's start-up in the ratio;
the app child's wall time with start-up is shown on its own row. Each import is run several
times, the app's and the raw side's runs interleaved (a busy moment of the machine falls on
both alike), and the medians compared; the CPU time of the same span is shown beside (info:
wall time on a shared machine stretches with the others' load, CPU time much less). Both
exports run in this process on warm data, each side EXPORT_RUNS times interleaved; the rows
show medians of wall time and, beside it, of CPU time (the app deflates in worker threads, so
its wall time gains from a free second core)."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import sys
import time
import zipfile
from pathlib import Path
from statistics import median

from common import Row, env, run_child

# Runs of each export side, interleaved; the rows show their medians.
EXPORT_RUNS = 3
# Each import child writes "wall-seconds cpu-seconds" of its import (open database to commit).
IMPORT_CHILD = """
import sys, time
from pathlib import Path
from app.sync.importer import import_bundle
from app.workspace import Workspace
ws = Workspace.open(sys.argv[1])
start, cpu = time.perf_counter(), time.process_time()
import_bundle(ws, sys.argv[2], trust=True)
Path(sys.argv[3]).write_text(f"{time.perf_counter() - start} {time.process_time() - cpu}")
ws.close()
"""
RAW_IMPORT_CHILD = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from sync import _raw_import
Path(sys.argv[5]).write_text("%r %r" % _raw_import(Path(sys.argv[2]), Path(sys.argv[3]),
                                                   Path(sys.argv[4]), sys.argv[6] == "1"))
"""
# Runs of each import (fresh child, fresh database), medians compared: the 10,000 app import
# takes about a minute, so it runs twice; the sizes' other imports three times.
IMPORT_RUNS = {"small": 3, "large": 2}


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
    return {"export": median(w for w, _ in app), "export_cpu": median(c for _, c in app),
            "raw_export": median(w for w, _ in raw), "raw_export_cpu": median(c for _, c in raw)}


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


def _raw_import(bundle: Path, sender_db: Path, target: Path,
                integrity: bool = False) -> tuple[float, float]:
    """The least an import must do: the schema is made before the clock starts. With
    `integrity`, also what the app's database itself enforces on every insert, whoever
    writes: foreign keys (checked at commit, as the importer defers them) and the triggers
    that mark stored scores stale — shown beside the target's baseline, not instead of it.
    Returns (wall, CPU) seconds from the transaction's start to its commit."""
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
    start, cpu = time.perf_counter(), time.process_time()
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
    elapsed = (time.perf_counter() - start, time.process_time() - cpu)
    dst.close()
    return elapsed


def _one_size(tmp: Path, inspections: int, runs: int, integrity_runs: int = 1,
              export_runs: int = EXPORT_RUNS) -> dict:
    tmp.mkdir(parents=True)
    bundle, exports = _profile(tmp, inspections, export_runs)
    return {**exports, **_imports(tmp, bundle, runs, integrity_runs),
            "mb": bundle.stat().st_size / 2**20}


def _imports(tmp: Path, bundle: Path, runs: int, integrity_runs: int) -> dict:
    """Medians of `runs` app imports and as many raw ones, interleaved (app, raw, app, raw,
    …), each a fresh child into a fresh database; then `integrity_runs` raw imports with the
    app's foreign keys and triggers. Peak RSS: the largest of the app's runs."""
    app, raw, integrity = [], [], []
    for n in range(max(runs, integrity_runs)):
        if n < runs:
            app.append(_app_import(tmp, bundle, n))
            raw.append(_raw_child(tmp, bundle, n, "0"))
        if n < integrity_runs:
            integrity.append(_raw_child(tmp, bundle, n, "1"))
    return {"wall": median(r["wall"] for r in app), "rss": max(r["rss"] for r in app),
            "import": median(r["import"] for r in app),
            "import_cpu": median(r["cpu"] for r in app),
            "raw_import": median(r[0] for r in raw), "raw_import_cpu": median(r[1] for r in raw),
            "raw_import_integrity": median(r[0] for r in integrity) if integrity else None,
            "records": _records(bundle)}


def _app_import(tmp: Path, bundle: Path, n: int) -> dict:
    seconds = tmp / f"import_seconds{n}"
    wall, rss, _cpu = run_child([sys.executable, "-c", IMPORT_CHILD, str(tmp / f"receiver{n}"),
                                 str(bundle), str(seconds)], env())
    shutil.rmtree(tmp / f"receiver{n}")
    spent, cpu = map(float, seconds.read_text().split())
    return {"wall": wall, "rss": rss, "import": spent, "cpu": cpu}


def _raw_child(tmp: Path, bundle: Path, n: int, integrity: str) -> tuple[float, float]:
    seconds, target = tmp / f"raw_import_seconds{integrity}_{n}", tmp / f"raw{integrity}_{n}.db"
    run_child([sys.executable, "-c", RAW_IMPORT_CHILD, str(Path(__file__).resolve().parent),
               str(bundle), str(tmp / "sender" / "school-inspect.db"), str(target),
               str(seconds), integrity], env())
    for leftover in target.parent.glob(target.name + "*"):
        leftover.unlink()
    wall, cpu = map(float, seconds.read_text().split())
    return wall, cpu


def _records(bundle: Path) -> int:
    """How many records the bundle carries (its manifest's counts)."""
    with zipfile.ZipFile(bundle) as archive:
        return sum(json.loads(archive.read("manifest.json"))["counts"].values())


def measure(home: Path, inspections: int) -> list[Row]:
    small = _one_size(home / "x1", inspections, IMPORT_RUNS["small"], integrity_runs=1)
    large = _one_size(home / "x4", inspections * 4, IMPORT_RUNS["large"], integrity_runs=0,
                      export_runs=1)     # its bundle only
    n, n4 = f"{inspections:,}", f"{inspections * 4:,}"
    runs, runs4 = IMPORT_RUNS["small"], IMPORT_RUNS["large"]
    records = large["records"] / small["records"]
    return [
        Row(f"export --all, {n} inspections ({small['mb']:.0f} MB), median of {EXPORT_RUNS}",
            small["export"], small["raw_export"], "s", target=2.0),
        Row(f"export {n}: CPU time, all threads (info)", small["export_cpu"],
            small["raw_export_cpu"], "s"),
        Row(f"import into an empty profile, {n} (each side in its own child, median of "
            f"{runs})", small["import"], small["raw_import"], "s", target=3.0),
        Row(f"import {n}, CPU time (info)", small["import_cpu"], small["raw_import_cpu"], "s"),
        Row(f"import {n}, the app child's wall time incl. its start", small["wall"], None, "s"),
        Row(f"import {n} vs raw with the app's foreign keys and score triggers (info)",
            small["import"], small["raw_import_integrity"], "s"),
        Row(f"import, 4× the data ({n4}: {records:.2f}× the records) vs 1× (median of "
            f"{runs4} vs {runs})", large["import"], small["import"], "s", target=5.0),
        Row(f"import {n4} vs {n}, CPU time (info)", large["import_cpu"], small["import_cpu"],
            "s"),
        Row(f"raw import {n4} vs {n} (info: the baseline's own growth)", large["raw_import"],
            small["raw_import"], "s"),
        Row(f"import {n4}: peak RSS", large["rss"], None, "MB", limit=400),
    ]
