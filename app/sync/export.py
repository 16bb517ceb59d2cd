"""Export: write a signed bundle of everything, of the changes since the last export, or an
office → inspector assignment, optionally limited to some schools or inspections.

Parent records (school, template, teacher, linked inspections) always travel with their
children so that a receiver never gets a record whose references point nowhere.
"""

from __future__ import annotations

import hashlib
import re
import uuid
import zipfile
from pathlib import Path
from typing import Callable

from app.clock import HORIZON_MS, REV_RE
from app.errors import NotFoundError, ValidationError
from app.security import audit_heads, roles
from app.storage.store import SYNCED_TABLES
from app.sync import confidential, device_roles
from app.sync import manifest as mf
from app.sync.bundle_zip import Deflater, write_zip
from app.sync.export_lines import BLOB_COLUMNS, Lines
from app.sync.records_files import RecordsFiles, name_of
from app.sync.records import chunked, digest_lines, foreign_keys, lines_digest, marks

LAST_EXPORT = "sync_last_export_rev"
MARK_RE = re.compile(r"^([0-9]{13})\.[0-9]{5}(\.[A-Za-z0-9_-]{1,64})?$")
# The highest rev any exported bundle held (every export, filtered or not).
EXPORTED_UP_TO = "sync_exported_up_to_rev"
Progress = Callable[[int, int, str], None]


def export_bundle(ws, out: Path | str, *, kind: str = "changes", schools=(), inspections=(),
                  progress: Progress | None = None) -> dict:
    """Write the bundle to `out`; returns a summary (bundle id, path, counts, files)."""
    if kind not in mf.KINDS:
        raise ValidationError(f"kind must be one of {', '.join(mf.KINDS)}.")
    store = ws.store
    scope = _scope(ws, schools, inspections)
    chosen = set(schools) or (set(scope or ()) if not inspections else set())
    read = Lines(store, foreign_keys(store))
    whole = scope is None and not schools and not inspections
    with Deflater() as deflater:
        # Whole tables travel: their files are made and deflated while the rest is read.
        files = RecordsFiles(read, deflater, confidential.ethics_ids(store) if whole else None)
        rows = _select(store, read, kind, chosen, set(inspections), files)
        if kind == "changes":
            for table, ids in confidential.extra_ids(ws).items():
                rows[table].update(read.read_ids(table, ids))
        if scope is not None:       # a principal's device sends its own school(s) only
            rows = _limit(store, read, rows, set(scope), set())
        _add_parents(read, rows)
        blobs = sorted(filter(None, set().union(*(map(read.field(t, col), rows[t].values())
                                                  for t, col in BLOB_COLUMNS))))
        summary = _write(ws, Path(out), kind, (rows, read, blobs), files, deflater,
                         progress or (lambda *a: None))
    _remember(ws, read, rows, unrestricted=kind in ("changes", "full") and whole)
    return summary


# -- choosing rows -------------------------------------------------------------------------
# A record is chosen as its routing fields, a tuple (app/sync/export_lines.py, `Lines.field`
# reads one); its line waits in `Lines.lines` until the bundle is written.
def _scope(ws, schools, inspections) -> frozenset | None:
    """The schools this profile may read (None: every school); a bundle is a read like any
    other, so a school or inspection outside them is refused, in one line."""
    for school in schools:
        roles.require_read(ws, school)
    for inspection in inspections:
        roles.require_scope_of(ws, "inspections", inspection)
    return roles.visible_schools(ws)


def _select(store, read: Lines, kind: str, schools: set, inspections: set,
            files: RecordsFiles) -> dict[str, dict[str, tuple]]:
    if kind == "assignment":
        return _assignment(store, read, schools)
    where, params = "1", []
    if kind == "changes":
        where, params = "t.rev > ?", [export_mark(store)]
    rows = {}
    for table in SYNCED_TABLES:
        rows[table] = read.read(table, where, params)
        files.early(table, rows[table])
    if schools or inspections:
        rows = _limit(store, read, rows, schools, inspections)
    return rows


def _limit(store, read: Lines, rows, schools: set, inspections: set) -> dict:
    """Keep what belongs to the chosen schools or inspections."""
    chosen = set(inspections) | ({rid for rid, school in store.rows(
        "select id, school_id from inspections") if school in schools} if schools else set())
    keep = {t: {} for t in SYNCED_TABLES}
    for table, by_id in rows.items():
        school, inspection = read.field(table, "school_id"), read.field(table, "inspection_id")
        for rid, row in by_id.items():
            if (table == "schools" and rid in schools
                    or table == "teachers" and school(row) in schools
                    or table == "inspections" and rid in chosen
                    or table in ("responses", "attachments", "signatures")
                    and inspection(row) in chosen
                    or table == "actions" and (inspection(row) in chosen
                                               or school(row) in schools)):
                keep[table][rid] = row
    _keep_action_history(read, rows, keep, schools)
    return keep


def _keep_action_history(read: Lines, rows: dict, keep: dict, schools: set) -> None:
    """An action's life-cycle events and their evidence travel with the action."""
    kept_actions = set(keep["actions"])
    action, school = read.field("action_events", "action_id"), \
        read.field("action_events", "school_id")
    keep["action_events"] = {rid: r for rid, r in rows["action_events"].items()
                             if action(r) in kept_actions or school(r) in schools}
    event = read.field("action_evidence", "event_id")
    keep["action_evidence"] = {rid: r for rid, r in rows["action_evidence"].items()
                               if event(r) in keep["action_events"]}


def _assignment(store, read: Lines, schools: set) -> dict:
    """Office → inspector: schools, their teachers, templates, planned (draft) visits."""
    if not schools:
        schools = {r for (r,) in store.rows("select id from schools where deleted = 0")}
    ids = sorted(schools)
    rows = {t: {} for t in SYNCED_TABLES}
    rows["users"] = read.read("users", "t.deleted = 0")
    rows["templates"] = read.read("templates", "t.deleted = 0")
    for table, where in (("schools", "t.id"), ("teachers", "t.school_id"),
                         ("inspections", "t.status = 'draft' and t.deleted = 0 and "
                                         "t.school_id")):
        for chunk in chunked(ids):
            rows[table].update(read.read(table, f"{where} in ({marks(chunk)})", chunk))
    return rows


def _add_parents(read: Lines, rows: dict) -> None:
    """Close over foreign keys so every reference resolves inside the bundle or at home;
    the parents missing are read level by level, a few hundred per query."""
    pending = {t: list(rows[t].values()) for t in SYNCED_TABLES}
    while any(pending.values()):
        wanted: dict[str, set] = {t: set() for t in SYNCED_TABLES}
        for table, found in pending.items():
            for column, other, _ in read.fks[table] if found else ():
                if other not in rows:       # evidence files travel by their hash
                    continue
                refs = set(map(read.field(table, column), found))   # in C, not row by row
                refs.discard(None)
                wanted[other] |= refs.difference(rows[other])
        pending = {t: [] for t in SYNCED_TABLES}
        for other, refs in wanted.items():
            found = read.read_ids(other, sorted(refs, key=str))
            rows[other].update(found)
            pending[other] = list(found.values())


def export_mark(store) -> str:
    """The rev "changes since the last export" starts after. A mark that is not a rev prefix
    or lies beyond the horizon (written by an older version from a poisoned rev) is ignored:
    better one bundle too many than changes that never travel."""
    mark = store.setting(LAST_EXPORT, "") or ""
    match = MARK_RE.fullmatch(mark)
    if match is None or int(match.group(1)) > store.clock.ms() + HORIZON_MS:
        return ""
    return mark


def _remember(ws, read: Lines, rows: dict, *, unrestricted: bool) -> None:
    """After the bundle is written, in one transaction (one sync to disk): where the next
    "changes" export starts and who could read its sealed part (unrestricted exports only),
    and the highest rev any bundle held (every export)."""
    store = ws.store
    top, revs = _top_rev({t: list(map(read.field(t, "rev"), by_id.values()))
                          for t, by_id in rows.items()})
    settings = {}
    if unrestricted:
        mine = _top_made_here(store, top, revs)
        if mine and mine > export_mark(store):
            settings[LAST_EXPORT] = mine
        readers = confidential.readers_to_remember(ws)
        if readers is not None:
            settings[confidential.READERS] = readers
    # Records at or below this rev may exist elsewhere, so deleting one must leave a
    # tombstone (app.services.deletion).
    if top and top > (store.setting(EXPORTED_UP_TO, "") or ""):
        settings[EXPORTED_UP_TO] = top
    if settings:
        with store.atomic():
            for key, value in settings.items():
                store.set_setting(key, value)


def _top_rev(revs_of: dict[str, list]) -> tuple[str | None, Callable[[], set[str]]]:
    """(the greatest of the records' revs `revs_of` {table: revs}, their revs as text when
    asked for): each table's greatest found in C; all of them are gathered only when a rev
    of another type (stored outside the app) makes that impossible, or when `_top_made_here`
    must look further."""
    def revs() -> set[str]:
        found = set().union(*revs_of.values())
        return {rev for rev in found if isinstance(rev, str)}
    try:
        tops = [max(table_revs) for table_revs in revs_of.values() if table_revs]
    except TypeError:                       # revs of types that do not compare
        tops = [None]
    if all(type(top) is str for top in tops):
        return max(tops, default=None), revs
    return max(revs(), default=None), revs


def _top_made_here(store, top: str | None, revs: Callable[[], set[str]]) -> str | None:
    """The greatest rev this clock could have made or adopted (never a future one) — usually
    the greatest of all (`top`), so all `revs` are gathered and sorted only if not."""
    limit = store.clock.ms() + HORIZON_MS

    def made_here(rev: str) -> bool:
        return REV_RE.fullmatch(rev) is not None and int(rev[:13]) <= limit
    if top is None or made_here(top):
        return top
    return next((rev for rev in sorted(revs(), reverse=True) if made_here(rev)), None)


# -- writing -------------------------------------------------------------------------------
def _write(ws, out: Path, kind: str, chosen: tuple[dict, Lines, list[str]],
           records_files: RecordsFiles, deflater: Deflater, progress: Progress) -> dict:
    """Write the bundle of the `chosen` (rows, their lines as read, evidence hashes)."""
    bundle_id = str(uuid.uuid4())
    rows, read, blobs = chosen
    rows, blobs, sealed, secret = confidential.split(ws, rows, read, blobs, bundle_id)
    files, order = _files(ws, rows, records_files, sealed)
    deflater.add_all(files)             # in the background while the manifest is made
    counts = {t: len(rows[t]) for t in SYNCED_TABLES if rows[t]}
    entries = [{"path": p, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
               for p, d in files.items()]
    total = len(files) + len(blobs)
    blob_entries = []
    for n, (sha, data) in enumerate(zip(blobs, _evidence(ws.store, blobs))):
        blob_entries.append((f"attachments/{sha}", data, zipfile.ZIP_STORED))
        entries.append({"path": f"attachments/{sha}", "size": len(data), "sha256": sha})
        progress(n + 1, total, "evidence")
    manifest_bytes = mf.build_manifest(
        bundle_id=bundle_id, created_at=ws.store.clock_iso(), kind=kind,
        sender={**mf.sender_of(ws.profile.device_id, ws.actor, ws.device_key),
                **device_roles.declaration(ws)}, counts=counts,
        files=entries, extra={"records_sha256": _digest(records_files, order, rows),
                              "confidential": secret,
                              audit_heads.MANIFEST_KEY: _audit_heads(ws)})
    signature = mf.sign(manifest_bytes, ws.device_key)
    write_zip(out, [(mf.MANIFEST, manifest_bytes, zipfile.ZIP_DEFLATED),
                    (mf.SIGNATURE, signature, zipfile.ZIP_DEFLATED),
                    *((name, data, zipfile.ZIP_DEFLATED) for name, data in files.items()),
                    *blob_entries], deflater)
    progress(total, total, "done")
    return {"bundle_id": bundle_id, "path": str(out), "kind": kind, "counts": counts,
            "evidence_files": len(blobs), "bytes": out.stat().st_size,
            "confidential": secret}


def _evidence(store, blobs: list[str]) -> list[bytes]:
    """The evidence files of these hashes, in order, read a few hundred per query."""
    found: dict = {}
    for chunk in chunked(blobs):
        found.update(store.rows(f"select sha256, data from blobs where sha256 in "
                                f"({marks(chunk)})", chunk))
    missing = next((sha for sha in blobs if found.get(sha) is None), None)
    if missing is not None:
        raise NotFoundError(f"No evidence file {missing[:12]}… in this database.")
    return [found[sha] for sha in blobs]


def _files(ws, rows: dict, records_files: RecordsFiles,
           sealed: dict) -> tuple[dict[str, bytes], dict]:
    """({path: bytes} of the bundle's files but the manifest and evidence, in the bundle's
    order; {table: its records' ids in their file's order})."""
    files: dict[str, bytes] = dict(sealed)
    order = {t: records_files.order(t, rows[t]) for t in SYNCED_TABLES if rows[t]}
    for table, ids in order.items():
        files[name_of(table)] = records_files.file(table, ids)
    roles_json = device_roles.export_records(ws)
    if roles_json:
        files[device_roles.ROLES_FILE] = roles_json
    cert = _certificate(ws)
    if cert:
        files[f"certificates/{hashlib.sha256(cert).hexdigest()}.pem"] = cert
    return files, order


def _digest(records_files: RecordsFiles, order: dict[str, list], rows: dict) -> str:
    """`records_digest` of the clear records, its lines made in C and handed over nearly in
    their own order (tables by name, records by id), so its sort has next to nothing to do."""
    lines: list[str] = []
    for table in sorted(order):
        ids = order[table]
        lines += digest_lines(table, ids, records_files.revs(table, ids, rows[table]))
    return lines_digest(lines)


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
