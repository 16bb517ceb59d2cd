"""Property: random edits on two or three profiles with random bundle exchanges never lose an
edit (each edited value is current somewhere or held in a conflict), and once conflicts are
resolved and bundles exchanged until quiet, every profile holds the same content."""

import itertools
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import KnownError
from app.services import answers, inspections, schools
from app.sync.conflicts import list_conflicts, resolve_conflict
from tests.app.sync.helpers import digest, send
from tests.conftest import open_profile

ITEMS = ("a.samples", "a.score", "a.rating")
VALUES = {"a.samples": ("yes", "no"), "a.score": ("0", "2", "5"), "a.rating": ("poor", "good")}
SCHOOL_FIELDS = ("principal", "phone", "address")

profile = st.integers(0, 2)
edit = st.one_of(
    st.tuples(st.just("answer"), profile, st.sampled_from(ITEMS), st.integers(0, 2)),
    st.tuples(st.just("note"), profile, st.sampled_from(ITEMS)),
    st.tuples(st.just("school"), profile, st.sampled_from(SCHOOL_FIELDS)),
    st.tuples(st.just("teacher"), profile, st.integers(0, 2)),
    st.tuples(st.just("delete"), profile, st.integers(0, 2)),
    st.tuples(st.just("exchange"), profile, profile, st.sampled_from(("changes", "full"))),
)


class World:
    """Profiles sharing one school, three teachers and one inspection."""

    def __init__(self, prepared_db: Path, count: int):
        self.root = Path(tempfile.mkdtemp(prefix="prop-"))
        self.profiles = [open_profile(prepared_db, self.root / str(n)) for n in range(count)]
        first = self.profiles[0]
        self.school = schools.add_school(first, name="育才小学").created
        self.teachers = [schools.add_teacher(first, self.school, name=f"老师{n}").created
                         for n in range(3)]
        self.inspection = inspections.start_inspection(first, school_id=self.school,
                                                       template="mini").created
        answers.answer_item(first, self.inspection, "a.samples", "yes")
        for other in self.profiles[1:]:
            self.exchange(first, other, "full")
        self.tokens, self.superseded = [], set()
        self.counter = itertools.count()

    def exchange(self, src, dst, kind):
        send(src, dst, self.root, kind=kind)

    def token(self, ws, table, record_id, field) -> str:
        row = ws.store.get(table, record_id)
        if row and row.get(field):
            self.superseded.add(row[field])       # overwritten knowingly
        value = f"t{next(self.counter)}·'\"；"
        self.tokens.append(value)
        return value

    def apply(self, step) -> None:
        kind, p, *rest = step
        ws = self.profiles[p % len(self.profiles)]
        made = len(self.tokens)
        try:
            if kind == "answer":
                item, n = rest
                answers.answer_item(ws, self.inspection, item, VALUES[item][n % len(VALUES[item])])
            elif kind == "note":
                rid = answers.response_id(self.inspection, rest[0])
                answers.set_note(ws, self.inspection, rest[0],
                                 self.token(ws, "responses", rid, "note"))
            elif kind == "school":
                schools.edit_school(ws, self.school, **{
                    rest[0]: self.token(ws, "schools", self.school, rest[0])})
            elif kind == "teacher":
                tid = self.teachers[rest[0]]
                schools.edit_teacher(ws, tid, subject=self.token(ws, "teachers", tid, "subject"))
            elif kind == "delete":
                with ws.store.atomic():
                    ws.store.tombstone("teachers", self.teachers[rest[0]])
            else:
                dst, bundle_kind = rest
                if dst % len(self.profiles) != p % len(self.profiles):
                    self.exchange(ws, self.profiles[dst % len(self.profiles)], bundle_kind)
        except KnownError as exc:
            assert "No teacher" in str(exc), exc      # editing a teacher deleted here
            del self.tokens[made:]                    # that edit never happened

    def held_values(self) -> set:
        held = set()
        for ws in self.profiles:
            for table, field in (("responses", "note"), ("schools", "principal"),
                                 ("schools", "phone"), ("schools", "address"),
                                 ("teachers", "subject")):
                held |= {r[field] for r in ws.store.query(f"select [{field}] from [{table}]")}
            for conflict in list_conflicts(ws):
                for side in (conflict["ours"] or {}, conflict["theirs"]):
                    held |= {v for v in side.values() if isinstance(v, str)}
        return held

    def settle(self) -> None:
        for _ in range(6):
            for src, dst in itertools.permutations(self.profiles, 2):
                self.exchange(src, dst, "full")
            open_conflicts = False
            for ws in self.profiles:
                for conflict in list_conflicts(ws):
                    open_conflicts = True
                    resolve_conflict(ws, conflict["id"], "theirs")
            if not open_conflicts and len({digest(ws) for ws in self.profiles}) == 1:
                return

    def close(self) -> None:
        for ws in self.profiles:
            ws.close()
        shutil.rmtree(self.root, ignore_errors=True)


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(count=st.integers(2, 3), steps=st.lists(edit, min_size=1, max_size=25))
def test_random_edits_and_exchanges_lose_nothing_and_converge(prepared_db, count, steps):
    world = World(prepared_db, count)
    try:
        for step in steps:
            world.apply(step)
        for src, dst in itertools.permutations(world.profiles, 2):
            world.exchange(src, dst, "full")
        held = world.held_values()
        lost = [t for t in world.tokens if t not in world.superseded and t not in held]
        assert not lost, f"edits lost: {lost}"
        world.settle()
        assert not any(list_conflicts(ws) for ws in world.profiles)
        assert len({digest(ws) for ws in world.profiles}) == 1
    finally:
        world.close()
