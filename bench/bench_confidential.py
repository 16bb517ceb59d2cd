"""What confidentiality costs: autosave (one answer a call) and import, with the profile
password (SQLCipher) off and on, and export/import with the teacher-ethics envelopes opened by
the receiver (it is a recipient) or left sealed (it is not). A plain script, run by hand:

    python bench/bench_confidential.py [--inspections 60] [--answers 200]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.security import roles  # noqa: E402
from app.services import answers, inspections, schools  # noqa: E402
from app.services.demo import generate_demo  # noqa: E402
from app.sync.export import export_bundle  # noqa: E402
from app.sync.importer import import_bundle  # noqa: E402
from app.workspace import Workspace  # noqa: E402


def autosave_ms(ws, count: int) -> float:
    """Median milliseconds of one answer saved (its own transaction, as the runner does)."""
    with roles.training(ws):
        school = schools.add_school(ws, name="基准学校").created
    iid = inspections.start_inspection(ws, school_id=school, template="food_safety").created \
        if _has(ws, "food_safety") else None
    template = inspections.get_template(ws, iid and "food_safety" or "school_comprehensive")
    if iid is None:
        iid = inspections.start_inspection(ws, school_id=school, template=template.id).created
    items = [i for i in template.items if i.type == "yes_no"] or template.items[:1]
    times = []
    for n in range(count):
        item = items[n % len(items)]
        start = time.perf_counter()
        answers.answer_item(ws, iid, item.key, "yes" if n % 2 else "no", note=f"n{n}")
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _has(ws, key: str) -> bool:
    return bool(ws.store.scalar("select 1 from templates where key = ?", [key]))


def profile(root: Path, name: str, password: str | None) -> Workspace:
    ws = Workspace.open(root / name)
    ws.set_identity(name=name, role="inspector")
    if password:
        ws.set_profile_password(password)
    return ws


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--inspections", type=int, default=60)
    parser.add_argument("--answers", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for label, password in (("plain", None), ("SQLCipher", "bench password")):
            ws = profile(root, f"autosave-{label}", password)
            print(f"autosave, {label:10} median {autosave_ms(ws, args.answers):6.2f} ms/answer")
            ws.close()
        sender = profile(root, "sender", None)
        generate_demo(sender, schools=10, inspections=args.inspections, seed=5)
        for label, password, recipient in (("plain, not a recipient", None, False),
                                           ("plain, recipient", None, True),
                                           ("SQLCipher, recipient", "pw", True)):
            receiver = profile(root, label.replace(", ", "-").replace(" ", "_"), password)
            if recipient:      # the sender learns the receiver's encryption key first
                export_bundle(receiver, root / "hello.sibundle", kind="changes")
                import_bundle(sender, root / "hello.sibundle", trust=True)
            bundle = root / f"{receiver.profile.device_id}.sibundle"
            start = time.perf_counter()
            summary = export_bundle(sender, bundle, kind="full")
            exported = time.perf_counter() - start
            start = time.perf_counter()
            result = import_bundle(receiver, bundle, trust=True)
            imported = time.perf_counter() - start
            sealed = sum(d["records"] for d in summary["confidential"])
            print(f"{label:24} export {exported:6.2f} s, import {imported:6.2f} s "
                  f"({sum(summary['counts'].values())} records in clear, {sealed} sealed; "
                  f"opened {result['confidential']['opened']}, "
                  f"not addressed {result['confidential']['not_addressed']})")
            receiver.close()
        sender.close()


if __name__ == "__main__":
    main()
