"""The one write path: a `Store` owns the SQLite connection and every synced write.

Every mutation runs inside `Store.atomic()` (a BEGIN IMMEDIATE transaction, savepoints when
nested), so nothing half-written ever reaches the file. Synced rows get a fresh HLC rev, their
previous rev as `base_rev`, and the previous version is kept in `history` for three-way merges.
Rows that never travel (bookkeeping, scores, blobs, settings) are in `app/storage/local.py`;
SQLite's errors become messages in `app/storage/sqlerrors.py`.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

from app.clock import HybridLogicalClock, WallClock
from app.domain.limits import check_fields
from app.errors import DatabaseError, NotFoundError
from app.storage import bulk, introspect
from app.storage.local import LocalRows
from app.storage.schema import MIGRATIONS_TABLE, known_migration_names, migrations
from app.storage.sqlerrors import db_errors, translate_sqlite_error
from app.storage.tables import (HLC_SETTING, SYNC_META, SYNCED_TABLES,  # noqa: F401 (re-exported)
                                cell_value)

_JSON_TYPES = frozenset((dict, list, tuple))
_SAVEPOINTS = itertools.count(1)   # names of nested `atomic` levels, unique in a process


def _random_id() -> str:
    import uuid  # with the first new record, not at every start
    return str(uuid.uuid4())


class Store(LocalRows):
    """A profile's database."""

    def __init__(self, path: Path | str, *, device_id: str, clock: WallClock | None = None,
                 connection=None):
        """`connection`: an already opened (e.g. SQLCipher, keyed) DB-API connection."""
        self.path = Path(path)
        self.device_id = device_id
        self.clock = clock or WallClock()
        self.id_factory = _random_id
        # Set by the workspace: log every synced write in the audit chain, and sign its heads
        # with the device key (app/security/audit.py); a bare Store logs nothing.
        self.write_log: Callable[[str, str, str, list], None] | None = None
        self.audit_signer: Callable[[bytes], bytes] | None = None
        self._db = None
        self._primary_keys: dict[str, str] = {}   # by table; a migration never changes one
        try:
            # Plain sqlite3 (or the given SQLCipher connection): sqlite-utils, an eighth of
            # the time to the first painted list, is loaded only when a migration or one of
            # its features is needed (`db`).
            self.conn = connection or sqlite3.connect(str(self.path))
            self._configure()
            self._migrate()
        except db_errors() as exc:
            raise translate_sqlite_error(exc) from exc
        self.hlc = HybridLogicalClock(device_id, self.clock.ms, self.setting(HLC_SETTING))

    @property
    def db(self):
        """The sqlite-utils `Database` over this store's connection, made on first use:
        schema work (migrations, table introspection) and a few bookkeeping writes."""
        if self._db is None:
            from app.storage import load_sqlite_utils
            # recursive_triggers is set by _configure, as sqlite-utils would have done.
            self._db = load_sqlite_utils().Database(self.conn, recursive_triggers=False)
        return self._db

    # -- set-up ---------------------------------------------------------------------------
    def _configure(self) -> None:
        conn = self.conn
        conn.execute("PRAGMA recursive_triggers = on")
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA foreign_keys = ON")
        if str(self.path) != ":memory:" and \
                conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            level, conn.isolation_level = conn.isolation_level, None
            try:
                conn.execute("PRAGMA journal_mode = wal")
            finally:
                conn.isolation_level = level
        # FULL makes a commit durable in WAL mode too: an inspector's answers survive a crash.
        conn.execute("PRAGMA synchronous = FULL")

    def _migrate(self) -> None:
        applied = set(self._applied_migrations())
        known = set(known_migration_names())
        unknown = applied - known
        if unknown:
            raise DatabaseError(
                f"This database was written by a newer version of School Inspect "
                f"(schema {sorted(unknown)[-1]}); install the newer version to open it.")
        tables = {r[0] for r in self.conn.execute(
            "select name from sqlite_master where type = 'table'")}
        if not applied and tables - {MIGRATIONS_TABLE}:
            raise DatabaseError(f"{self.path.name} is not a School Inspect database.")
        # Up to date (every start but the first after an upgrade): nothing to apply, and
        # sqlite-utils stays unloaded. Otherwise sqlite-utils applies what is pending (and
        # brings an older layout of its own bookkeeping table up to date).
        if known - applied or not self._migrations_table_current():
            migrations.apply(self.db)

    def _applied_migrations(self) -> list[str]:
        """Names of the migrations this file has applied, read with plain SQL."""
        if not self.conn.execute("select 1 from sqlite_master where type = 'table' and "
                                 "name = ?", [MIGRATIONS_TABLE]).fetchone():
            return []
        return [r[0] for r in self.conn.execute(
            f"select name from [{MIGRATIONS_TABLE}] where migration_set = ? order by rowid",
            [migrations.name])]

    def _migrations_table_current(self) -> bool:
        """sqlite-utils 4 keys its table by `id` (and rebuilds an older one when applying)."""
        return [r[1] for r in self.conn.execute(f"PRAGMA table_info([{MIGRATIONS_TABLE}])")
                if r[5]] == ["id"]

    def checkpoint(self) -> None:
        """Fold the WAL into the database file (before the file is copied or re-keyed)."""
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        self.conn.close()

    @property
    def schema_version(self) -> list[str]:
        return self._applied_migrations()

    # -- transactions ---------------------------------------------------------------------
    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        """A nested level of `atomic`: undone alone if it fails (as sqlite-utils did)."""
        name = f"store_{next(_SAVEPOINTS)}"
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            # An error may already have ended the whole transaction; rolling back to a
            # savepoint that is gone would hide it behind "no such savepoint".
            if self.conn.in_transaction:
                self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                self.conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        self.conn.execute(f"RELEASE SAVEPOINT {name}")

    @contextmanager
    def atomic(self) -> Iterator["Store"]:
        """One write transaction (a savepoint when nested); sqlite errors become
        `DatabaseError`.

        The outermost level begins IMMEDIATE: it takes the write lock up front, waiting up to
        the busy timeout for another writer to finish. A deferred transaction that reads first
        and then writes cannot wait — SQLite fails the upgrade at once with "database is
        locked" — which is how a concurrent import made answers fail."""
        conn = self.conn
        try:
            if conn.in_transaction:
                with self._savepoint():
                    yield self
                return
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield self
                conn.commit()
            except BaseException:
                conn.rollback()
                raise
        except db_errors() as exc:
            raise translate_sqlite_error(exc, self.path) from exc

    # -- reads ----------------------------------------------------------------------------
    def get(self, table: str, record_id: str) -> dict | None:
        # Straight to sqlite3: on the autosave path sqlite-utils' savepoint per query
        # costs as much as the read itself.
        cursor = self.conn.execute(f"select * from [{table}] where id = ?", [record_id])
        row = cursor.fetchone()
        return None if row is None else dict(zip((c[0] for c in cursor.description), row))

    def get_many(self, table: str, record_ids: list[str]) -> dict[str, dict]:
        """{id: row} of the given records held here, in one query (callers keep the list
        to a few hundred ids)."""
        if not record_ids:
            return {}
        cursor = self.conn.execute(f"select * from [{table}] where id in "
                                   f"({', '.join('?' * len(record_ids))})", record_ids)
        names = [c[0] for c in cursor.description]
        return {row["id"]: row for row in (dict(zip(names, values)) for values in cursor)}

    def require(self, table: str, record_id: str, what: str | None = None) -> dict:
        row = self.get(table, record_id)
        if row is None or row.get("deleted"):
            raise NotFoundError(f"No {what or table[:-1]} with id {record_id}.")
        return row

    def query(self, sql: str, params: Any = ()) -> list[dict]:
        try:
            cursor = self.conn.execute(sql, params)
            keys = [d[0] for d in cursor.description or ()]
            return [dict(zip(keys, row)) for row in cursor]
        except db_errors() as exc:
            raise translate_sqlite_error(exc) from exc

    def rows(self, sql: str, params: Any = ()) -> list[tuple]:
        """Plain tuples, for hot read paths where building dicts costs too much."""
        try:
            return self.conn.execute(sql, params).fetchall()
        except db_errors() as exc:
            raise translate_sqlite_error(exc) from exc

    def change_mark(self) -> tuple[int, int] | None:
        """A value that moves whenever the database may have changed: a commit by another
        connection (another process, a sync, sqlite3 on the file: `data_version`) or a write
        on this one (`total_changes`). For caches of query results; None where the driver
        cannot tell, so that nothing is cached."""
        changes = getattr(self.conn, "total_changes", None)
        if changes is None:
            return None
        return self.conn.execute("pragma data_version").fetchone()[0], changes

    def scalar(self, sql: str, params: Any = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return row[0] if row else None

    # -- synced writes --------------------------------------------------------------------
    def insert(self, table: str, fields: dict, *, record_id: str | None = None) -> dict:
        """A new synced row with a fresh rev; returns it."""
        check_fields(table, fields)
        row = {**fields, "id": record_id or fields.get("id") or self.new_id(),
               "rev": self.next_rev(), "base_rev": None, "device_id": self.device_id,
               "deleted": 0}
        columns = ", ".join(f"[{k}]" for k in row)
        self.conn.execute(f"insert into [{table}] ({columns}) values "
                        f"({', '.join('?' * len(row))})",
                        [cell_value(v) for v in row.values()])
        if self.write_log is not None:
            self.write_log(table, row["id"], row["rev"], list(fields))
        return row

    def update(self, table: str, record_id: str, changes: dict) -> dict | None:
        """Apply changes to a synced row; None when nothing actually changed."""
        check_fields(table, changes)
        current = self.require(table, record_id)
        if all(current.get(k) == v for k, v in changes.items()):
            return None
        self.remember(table, current)
        new = {**current, **changes, "rev": self.next_rev(), "base_rev": current["rev"],
               "device_id": self.device_id}
        keys = (*changes, *SYNC_META)
        self.conn.execute(f"update [{table}] set {', '.join(f'[{k}] = ?' for k in keys)} "
                        "where id = ?",
                        [*(cell_value(new[k]) for k in keys), record_id])
        if self.write_log is not None:
            self.write_log(table, record_id, new["rev"], list(changes))
        return new

    def tombstone(self, table: str, record_id: str) -> dict | None:
        """Deletes travel as tombstones so the other side deletes too."""
        return self.update(table, record_id, {"deleted": 1})

    def purge(self, table: str, record_id: str) -> None:
        """Remove a synced row and its history outright. Only for records that never left
        this device (a mistaken draft): anything that may exist elsewhere is tombstoned."""
        self.conn.execute(f"delete from [{table}] where id = ?", [record_id])
        self.conn.execute("delete from history where table_name = ? and record_id = ?",
                        [table, record_id])

    def remember(self, table: str, row: dict) -> None:
        """Keep a version in history so a later merge can find the common base."""
        self.conn.execute("insert or replace into history (table_name, record_id, rev, data) "
                        "values (?, ?, ?, ?)",
                        [table, row["id"], row["rev"], json.dumps(row, sort_keys=True)])

    def version(self, table: str, record_id: str, rev: str) -> dict | None:
        """The row as it was at `rev` (current or from history)."""
        current = self.get(table, record_id)
        if current and current["rev"] == rev:
            return current
        found = self.scalar("select data from history where table_name=? and record_id=? "
                            "and rev=?", [table, record_id, rev])
        return json.loads(found) if found else None

    def new_id(self) -> str:
        """A record id; the demo generator swaps `id_factory` for a seeded one."""
        return self.id_factory()

    def clock_iso(self) -> str:
        return self.clock.now_iso()

    # -- the clock (revs) -----------------------------------------------------------------
    def next_rev(self, *, save: bool = True) -> str:
        """A new rev for a row written here, remembered so a restart never goes back.
        `save=False` is for a bulk writer, which calls `save_clock` once before it commits."""
        rev = self.hlc.tick()
        if save:
            self.set_setting(HLC_SETTING, rev)
        return rev

    def observe_rev(self, rev: str) -> None:
        """Order our next rev after one received (validated and within the horizon)."""
        self.hlc.observe(rev)

    def save_clock(self) -> None:
        self.set_setting(HLC_SETTING, self.hlc.last)

    def reload_clock(self) -> None:
        """Catch up with revs another connection (a worker thread's import) recorded."""
        self.hlc.observe(self.setting(HLC_SETTING, self.hlc.last))

    @property
    def last_rev(self) -> str:
        """The newest rev this clock has made or adopted."""
        return self.hlc.last

    # -- raw writes for sync (rows exactly as given, with their own rev) ----------------------
    def write_row(self, table: str, row: dict, *, insert: bool) -> None:
        """Write a full synced row as given (parameters only: text is stored exactly as
        sent); the caller has validated it."""
        if insert:
            # Plain SQL: sqlite-utils' insert re-reads the schema for every row, which was most
            # of an import's time.
            names = list(row)
            self.conn.execute(f"insert into [{table}] (" + ", ".join(f"[{c}]" for c in names)
                            + ") values (" + ", ".join("?" * len(names)) + ")",
                            [cell_value(row[c]) for c in names])
        else:
            names = [c for c in row if c != "id"]
            self.conn.execute(f"update [{table}] set " + ", ".join(f"[{c}] = ?" for c in names)
                            + " where id = ?", [row[c] for c in names] + [row["id"]])

    def write_rows(self, table: str, columns: list[str], rows: list[tuple]) -> None:
        """Insert many full synced rows (tuples in `columns` order), as given, in one
        statement (a run of an import's new records; `write_row` for many); the caller has
        validated them. The stored-score marks are made for the run at once
        (`scores.marked_in_bulk`), as the triggers would have made them row by row."""
        if not rows:
            return
        from app.storage.scores import marked_column, marked_in_bulk
        # Lists and dicts are stored as JSON text (cell_value); a bundle's rows hold none.
        rows = [p if _JSON_TYPES.isdisjoint(map(type, p)) else [cell_value(v) for v in p]
                for p in rows]
        marked = marked_column(table)
        at = columns.index(marked) if marked in columns else None
        named = [None if at is None else row[at] for row in rows]
        with marked_in_bulk(self.conn, table, named):
            self.conn.executemany(
                f"insert into [{table}] (" + ", ".join(f"[{c}]" for c in columns)
                + ") values (" + ", ".join("?" * len(columns)) + ")", rows)

    def insert_rows(self, table: str, rows: list, *, ignore: bool = False,
                    columns: tuple | None = None) -> int:
        """Bulk insert of complete rows, one executemany per shape (the demo generator's
        batched path); the caller made them as `insert` would have. Rows are dicts, or
        tuples of `columns` (a local table's). A synced table's values pass `check_fields`
        like every other write, each distinct (column, value) once (the rev and device are
        the Store's own). Triggers fire as for single inserts. Returns how many rows were
        given. (app/storage/bulk.py)"""
        return bulk.insert_rows(self.conn, table, rows, ignore=ignore, columns=columns)

    def bulk_cache(self, mib: int = 64):
        """A context for one transaction that writes a lot (the batched demo), begun inside
        it: a larger page cache, so SQLite keeps the pages it is filling instead of
        spilling and re-reading them; statement journals in memory (each row of an
        executemany into a table with triggers and foreign keys is a statement with its
        own journal, otherwise written to a temporary file page by page, most of the
        bulk write's system time). Neither changes what is written."""
        return bulk.settings(self.conn, mib)

    def column_names(self, table: str) -> list[str]:
        """The table's columns in schema order (what `select *` returns)."""
        return [c[1] for c in self.conn.execute(f"PRAGMA table_info([{table}])").fetchall()]

    def correct_derived(self, table: str, record_id: str, fields: dict) -> None:
        """Overwrite fields that every device derives from the same data (e.g. an
        inspection's signed status) in place, keeping the rev: a new rev would only echo."""
        self._update_row(table, record_id, fields)

    def defer_foreign_keys(self) -> None:
        """Inside a transaction: check references at commit (rows may come in any order)."""
        self.conn.execute("PRAGMA defer_foreign_keys = ON")

    def foreign_key_problems(self) -> list[dict]:
        return self.query("PRAGMA foreign_key_check")

    def column_types(self, table: str) -> dict[str, type]:
        return introspect.column_types(self.conn, table)

    def foreign_keys(self, table: str) -> list[tuple[str, str, str]]:
        return introspect.foreign_keys(self.conn, table)

