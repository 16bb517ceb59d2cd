"""A whole-profile export is made from columns and tuples, its files taken early in the
background (app/sync/export_lines.py, records_files.py): whatever the shortcuts, the bundle
must hold exactly what a plain reading of the database gives — every record once, in the
clear or sealed, as its line of JSON, files in id order, the promised digest and counts of the
clear records — and two exports of the same database must be the same bytes."""

import datetime as dt
import json
import shutil
import sqlite3
import time
import uuid

import pytest

from app.clock import FixedClock
from app.services.demo import generate_demo
from app.storage.tables import SYNCED_TABLES
from app.sync import confidential
from app.sync.export import export_bundle
from app.sync.records import MAX_ANCESTRY, records_digest
from app.workspace import Workspace
from tests.app.sync.helpers import read_entries

SEALED = b"SEALED-FOR-THE-TEST\n"


def plain_lines(ws) -> dict[str, dict[str, bytes]]:
    """{table: {id: line}} of every record, read row by row and encoded by Python's json."""
    store, out = ws.store, {}
    for table in SYNCED_TABLES:
        out[table] = {}
        for row in store.query(f"select * from [{table}]"):
            older = [r["rev"] for r in store.query(
                "select rev from history where table_name = ? and record_id = ? order by rev",
                [table, row["id"]]) if r["rev"] != row["rev"]]
            out[table][row["id"]] = json.dumps(
                {**row, "ancestry": older[-MAX_ANCESTRY:]}, ensure_ascii=False,
                sort_keys=True, separators=(",", ":")).encode()
    return out


@pytest.fixture
def fixed(monkeypatch):
    """What makes two bundles differ by design held still: bundle id, zip entry times, the
    profile's clock; envelopes carry their plain payload (sealing draws random keys)."""
    monkeypatch.setattr(uuid, "uuid4", lambda: uuid.UUID(int=7))
    monkeypatch.setattr(time, "time", lambda: 1_790_000_000.0)
    monkeypatch.setattr(confidential, "seal", lambda plain, readers, aad: SEALED + plain)

    def export(ws, path, **kw):
        ws.store.clock = FixedClock(dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc))
        return export_bundle(ws, path, kind="full", **kw)
    return export


@pytest.fixture
def demo(make_workspace, tmp_path):
    """A demo profile (teacher-ethics evaluations with actions and events among its visits)
    with records whose ids sort otherwise than they were written, one holding characters
    below the tab, and one an integer column holding a REAL."""
    ws = make_workspace("demo")
    ws.set_identity(name="督学甲", role="inspector")
    generate_demo(ws, schools=3, inspections=16, seed=5)
    conn = sqlite3.connect(ws.paths.database, isolation_level=None)
    conn.execute("update schools set student_count = 0.1 where id = (select min(id) from "
                 "schools)")
    conn.execute("insert into teachers (id, rev, device_id, deleted, school_id, name) select "
                 "'0\x01low', rev, device_id, 0, school_id, 'x' from teachers limit 1")
    conn.close()
    export_bundle(ws, tmp_path / "first.sibundle", kind="full")   # its encryption key made
    return ws


def test_the_bundle_holds_every_record_once_as_a_plain_read_gives_it(demo, fixed, tmp_path):
    path = tmp_path / "b.sibundle"
    summary = fixed(demo, path)
    entries = read_entries(path)
    want = plain_lines(demo)
    sealed: dict[str, list[bytes]] = {}
    assert summary["confidential"], "the demo must seal something for this test to check"
    for name, data in entries.items():
        if name.startswith(confidential.PREFIX):
            assert data.startswith(SEALED)
            payload = json.loads(data[len(SEALED):])
            for table, records in payload["records"].items():
                ids = [r["id"] for r in records]
                assert ids == sorted(ids)
                # The payload's records are the lines themselves, byte for byte.
                assert (f'"{table}":['.encode() + b",".join(want[table][i] for i in ids)
                        + b"]") in data
                sealed.setdefault(table, []).extend(ids)
    manifest = json.loads(entries["manifest.json"])
    clear = {}
    for table in SYNCED_TABLES:
        secret = set(sealed.get(table, ()))
        assert len(secret) == len(sealed.get(table, ())) and secret <= set(want[table])
        clear[table] = sorted(set(want[table]) - secret)
        name = f"records/{table}.ndjson"
        if clear[table]:
            assert entries[name] == b"".join(want[table][i] + b"\n" for i in clear[table])
        else:
            assert name not in entries
    assert manifest["counts"] == {t: len(ids) for t, ids in clear.items() if ids}
    revs = {t: {i: json.loads(want[t][i])["rev"] for i in ids} for t, ids in clear.items()}
    assert manifest["records_sha256"] == records_digest(
        {t: [{"id": i, "rev": r} for i, r in by_id.items()] for t, by_id in revs.items()})
    listed = {f["path"]: f for f in manifest["files"]}
    assert set(listed) == set(entries) - {"manifest.json", "manifest.sig"}
    for name, entry in listed.items():
        assert entry["size"] == len(entries[name])
    assert "0\x01low" in clear["teachers"]


def test_two_exports_of_the_same_database_are_the_same_bytes(demo, fixed, tmp_path):
    demo.close()
    shutil.copytree(demo.paths.home, tmp_path / "copy")
    first, second = Workspace.open(demo.paths.home), Workspace.open(tmp_path / "copy")
    try:
        fixed(first, tmp_path / "a.sibundle")
        fixed(second, tmp_path / "b.sibundle")
    finally:
        first.close()
        second.close()
    assert (tmp_path / "a.sibundle").read_bytes() == (tmp_path / "b.sibundle").read_bytes()
