"""Append-only audit log; each entry holds the hash of the one before (tamper-evident chain).

Entries are written inside the same transaction as the change they describe, so the log and
the data never disagree. Every synced write through the Store is logged (one entry per write:
an answer save is one entry), besides the services' own entries that say what a person did.
Each entry records the HLC rev it was written at, so data changed after the log's last entry
shows that the tail was cut.

A hash chain alone only catches a careless edit: whoever can write the file can recompute
every hash. So the chain head is checkpointed with a signature by the device key
(`audit_heads.py`) every `CHECKPOINT_EVERY` entries and at every export, and the heads travel
in bundles, where receivers keep them as witnesses. `check_log` compares the log with all of
that. The threat model, honestly: docs/THREAT_MODEL.md.
"""

from __future__ import annotations

import hashlib
import json
from json.encoder import encode_basestring

from app.clock import Timestamp
from app.storage.store import SYNCED_TABLES, Store

GENESIS = "0" * 64
CHECKPOINT_EVERY = 100
COLUMNS = ("seq", "at", "device_id", "actor", "action", "entity", "entity_id", "detail",
           "prev_hash", "hash", "rev")


# json.dumps(…, sort_keys=True, ensure_ascii=False), built once: every write logs an entry.
_JSON = json.JSONEncoder(sort_keys=True, ensure_ascii=False).encode
_text = encode_basestring     # json's own string encoder (the C one) for ensure_ascii=False


_TEXT_KEYS = ("action", "actor", "at", "detail", "device_id", "entity", "entity_id",
              "prev_hash", "rev")     # sorted, as the JSON below sorts them
_ENTRY_KEYS = frozenset(_TEXT_KEYS + ("seq",))


def _payload(entry: dict) -> str:
    """The hashed text: the entry as JSON with sorted keys, without `hash` (and without a
    missing `rev`). An entry of the usual shape is written out directly, exactly as
    json.dumps writes it (same string encoder, same separators), at a third of the cost:
    every write logs an entry."""
    if entry.keys() - {"hash"} == _ENTRY_KEYS and type(entry["seq"]) is int \
            and all(type(entry[k]) is str for k in _TEXT_KEYS):
        e, t = entry, _text
        return ('{"action": ' + t(e["action"]) + ', "actor": ' + t(e["actor"])
                + ', "at": ' + t(e["at"]) + ', "detail": ' + t(e["detail"])
                + ', "device_id": ' + t(e["device_id"]) + ', "entity": ' + t(e["entity"])
                + ', "entity_id": ' + t(e["entity_id"]) + ', "prev_hash": '
                + t(e["prev_hash"]) + ', "rev": ' + t(e["rev"]) + ', "seq": '
                + int.__repr__(e["seq"]) + "}")
    return _JSON({k: entry[k] for k in sorted(entry)
                  if k != "hash" and not (k == "rev" and entry[k] is None)})


def entry_hash(entry: dict) -> str:
    # `rev` joined the entries later (m004): older entries keep the hash they were made with.
    payload = _payload(entry)
    return hashlib.sha256(payload.encode()).hexdigest()


_entry_hash = entry_hash  # the name older tests know


def detail_text(detail: dict | None) -> str:
    """An entry's `detail` as stored (JSON, keys sorted)."""
    return _JSON(detail or {})


def make_entry(store: Store, last: tuple | None, *, actor: str, action: str, entity: str,
               entity_id: str, detail: dict | None = None, rev: str | None = None,
               detail_json: str | None = None) -> dict:
    """The entry after `last` ((seq, hash) of the chain's head, None for the first), with
    its time from the store's clock and its hash; not yet written. `detail_json`: the
    detail already as `detail_text` gives it (a bulk writer reuses repeated ones)."""
    entry = {
        "seq": (last[0] + 1) if last else 1,
        "at": store.clock_iso(),
        "device_id": store.device_id, "actor": actor, "action": action,
        "entity": entity, "entity_id": entity_id,
        "detail": detail_json if detail_json is not None else detail_text(detail),
        "prev_hash": last[1] if last else GENESIS,
        "rev": rev or store.last_rev,
    }
    entry["hash"] = entry_hash(entry)
    return entry


class ChainWriter:
    """`make_entry` for many entries in a row (a bulk writer): each entry as a row of
    COLUMNS, chained to the one before, with the same hash text `entry_hash` gives; the
    parts that repeat from entry to entry (action, actor, detail, device, entity) are
    encoded once. `head`: (seq, hash) of the log's last entry, None when it is empty."""

    def __init__(self, store: Store, actor: str, head: tuple | None):
        self.store, self.actor = store, actor
        self.seq, self.hash = (head[0], head[1]) if head else (0, GENESIS)
        self._starts: dict[str, str] = {}
        self._middles: dict[tuple, str] = {}

    def add(self, action: str, entity: str, entity_id: str, detail_json: str,
            rev: str | None = None) -> tuple:
        """The next entry (`detail_json` as `detail_text` gives it), as a row of COLUMNS."""
        store = self.store
        at, device, rev = store.clock_iso(), store.device_id, rev or store.last_rev
        seq, prev = self.seq + 1, self.hash
        start = self._starts.get(action)
        middle = self._middles.get((detail_json, device, entity))
        if start is None or middle is None or type(entity_id) is not str \
                or type(rev) is not str:
            if not all(type(v) is str for v in (action, entity, entity_id, detail_json, rev,
                                                 device, self.actor)):
                return self._odd(seq, at, device, action, entity, entity_id, detail_json,
                                 prev, rev)
            # The keys in sorted order, as _payload writes them; made for text only.
            start = self._starts[action] = (f'{{"action": {_text(action)}, "actor": '
                                            f'{_text(self.actor)}, "at": ')
            middle = self._middles[(detail_json, device, entity)] = (
                f', "detail": {_text(detail_json)}, "device_id": {_text(device)}, '
                f'"entity": {_text(entity)}, "entity_id": ')
        text = (f'{start}{_text(at)}{middle}{_text(entity_id)}, "prev_hash": {_text(prev)}, '
                f'"rev": {_text(rev)}, "seq": {seq}}}')
        self.seq, self.hash = seq, hashlib.sha256(text.encode()).hexdigest()
        return (seq, at, device, self.actor, action, entity, entity_id, detail_json, prev,
                self.hash, rev)

    def _odd(self, seq, at, device, action, entity, entity_id, detail_json, prev,
             rev) -> tuple:
        """An entry with a value that is not text (a None id): json.dumps's own text."""
        entry = {"seq": seq, "at": at, "device_id": device, "actor": self.actor,
                 "action": action, "entity": entity, "entity_id": entity_id,
                 "detail": detail_json, "prev_hash": prev, "rev": rev}
        entry["hash"] = entry_hash(entry)
        self.seq, self.hash = seq, entry["hash"]
        return tuple(entry[c] for c in COLUMNS)


def due_checkpoint(entry: dict) -> bool:
    """Whether the chain head is signed after this entry (every CHECKPOINT_EVERY)."""
    return entry["seq"] % CHECKPOINT_EVERY == 0


def append(store: Store, *, actor: str, action: str, entity: str, entity_id: str,
           detail: dict | None = None, rev: str | None = None) -> dict:
    found = store.rows("select seq, hash from audit_log order by seq desc limit 1")
    entry = make_entry(store, found[0] if found else None, actor=actor, action=action,
                       entity=entity, entity_id=entity_id, detail=detail, rev=rev)
    # Raw SQL: this runs on every autosave, and sqlite-utils' insert re-reads the schema.
    store.append_local("audit_log", COLUMNS, [entry[c] for c in COLUMNS])
    if due_checkpoint(entry) and store.audit_signer is not None:
        from app.security.audit_heads import checkpoint
        checkpoint(store, reason="interval", head=entry)
    return entry


def log_write(store: Store, actor: str, table: str, record_id: str, rev: str,
              fields: list[str]) -> None:
    """The Store's hook: one entry for each synced write (names of the fields, not values)."""
    append(store, actor=actor, action=f"{table}.write", entity=table, entity_id=record_id,
           detail={"fields": sorted(fields)}, rev=rev)


def verify_chain(store: Store) -> int | None:
    """The seq of the first entry that was altered or removed, or None when intact."""
    previous = GENESIS
    for entry in store.query("select * from audit_log order by seq"):
        if entry["prev_hash"] != previous or entry_hash(entry) != entry["hash"]:
            return entry["seq"]
        previous = entry["hash"]
    return None


def check_log(store: Store, public_key) -> list[str]:
    """Every sign of tampering, in words: an edited row, a recomputed chain, a cut tail, an
    emptied log. [] when the log agrees with its signed heads, its witnesses and the data."""
    from app.security.audit_heads import check_heads
    problems = []
    broken = verify_chain(store)
    if broken is not None:
        problems.append(f"entry {broken} was edited or removed: the hash chain breaks there")
    problems += check_heads(store, public_key)
    problems += _check_data_after_log(store)
    return list(dict.fromkeys(problems))


def _check_data_after_log(store: Store) -> list[str]:
    """Data this device changed after the log's last entry means the tail was cut (or the
    log emptied): every local change is logged in its own transaction."""
    logged = store.scalar("select max(rev) from audit_log where device_id = ?",
                          [store.device_id])
    newest = max((store.scalar(f"select max(rev) from [{t}] where device_id = ?",
                               [store.device_id]) or "" for t in SYNCED_TABLES), default="")
    if not newest:
        return []
    if logged is None:
        if store.scalar("select count(*) from audit_log"):
            return []       # entries from before revs were logged (m004): nothing to compare
        return [f"the log is empty, but this device changed data (last at rev {newest}): "
                "the log was emptied"]
    if _order(newest) > _order(logged):
        return [f"this device changed data at rev {newest}, after the log's last entry "
                f"(rev {logged}): the log's tail was cut"]
    return []


def _order(rev: str) -> tuple:
    try:
        stamp = Timestamp.parse(rev)
    except ValueError:
        return (0, 0)
    return (stamp.ms, stamp.counter)


def entries_for(store: Store, entity_id: str) -> list[dict]:
    return store.query("select * from audit_log where entity_id = ? order by seq", [entity_id])
