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

from app.errors import BundleError
from app.security.sealing import ensure_encryption_key, open_sealed, seal
from app.sync.records import check_record

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


def extra_rows(ws) -> dict[str, list[dict]]:
    """Every confidential record when the readers grew since the last export; else none."""
    store = ws.store
    before = set(json.loads(store.setting(READERS) or "[]"))
    if set(_readers_now(ws)) <= before:
        return {}
    ids = sorted(ethics_ids(store))
    marks = ",".join("?" * len(ids)) or "null"
    found = {"inspections": store.query(f"select * from inspections where id in ({marks})", ids)}
    for table in CHILD_TABLES:
        found[table] = store.query(f"select * from [{table}] where inspection_id in ({marks})",
                                   ids)
    actions = [r["id"] for r in found["actions"]]
    marks = ",".join("?" * len(actions)) or "null"
    found["action_events"] = store.query(
        f"select * from action_events where action_id in ({marks})", actions)
    events = [r["id"] for r in found["action_events"]]
    marks = ",".join("?" * len(events)) or "null"
    found["action_evidence"] = store.query(
        f"select * from action_evidence where event_id in ({marks})", events)
    return found


def split(ws, rows: dict, blobs: list[str], bundle_id: str):
    """(clear rows, clear blobs, sealed files, description) for a bundle about to be written."""
    ethics = ethics_ids(ws.store)
    if not ethics:
        return rows, blobs, {}, []
    owner = {(t, rid): _inspection_of(ws.store, rows, t, row)
             for t in SEALED_TABLES if t in rows for rid, row in rows[t].items()}
    secret = {iid for iid in owner.values() if iid in ethics}
    if not secret:
        return rows, blobs, {}, []
    school_of = {iid: (rows["inspections"].get(iid) or ws.store.get("inspections", iid))
                 ["school_id"] for iid in secret}
    clear = {t: dict(by_id) for t, by_id in rows.items()}
    groups: dict[str, dict[str, list]] = {}
    for table in SEALED_TABLES:
        for rid, row in list(clear.get(table, {}).items()):
            iid = owner[(table, rid)]
            if iid in secret:
                groups.setdefault(school_of[iid], {}).setdefault(table, []).append(row)
                del clear[table][rid]
    kept = _clear_blobs(clear)
    files, described = {}, []
    for school_id, records in sorted(groups.items()):
        name, envelope, info = _seal_school(ws, school_id, records, set(blobs) - kept,
                                            bundle_id)
        files[name] = envelope
        described.append(info)
    return clear, sorted(kept & set(blobs)), files, described


def _inspection_of(store, rows: dict, table: str, row: dict) -> str | None:
    """The inspection a record belongs to (through its action and event for the history)."""
    if table == "inspections":
        return row["id"]
    if table == "action_evidence":
        event = rows.get("action_events", {}).get(row.get("event_id")) or \
            store.get("action_events", row.get("event_id")) or {}
        return _inspection_of(store, rows, "action_events", event) if event else None
    if table == "action_events":
        action = rows.get("actions", {}).get(row.get("action_id")) or \
            store.get("actions", row.get("action_id")) or {}
        return action.get("inspection_id")
    return row.get("inspection_id")


def _clear_blobs(clear: dict) -> set[str]:
    return {row[col] for table, col in BLOB_COLUMNS.items()
            for row in clear.get(table, {}).values() if row.get(col)}


def _seal_school(ws, school_id: str, records: dict, secret_blobs: set, bundle_id: str):
    used = {row[col] for table, col in BLOB_COLUMNS.items() for row in records.get(table, ())
            if row.get(col)} & secret_blobs
    payload = {"records": records,
               "blobs": {sha: base64.b64encode(ws.store.blob(sha)).decode()
                         for sha in sorted(used)}}
    name = f"{PREFIX}{hashlib.sha256(school_id.encode()).hexdigest()[:40]}.sealed"
    readers = entitled(ws, school_id)
    envelope = seal(json.dumps(payload, ensure_ascii=False, sort_keys=True).encode(),
                    {d["id"]: d["encryption_key"] for d in readers}, _aad(bundle_id, name))
    info = {"file": name, "school_id": school_id,
            "records": sum(len(v) for v in records.values()),
            "readers": [{"device_id": d["id"], "name": d["name"]} for d in readers]}
    return name, envelope, info


def entitled(ws, school_id: str) -> list[dict]:
    """Known devices that may read this school's teacher-ethics evaluations."""
    rows = ws.store.query("select * from devices where trusted = 1 and encryption_key is not "
                          "null and role in ('admin', 'inspector', 'principal') order by id")
    return [r for r in rows if r["role"] != "principal"
            or school_id in json.loads(r["schools"] or "[]")]


def _aad(bundle_id: str, name: str) -> bytes:
    return f"school-inspect/{bundle_id}/{name}".encode()


def after_export(ws) -> None:
    """Remember who could read what this (unrestricted) export sealed."""
    readers = json.dumps(_readers_now(ws))
    if ws.store.setting(READERS) != readers:
        with ws.store.atomic():
            ws.store.set_setting(READERS, readers)


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
        held = {r["id"] for r in bundle.records.get(table, [])}
        for number, row in enumerate(rows, 1):
            check_record(row, table, schema[table], f"{name}: {table} {number}")
            if row["id"] in held:
                raise BundleError(f"{name}: record {row['id']} appears twice.")
            held.add(row["id"])
        bundle.records.setdefault(table, []).extend(rows)
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
