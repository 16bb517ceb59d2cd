"""Every scale measure of issue 13 in one run, each against a raw baseline timed side by
side, printed as a table: measure | app | baseline | ratio | target.

    python bench/run.py            # modest sizes (10,000 inspections), a few minutes
    python bench/run.py --full     # the targets' sizes (100,000 inspections)
    python bench/run.py --only start,lists

Targets are ratios (the machine's speed cancels out) or absolute bounds (MB, ms). Nothing is
written into the repository: profiles live in a temporary folder removed at the end.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE / "scale")]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import Row, build_profile  # noqa: E402

MEASURES = ("start", "lists", "actions", "autosave", "reports", "demo", "sync")


def sizes(full: bool) -> dict:
    return {"inspections": 100_000 if full else 10_000,
            "demo": 20_000 if full else 1_000,
            "sync": 2_500 if full else 250}  # and 4× that for linearity and memory


def run(selected: list[str], full: bool) -> list[Row]:
    size = sizes(full)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="si-bench-") as tmp:
        tmp = Path(tmp)
        ws = None
        if {"start", "lists", "actions"} & set(selected):
            started = time.perf_counter()
            ws = build_profile(tmp / "large", size["inspections"])
            print(f"(profile with {size['inspections']:,} inspections built in "
                  f"{time.perf_counter() - started:.0f} s)", file=sys.stderr)
        for name in selected:
            print(f"({name}…)", file=sys.stderr)
            try:
                rows += measure(name, ws, tmp, size)
            except Exception as exc:  # one broken measure must not hide the others
                print(f"{name} failed: {type(exc).__name__}: {exc}", file=sys.stderr)
                rows.append(Row(f"{name}: FAILED ({type(exc).__name__})", float("nan"),
                                None, "", limit=0))
        if ws is not None:
            ws.close()
    return rows


def measure(name: str, ws, tmp: Path, size: dict) -> list[Row]:
    if name == "start":
        import startup
        return startup.measure(ws.paths.home)
    if name == "lists":
        import lists
        return lists.measure(ws)
    if name == "actions":
        import actions
        return actions.measure(ws)
    if name == "autosave":
        import autosave
        return autosave.measure(tmp / "autosave")
    if name == "reports":
        import reports
        return reports.measure(tmp / "reports")
    if name == "demo":
        import demo
        return demo.measure(tmp / "demo", size["demo"])
    if name == "sync":
        import sync
        return sync.measure(tmp / "sync", size["sync"])
    raise SystemExit(f"unknown measure {name!r}; choose from {', '.join(MEASURES)}")


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    return f"{value:,.0f} {unit}" if value >= 100 else f"{value:.3g} {unit}"


def table(rows: list[Row]) -> str:
    lines = ["| measure | app | baseline | ratio | target | met |", "|---|---|---|---|---|---|"]
    for row in rows:
        ratio = "—" if row.ratio is None else f"{row.ratio:.2f}×"
        target = " and ".join(t for t in (
            f"≤ {row.target:g}×" if row.target is not None else "",
            f"≤ {row.limit:g} {row.unit}" if row.limit is not None else "") if t) or "—"
        met = {True: "yes", False: "NO", None: "—"}[row.met]
        lines.append(f"| {row.measure} | {fmt(row.app, row.unit)} | "
                     f"{fmt(row.baseline, row.unit)} | {ratio} | {target} | {met} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", action="store_true", help="the targets' sizes (slow)")
    parser.add_argument("--only", help=f"comma-separated subset of {', '.join(MEASURES)}")
    args = parser.parse_args()
    selected = args.only.split(",") if args.only else list(MEASURES)
    load = os.getloadavg()[0]
    rows = run(selected, args.full)
    print(table(rows))
    print(f"\nload average at start {load:.2f}, at end {os.getloadavg()[0]:.2f} "
          f"on {os.cpu_count()} cores")
    return 0 if all(row.met is not False for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
