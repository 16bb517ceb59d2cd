"""The demo's batched path writes exactly what the services write one call at a time: the
same rows in every synced table, the same history and audit entries (in the same order), the
same evidence files and the same digest; and its data keeps every invariant the services
keep: an intact, checkpointed audit chain, sign-offs that verify, reports that verify."""

from __future__ import annotations

import json
import re
import uuid

import pytest

from app.clock import iso
from app.errors import DatabaseError, ValidationError
from app.reports.service import make_report
from app.reports.verify import verify_bytes
from app.security import audit
from app.security.signoffs import is_signed
from app.services.answers import RESPONSE_NAMESPACE, response_id
from app.services.demo import generate_demo
from app.services.signoff import derive_status
from app.storage.digest import stats

REV = re.compile(r"[0-9]{13}\.[0-9]{5}\.[A-Za-z0-9_-]+")
COMPARED = ("schools", "teachers", "users", "inspections", "responses", "attachments",
            "actions", "action_events", "signatures", "blobs", "history", "audit_log",
            "audit_heads", "inspection_scores", "score_dirty")
# Made from the device key (differs per profile) or from hashes over revs, which are
# wall-clock HLC stamps (differ per run): compared below by their order and by the checks.
DEVICE_MADE = {"device_sig", "hash", "prev_hash", "signature"}


def dump(ws) -> dict[str, list]:
    """Every row of the compared tables, with this device's id and each rev replaced by
    its rank (revs are the same sequence of ticks on both paths, not the same stamps).
    Audit entries of the template installation (at profile start, wall-clock) are left
    out: they come before the demo either way."""
    device, tables = ws.store.device_id, {}
    for table in COMPARED:
        tables[table] = ws.store.query(f"select * from [{table}]")
    text = json.dumps(tables, default=lambda b: b.hex(), ensure_ascii=False)
    ranks = {rev: f"rev#{n}" for n, rev in enumerate(sorted(set(REV.findall(text))))}
    result = {}
    for table, rows in tables.items():
        kept = []
        for row in rows:
            if table == "audit_log" and row["entity"] == "templates":
                continue
            row = {k: v for k, v in row.items() if k not in DEVICE_MADE}
            line = json.dumps(row, sort_keys=True, ensure_ascii=False,
                              default=lambda b: b.hex())
            kept.append(REV.sub(lambda m: ranks[m.group(0)], line).replace(device, "DEVICE"))
        result[table] = sorted(kept)
    return result


@pytest.fixture(scope="module")
def both(prepared_db, tmp_path_factory):
    """The same demo made both ways, on two profiles."""
    from tests.conftest import open_profile
    made = {}
    for batched in (False, True):
        ws = open_profile(prepared_db, tmp_path_factory.mktemp(f"demo_{batched}"))
        ws.set_identity(name="张督学", role="inspector")
        generate_demo(ws, schools=2, inspections=20, seed=6, batched=batched)
        made[batched] = ws
    yield made
    for ws in made.values():
        ws.close()


def test_the_batched_demo_writes_what_the_services_write(both):
    services, batched = dump(both[False]), dump(both[True])
    for table in COMPARED:
        assert batched[table] == services[table], table
    assert stats(both[True].store) == stats(both[False].store)


def test_the_compared_demo_covers_every_kind_of_step(both):
    """Follow-ups carrying actions over, verifications of self-assessments, every move of
    an action, evidence, sign-offs: the equality above is about all of them."""
    store = both[True].store
    assert store.scalar("select count(*) from actions where carried_from is not null")
    assert store.scalar("select count(*) from inspections where self_assessment_id is not null")
    assert store.scalar("select count(*) from inspections where follow_up_of is not null")
    moves = {r[0] for r in store.rows("select distinct to_status from action_events")}
    assert moves == {"in_progress", "reported", "verified", "not_rectified"}
    assert store.scalar("select count(*) from action_events where visit_id is not null")
    statuses = {r[0] for r in store.rows("select distinct status from inspections")}
    assert statuses == {"draft", "in_progress", "completed", "signed"}
    # Stored scores are made as the demo goes (the service path refreshes them at its end).
    assert store.scalar("select count(*) from score_dirty") == 0
    assert store.scalar("select count(*) from inspection_scores where total is not null")
    assert store.scalar("select count(*) from attachments") and \
        store.scalar("select count(*) from history") and \
        store.scalar("select count(*) from audit_heads")


def test_a_batched_demo_profile_passes_the_audit(both):
    ws = both[True]
    assert audit.check_log(ws.store, ws.device_key.public_key()) == []
    assert ws.store.setting("hlc_last") == ws.store.last_rev


def test_its_signed_inspections_are_signed_by_their_sign_offs(both):
    ws = both[True]
    signed = [r[0] for r in ws.store.rows("select id from inspections where status = 'signed'")]
    assert signed
    for inspection_id in signed:
        assert is_signed(ws, inspection_id)
        assert derive_status(ws, inspection_id) == "signed"


def test_the_report_of_a_batched_signed_inspection_verifies(both):
    ws = both[True]
    inspection_id = ws.store.scalar("select id from inspections where status = 'signed' "
                                    "and mode = 'inspection' order by id limit 1")
    made = make_report(ws, inspection_id, lang="zh")
    check = verify_bytes(ws, made.pdf)
    assert made.signed and check.verdict == "intact_trusted" and check.content == "match"


def test_the_same_seed_makes_the_same_batched_demo(prepared_db, tmp_path):
    from tests.conftest import open_profile
    digests = []
    for name in ("a", "b"):
        ws = open_profile(prepared_db, tmp_path / name)
        generate_demo(ws, schools=2, inspections=6, seed=9)
        digests.append(stats(ws.store)["digest"])
        ws.close()
    assert digests[0] == digests[1]


def test_a_bulk_write_checks_every_value_and_leaves_nothing_behind(ws):
    before = stats(ws.store)
    row = {"id": str(uuid.uuid4()), "rev": ws.store.next_rev(), "base_rev": None,
           "device_id": ws.store.device_id, "deleted": 0, "name": "x" * 100_000}
    with pytest.raises(ValidationError, match="schools.name"):
        with ws.store.atomic():
            ws.store.insert_rows("schools", [row])
    with pytest.raises(DatabaseError, match="schools.name: a bulk row holds a dict"):
        with ws.store.atomic():
            ws.store.insert_rows("schools", [{**row, "name": {"a": 1}}])
    # One bad value among many plain ones is found, whatever it hides behind: a NUL or a
    # lone surrogate in text, true/false next to the equal 1 (one member of a set).
    others = [{**row, "id": str(uuid.uuid4()), "name": f"学校{n}", "student_count": 1}
              for n in range(50)]
    for column, bad, words in (("name", "a\x00b", "schools.name"),
                               ("name", "a\ud800", "schools.name"),
                               ("student_count", True, "true/false")):
        with pytest.raises(ValidationError, match=words):
            with ws.store.atomic():
                ws.store.insert_rows("schools", others + [{**others[0], "id": "x",
                                                           column: bad}])
    with pytest.raises(DatabaseError, match="synced rows are written as dicts"):
        with ws.store.atomic():    # unchecked tuples are for local tables only
            ws.store.insert_rows("schools", [tuple(row.values())], columns=tuple(row))
    assert stats(ws.store) == before


def test_the_fast_response_id_and_timestamp_are_the_standard_ones():
    import datetime as dt
    for inspection_id, key in (("a", "b"), (str(uuid.uuid4()), "安全.消防"), ("", "")):
        assert response_id(inspection_id, key) == \
            str(uuid.uuid5(RESPONSE_NAMESPACE, f"{inspection_id}/{key}"))
    for stamp in (dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc),
                  dt.datetime(2026, 12, 31, 23, 59, 59, tzinfo=dt.timezone(dt.timedelta(hours=8))),
                  dt.datetime(999, 1, 1, 12, tzinfo=dt.timezone.utc)):
        assert iso(stamp) == stamp.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_the_fast_clock_stamp_and_answer_text_are_the_standard_ones():
    """FixedClock.now_iso is iso(now()) across seconds, days, months, years, zones and
    microseconds; a stored answer's text is json.dumps's for every kind of value."""
    import datetime as dt
    import math
    import random
    from app.clock import FixedClock
    from app.services.demo_batch import value_json
    zones = (dt.timezone.utc, dt.timezone(dt.timedelta(hours=8)))
    for start, step in ((dt.datetime(2026, 12, 31, 23, 58, 30, tzinfo=dt.timezone.utc),
                         dt.timedelta(seconds=1)),
                        (dt.datetime(2024, 2, 28, 23, 59, 59, 999_999, tzinfo=zones[1]),
                         dt.timedelta(seconds=1)),
                        (dt.datetime(999, 12, 31, 23, 59, tzinfo=dt.timezone.utc),
                         dt.timedelta(seconds=7)),
                        (dt.datetime(2026, 3, 1, 0, 0, 0, 500_000, tzinfo=dt.timezone.utc),
                         dt.timedelta(hours=5, microseconds=3))):
        fast, plain = FixedClock(start, step), FixedClock(start, step)
        for n in range(200):
            if n == 100:       # the demo moves its clock between readings
                fast.current = plain.current = start + dt.timedelta(days=40)
            assert fast.now_iso() == iso(plain.now())
    rng = random.Random(2)
    values = [0, -3, 10**30, 1.0, -0.0, 1e-7, 3.14, 1e300, math.inf, -math.inf, math.nan,
              True, False, "不适用", 'a"b\\n', ["x", 1], {"k": 2.5}] + \
        [rng.uniform(-1e6, 1e6) for _ in range(500)] + [rng.randrange(-10**9, 10**9)
                                                       for _ in range(500)]
    for value in values:
        assert value_json(value) == json.dumps(value, ensure_ascii=False)


def test_the_seeded_demo_id_is_the_uuid_it_always_was():
    import random
    from app.services.demo import seeded_id
    fast, plain = random.Random(9), random.Random(9)
    for _ in range(3000):
        assert seeded_id(fast) == str(uuid.UUID(int=plain.getrandbits(128), version=4))


def test_the_audit_hash_text_is_the_json_it_always_was():
    """The entry hash's fast text equals json.dumps(sort_keys, ensure_ascii=False) for any
    strings, and odd shapes (a missing rev, a None, a float seq, extra keys) still hash as
    before."""
    import random
    generic = json.JSONEncoder(sort_keys=True, ensure_ascii=False).encode
    rng = random.Random(5)
    alphabet = 'ab"\\\n\t\x00\x1f\u2028中文\U0001F600/é '
    for n in range(3000):
        entry = {k: "".join(rng.choice(alphabet) for _ in range(rng.randrange(12)))
                 for k in ("action", "actor", "at", "detail", "device_id", "entity",
                           "entity_id", "prev_hash", "rev")}
        entry["seq"] = rng.randrange(1, 10**12)
        odd = n % 6
        if odd == 1:
            entry["rev"] = None
        elif odd == 2:
            entry["entity_id"] = None
        elif odd == 3:
            entry["seq"] = 2.5
        elif odd == 4:
            entry["extra"] = True
        payload = generic({k: v for k, v in entry.items()
                           if not (k == "rev" and v is None)})
        expected = __import__("hashlib").sha256(payload.encode()).hexdigest()
        assert audit.entry_hash({**entry, "hash": "ignored"}) == expected


def test_the_bulk_chain_writer_makes_the_entries_make_entry_makes(ws):
    """audit.ChainWriter (the batched demo's audit entries, repeated parts encoded once)
    gives each entry exactly as make_entry gives it: the same fields, the same clock
    reading, the same hash over the same JSON text, chained; odd values (a None entity id,
    quotes, controls, non-ASCII) included."""
    import datetime as dt
    import random

    from app.clock import FixedClock
    rng = random.Random(9)
    alphabet = 'ab"\\\n\t\x00\u2028中文\U0001F600/é '
    start = dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc)
    clocks = FixedClock(start), FixedClock(start)
    writer = audit.ChainWriter(ws.store, "督学\"甲", (41, "f" * 64))
    last = (41, "f" * 64)
    for n in range(400):
        args = dict(action=rng.choice(("responses.write", "inspection.sign", "a\"b\n")),
                    entity=rng.choice(("responses", "实体")),
                    entity_id=None if n % 17 == 3 else
                    "".join(rng.choice(alphabet) for _ in range(rng.randrange(12))),
                    detail_json=audit.detail_text({"fields": [rng.choice(alphabet)]}),
                    rev=None if n % 5 == 0 else f"{n:013d}.00000.dev")
        ws.store.clock = clocks[0]
        row = writer.add(**args)
        ws.store.clock = clocks[1]
        entry = audit.make_entry(ws.store, last, actor="督学\"甲", **args)
        assert row == tuple(entry[c] for c in audit.COLUMNS)
        assert entry["hash"] == audit.entry_hash(entry)
        last = (entry["seq"], entry["hash"])


def test_a_demo_signature_image_is_the_drawn_stroke():
    """The demo's signature PNG (1-bit palette, written by hand) decodes to exactly the
    pixels of the stroke drawn on a transparent true-colour canvas."""
    import io
    import random

    from PIL import Image, ImageDraw

    from app.services.demo_images import INK, signature_png, signature_points
    rng = random.Random(3)
    for _ in range(20):
        stroke = signature_points(rng)
        expected = Image.new("RGBA", (360, 120), (255, 255, 255, 0))
        ImageDraw.Draw(expected).line(stroke, fill=INK + (255,), width=3, joint="curve")
        with Image.open(io.BytesIO(signature_png(stroke))) as image:
            assert image.format == "PNG"
            assert image.convert("RGBA").tobytes() == expected.tobytes()
