"""Every foreign key's column leads an index (migration m020_import_stream): with foreign
keys deferred, as an import defers them, SQLite looks for the rows referring to each record
inserted once any reference waits for its record, and deleting a record looks the same way;
without an index each look is a scan of the whole referring table (an import of 10,000
inspections spent 15 s so, growing with the square of their number)."""

import sqlite_utils

from app.storage.schema import migrations
from app.storage.store import Store


def _unindexed(db) -> list[tuple[str, str]]:
    found = []
    for table in db.table_names():
        leading = {index.columns[0] for index in db[table].indexes if index.columns}
        for fk in db[table].foreign_keys:
            if fk.column not in leading and [fk.column] != db[table].pks:
                found.append((table, fk.column))
    return found


def test_every_foreign_key_column_of_a_new_database_leads_an_index(tmp_path):
    store = Store(tmp_path / "db.sqlite", device_id="dev")
    assert store.db["inspections"].foreign_keys        # there is something to check
    assert _unindexed(store.db) == []


def test_an_older_database_gets_the_indexes_and_keeps_its_data(tmp_path):
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(str(path))
    migrations.apply(old, stop_before="m020_import_stream")
    assert ("inspections", "follow_up_of") in _unindexed(old)
    old["schools"].insert({"id": "s1", "rev": "r", "device_id": "d", "name": "一中"})
    old.close()
    store = Store(path, device_id="dev")
    assert _unindexed(store.db) == []
    assert store.get("schools", "s1")["name"] == "一中"


def test_a_scan_for_referring_inspections_uses_an_index(tmp_path):
    """What SQLite runs for a deferred foreign key when an inspection is inserted."""
    store = Store(tmp_path / "db.sqlite", device_id="dev")
    for column in ("follow_up_of", "self_assessment_id", "teacher_id"):
        plan = " ".join(row[3] for row in store.db.conn.execute(
            f"explain query plan select 1 from inspections where {column} = ?", ["x"]))
        assert "USING" in plan and "INDEX" in plan, (column, plan)
