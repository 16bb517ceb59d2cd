"""Rows exactly as the Store would write them, made in memory and written per table in bulk.

`RowSink.insert/update` follow `Store.insert/update` step for step: the same record id (the
Store's id factory), a fresh HLC rev from the Store's clock, the previous version kept as a
history row, and one audit entry per synced write, chained to the log's current head and
checkpointed (signed by the device key) every `audit.CHECKPOINT_EVERY` entries, as
`audit.append` does. Nothing reaches the database until `flush`, which hands each table's
rows to `Store.insert_rows` (one executemany per table; values pass `check_fields` there),
parents before children, inside the caller's transaction.
"""

from __future__ import annotations

import json

from app.domain.limits import check_fields
from app.security import audit
from app.security.audit_heads import HEAD_COLUMNS, SELF, signed_head

# Parents before children (foreign keys are checked row by row), the log last.
FLUSH_ORDER = ("blobs", "schools", "teachers", "users", "inspections", "responses",
               "attachments", "actions", "action_events", "signatures", "history",
               "audit_log", "audit_heads")
IGNORE_DUPLICATES = ("blobs", "audit_heads")   # as put_blob and checkpoint do


class RowSink:
    def __init__(self, store, actor: str):
        self.store, self.actor = store, actor
        self._columns: dict[str, list[str]] = {}
        self._blanks: dict[str, dict] = {}      # a row of each table with every column
        self.pending: dict[str, list] = {}
        self.blobs: dict[str, dict] = {}
        self._write_details: dict[tuple, tuple[str, str]] = {}
        found = store.rows("select seq, hash from audit_log order by seq desc limit 1")
        self.chain = audit.ChainWriter(store, actor, tuple(found[0]) if found else None)
        self.log_rows: list[tuple] = []     # audit_log rows (COLUMNS), written last

    # -- synced rows, as Store.insert / Store.update --------------------------------------
    def insert(self, table: str, fields: dict, *, record_id: str | None = None) -> dict:
        """The new row (kept by reference: later `update`s change what `flush` writes)."""
        blank = self._blanks.get(table)
        if blank is None:
            blank = self._blanks[table] = dict.fromkeys(self.columns(table))
        row = blank.copy()
        row.update(fields)
        store = self.store
        row["id"] = record_id or fields.get("id") or store.new_id()
        row["rev"] = store.next_rev(save=False)
        row["base_rev"], row["device_id"], row["deleted"] = None, store.device_id, 0
        self.pending.setdefault(table, []).append(row)
        self.log_write(table, row["id"], row["rev"], fields)
        return row

    def update(self, table: str, row: dict, changes: dict) -> dict | None:
        """Change a row made by `insert`; None when nothing actually changed."""
        check_fields(table, changes)
        if all(row.get(k) == v for k, v in changes.items()):
            return None
        self.pending.setdefault("history", []).append({
            "table_name": table, "record_id": row["id"], "rev": row["rev"],
            "data": json.dumps(row, sort_keys=True)})
        base = row["rev"]
        row.update(changes)
        row.update(rev=self.store.next_rev(save=False), base_rev=base,
                   device_id=self.store.device_id)
        self.log_write(table, row["id"], row["rev"], list(changes))
        return row

    def blob(self, sha256: str, data: bytes, mime: str) -> None:
        self.blobs.setdefault(sha256, {"sha256": sha256, "data": data, "size": len(data),
                                       "mime": mime})

    def columns(self, table: str) -> list[str]:
        if table not in self._columns:
            self._columns[table] = self.store.column_names(table)
        return self._columns[table]

    # -- the audit chain, as audit.append -------------------------------------------------
    def log_write(self, table: str, record_id: str, rev: str, fields) -> None:
        """audit.log_write: the written fields' names (`fields`: the names, or the dict
        written; the same few lists again and again, so each is encoded once)."""
        key = (table, *fields)
        found = self._write_details.get(key)
        if found is None:
            found = self._write_details[key] = (
                f"{table}.write", audit.detail_text({"fields": sorted(fields)}))
        self.audit(found[0], table, record_id, rev=rev, detail_json=found[1])

    def audit(self, action: str, entity: str, entity_id: str, detail: dict | None = None,
              rev: str | None = None, detail_json: str | None = None) -> None:
        row = self.chain.add(action, entity, entity_id,
                             detail_json if detail_json is not None
                             else audit.detail_text(detail), rev)
        self.log_rows.append(row)
        if audit.due_checkpoint({"seq": row[0]}) and self.store.audit_signer is not None:
            entry = dict(zip(audit.COLUMNS, row))
            signed = signed_head(self.store, entry)
            values = [signed["device_id"], signed["seq"], signed["hash"], signed["at"],
                      signed["signature"], SELF, entry["at"], "interval"]
            self.pending.setdefault("audit_heads", []).append(dict(zip(HEAD_COLUMNS, values)))

    # -- writing --------------------------------------------------------------------------
    def flush(self) -> int:
        """Write everything made so far; returns how many rows."""
        written = 0
        if self.blobs:
            written += self.store.insert_rows("blobs", list(self.blobs.values()), ignore=True)
            self.blobs = {}
        if self.log_rows:
            self.pending["audit_log"] = self.log_rows
            self.log_rows = []
        for table in FLUSH_ORDER:
            rows = self.pending.pop(table, None)
            if rows:
                written += self.store.insert_rows(
                    table, rows, ignore=table in IGNORE_DUPLICATES,
                    columns=audit.COLUMNS if table == "audit_log" else None)
        if self.pending:
            raise ValueError(f"no flush order for {sorted(self.pending)}")
        return written
