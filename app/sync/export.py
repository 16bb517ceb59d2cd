"""Export: write a signed bundle of everything, of the changes since the last export, or an
office → inspector assignment, optionally limited to some schools or inspections.

Parent records (school, template, teacher, linked inspections) always travel with their
children so that a receiver never gets a record whose references point nowhere.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import uuid
import zipfile
from pathlib import Path
from typing import Callable

from app.clock import HORIZON_MS, REV_RE
from app.errors import ValidationError
from app.security import audit_heads, roles
from app.storage.store import SYNCED_TABLES
from app.sync import confidential, device_roles
from app.sync import manifest as mf
from app.sync.records import (ANCESTRY, MAX_ANCESTRY, foreign_keys, records_digest,
                              revs_in_history)

LAST_EXPORT = "sync_last_export_rev"
MARK_RE = re.compile(r"^([0-9]{13})\.[0-9]{5}(\.[A-Za-z0-9_-]{1,64})?$")
# The highest rev any exported bundle held (every export, filtered or not).
EXPORTED_UP_TO = "sync_exported_up_to_rev"
BLOB_COLUMNS = {("attachments", "sha256"), ("signatures", "image_sha256"),
                ("action_evidence", "sha256")}
Progress = Callable[[int, int, str], None]


def export_bundle(ws, out: Path | str, *, kind: str = "changes", schools=(), inspections=(),
                  progress: Progress | None = None) -> dict:
    """Write the bundle to `out`; returns a summary (bundle id, path, counts, files)."""
    if kind not in mf.KINDS:
        raise ValidationError(f"kind must be one of {', '.join(mf.KINDS)}.")
    store = ws.store
    scope = _scope(ws, schools, inspections)
    chosen = set(schools) or (set(scope or ()) if not inspections else set())
    rows = _select(store, kind, chosen, set(inspections))
    if kind == "changes":
        for table, extra in confidential.extra_rows(ws).items():
            rows[table].update({r["id"]: r for r in extra})
    if scope is not None:       # a principal's device sends its own school(s) only
        rows = _limit(store, rows, set(scope), set())
    _add_parents(store, rows)
    _add_ancestry(store, rows)
    blobs = sorted({row[col] for (table, col) in BLOB_COLUMNS for row in rows[table].values()
                    if row.get(col)})
    out = Path(out)
    summary = _write(ws, out, kind, rows, blobs, progress or (lambda *a: None))
    if kind in ("changes", "full") and not schools and not inspections:
        _remember_export(store, rows)
        confidential.after_export(ws)
    _remember_exported_up_to(store, rows)
    return summary


# -- choosing rows -------------------------------------------------------------------------
def _scope(ws, schools, inspections) -> frozenset | None:
    """The schools this profile may read (None: every school); a bundle is a read like any
    other, so a school or inspection outside them is refused, in one line."""
    for school in schools:
        roles.require_read(ws, school)
    for inspection in inspections:
        roles.require_scope_of(ws, "inspections", inspection)
    return roles.visible_schools(ws)


def _select(store, kind: str, schools: set, inspections: set) -> dict[str, dict[str, dict]]:
    if kind == "assignment":
        return _assignment(store, schools)
    where, params = "1", []
    if kind == "changes":
        where, params = "rev > ?", [export_mark(store)]
    rows = {t: {r["id"]: r for r in store.query(f"select * from [{t}] where {where}", params)}
            for t in SYNCED_TABLES}
    if schools or inspections:
        rows = _limit(store, rows, schools, inspections)
    return rows


def _limit(store, rows, schools: set, inspections: set) -> dict:
    """Keep what belongs to the chosen schools or inspections."""
    chosen = set(inspections) | {r["id"] for r in store.query(
        "select id from inspections") if _belongs(store, r["id"], schools)}
    keep = {t: {} for t in SYNCED_TABLES}
    for table, by_id in rows.items():
        for rid, row in by_id.items():
            if (table == "schools" and rid in schools
                    or table == "teachers" and row["school_id"] in schools
                    or table == "inspections" and rid in chosen
                    or table in ("responses", "attachments", "signatures")
                    and row["inspection_id"] in chosen
                    or table == "actions" and (row["inspection_id"] in chosen
                                               or row["school_id"] in schools)):
                keep[table][rid] = row
    _keep_action_history(rows, keep, schools)
    return keep


def _keep_action_history(rows: dict, keep: dict, schools: set) -> None:
    """An action's life-cycle events and their evidence travel with the action."""
    kept_actions = set(keep["actions"])
    keep["action_events"] = {rid: r for rid, r in rows["action_events"].items()
                             if r["action_id"] in kept_actions or r["school_id"] in schools}
    keep["action_evidence"] = {rid: r for rid, r in rows["action_evidence"].items()
                               if r["event_id"] in keep["action_events"]}


def _belongs(store, inspection_id: str, schools: set) -> bool:
    return bool(schools) and store.scalar("select school_id from inspections where id = ?",
                                          [inspection_id]) in schools


def _assignment(store, schools: set) -> dict:
    """Office → inspector: schools, their teachers, templates, planned (draft) visits."""
    if not schools:
        schools = {r["id"] for r in store.query("select id from schools where deleted = 0")}
    marks = ",".join("?" * len(schools)) or "''"
    ids = list(schools)
    queries = {
        "schools": (f"select * from schools where id in ({marks})", ids),
        "teachers": (f"select * from teachers where school_id in ({marks})", ids),
        "users": ("select * from users where deleted = 0", []),
        "templates": ("select * from templates where deleted = 0", []),
        "inspections": (f"select * from inspections where status = 'draft' and deleted = 0 "
                        f"and school_id in ({marks})", ids),
    }
    rows = {t: {} for t in SYNCED_TABLES}
    for table, (sql, params) in queries.items():
        rows[table] = {r["id"]: r for r in store.query(sql, params)}
    return rows


def _add_parents(store, rows: dict) -> None:
    """Close over foreign keys so every reference resolves inside the bundle or at home."""
    fks = foreign_keys(store)
    pending = [(t, r) for t in SYNCED_TABLES for r in list(rows[t].values())]
    while pending:
        table, row = pending.pop()
        for column, other, _ in fks[table]:
            ref = row.get(column)
            if other == "blobs" or ref is None or ref in rows[other]:
                continue
            parent = store.get(other, ref)
            if parent is not None:
                rows[other][ref] = parent
                pending.append((other, parent))


def _add_ancestry(store, rows: dict) -> None:
    """Each record's older revs from history, read set-wise (one query per few hundred
    records, not one per record)."""
    for table, by_id in rows.items():
        history = revs_in_history(store, table, by_id)
        for rid, row in by_id.items():
            revs = [rev for rev in history.get(rid, ()) if rev != row["rev"]]
            row[ANCESTRY] = revs[-MAX_ANCESTRY:]


def export_mark(store) -> str:
    """The rev "changes since the last export" starts after. A mark that is not a rev prefix
    or lies beyond the horizon (written by an older version from a poisoned rev) is ignored:
    better one bundle too many than changes that never travel."""
    mark = store.setting(LAST_EXPORT, "") or ""
    match = MARK_RE.fullmatch(mark)
    if match is None or int(match.group(1)) > store.clock.ms() + HORIZON_MS:
        return ""
    return mark


def _remember_export(store, rows: dict) -> None:
    # Only revs this clock could have made or adopted move the mark (never a future one).
    limit = store.clock.ms() + HORIZON_MS
    revs = [r["rev"] for by_id in rows.values() for r in by_id.values()
            if REV_RE.fullmatch(r["rev"]) and int(r["rev"][:13]) <= limit]
    top = max(revs, default=None)
    if top and top > export_mark(store):
        with store.atomic():
            store.set_setting(LAST_EXPORT, top)


def _remember_exported_up_to(store, rows: dict) -> None:
    """Every export, filtered or not: records at or below this rev may exist elsewhere, so
    deleting one must leave a tombstone (app.services.deletion)."""
    top = max((r["rev"] for by_id in rows.values() for r in by_id.values()), default=None)
    if top and top > (store.setting(EXPORTED_UP_TO, "") or ""):
        with store.atomic():
            store.set_setting(EXPORTED_UP_TO, top)


# -- writing -------------------------------------------------------------------------------
def _write(ws, out: Path, kind: str, rows: dict, blobs: list[str], progress: Progress) -> dict:
    bundle_id = str(uuid.uuid4())
    rows, blobs, sealed, secret = confidential.split(ws, rows, blobs, bundle_id)
    files: dict[str, bytes] = dict(sealed)
    # One encoder for every line (json.dumps with options builds one per call); the same text.
    encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
    for table in SYNCED_TABLES:
        if rows[table]:
            lines = [encode(r) for _, r in sorted(rows[table].items())]
            files[f"records/{table}.ndjson"] = ("\n".join(lines) + "\n").encode("utf-8")
    roles_json = device_roles.export_records(ws)
    if roles_json:
        files[device_roles.ROLES_FILE] = roles_json
    cert = _certificate(ws)
    if cert:
        files[f"certificates/{hashlib.sha256(cert).hexdigest()}.pem"] = cert
    counts = {t: len(rows[t]) for t in SYNCED_TABLES if rows[t]}
    entries = [{"path": p, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
               for p, d in files.items()]
    total = len(files) + len(blobs)
    blob_entries = []
    for n, sha in enumerate(blobs):
        data = ws.store.blob(sha)
        blob_entries.append((f"attachments/{sha}", data))
        entries.append({"path": f"attachments/{sha}", "size": len(data), "sha256": sha})
        progress(n + 1, total, "evidence")
    manifest_bytes = mf.build_manifest(
        bundle_id=bundle_id, created_at=ws.store.clock_iso(), kind=kind,
        sender={**mf.sender_of(ws.profile.device_id, ws.actor, ws.device_key),
                **device_roles.declaration(ws)}, counts=counts,
        files=entries, extra={"records_sha256": records_digest(
            {t: list(rows[t].values()) for t in SYNCED_TABLES}), "confidential": secret,
            audit_heads.MANIFEST_KEY: _audit_heads(ws)})
    _zip(out, manifest_bytes, mf.sign(manifest_bytes, ws.device_key),
         list(files.items()) + blob_entries)
    progress(total, total, "done")
    return {"bundle_id": bundle_id, "path": str(out), "kind": kind, "counts": counts,
            "evidence_files": len(blobs), "bytes": out.stat().st_size,
            "confidential": secret}


def _audit_heads(ws) -> list[dict]:
    """Checkpoint the audit chain at every export; the heads travel as witnesses."""
    with ws.store.atomic():
        audit_heads.checkpoint(ws.store, reason="export")
    return audit_heads.heads_to_send(ws.store)


def _certificate(ws) -> bytes | None:
    # The RSA identity is made on demand; a profile without a user name has none to send.
    if not ws.profile.user_name:
        return None
    return ws.signing_identity()[1].read_bytes()


def _zip(out: Path, manifest_bytes: bytes, signature: bytes, entries) -> None:
    """Write to a temporary name and rename, so a half-written bundle never has the real name."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(mf.MANIFEST, manifest_bytes)
        archive.writestr(mf.SIGNATURE, signature)
        for name, data in entries:
            compress = zipfile.ZIP_STORED if name.startswith("attachments/") else \
                zipfile.ZIP_DEFLATED
            archive.writestr(name, data, compress_type=compress)
    os.replace(tmp, out)
