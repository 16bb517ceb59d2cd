"""Record lines are written by SQLite (app/sync/export_lines.py): every line of a bundle must
parse to exactly the row as stored — same keys, same types, same values, the ancestry the
history holds — whatever the row holds, including what only sqlite3 on the file can put
there; the importer must accept what the app itself writes and store the very same rows."""

import json
import sqlite3

import pytest

from app.errors import BundleError, ValidationError
from app.services import answers, evidence, schools
from app.storage.tables import SYNCED_TABLES
from app.sync.export import export_bundle
from app.sync.export_lines import Lines
from app.sync.importer import import_bundle
from app.sync.records import MAX_ANCESTRY, foreign_keys
from tests.app.sync.helpers import png, read_entries

# Every character JSON must escape, and those it must not (kept as UTF-8 text).
NASTY = ("\x01\x02\x07\x08\t\n\x0b\x0c\r\x1b\x1f\x7f \"quoted\" back\\slash /slash "
         "\u2028\u2029\ufeff\u0085 é\u0301 引号 𠀀 \U0001F600 </script> '); --")


def typed(record: dict) -> dict:
    """A record's values with their types, so 1, 1.0 and True are told apart."""
    return {k: (type(v).__name__, v if v == v else "nan") for k, v in record.items()}


def expected_lines(ws) -> dict[str, dict]:
    """{table: {id: the record as stored, plus its ancestry}}, read as plain rows."""
    store = ws.store
    out = {}
    for table in SYNCED_TABLES:
        out[table] = {}
        for row in store.query(f"select * from [{table}]"):
            history = [r["rev"] for r in store.query(
                "select rev from history where table_name = ? and record_id = ? order by rev",
                [table, row["id"]]) if r["rev"] != row["rev"]]
            out[table][row["id"]] = {**row, "ancestry": history[-MAX_ANCESTRY:]}
    return out


def bundle_lines(path) -> dict[str, dict]:
    out = {}
    for name, data in read_entries(path).items():
        if name.startswith("records/"):
            table = name[len("records/"):-len(".ndjson")]
            assert data.endswith(b"\n")
            lines = data[:-1].split(b"\n")
            out[table] = {}
            for line in lines:
                pairs = json.loads(line, object_pairs_hook=list)
                assert [k for k, _ in pairs] == sorted(k for k, _ in pairs)   # sorted keys
                out[table][dict(pairs)["id"]] = dict(pairs)
            assert list(out[table]) == sorted(out[table])                      # by id
    return out


def on_file(ws, sql: str, params=()) -> None:
    """Write as sqlite3 on the database file would, outside the app."""
    conn = sqlite3.connect(ws.paths.database, isolation_level=None)
    conn.execute(sql, params)
    conn.close()


@pytest.fixture
def filled(ws, school_id, mini_inspection):
    """A profile with an answered, evidenced inspection whose records were edited many times."""
    for key, value in {"a.samples": "yes", "a.score": "4", "a.rating": "good",
                       "b.fridge": "-0.1", "b.choice": "full", "b.remarks": NASTY,
                       "b.date": "2026-11-30"}.items():
        answers.answer_item(ws, mini_inspection, key, value, note=NASTY)
    evidence.attach_file(ws, mini_inspection, "b.fridge", data=png((9, 9, 9)),
                         filename="证据 \u2028.png")
    for n in range(3):
        schools.edit_school(ws, school_id, address=f"{NASTY} {n}", student_count=n)
    return ws


def test_every_line_is_the_row_as_stored_whatever_it_holds(filled, school_id, tmp_path):
    ws = filled
    other = schools.add_school(ws, name="第二小学").created
    # Values only sqlite3 on the file can store: NUL, the integer extremes, a REAL (SQLite
    # would print 15 digits), text in an integer column, NULLs, a very long text.
    on_file(ws, "update schools set name = ?, student_count = ?, boarding = ?, phone = '', "
                "code = null, principal = ? where id = ?",
            ["nul\x00inside", 2 ** 63 - 1, -2 ** 63, "长" * 100_000, school_id])
    on_file(ws, "update schools set student_count = ?, boarding = 'not a number', "
                "district = '007' where id = ?", [1 / 3, other])
    # More older revs than travel (MAX_ANCESTRY), the current one among them.
    revs = [f"17000000{n:05d}.00000.{ws.profile.device_id}" for n in range(MAX_ANCESTRY + 20)]
    for rev in revs:
        on_file(ws, "insert or ignore into history (table_name, record_id, rev, data) "
                    "values ('schools', ?, ?, '{}')", [school_id, rev])
    path = tmp_path / "all.sibundle"
    export_bundle(ws, path, kind="full")
    want, got = expected_lines(ws), bundle_lines(path)
    assert set(got) == {t for t in SYNCED_TABLES if want[t]}
    for table, by_id in got.items():
        assert {i: typed(r) for i, r in by_id.items()} == \
            {i: typed(r) for i, r in want[table].items()}, table
    school = got["schools"][school_id]
    assert len(school["ancestry"]) == MAX_ANCESTRY and school["ancestry"] == sorted(
        school["ancestry"]) and school["rev"] not in school["ancestry"]
    assert got["schools"][other]["student_count"] == 1 / 3     # every digit of the REAL


def test_sqlite_writes_the_same_bytes_as_pythons_encoder(filled, school_id, tmp_path):
    """Row by row, the line SQLite writes is the line Python's encoder writes from the row
    (the way rows SQLite cannot write are written)."""
    schools.add_teacher(filled, school_id, name=NASTY)
    store = filled.store
    for n in range(MAX_ANCESTRY + 5):        # older revs: the ancestry both ways too
        on_file(filled, "insert into history (table_name, record_id, rev, data) select "
                        "'schools', id, ?, '{}' from schools", [f"1700000{n:06d}.00000.x"])
    by_sqlite, by_python = Lines(store, foreign_keys(store)), Lines(store, foreign_keys(store))
    # A whole table, and a selection (which asks for older revs record by record).
    by_selection = Lines(store, foreign_keys(store))
    for table in SYNCED_TABLES:
        fields = by_sqlite.read(table)
        assert by_python._read_in_python(table, "1", [], by_python._plan(table)[0]) == fields
        assert by_selection.read(table, "t.rev > ?", [""]) == fields
    assert by_sqlite.lines == by_python.lines == by_selection.lines
    line = json.loads(by_sqlite.lines["schools"][school_id])
    assert len(line["ancestry"]) == MAX_ANCESTRY and line["ancestry"][0].startswith("17000")
    assert sum(len(v) for v in by_sqlite.lines.values()) > 10


def test_the_importer_stores_exactly_the_rows_sent(filled, office, tmp_path):
    path = tmp_path / "all.sibundle"
    export_bundle(filled, path, kind="full")
    assert import_bundle(office, path, trust=True)["status"] == "imported"
    for table in ("schools", "inspections", "responses", "attachments"):
        sent = {r["id"]: r for r in filled.store.query(f"select * from [{table}]")}
        held = {r["id"]: r for r in office.store.query(f"select * from [{table}]")}
        assert sent and {i: typed(held[i]) for i in sent} == {i: typed(r) for i, r in
                                                             sent.items()}, table


def test_a_real_in_an_integer_column_is_refused_on_import_as_before(ws, office, school_id,
                                                                   tmp_path):
    on_file(ws, "update schools set student_count = 2.5 where id = ?", [school_id])
    path = tmp_path / "real.sibundle"
    export_bundle(ws, path, kind="full")
    line = read_entries(path)["records/schools.ndjson"]
    assert b'"student_count":2.5' in line
    with pytest.raises(BundleError, match="student_count must be a whole number"):
        import_bundle(office, path, trust=True)


@pytest.mark.parametrize("value, message", [
    (b"\x00\x01", "binary data"),
    (b"\xff\xfe broken", "not UTF-8")])
def test_a_value_no_bundle_can_carry_is_refused_in_one_line(ws, school_id, tmp_path, value,
                                                           message):
    sql = ("update schools set address = ? where id = ?" if message == "binary data" else
           "update schools set address = cast(? as text) where id = ?")
    on_file(ws, sql, [value, school_id])
    path = tmp_path / "b.sibundle"
    with pytest.raises(ValidationError, match=message):
        export_bundle(ws, path, kind="full")
    assert not path.exists() and not list(tmp_path.glob("*.part"))


def test_a_future_rev_put_on_the_file_travels_but_does_not_become_the_mark(ws, school_id,
                                                                           tmp_path):
    """The next "changes" export starts after the greatest rev this clock could have made;
    a rev from the far future (sqlite3 on the file) is still the greatest one exported."""
    from app.sync.export import EXPORTED_UP_TO, LAST_EXPORT
    other = schools.add_school(ws, name="第二小学", district="东区").created
    future = f"9999999999999.00000.{ws.profile.device_id}"
    on_file(ws, "update schools set rev = ? where id = ?", [future, other])
    export_bundle(ws, tmp_path / "b.sibundle", kind="full")
    mine = ws.store.get("schools", school_id)["rev"]
    assert ws.store.setting(EXPORTED_UP_TO) == future
    assert mine <= ws.store.setting(LAST_EXPORT) < future
    schools.edit_school(ws, school_id, phone="110")
    export_bundle(ws, tmp_path / "c.sibundle", kind="changes")
    assert school_id in bundle_lines(tmp_path / "c.sibundle")["schools"]


def test_the_promised_digest_is_records_digest_whatever_the_ids_hold():
    from app.sync.records import digest_lines, lines_digest, records_digest
    rows = {"schools": [{"id": "b", "rev": "2"}, {"id": "a\x01", "rev": "1"},
                        {"id": "a", "rev": "9"}],
            "odd{0}": [{"id": 7, "rev": 1.5}, {"id": "x", "rev": None}]}
    lines = []
    for table, found in rows.items():
        lines += digest_lines(table, [r["id"] for r in found], [r["rev"] for r in found])
    assert lines_digest(lines) == records_digest(rows)


def test_an_evidence_file_missing_from_the_database_is_said_and_nothing_is_written(filled,
                                                                                   tmp_path):
    from app.errors import NotFoundError
    ws = filled
    sha = ws.store.rows("select sha256 from attachments")[0][0]
    on_file(ws, "delete from blobs where sha256 = ?", [sha])
    with pytest.raises(NotFoundError, match=f"No evidence file {sha[:12]}"):
        export_bundle(ws, tmp_path / "b.sibundle", kind="full")
    assert not list(tmp_path.glob("b.sibundle*"))
