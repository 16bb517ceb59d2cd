"""An import writes its new records in bulk with the stored-score trigger on insert set
aside, and marks the same inspections itself (`scores.marked_in_bulk`). The invariant the
triggers keep — a stored score is stale, whatever path writes — must hold exactly as before:
the same marks and score rows as row-by-row triggers, and no other connection ever sees a
table without its trigger (they are dropped and put back inside the import's transaction)."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager

import pytest

from app.errors import BundleError, DatabaseError
from app.services.answers import answer_item
from app.services.demo import generate_demo
from app.storage import scores
from app.storage.store import Store
from app.sync.export import export_bundle
from app.sync.importer import import_bundle


@contextmanager
def _triggers_fire(conn, table, inspection_ids):
    yield                       # the trigger stays: each row marks as it is inserted


def _marks(store) -> tuple:
    """score_dirty and inspection_scores as sorted lists (NULL keys included)."""
    key = (lambda row: (row[0] is None, row[0] or "", row))
    return (sorted(store.rows("select inspection_id from score_dirty"), key=key),
            sorted(store.rows("select * from inspection_scores"), key=key))


def _triggers(conn) -> list:
    return conn.execute("select name, tbl_name, sql from sqlite_master where type = 'trigger' "
                        "order by name").fetchall()


def _before_refresh(monkeypatch, seen: dict):
    """Record each receiver's marks as the import leaves them for its rescoring."""
    real = Store.refresh_scores

    def recording(self, *args, **kwargs):
        seen.setdefault(str(self.path), []).append(_marks(self))
        return real(self, *args, **kwargs)
    monkeypatch.setattr(Store, "refresh_scores", recording)


def test_an_import_marks_what_the_triggers_mark(ws, mini_inspection, make_workspace,
                                                 tmp_path, monkeypatch):
    generate_demo(ws, schools=3, inspections=12, seed=3)
    bulk, by_row = make_workspace("bulk"), make_workspace("by-row")
    seen: dict = {}
    _before_refresh(monkeypatch, seen)

    def import_into_both(kind):
        bundle = tmp_path / f"{kind}.sibundle"
        export_bundle(ws, bundle, kind=kind)
        import_bundle(bulk, bundle, trust=True)
        with monkeypatch.context() as patch:
            patch.setattr(scores, "marked_in_bulk", _triggers_fire)
            import_bundle(by_row, bundle, trust=True)

    import_into_both("full")        # new inspections with their answers and evidence
    answer_item(ws, mini_inspection, "a.score", 4)      # new answers of a held inspection
    answer_item(ws, mini_inspection, "a.samples", "no")
    import_into_both("changes")
    ours, theirs = seen[str(bulk.store.path)], seen[str(by_row.store.path)]
    assert len(ours) == len(theirs) == 2
    assert ours == theirs
    assert len(ours[0][0]) >= 12 and (mini_inspection,) in ours[1][0]
    assert _marks(bulk.store) == _marks(by_row.store)
    assert bulk.store.scalar("select count(*) from score_dirty") == 0     # all rescored
    assert _triggers(bulk.store.conn) == _triggers(by_row.store.conn)


def _response(ws, inspection_id, item_key, n) -> tuple:
    rev = ws.store.next_rev()
    return (f"r-{n}", rev, None, ws.store.device_id, 0, inspection_id, item_key, None)


COLUMNS = ["id", "rev", "base_rev", "device_id", "deleted", "inspection_id", "item_key",
           "value"]


def _write_and_look(ws, rows, monkeypatch, *, by_row: bool) -> tuple:
    with monkeypatch.context() as patch:
        if by_row:
            patch.setattr(scores, "marked_in_bulk", _triggers_fire)
        with pytest.raises(RuntimeError), ws.store.atomic():
            ws.store.write_rows("responses", COLUMNS, rows)
            looked = _marks(ws.store)
            raise RuntimeError("roll back")
    return looked


def test_bulk_marks_equal_the_triggers_row_by_row(ws, mini_inspection, monkeypatch):
    """Repeated inspections, a row naming none (the trigger marks a NULL key per row)."""
    rows = [_response(ws, mini_inspection, "a.score", 1),
            _response(ws, None, "a.score", 2), _response(ws, None, "a.score", 3),
            _response(ws, mini_inspection, "a.samples", 4)]
    before = _marks(ws.store)
    bulk = _write_and_look(ws, rows, monkeypatch, by_row=False)
    assert _marks(ws.store) == before                # rolled back, marks and all
    assert bulk == _write_and_look(ws, rows, monkeypatch, by_row=True)
    assert bulk[0].count((None,)) == 2 and (mini_inspection,) in bulk[0]


def _insert_and_look(ws, table, rows, monkeypatch, *, by_row: bool) -> tuple:
    """`Store.insert_rows` (the demo's bulk writer), rolled back; the marks it left."""
    with monkeypatch.context() as patch:
        if by_row:
            patch.setattr(scores, "marked_in_bulk", _triggers_fire)
        with pytest.raises(RuntimeError), ws.store.atomic():
            ws.store.insert_rows(table, rows)
            looked = _marks(ws.store), _triggers(ws.store.conn)
            raise RuntimeError("roll back")
    return looked


def test_the_demo_bulk_writer_marks_what_the_triggers_mark(ws, mini_inspection, monkeypatch):
    """Rows of two shapes (one executemany each), repeated inspections, a row naming none,
    a new inspection (its empty score row too); the triggers are back afterwards."""
    before = _triggers(ws.store.conn)
    with ws.store.atomic():
        ws.store.refresh_scores()
    responses = [dict(zip(COLUMNS, _response(ws, inspection_id, key, n)))
                 for n, (inspection_id, key) in enumerate(
                     ((mini_inspection, "a.score"), (None, "a.score"), (None, "a.samples"),
                      (mini_inspection, "a.samples")))]
    responses[-1]["note"] = "two shapes"
    inspection = {**ws.store.get("inspections", mini_inspection), "id": "i-new",
                  "rev": ws.store.next_rev()}
    for table, rows in (("responses", responses), ("inspections", [inspection])):
        bulk = _insert_and_look(ws, table, rows, monkeypatch, by_row=False)
        assert bulk == _insert_and_look(ws, table, rows, monkeypatch, by_row=True), table
        assert bulk[1] == before and _triggers(ws.store.conn) == before
    assert ("i-new",) in bulk[0][0] and any(r[0] == "i-new" for r in bulk[0][1])


def test_no_other_connection_sees_a_table_without_its_trigger(ws, mini_inspection,
                                                              monkeypatch):
    other = sqlite3.connect(ws.store.path)
    before = _triggers(other)
    during = []
    real = scores.marked_in_bulk

    @contextmanager
    def watching(conn, table, inspection_ids):
        with real(conn, table, inspection_ids):
            during.append((_triggers(other), _triggers(conn)))
            yield
    monkeypatch.setattr(scores, "marked_in_bulk", watching)
    with ws.store.atomic():
        ws.store.write_rows("responses", COLUMNS, [_response(ws, mini_inspection, "a.score", 1)])
    (seen_by_other, seen_by_us), = during
    assert seen_by_other == before                   # the other connection: unchanged
    assert "responses_score_insert" not in {t[0] for t in seen_by_us}   # we: set aside
    assert _triggers(other) == _triggers(ws.store.conn) == before       # and back
    # A writer behind the app's back is still marked by the trigger.
    with ws.store.atomic():
        ws.store.refresh_scores()
    other.execute("update responses set value = '3' where id = 'r-1'")
    other.commit()
    assert ws.store.scalar("select count(*) from score_dirty where inspection_id = ?",
                           [mini_inspection]) == 1
    other.close()


def test_a_failed_bulk_insert_keeps_the_trigger_and_marks(ws, mini_inspection):
    before = _triggers(ws.store.conn)
    with ws.store.atomic():
        ws.store.refresh_scores()
    row = _response(ws, mini_inspection, "a.score", 1)
    with pytest.raises(DatabaseError), ws.store.atomic():
        ws.store.write_rows("responses", COLUMNS, [row, row])      # the same id twice
    assert _triggers(ws.store.conn) == before
    assert ws.store.scalar("select count(*) from responses where id = 'r-1'") == 0
    # Caught inside the transaction (a nested level undone alone): the first row stays,
    # and so do the trigger and the mark the trigger would have made for it.
    with ws.store.atomic():
        with pytest.raises(DatabaseError), ws.store.atomic():
            ws.store.write_rows("responses", COLUMNS, [row, row])
        ws.store.write_rows("responses", COLUMNS, [row])
        assert _triggers(ws.store.conn) == before
    assert ws.store.scalar("select count(*) from score_dirty where inspection_id = ?",
                           [mini_inspection]) == 1


def test_a_changed_trigger_is_left_to_fire(ws, mini_inspection):
    """Only the trigger text this code mirrors is set aside; another text keeps firing."""
    conn = ws.store.conn
    with ws.store.atomic():
        conn.execute("drop trigger responses_score_insert")
        conn.execute("create trigger responses_score_insert after insert on responses begin "
                     "insert or ignore into score_dirty (inspection_id) values "
                     "('changed:' || new.inspection_id); end")
        ws.store.refresh_scores()
    with ws.store.atomic():
        ws.store.write_rows("responses", COLUMNS, [_response(ws, mini_inspection, "a.score", 1)])
    assert ws.store.rows("select inspection_id from score_dirty") == [
        (f"changed:{mini_inspection}",)]


def test_an_import_leaves_the_connection_settings_as_they_were(ws, mini_inspection,
                                                               make_workspace, tmp_path):
    """The import's larger page cache and in-memory statement journals (`bulk_cache`) last
    for its transaction only, whether it commits or is refused."""
    receiver = make_workspace("receiver")

    def settings():
        return [receiver.store.scalar(f"PRAGMA {name}") for name in ("cache_size",
                                                                     "temp_store")]
    before = settings()
    bundle = tmp_path / "full.sibundle"
    export_bundle(ws, bundle, kind="full")
    import_bundle(receiver, bundle, trust=True)
    assert settings() == before
    bundle.write_bytes(bundle.read_bytes()[:-40])                  # damaged: refused
    with pytest.raises(BundleError):
        import_bundle(receiver, bundle, trust=True)
    assert settings() == before
