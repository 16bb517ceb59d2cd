"""An import writes a table's records grouped by their parent (an inspection's answers,
evidence, actions and sign-offs together; an action's events), where a bundle lists them by
id: what reads them by parent then touches a page or two instead of one page per record.
The order changes no outcome, and the post-import check still finds every record, names the
first missing one in bundle order, and does not refuse a record it finds only by id."""

import json

import pytest

from app.errors import BundleError
from app.sync import importer
from app.sync.importer import import_bundle
from app.sync.reader import read_bundle
from app.sync.record_table import RecordTable, Strings
from app.sync.records import schema_of
from tests.app.sync.helpers import digest

ROWS = [
    {"id": "a", "rev": "r1", "inspection_id": "i2"},
    {"id": "b", "rev": "r2", "inspection_id": None},
    {"id": "c", "rev": "r3", "inspection_id": "i1", "note": "x"},
    {"id": "d", "rev": "r4"},
    {"id": "e", "rev": "r5", "inspection_id": "i2"},
    {"id": "f", "rev": "r6", "inspection_id": "i1"},
]


def test_records_grouped_by_a_column_keep_the_bundle_order_within_a_group():
    table = RecordTable([dict(r) for r in ROWS], Strings())
    grouped = table.grouped_by("inspection_id")
    # Absent and null first, as "", then i1's and i2's records, each in bundle order.
    assert [r["id"] for r in grouped] == ["b", "d", "c", "f", "a", "e"]
    assert list(grouped) == [ROWS[n] for n in (1, 3, 2, 5, 0, 4)]     # keys and values as read
    assert grouped[-1] == ROWS[4] and len(grouped) == len(table)
    assert list(table) == ROWS                                          # the table is unchanged


def test_values_that_do_not_sort_together_keep_the_bundle_order():
    table = RecordTable([{"id": "a", "k": "x"}, {"id": "b", "k": 1}, {"id": "c", "k": "a"}])
    assert [r["id"] for r in table.grouped_by("k")] == ["a", "b", "c"]


def _bundle_lines(office, path, table: str) -> list[dict]:
    with read_bundle(path, schema_of(office.store)) as bundle:
        return list(bundle.records[table])


def test_an_inspections_answers_are_stored_together(office, demo_bundle):
    lines = _bundle_lines(office, demo_bundle, "responses")
    inspections = [r["inspection_id"] for r in lines]
    # The bundle interleaves inspections (answers are listed by id) ...
    assert inspections != sorted(inspections)
    import_bundle(office, demo_bundle, trust=True)
    stored = office.store.rows("select inspection_id, rowid from responses order by rowid")
    assert len(stored) == len(lines)
    # ... the database holds each inspection's answers in one run of rows.
    runs = [inspection for n, (inspection, _rowid) in enumerate(stored)
            if n == 0 or stored[n - 1][0] != inspection]
    assert len(runs) == len(set(runs)) == len(set(inspections))


def test_the_write_order_changes_no_outcome(make_workspace, demo_bundle, monkeypatch):
    grouped = make_workspace("grouped")
    grouped.set_identity(name="区督导室王主任", role="admin")
    result = import_bundle(grouped, demo_bundle, trust=True)
    monkeypatch.setattr(importer, "_write_order", lambda table, rows: rows)
    listed = make_workspace("listed")
    listed.set_identity(name="区督导室王主任", role="admin")
    assert import_bundle(listed, demo_bundle, trust=True)["tables"] == result["tables"]
    assert digest(grouped) == digest(listed)
    scores = "select * from inspection_scores order by inspection_id"
    assert grouped.store.rows(scores) == listed.store.rows(scores)


def test_the_check_names_the_first_missing_record_in_bundle_order(office, demo_bundle,
                                                                  monkeypatch):
    lines = _bundle_lines(office, demo_bundle, "responses")
    first, later = lines[3], lines[-2]
    assert first["inspection_id"] > later["inspection_id"]   # written after it
    original = importer.merge_records

    def loses_two(ctx, table, records):
        yield from original(ctx, table, records)
        if table == "responses":
            for gone in (first, later):
                ctx.store.db.execute("delete from responses where id = ?", [gone["id"]])
    monkeypatch.setattr(importer, "merge_records", loses_two)
    before = digest(office)
    with pytest.raises(BundleError, match=f"Import check failed: responses {first['id']} "):
        import_bundle(office, demo_bundle, trust=True)
    assert digest(office) == before


def test_a_record_held_under_another_parent_is_still_accounted_for(office, demo_bundle):
    """The check reads records by parent first; one held here with the same id and rev
    but no parent (written outside the app) is found by its id, as before."""
    record = _bundle_lines(office, demo_bundle, "signatures")[0]
    held = {**{k: v for k, v in record.items() if k != "ancestry"}, "inspection_id": None}
    conn = office.store.db.conn
    conn.execute("PRAGMA foreign_keys = OFF")   # its drawing arrives with the bundle
    conn.execute(
        f"insert into signatures ({', '.join(held)}) values ({', '.join('?' * len(held))})",
        list(held.values()))
    conn.commit()
    conn.execute("PRAGMA foreign_keys = ON")
    result = import_bundle(office, demo_bundle, trust=True)
    assert result["tables"]["signatures"]["unchanged"] == 1
    assert office.store.get("signatures", record["id"])["inspection_id"] is None
    assert json.loads(office.store.scalar(
        "select summary from imported_bundles"))["signatures"]["unchanged"] == 1
