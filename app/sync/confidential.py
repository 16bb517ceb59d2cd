"""Teacher-ethics evaluations travel sealed (docs/ROLES.md, "Confidential in transit").

Export: every record of an ethics evaluation (the inspection row, its answers and notes, its
evidence with the files, its actions and signatures) leaves `records/` and goes into one
envelope per school, `confidential/<hash of school id>.sealed`, sealed (app/security/sealing.py)
to the devices entitled to read that school's evaluations: devices recorded here as office or
inspector, and principals of that school, that have published an encryption key. The manifest
says who can read what (`confidential`).

Import: a recipient opens its envelopes and the records join the bundle before any check, so
they are verified and merged like every other record; a device that is not a recipient imports
everything else and says how many confidential records were not addressed to it.

A device learns a peer's encryption key from the peer's first bundle; when the set of entitled
readers grew since the last export (a new device, a new key, a role given by the office), the
next export carries every confidential record again, so nobody entitled is left without what was
sealed before they could read it.
"""

from __future__ import annotations

import base64
import hashlib
import json
from itertools import compress
from typing import Callable

from app.errors import BundleError
from app.security.sealing import ensure_encryption_key, open_sealed, seal
from app.sync.export_lines import Lines, utf8
from app.sync.record_table import RecordTable, column_of
from app.sync.records import chunked, check_record, marks

READERS = "confidential_readers"
CHILD_TABLES = ("responses", "attachments", "actions", "signatures")
# An evaluation's corrective actions' life-cycle events and their evidence travel with it.
EVENT_TABLES = ("action_events", "action_evidence")
SEALED_TABLES = ("inspections", *CHILD_TABLES, *EVENT_TABLES)
BLOB_COLUMNS = {"attachments": "sha256", "signatures": "image_sha256",
                "action_evidence": "sha256"}
PREFIX = "confidential/"


def ethics_ids(store) -> set[str]:
    return {r["id"] for r in store.query(
        "select i.id from inspections i join templates t on t.id = i.template_id "
        "where t.kind = 'ethics'")}


def _readers_now(ws) -> list[str]:
    rows = ws.store.query("select id, role, schools, encryption_key from devices where "
                          "trusted = 1 and encryption_key is not null order by id")
    return [f"{r['id']}:{r['role']}:{r['schools']}:{r['encryption_key']}" for r in rows]


def extra_ids(ws) -> dict[str, list[str]]:
    """The ids of every confidential record when the readers grew since the last export;
    else none."""
    store = ws.store
    before = set(json.loads(store.setting(READERS) or "[]"))
    if set(_readers_now(ws)) <= before:
        return {}
    found = {"inspections": sorted(ethics_ids(store))}
    for table in CHILD_TABLES:
        found[table] = _ids_where(store, table, "inspection_id", found["inspections"])
    found["action_events"] = _ids_where(store, "action_events", "action_id", found["actions"])
    found["action_evidence"] = _ids_where(store, "action_evidence", "event_id",
                                          found["action_events"])
    return found


def _ids_where(store, table: str, column: str, values: list) -> list:
    found = []
    for chunk in chunked(values):
        found += [rid for (rid,) in store.rows(
            f"select id from [{table}] where [{column}] in ({marks(chunk)})", chunk)]
    return found


def split(ws, rows: dict, read: Lines, blobs: list[str], bundle_id: str):
    """(clear rows, clear blobs, sealed files, description) for a bundle about to be written;
    `rows` are the records' routing fields as `read` read them, with their lines
    (app/sync/export_lines.py)."""
    ethics = ethics_ids(ws.store)
    sealed = _sealed(ws.store, read, rows, ethics) if ethics else {}
    if not sealed:
        return rows, blobs, {}, []
    secret = {iid for by_id in sealed.values() for iid in by_id.values()}
    school = read.field("inspections", "school_id")
    school_of = {iid: school(rows["inspections"][iid]) if iid in rows["inspections"]
                 else ws.store.get("inspections", iid)["school_id"] for iid in secret}
    clear = dict(rows)
    groups: dict[str, dict[str, list]] = {}
    for table, by_id in sealed.items():
        clear[table] = dict(rows[table])
        for rid, iid in by_id.items():
            del clear[table][rid]
            groups.setdefault(school_of[iid], {}).setdefault(table, []).append(rid)
    kept = _blobs_of(read, clear)
    files, described = {}, []
    for school_id, ids in sorted(groups.items()):
        records = {table: {rid: rows[table][rid] for rid in found}
                   for table, found in ids.items()}
        name, envelope, info = _seal_school(ws, school_id, records, read,
                                            set(blobs) - kept, bundle_id)
        files[name] = envelope
        described.append(info)
    return clear, sorted(kept & set(blobs)), files, described


def _sealed(store, read: Lines, rows: dict, ethics: set) -> dict[str, dict]:
    """{table: {id: its teacher-ethics inspection}} of the records that travel sealed: an
    evaluation, its children, and its actions' events and their evidence (one pass a table)."""
    found = {"inspections": _owned(rows.get("inspections", {}), None, ethics)}
    for table in CHILD_TABLES:
        found[table] = _owned(rows.get(table, {}), read.field(table, "inspection_id"), ethics)
    events = rows.get("action_events", {})
    # The inspection of each event's action: the chosen action's, else the one held here.
    inspection_of = dict(zip(rows.get("actions", {}), map(read.field("actions", "inspection_id"),
                                                         rows.get("actions", {}).values())))
    owner = {rid: inspection_of[action] if action in inspection_of else
             _owner_of(store, read, rows, "actions", action, "inspection_id")
             for rid, action in zip(events, map(read.field("action_events", "action_id"),
                                                events.values()))}
    found["action_events"] = {rid: iid for rid, iid in owner.items() if iid in ethics}
    event_of = read.field("action_evidence", "event_id")
    found["action_evidence"] = {
        rid: iid for rid, row in rows.get("action_evidence", {}).items()
        if (iid := owner[event_of(row)] if event_of(row) in owner else
            _owner_of_event(store, read, rows, event_of(row))) in ethics}
    return {table: by_id for table, by_id in found.items() if by_id}


def likely_sealed(read: Lines, table: str, by_id: dict, ethics: set) -> dict:
    """{id: owner} of the records of `by_id` that `split` will most likely seal, judged from
    this table alone: teacher-ethics evaluations and their children (an action's events and
    evidence are sealed through their action, in another table)."""
    if ethics and table == "inspections":
        return _owned(by_id, None, ethics)
    if ethics and table in CHILD_TABLES:
        return _owned(by_id, read.field(table, "inspection_id"), ethics)
    return {}


def _owned(by_id: dict, owner_of: Callable | None, ethics: set) -> dict:
    """{id: owner} of the records whose owner (`owner_of` their fields; None: their id) is
    in `ethics`, picked in C (map, compress) rather than row by row: most records are not
    confidential."""
    owners = list(by_id) if owner_of is None else list(map(owner_of, by_id.values()))
    return dict(compress(zip(by_id, owners), map(ethics.__contains__, owners)))


def _owner_of(store, read: Lines, rows: dict, table: str, record_id, column: str):
    """`column` of a record chosen for the bundle, else of the one held here (or None)."""
    chosen = rows.get(table, {}).get(record_id)
    if chosen is not None:
        return read.field(table, column)(chosen)
    return (store.get(table, record_id) or {}).get(column)


def _owner_of_event(store, read: Lines, rows: dict, event_id):
    action = _owner_of(store, read, rows, "action_events", event_id, "action_id")
    return _owner_of(store, read, rows, "actions", action, "inspection_id") if action else None


def _blobs_of(read: Lines, records: dict) -> set[str]:
    """The evidence files the records {table: {id: fields}} name."""
    return set(filter(None, set().union(*(map(read.field(table, col),
                                              records.get(table, {}).values())
                                          for table, col in BLOB_COLUMNS.items()))))


def _seal_school(ws, school_id: str, records: dict, read: Lines, secret_blobs: set,
                 bundle_id: str):
    used = _blobs_of(read, records) & secret_blobs
    name = f"{PREFIX}{hashlib.sha256(school_id.encode()).hexdigest()[:40]}.sealed"
    readers = entitled(ws, school_id)
    envelope = seal(_payload(ws, records, read.lines, used, name),
                    {d["id"]: d["encryption_key"] for d in readers}, _aad(bundle_id, name))
    info = {"file": name, "school_id": school_id,
            "records": sum(len(v) for v in records.values()),
            "readers": [{"device_id": d["id"], "name": d["name"]} for d in readers]}
    return name, envelope, info


def _payload(ws, records: dict, lines: dict, used: set, name: str) -> bytes:
    """{"blobs": {sha: base64}, "records": {table: [record, …]}} as JSON, the records being
    their lines as written in the clear (app/sync/export_lines.py), sorted by id."""
    # Hex hashes and base64 need no escaping in JSON.
    blobs = b",".join(b'"%s":"%s"' % (sha.encode(), base64.b64encode(ws.store.blob(sha)))
                      for sha in sorted(used))
    tables = b",".join(
        json.dumps(table).encode() + b":[" + b",".join(
            lines[table][rid] for rid in sorted(found)) + b"]"
        for table, found in sorted(records.items()))
    return utf8(b'{"blobs":{' + blobs + b'},"records":{' + tables + b"}}", name)


def entitled(ws, school_id: str) -> list[dict]:
    """Known devices that may read this school's teacher-ethics evaluations."""
    rows = ws.store.query("select * from devices where trusted = 1 and encryption_key is not "
                          "null and role in ('admin', 'inspector', 'principal') order by id")
    return [r for r in rows if r["role"] != "principal"
            or school_id in json.loads(r["schools"] or "[]")]


def _aad(bundle_id: str, name: str) -> bytes:
    return f"school-inspect/{bundle_id}/{name}".encode()


def readers_to_remember(ws) -> str | None:
    """The value of READERS after an unrestricted export, or None when it holds it already."""
    readers = json.dumps(_readers_now(ws))
    return None if ws.store.setting(READERS) == readers else readers


# -- import ---------------------------------------------------------------------------------
def open_into(ws, bundle, schema: dict) -> dict:
    """Open the envelopes addressed to this device into the bundle; returns
    {"opened": records, "not_addressed": records}."""
    sealed = {n: d for n, d in bundle.extras.items() if n.startswith(PREFIX)}
    if not sealed:
        return {"opened": 0, "not_addressed": 0}
    key = ensure_encryption_key(ws.paths.keys, ws.key_password)
    described = {d.get("file"): d for d in bundle.manifest.get("confidential") or []
                 if isinstance(d, dict)}
    opened = missed = 0
    for name, envelope in sorted(sealed.items()):
        plain = open_sealed(envelope, ws.profile.device_id, key, _aad(bundle.bundle_id, name),
                            name)
        if plain is None:
            count = (described.get(name) or {}).get("records")
            missed += count if isinstance(count, int) and count >= 0 else 1
            continue
        opened += _merge_payload(bundle, name, plain, schema)
    return {"opened": opened, "not_addressed": missed}


def _merge_payload(bundle, name: str, plain: bytes, schema: dict) -> int:
    try:
        payload = json.loads(plain.decode("utf-8"))
        records, blobs = payload["records"], payload["blobs"]
        assert isinstance(records, dict) and isinstance(blobs, dict)
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, AssertionError):
        raise BundleError(f"{name}: the confidential records are malformed.") from None
    count = 0
    for table, rows in records.items():
        if table not in SEALED_TABLES or not isinstance(rows, list):
            raise BundleError(f"{name}: holds records of table {table!r:.40}; refused.")
        held = set(column_of(bundle.records.get(table, []), "id"))
        for number, row in enumerate(rows, 1):
            check_record(row, table, schema[table], f"{name}: {table} {number}")
            if row["id"] in held:
                raise BundleError(f"{name}: record {row['id']} appears twice.")
            held.add(row["id"])
        bundle.records.setdefault(table, RecordTable()).extend(rows)
        counts = bundle.manifest["counts"]
        counts[table] = counts.get(table, 0) + len(rows)
        count += len(rows)
    for sha, text in blobs.items():
        data = base64.b64decode(text) if isinstance(text, str) else b""
        if hashlib.sha256(data).hexdigest() != sha:
            raise BundleError(f"{name}: an evidence file does not match its SHA-256; refused.")
        bundle.blobs[sha] = data
    return count


def confidential_lines(result: dict) -> list[str]:
    """What an export sealed for whom, or what an import could and could not open."""
    found = result.get("confidential")
    if isinstance(found, list):
        return [f"sealed: {d['records']} teacher-ethics record(s) of school {d['school_id']}, "
                f"readable by {', '.join(r['name'] or r['device_id'] for r in d['readers']) or 'no other device yet'}"
                for d in found]
    if isinstance(found, dict) and (found["opened"] or found["not_addressed"]):
        lines = [f"confidential: {found['opened']} teacher-ethics record(s) opened"]
        if found["not_addressed"]:
            lines.append(f"{found['not_addressed']} confidential record(s) were not addressed to "
                         "this device and were not imported")
        return lines
    return []
