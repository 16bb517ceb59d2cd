"""Speed of sync on realistic data: export and import of a 200-inspection demo, importing the
same bundle again, and a small "changes" round. A plain script, run by hand:

    python bench/bench_sync.py [--inspections 200]

With the sign-off checks of issue 8 in place, it also says how much of the first import went
to them (checking each sign-off's device signature before the transaction, deriving the
signed state of every touched inspection inside it). Issue 8 asks that a 1,000-inspection
import costs at most 20 % more than before those checks: compare "import into an empty
profile" here with the same line from a checkout before them, or read the share directly.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.services.demo import generate_demo  # noqa: E402
from app.storage.digest import stats  # noqa: E402
from app.sync.export import export_bundle  # noqa: E402
from app.sync import importer  # noqa: E402
from app.sync.importer import import_bundle  # noqa: E402
from app.workspace import Workspace  # noqa: E402


class Spent:
    """Wall time spent in some functions of a module, found by wrapping them."""

    def __init__(self, module, names):
        self.total = 0.0
        for name in names:
            original = getattr(module, name, None)
            if original is not None:
                setattr(module, name, self._wrap(original))

    def _wrap(self, function):
        def timed_call(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.total += time.perf_counter() - start
        return timed_call


@contextmanager
def timed(label: str):
    start = time.perf_counter()
    yield
    print(f"{label:44} {time.perf_counter() - start:7.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--inspections", type=int, default=200)
    parser.add_argument("--schools", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        sender, receiver = Workspace.open(root / "a"), Workspace.open(root / "b")
        sender.set_identity(name="督学甲")
        with timed(f"demo ({args.inspections} inspections)"):
            generate_demo(sender, schools=args.schools, inspections=args.inspections, seed=7)
        bundle = root / "full.sibundle"
        with timed("export --all"):
            summary = export_bundle(sender, bundle, kind="full")
        records = sum(summary["counts"].values())
        print(f"{'':44} {records} records, {summary['evidence_files']} evidence files, "
              f"{summary['bytes'] / 1e6:.1f} MB")
        integrity = getattr(importer, "integrity", None)
        checks = Spent(integrity, ("check_signoffs", "derive_signed")) if integrity else None
        with timed("import into an empty profile"):
            started = time.perf_counter()
            import_bundle(receiver, bundle, trust=True)
            whole = time.perf_counter() - started
        if checks is not None:
            print(f"{'  of which sign-off checks':44} {checks.total:7.2f} s "
                  f"({100 * checks.total / (whole - checks.total):.1f} % on top of the rest)")
        with timed("import the same bundle again"):
            import_bundle(receiver, bundle)
        reverse = root / "back.sibundle"
        with timed("export --all from the receiver"):
            export_bundle(receiver, reverse, kind="full")
        with timed("import it back (everything unchanged)"):
            import_bundle(sender, reverse, trust=True)
        assert stats(sender.store)["digest"] == stats(receiver.store)["digest"]
        print("digests equal")


if __name__ == "__main__":
    main()
