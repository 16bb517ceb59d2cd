"""The database: migrations, one write path, history for merges, errors a user can act on."""

import sqlite3

import pytest
import sqlite_utils

from app.errors import DatabaseError
from app.storage.schema import migrations
from app.storage.store import Store


def test_a_new_database_uses_wal_and_foreign_keys(tmp_path):
    store = Store(tmp_path / "db.sqlite", device_id="dev")
    assert store.scalar("PRAGMA journal_mode") == "wal"
    assert store.scalar("PRAGMA foreign_keys") == 1
    with pytest.raises(DatabaseError):
        with store.atomic():
            store.insert("teachers", {"school_id": "nowhere", "name": "王老师"})
    assert store.scalar("select count(*) from teachers") == 0


def test_an_older_database_is_upgraded_in_place_keeping_its_data(tmp_path):
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(str(path))
    migrations.apply(old, stop_before="m002_attachment_taken_at")
    old["schools"].insert({"id": "s1", "rev": "r", "device_id": "d", "name": "一中"})
    old.close()
    store = Store(path, device_id="dev")
    assert "m002_attachment_taken_at" in store.schema_version
    assert "taken_at" in store.db["attachments"].columns_dict
    assert store.get("schools", "s1")["name"] == "一中"


def test_a_database_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "new.db"
    Store(path, device_id="dev").close()
    db = sqlite_utils.Database(str(path))
    db["_sqlite_migrations"].insert({"migration_set": "school_inspect",
                                     "name": "m999_future", "applied_at": "2030"})
    db.close()
    with pytest.raises(DatabaseError, match="newer version"):
        Store(path, device_id="dev")


def test_a_file_that_is_not_a_database_is_refused_unchanged(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database" * 100)
    with pytest.raises(DatabaseError, match="damaged"):
        Store(path, device_id="dev")
    assert path.read_bytes().startswith(b"these are my notes")


def test_updates_get_a_new_rev_and_keep_the_old_version(tmp_path):
    store = Store(tmp_path / "db.sqlite", device_id="dev")
    with store.atomic():
        first = store.insert("schools", {"name": "一中"})
        second = store.update("schools", first["id"], {"name": "第一中学"})
    assert second["base_rev"] == first["rev"] and second["rev"] > first["rev"]
    assert store.version("schools", first["id"], first["rev"])["name"] == "一中"
    assert store.update("schools", first["id"], {"name": "第一中学"}) is None


def test_a_failure_inside_a_transaction_leaves_nothing_behind(tmp_path):
    store = Store(tmp_path / "db.sqlite", device_id="dev")
    with pytest.raises(RuntimeError):
        with store.atomic():
            store.insert("schools", {"name": "一中"})
            raise RuntimeError("power cut")
    assert store.scalar("select count(*) from schools") == 0


def test_a_full_disk_is_a_clear_error_and_loses_nothing(tmp_path):
    store = Store(tmp_path / "db.sqlite", device_id="dev")
    with store.atomic():
        store.insert("schools", {"name": "一中"})
    pages = store.scalar("PRAGMA page_count")
    store.db.execute(f"PRAGMA max_page_count = {pages + 2}")
    with pytest.raises(DatabaseError, match="disk is full"):
        with store.atomic():
            for n in range(2000):
                store.insert("schools", {"name": f"学校{n}", "address": "路" * 500})
    assert [r["name"] for r in store.query("select name from schools")] == ["一中"]


def test_sqlite_errors_become_messages_that_say_what_to_do():
    from app.storage.store import translate_sqlite_error
    locked = translate_sqlite_error(sqlite3.OperationalError("database is locked"))
    assert "another program" in str(locked)
    readonly = translate_sqlite_error(sqlite3.OperationalError("attempt to write a readonly database"))
    assert "read-only" in str(readonly)


def test_the_change_mark_moves_with_any_write_and_only_then(tmp_path):
    """Caches of query results (the list's count) are kept while the mark stands still."""
    store = Store(tmp_path / "db.sqlite", device_id="dev")
    mark = store.change_mark()
    store.query("select * from schools")
    assert store.change_mark() == mark                       # a read changes nothing
    with store.atomic():
        store.insert("schools", {"name": "一中"})
    assert store.change_mark() != mark                       # this connection wrote
    mark = store.change_mark()
    other = sqlite3.connect(tmp_path / "db.sqlite")         # another process, sqlite3
    with other:
        other.execute("update schools set name = '二中'")
    other.close()
    assert store.change_mark() != mark
