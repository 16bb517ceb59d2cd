"""Shared pieces of the scale bench: a result row, timing helpers, child processes with
their peak memory, and a large throwaway profile built with direct inserts.

Nothing here writes into the repository: profiles live in temporary folders.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import tempfile
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Row:
    """One line of the table: the app's figure, the baseline's, and the target ratio
    (`limit` is an absolute bound instead, e.g. megabytes or milliseconds)."""
    measure: str
    app: float
    baseline: float | None
    unit: str
    target: float | None = None
    limit: float | None = None

    @property
    def ratio(self) -> float | None:
        if self.baseline in (None, 0):
            return None
        return self.app / self.baseline

    @property
    def met(self) -> bool | None:
        checks = []
        if self.target is not None and self.ratio is not None:
            checks.append(self.ratio <= self.target)
        if self.limit is not None:
            checks.append(self.app <= self.limit)
        return all(checks) if checks else None


PYCACHE = Path(tempfile.gettempdir()) / "school-inspect-bench-pycache"


def env(**extra: str) -> dict:
    """The environment for child processes: this checkout first on the path, offscreen Qt,
    and compiled bytecode cached outside the repository (as an installed app has it; with
    PYTHONDONTWRITEBYTECODE every start would compile every module again)."""
    result = dict(os.environ)
    result.pop("PYTHONDONTWRITEBYTECODE", None)
    result["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    result["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT)] + [p for p in result.get("PYTHONPATH", "").split(os.pathsep) if p])
    result.setdefault("QT_QPA_PLATFORM", "offscreen")
    result.update(extra)
    return result


# Prepended to a child's `python -c` code: its peak resident memory (VmHWM of its own address
# space) written at exit. The kernel's ru_maxrss cannot be used: it keeps the high-water mark
# across fork and exec, so a child of this bench process (hundreds of MB after building a
# profile) would report at least the bench's own size.
PEAK_HOOK = """import atexit as _bench_atexit
def _bench_peak(path={path!r}):
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                open(path, "w").write(line.split()[1])
_bench_atexit.register(_bench_peak)
"""


def run_child(argv: list[str], environment: dict | None = None,
              timeout: float = 600) -> tuple[float, float, float]:
    """Run a process to its end: (wall seconds, peak RSS in MB, CPU seconds). A failure
    stops the bench with the child's output, since a figure from a crashed run means
    nothing. CPU time is reported beside wall time because other work on a loaded machine
    stretches wall time, not CPU time."""
    with tempfile.TemporaryDirectory(prefix="si-peak-") as folder:
        peak_file = Path(folder) / "peak"
        if len(argv) > 2 and argv[1] == "-c" and Path("/proc/self/status").exists():
            argv = [argv[0], "-c", PEAK_HOOK.format(path=str(peak_file)) + argv[2], *argv[3:]]
        start = time.perf_counter()
        proc = subprocess.Popen(argv, env=environment or env(), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        out, err = proc.stdout.read(), proc.stderr.read()
        proc.stdout.close()
        proc.stderr.close()
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            raise RuntimeError(f"{argv} exited {proc.returncode}:\n{out.decode()}\n{err.decode()}")
        peak = (int(peak_file.read_text()) if peak_file.exists() else usage.ru_maxrss) / 1024
    return wall, peak, usage.ru_utime + usage.ru_stime


def median_child(argv: list[str], runs: int, environment: dict | None = None):
    """Median wall time, the largest peak RSS and the median CPU time over `runs` runs,
    after one untimed run (bytecode compiled, files in the page cache)."""
    run_child(argv, environment)
    return _summary([run_child(argv, environment) for _ in range(runs)])


def median_pair(app: tuple[list[str], dict | None], baseline: tuple[list[str], dict | None],
                runs: int):
    """`median_child` of an app and its baseline, their runs interleaved (app, baseline,
    app, baseline, …) after one untimed run of each: a busy moment of the machine then
    falls on both sides alike instead of on one side's whole series (one run of the bare
    window, timed alone, once made the start ratio read 2.4× where it was 1.8×)."""
    for argv, environment in (baseline, app):
        run_child(argv, environment)
    results: tuple[list, list] = ([], [])
    for _ in range(runs):
        for side, (argv, environment) in enumerate((app, baseline)):
            results[side].append(run_child(argv, environment))
    return _summary(results[0]), _summary(results[1])


def _summary(results: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    return (statistics.median(r[0] for r in results), max(r[1] for r in results),
            statistics.median(r[2] for r in results))


def timed(call, repeat: int = 1) -> float:
    """Median wall seconds of `call()`."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


STATUSES = ("draft", "in_progress", "completed", "signed")


def build_profile(home: Path, inspections: int, schools: int = 500):
    """A profile with `inspections` inspections spread over `schools` schools, written
    with executemany (the services would take far longer than the measures). Stored
    scores, when the schema has them, get plausible values the same way."""
    from app.services.schools import add_school
    from app.workspace import Workspace
    ws = Workspace.open(home)
    ws.set_identity(name="基准督学", role="inspector")
    rng = random.Random(7)
    with ws.store.atomic():
        school_ids = [add_school(ws, name=f"第{n}学校", district=f"区{n % 7}").created
                      for n in range(schools)]
    templates = ws.store.query("select id, key from templates where kind != 'ethics'")
    rows = []
    for n in range(inspections):
        template = templates[n % len(templates)]
        rows.append((f"bench-{n:07d}", f"rev{n}", "bench", template["id"], template["key"],
                     1, rng.choice(school_ids), rng.choice(("inspection", "self_assessment")),
                     rng.choice(STATUSES), f"20{16 + n % 10}-{1 + n % 12:02d}-{1 + n % 28:02d}",
                     f'["督学{n % 50}"]', "2026-01-01", "2026-01-01"))
    with ws.store.atomic():
        ws.store.db.conn.executemany(
            "insert into inspections (id, rev, device_id, template_id, template_key, "
            "template_version, school_id, mode, status, visit_date, inspectors, created_at, "
            "updated_at, deleted) values (?,?,?,?,?,?,?,?,?,?,?,?,?,0)", rows)
        _fake_scores(ws, rows, rng)
    return ws


def _fake_scores(ws, rows, rng) -> None:
    if "inspection_scores" not in ws.store.db.table_names():
        return
    grades = (("excellent", "优秀", "Excellent"), ("good", "良好", "Good"),
              ("pass", "合格", "Pass"), ("fail", "不合格", "Fail"))
    values = []
    for row in rows:
        if row[8] == "draft":
            values.append((row[0], None, None, None, None, 0, -1.0, 99))
            continue
        rank = rng.randrange(4)
        values.append((row[0], round(rng.uniform(40, 100), 1), *grades[rank],
                       int(rng.random() < 0.05), 0.0, rank))
    ws.store.db.conn.executemany(
        "insert or replace into inspection_scores (inspection_id, total, grade_key, grade_zh, "
        "grade_en, capped, total_sort, grade_rank) values (?,?,?,?,?,?,?,?)",
        [(v[0], v[1], v[2], v[3], v[4], v[5], v[1] if v[1] is not None else -1.0, v[7])
         for v in values])
    # The scores above stand in for recomputing 100,000 answer-less inspections.
    ws.store.db.conn.execute("delete from score_dirty")


def python() -> str:
    return sys.executable
