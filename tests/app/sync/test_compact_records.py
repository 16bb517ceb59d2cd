"""An import holds a bundle's records compactly and its evidence files not at all
(app/sync/record_table.py, app/sync/bundle_blobs.py): every check still sees each record
exactly as it was read, and an evidence file is read again, and checked again, when it is
written — a file changed in place after the checks refuses the import and leaves the
database as it was."""

import hashlib
import json
import zipfile

import pytest

from app.errors import BundleError
from app.sync import importer
from app.sync.reader import read_bundle
from app.sync.record_table import RecordTable, Strings
from app.sync.records import digest_lines, lines_digest, records_digest, schema_of
from tests.app.sync.helpers import digest

ROWS = [
    {"id": "a", "rev": "r1", "school_id": "s1", "note": None, "score": 1, "ancestry": ["r0"]},
    {"id": "b", "school_id": "s1", "rev": "r2", "score": 1.0, "deleted": 0},
    {"rev": "r3", "id": "c", "flag": True, "weight": -0.0, "school_id": "s2"},
]


def _table(rows=ROWS) -> RecordTable:
    return RecordTable([json.loads(json.dumps(r)) for r in rows], Strings())


def test_records_come_back_with_their_own_keys_order_and_values():
    table = _table()
    back = list(table)
    assert back == ROWS and len(table) == 3
    assert [list(r) for r in back] == [list(r) for r in ROWS]      # order, absent keys
    assert "note" not in back[1] and table[1] == ROWS[1] and table[-1] == ROWS[-1]


def test_numbers_are_kept_as_they_were_read():
    """1, 1.0 and True are equal dict keys, as are 0.0 and -0.0: only texts are shared."""
    back = list(_table())
    assert type(back[0]["score"]) is int and type(back[1]["score"]) is float
    assert back[2]["flag"] is True and str(back[2]["weight"]) == "-0.0"


def test_a_record_handed_out_cannot_change_the_table():
    table = _table()
    first = table[0]
    first["school_id"] = "elsewhere"
    del first["rev"]
    assert table[0]["rev"] == "r1" and table[0]["school_id"] == "s1"


def test_repeated_texts_are_one_object_and_columns_read_without_records():
    table = _table()
    assert table[0]["school_id"] is table[1]["school_id"]
    assert table.column("school_id") == ["s1", "s1", "s2"]
    assert table.column("note") == [None, None, None]           # absent reads as None
    assert table.column("ancestry") == [["r0"], None, None]


def test_the_view_finds_records_by_id():
    view = _table().view()
    assert "b" in view and "z" not in view and len(view) == 3
    assert view.get("c") == ROWS[2] and view.get("z") is None and view.get("z", 5) == 5


@pytest.mark.parametrize("ids", [
    ["x", "xy", "x y", "x!", "a b", "é", "", "x", "y"],        # prefixes; a repeated id
    ["x", "x\t", "x\x01", "x\ty", "a b", "é", "x\n", ""],      # characters below the tab
    [1, "1", None],                                           # not even texts
])
def test_the_digest_is_that_of_one_sort_of_every_line(ids):
    """A table's lines sort together (names of letters and underscores): the digest taken a
    table at a time equals the one of all lines sorted at once, whatever the ids hold."""
    records = {t: [{"id": i, "rev": f"{(n * 7) % 5}"} for n, i in enumerate(ids)]
               for t in ("actions", "action", "action_events", "a_")}

    def spec(records):
        lines = sorted(f"{t}\t{r['id']}\t{r['rev']}" for t, rows in records.items()
                       for r in rows)
        return hashlib.sha256("\n".join(lines).encode()).hexdigest()
    assert records_digest(records) == spec(records)
    assert records_digest({t: RecordTable(rows) for t, rows in records.items()}) == \
        spec(records)
    exported = lines_digest(line for t, rows in records.items() for line in digest_lines(
        t, [r["id"] for r in rows], [r["rev"] for r in rows]))      # as export.py makes it
    assert exported == spec(records)
    odd = {"Odd\x01": records["a_"], **records}
    assert records_digest(odd) == spec(odd)
    assert records_digest({}) == hashlib.sha256(b"").hexdigest()


def test_a_read_bundle_holds_every_record_as_its_line_says(office, demo_bundle):
    with zipfile.ZipFile(demo_bundle) as archive:
        lines = {n[len("records/"):-len(".ndjson")]: [json.loads(x) for x in
                                                       archive.read(n).splitlines()]
                 for n in archive.namelist() if n.startswith("records/")}
    with read_bundle(demo_bundle, schema_of(office.store)) as bundle:
        assert {t: list(rows) for t, rows in bundle.records.items()} == lines
        answers = bundle.records["responses"]
        by_inspection = {}
        for row in answers:
            by_inspection.setdefault(row["inspection_id"], []).append(row["inspection_id"])
        shared = [texts for texts in by_inspection.values() if len(texts) > 1]
        assert shared and all(t is texts[0] for texts in shared for t in texts)


def _stored_photos(path) -> list[tuple[int, bytes]]:
    """(offset in the file, bytes) of each stored (uncompressed) evidence file."""
    found = []
    with zipfile.ZipFile(path) as archive:
        data = path.read_bytes()
        for info in archive.infolist():
            if info.filename.startswith("attachments/") and info.file_size > 16:
                assert info.compress_type == zipfile.ZIP_STORED
                content = archive.read(info)
                found.append((data.index(content, info.header_offset), content))
    return found


def test_evidence_changed_in_place_after_the_checks_refuses_the_import(office, demo_bundle,
                                                                       monkeypatch):
    """The evidence files are changed in the bundle's file once every check passed: their
    bytes were not kept, so the import reads them again, sees the change, and rolls back
    what it had written (the sender's device)."""
    photos = _stored_photos(demo_bundle)
    assert len(photos) > 1
    original = importer.read_bundle

    def read_then_change(path, schema, limits):
        bundle = original(path, schema, limits)
        with open(path, "r+b") as handle:
            for offset, content in photos:
                handle.seek(offset + len(content) // 2)
                handle.write(bytes([content[len(content) // 2] ^ 0xFF]))
        return bundle
    before = digest(office)
    monkeypatch.setattr(importer, "read_bundle", read_then_change)
    with pytest.raises(BundleError, match="evidence file"):
        importer.import_bundle(office, demo_bundle, trust=True)
    assert digest(office) == before
    assert office.store.scalar("select count(*) from blobs") == 0
    monkeypatch.undo()
    with open(demo_bundle, "r+b") as handle:          # put the bytes back: now it imports
        for offset, content in photos:
            handle.seek(offset)
            handle.write(content)
    result = importer.import_bundle(office, demo_bundle, trust=True)
    assert result["status"] == "imported"
    assert office.store.scalar("select count(*) from blobs") >= len(photos)
