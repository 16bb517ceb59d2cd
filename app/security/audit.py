"""Append-only audit log; each entry holds the hash of the one before (tamper-evident chain).

Entries are written inside the same transaction as the change they describe, so the log and
the data never disagree.
"""

from __future__ import annotations

import hashlib
import json

from app.storage.store import Store

GENESIS = "0" * 64


def _entry_hash(entry: dict) -> str:
    payload = json.dumps({k: entry[k] for k in sorted(entry) if k != "hash"},
                         sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


def append(store: Store, *, actor: str, action: str, entity: str, entity_id: str,
           detail: dict | None = None) -> dict:
    last = store.query("select seq, hash from audit_log order by seq desc limit 1")
    entry = {
        "seq": (last[0]["seq"] + 1) if last else 1,
        "at": store.clock_iso(),
        "device_id": store.device_id, "actor": actor, "action": action,
        "entity": entity, "entity_id": entity_id,
        "detail": json.dumps(detail or {}, sort_keys=True, ensure_ascii=False),
        "prev_hash": last[0]["hash"] if last else GENESIS,
    }
    entry["hash"] = _entry_hash(entry)
    store.put_local("audit_log", entry)
    return entry


def verify_chain(store: Store) -> int | None:
    """The seq of the first entry that was altered or removed, or None when intact."""
    previous = GENESIS
    for entry in store.query("select * from audit_log order by seq"):
        if entry["prev_hash"] != previous or _entry_hash(entry) != entry["hash"]:
            return entry["seq"]
        previous = entry["hash"]
    return None


def entries_for(store: Store, entity_id: str) -> list[dict]:
    return store.query("select * from audit_log where entity_id = ? order by seq", [entity_id])
