"""The one write path: a `Store` owns the SQLite connection and every synced write.

Every mutation runs inside `Store.atomic()` (sqlite-utils `db.atomic()`), so nothing
half-written ever reaches the file. Synced rows get a fresh HLC rev, their previous rev as
`base_rev`, and the previous version is kept in `history` for three-way merges.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

import sqlite_utils

from app.clock import HybridLogicalClock, WallClock, iso
from app.domain.limits import check_fields
from app.errors import DatabaseError, NotFoundError
from app.storage.schema import known_migration_names, migrations

# Parents before children: the order records are written when importing or digesting.
SYNCED_TABLES = ("schools", "teachers", "users", "templates", "inspections", "responses",
                 "attachments", "actions", "action_events", "action_evidence", "signatures")
SYNC_META = ("rev", "base_rev", "device_id")
HLC_SETTING = "hlc_last"


try:   # SQLCipher (an encrypted profile): its errors are not sqlite3's
    import sqlcipher3
    DB_ERRORS: tuple = (sqlite3.Error, sqlcipher3.Error)
except ImportError:  # pragma: no cover - a dependency; a plain profile still opens
    DB_ERRORS = (sqlite3.Error,)


def cell_value(value: Any) -> Any:
    """A value as SQLite stores it; lists and dicts as JSON text, as sqlite-utils did."""
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False)
    return value


def translate_sqlite_error(exc: Exception) -> DatabaseError:
    """Turn what the environment caused into a message that says what to do."""
    text = str(exc).lower()
    if "full" in text:
        return DatabaseError("The disk is full: free some space and try again. "
                             "Nothing was saved by the failed step.")
    if "locked" in text or "busy" in text:
        return DatabaseError("The database is in use by another program: close the other "
                             "School Inspect window and try again.")
    if "readonly" in text or "read-only" in text:
        return DatabaseError("The database file is read-only: check the folder's permissions.")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return DatabaseError("The database file is damaged: restore it from a backup or a "
                             "bundle. The damaged file was not changed.")
    return DatabaseError(f"Database error: {exc}")


class Store:
    """A profile's database."""

    def __init__(self, path: Path | str, *, device_id: str, clock: WallClock | None = None,
                 connection=None):
        """`connection`: an already opened (e.g. SQLCipher, keyed) DB-API connection."""
        self.path = Path(path)
        self.device_id = device_id
        self.clock = clock or WallClock()
        self.id_factory = lambda: str(uuid.uuid4())
        # Set by the workspace: log every synced write in the audit chain, and sign its heads
        # with the device key (app/security/audit.py); a bare Store logs nothing.
        self.write_log: Callable[[str, str, str, list], None] | None = None
        self.audit_signer: Callable[[bytes], bytes] | None = None
        try:
            self.db = sqlite_utils.Database(connection or str(self.path))
            self._configure()
            self._migrate()
        except DB_ERRORS as exc:
            raise translate_sqlite_error(exc) from exc
        self.hlc = HybridLogicalClock(device_id, self.clock.ms, self.setting(HLC_SETTING))

    # -- set-up ---------------------------------------------------------------------------
    def _configure(self) -> None:
        conn = self.db.conn
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA foreign_keys = ON")
        if str(self.path) != ":memory:":
            self.db.enable_wal()
        # FULL makes a commit durable in WAL mode too: an inspector's answers survive a crash.
        conn.execute("PRAGMA synchronous = FULL")

    def _migrate(self) -> None:
        applied = {m.name for m in migrations.applied(self.db)}
        unknown = applied - set(known_migration_names())
        if unknown:
            raise DatabaseError(
                f"This database was written by a newer version of School Inspect "
                f"(schema {sorted(unknown)[-1]}); install the newer version to open it.")
        if not applied and set(self.db.table_names()) - {"_sqlite_migrations"}:
            raise DatabaseError(f"{self.path.name} is not a School Inspect database.")
        migrations.apply(self.db)

    def close(self) -> None:
        self.db.close()

    @property
    def schema_version(self) -> list[str]:
        return [m.name for m in migrations.applied(self.db)]

    # -- transactions ---------------------------------------------------------------------
    @contextmanager
    def atomic(self) -> Iterator["Store"]:
        """One transaction (a savepoint when nested); sqlite errors become `DatabaseError`."""
        try:
            with self.db.atomic():
                yield self
        except DB_ERRORS as exc:
            raise translate_sqlite_error(exc) from exc

    # -- reads ----------------------------------------------------------------------------
    def get(self, table: str, record_id: str) -> dict | None:
        # Straight to sqlite3: on the autosave path sqlite-utils' savepoint per query
        # costs as much as the read itself.
        cursor = self.db.conn.execute(f"select * from [{table}] where id = ?", [record_id])
        row = cursor.fetchone()
        return None if row is None else dict(zip((c[0] for c in cursor.description), row))

    def require(self, table: str, record_id: str, what: str | None = None) -> dict:
        row = self.get(table, record_id)
        if row is None or row.get("deleted"):
            raise NotFoundError(f"No {what or table[:-1]} with id {record_id}.")
        return row

    def query(self, sql: str, params: Any = ()) -> list[dict]:
        try:
            return list(self.db.query(sql, params))
        except DB_ERRORS as exc:
            raise translate_sqlite_error(exc) from exc

    def scalar(self, sql: str, params: Any = ()) -> Any:
        row = self.db.execute(sql, params).fetchone()
        return row[0] if row else None

    # -- synced writes --------------------------------------------------------------------
    def insert(self, table: str, fields: dict, *, record_id: str | None = None) -> dict:
        """A new synced row with a fresh rev; returns it."""
        check_fields(table, fields)
        row = {**fields, "id": record_id or fields.get("id") or self.new_id(),
               "rev": self._tick(), "base_rev": None, "device_id": self.device_id,
               "deleted": 0}
        columns = ", ".join(f"[{k}]" for k in row)
        self.db.execute(f"insert into [{table}] ({columns}) values "
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
        new = {**current, **changes, "rev": self._tick(), "base_rev": current["rev"],
               "device_id": self.device_id}
        keys = (*changes, *SYNC_META)
        self.db.execute(f"update [{table}] set {', '.join(f'[{k}] = ?' for k in keys)} "
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
        self.db.execute(f"delete from [{table}] where id = ?", [record_id])
        self.db.execute("delete from history where table_name = ? and record_id = ?",
                        [table, record_id])

    def remember(self, table: str, row: dict) -> None:
        """Keep a version in history so a later merge can find the common base."""
        self.db.execute("insert or replace into history (table_name, record_id, rev, data) "
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
        return iso(self.clock.now())

    def _tick(self) -> str:
        rev = self.hlc.tick()
        self.set_setting(HLC_SETTING, rev)
        return rev

    # -- stored scores (local, for lists; see app/storage/scores.py) ----------------------
    def refresh_scores(self, inspection_ids=None, template_of=None) -> int:
        """Recompute stored scores: of the given inspections, else of every one whose
        answers or template changed since. Runs in the caller's transaction."""
        from app.storage.scores import refresh
        try:
            return refresh(self.db.conn, inspection_ids, template_of)
        except DB_ERRORS as exc:
            raise translate_sqlite_error(exc) from exc

    # -- blobs (content-addressed evidence) -----------------------------------------------
    def put_blob(self, sha256: str, data: bytes, mime: str) -> None:
        self.db["blobs"].insert({"sha256": sha256, "data": data, "size": len(data),
                                 "mime": mime}, ignore=True)

    def keep_original(self, sha256: str, data: bytes, filename: str | None) -> None:
        """The full-size original of a downscaled photo, kept on this device only (a local
        table: bundles carry the downscaled photo)."""
        self.db.execute("insert or ignore into photo_originals (sha256, data, size, filename) "
                        "values (?, ?, ?, ?)", [sha256, data, len(data), filename])

    def original(self, sha256: str) -> bytes | None:
        """The kept full-size original of a stored photo, if the user asked to keep it."""
        return self.scalar("select data from photo_originals where sha256 = ?", [sha256])

    def blob(self, sha256: str) -> bytes:
        data = self.scalar("select data from blobs where sha256 = ?", [sha256])
        if data is None:
            raise NotFoundError(f"No evidence file {sha256[:12]}… in this database.")
        return data

    # -- settings (local key/value) -------------------------------------------------------
    def setting(self, key: str, default: str | None = None) -> str | None:
        value = self.scalar("select value from settings where key = ?", [key])
        return default if value is None else value

    def set_setting(self, key: str, value: str) -> None:
        # Raw SQL: this runs on every rev tick, and sqlite-utils' insert re-reads the schema.
        self.db.execute("insert or replace into settings (key, value) values (?, ?)",
                        [key, value])
