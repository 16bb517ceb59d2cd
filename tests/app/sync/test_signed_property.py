"""Properties of "signed means signed" across two and three devices that trust each other,
under random honest work (answer, complete, sign, amend, exchange, resolve conflicts) mixed
with a trusted peer's forgeries (a `signed` status set by bundle, a countersignature nobody
made here, tombstoned sign-offs):

1. derived: on every device, the stored status is `signed` exactly when a sign-off made by
   `sign_off` on some device validly vouches for the current content;
2. frozen: once an inspection is signed on a device, nothing but an amendment or a further
   sign-off captured on that device changes its content hash or its sign-offs there
   (imports and conflict resolution do not).
"""

import itertools
import shutil
import tempfile
import uuid
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import KnownError
from app.services import answers, inspections, schools, signoff
from app.sync.conflicts import list_conflicts, resolve_conflict
from app.sync.export import export_bundle
from app.sync.importer import import_bundle
from tests.app.sync.helpers import fill, read_entries, records, send, set_records
from tests.app.sync.test_signed_hostile import add_rows, forged_signoff, resign, write_entries
from tests.conftest import open_profile

device = st.integers(0, 2)
step = st.one_of(
    st.tuples(st.just("answer"), device, st.sampled_from(("1", "3", "5"))),
    st.tuples(st.just("complete"), device),
    st.tuples(st.just("sign"), device),
    st.tuples(st.just("amend"), device),
    st.tuples(st.just("exchange"), device, device),
    st.tuples(st.just("resolve"), device, st.sampled_from(("ours", "theirs"))),
    st.tuples(st.sampled_from(("forge_status", "forge_countersign", "forge_tombstone")),
              device, device),
)


class World:
    def __init__(self, prepared_db: Path, count: int):
        self.root = Path(tempfile.mkdtemp(prefix="signed-"))
        self.devices = [open_profile(prepared_db, self.root / str(n)) for n in range(count)]
        first = self.devices[0]
        school = schools.add_school(first, name="育才小学").created
        self.inspection = inspections.start_inspection(first, school_id=school,
                                                       template="mini").created
        fill(first, self.inspection)
        for a, b in itertools.permutations(self.devices, 2):
            send(a, b, self.root, kind="full")              # everyone trusts everyone
        self.honest: set[str] = set()
        self.bundles = itertools.count()

    def device(self, n):
        return self.devices[n % len(self.devices)]

    def frozen_state(self, ws):
        if not signoff.is_signed(ws, self.inspection):
            return None
        rows = ws.store.query("select * from signatures where inspection_id = ? order by id",
                              [self.inspection])
        return signoff.content_sha256(ws, self.inspection), \
            [{k: r[k] for k in sorted(r) if k not in ("rev", "base_rev", "device_id")}
             for r in rows]

    def apply(self, action) -> set[int]:
        """Run one step; returns the devices that amended or signed here (their own acts)."""
        kind, p, *rest = action
        ws = self.device(p)
        try:
            if kind == "answer":
                answers.answer_item(ws, self.inspection, "a.score", rest[0])
            elif kind == "complete":
                inspections.complete_inspection(ws, self.inspection)
            elif kind == "sign":
                made = signoff.sign_off(ws, self.inspection, signer="张督学").created
                self.honest.add(made)
                return {p % len(self.devices)}
            elif kind == "amend":
                inspections.amend_inspection(ws, self.inspection, "复核")
                return {p % len(self.devices)}
            elif kind == "exchange":
                if p % len(self.devices) != rest[0] % len(self.devices):
                    send(ws, self.device(rest[0]), self.root)
            elif kind == "resolve":
                for conflict in list_conflicts(ws):
                    resolve_conflict(ws, conflict["id"], rest[0])
            else:
                self.forge(kind, ws, self.device(rest[0]))
        except KnownError:
            pass                               # refused: that is allowed, never a change
        return set()

    def forge(self, kind, author, victim) -> None:
        if author is victim:
            return
        path = self.root / f"forged{next(self.bundles)}.sibundle"
        export_bundle(author, path, kind="full")
        entries = read_entries(path)
        if kind == "forge_status":
            rows = records(entries, "inspections")
            for row in rows:
                row["status"] = "signed"
            set_records(entries, "inspections", rows)
        elif kind == "forge_countersign":
            add_rows(entries, "signatures", [forged_signoff(author, self.inspection,
                                                            role="principal")])
        elif "records/signatures.ndjson" in entries:
            rows = records(entries, "signatures")
            for row in rows:
                row.update(deleted=1, base_rev=row["rev"], ancestry=[row["rev"]],
                           rev=author.store.next_rev())
            set_records(entries, "signatures", rows)

        def recount(manifest):
            manifest["counts"] = {n[8:-7]: len(d.decode().splitlines())
                                  for n, d in entries.items() if n.startswith("records/")}
            manifest["bundle_id"] = str(uuid.uuid4())
        write_entries(path, resign(entries, author.device_key, manifest_edit=recount))
        import_bundle(victim, path, trust=True)

    def check_derived(self) -> None:
        for ws in self.devices:
            stored = ws.store.get("inspections", self.inspection)["status"]
            valid = signoff.valid_signoffs(ws, self.inspection)
            assert (stored == "signed") == bool(valid), (stored, valid)
            assert {r["id"] for r in valid} <= self.honest

    def close(self) -> None:
        for ws in self.devices:
            ws.close()
        shutil.rmtree(self.root, ignore_errors=True)


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(count=st.integers(2, 3), steps=st.lists(step, min_size=1, max_size=14))
def test_signed_is_derived_and_frozen_stays_frozen(prepared_db, count, steps):
    world = World(prepared_db, count)
    try:
        for action in steps:
            before = [world.frozen_state(ws) for ws in world.devices]
            amended = world.apply(action)
            world.check_derived()
            for n, ws in enumerate(world.devices):
                if before[n] is not None and n not in amended:
                    assert world.frozen_state(ws) == before[n], (action, n)
    finally:
        world.close()
