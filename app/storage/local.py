"""The Store's rows that never travel: bookkeeping (devices, conflicts, imported bundles, the
audit log), stored scores and action states, evidence blobs and settings; and single-row writes by primary key.

A mixin of `Store` (app/storage/store.py), which owns the connection (`self.conn`)."""

from __future__ import annotations

from app.errors import NotFoundError
from app.storage import introspect
from app.storage.sqlerrors import db_errors, translate_sqlite_error
from app.storage.tables import SYNCED_TABLES, cell_value


class LocalRows:
    """Local rows and single-row writes; `Store` supplies `conn`, `scalar` and
    `_primary_keys`."""

    def _update_row(self, table: str, key, fields: dict) -> None:
        """Set `fields` of the row whose primary key is `key` (JSON for lists and dicts)."""
        if not fields:
            return
        pk = self._primary_keys.get(table) or self._primary_keys.setdefault(
            table, introspect.primary_key(self.conn, table))
        columns = list(fields)
        cursor = self.conn.execute(
            f"update [{table}] set {', '.join(f'[{c}] = ?' for c in columns)} "
            f"where [{pk}] = ?", [cell_value(fields[c]) for c in columns] + [key])
        if cursor.rowcount == 0:
            raise NotFoundError(f"No {table} row {key} in this database.")

    def _insert_row(self, table: str, row: dict, verb: str) -> None:
        columns = list(row)
        self.conn.execute(f"{verb} into [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
                          f"values ({', '.join('?' * len(columns))})",
                          [cell_value(row[c]) for c in columns])

    # -- local bookkeeping (never synced: devices, conflicts, imported bundles, audit) -----
    def put_local(self, table: str, row: dict, *, replace: bool = False) -> None:
        if table in SYNCED_TABLES:
            raise ValueError(f"{table} is synced; use insert/update/write_row")
        self._insert_row(table, row, "insert or replace" if replace else "insert")

    def append_local(self, table: str, columns, values, *, ignore: bool = False) -> None:
        """One bookkeeping row by plain SQL (the audit log, on every autosave)."""
        if table in SYNCED_TABLES:
            raise ValueError(f"{table} is synced; use insert/update/write_row")
        verb = "insert or ignore" if ignore else "insert"
        self.conn.execute(f"{verb} into [{table}] ({', '.join(columns)}) values "
                        f"({', '.join('?' * len(columns))})", list(values))

    def update_local(self, table: str, key: str, fields: dict) -> None:
        if table in SYNCED_TABLES:
            raise ValueError(f"{table} is synced; use insert/update/write_row")
        self._update_row(table, key, fields)

    # -- stored scores (local, for lists; see app/storage/scores.py) ----------------------
    def refresh_scores(self, inspection_ids=None, template_of=None, *,
                       known_templates: dict | None = None) -> int:
        """Recompute stored scores: of the given inspections, else of every one whose
        answers or template changed since. Runs in the caller's transaction.
        `known_templates`: {id: (body text, sha256, parsed)} already parsed (`scores.reusing`)."""
        from app.storage.scores import refresh, reusing
        if template_of is None and known_templates:
            template_of = reusing(self.conn, known_templates)
        try:
            return refresh(self.conn, inspection_ids, template_of)
        except db_errors() as exc:
            raise translate_sqlite_error(exc) from exc

    def put_scores(self, rows: list[tuple]) -> None:
        """Stored scores already computed by the one rule (`scores.score_row`) from the data
        just written in this transaction: the batched demo scores each visit as it makes it."""
        from app.storage.scores import store_rows
        try:
            store_rows(self.conn, rows)
        except db_errors() as exc:
            raise translate_sqlite_error(exc) from exc

    # -- stored action state (local, for the Actions list; app/storage/action_state.py) ---
    def refresh_action_state(self) -> int:
        """Recompute the stored state of the actions of every school marked since (by any
        writer, through the triggers); a one-row read when none is. Returns the number of
        schools recomputed."""
        from app.storage import action_state
        try:
            if not action_state.is_dirty(self.conn):
                return 0
            with self.atomic():
                return action_state.refresh(self.conn)
        except db_errors() as exc:
            raise translate_sqlite_error(exc) from exc

    # -- blobs (content-addressed evidence) -----------------------------------------------
    def put_blob(self, sha256: str, data: bytes, mime: str) -> None:
        self._insert_row("blobs", {"sha256": sha256, "data": data, "size": len(data),
                                   "mime": mime}, "insert or ignore")

    def keep_original(self, sha256: str, data: bytes, filename: str | None) -> None:
        """The full-size original of a downscaled photo, kept on this device only (a local
        table: bundles carry the downscaled photo)."""
        self.conn.execute("insert or ignore into photo_originals (sha256, data, size, filename) "
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
        self.conn.execute("insert or replace into settings (key, value) values (?, ?)",
                        [key, value])
