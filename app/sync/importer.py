"""Import: verify everything first, then merge the whole bundle in one transaction.

Order: read and check the bundle (reader.py) → signer trust → already imported? → templates,
references, revs within the horizon, sign-offs and the sender's certificate (integrity.py) →
one transaction (devices, evidence files, records parent-first, HLC, the derived signed state,
bookkeeping) → a sanity check that every promised record is accounted for; any mismatch
rolls the whole import back. A process killed half-way leaves the database as it was.
"""

from __future__ import annotations

import gc
import json
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from app.errors import BundleError
from app.security import anchors, audit, audit_heads
from app.security.keys import public_key_b64
from app.storage.store import SYNCED_TABLES
from app.sync import confidential, device_roles, integrity, scope
from app.sync import trust as trust_mod
from app.sync.answer_check import check_bundle_values
from app.sync.append_only import check_append_only
from app.sync.export import LAST_EXPORT, export_mark
from app.sync.merge import OUTCOMES, MergeContext, merge_records
from app.sync.pinned import check_pinned
from app.sync.reader import Bundle, Limits, read_bundle
from app.sync.template_check import check_templates
from app.sync.records import (ID_CHUNK, chunked, current_revs, foreign_keys, marks,
                               revs_in_history, schema_of)

Progress = Callable[[int, int, str], None]


def verify_bundle(ws, path: Path | str, limits: Limits = Limits(), *,
                  horizon_hours: float | None = None) -> dict:
    """Every check that does not change the database; returns what the bundle holds."""
    with read_bundle(path, schema_of(ws.store), limits) as bundle:
        notices = check_content(ws, bundle, horizon_hours)
        _audit_heads(ws, bundle)
    known = ws.store.get("devices", bundle.sender["device_id"])
    return {**describe(bundle), "signature": "valid",
            "fingerprint": trust_mod.fingerprint(bundle.sender["public_key"]),
            "sender_known": bool(known and known["trusted"]
                                 and known["public_key"] == bundle.sender["public_key"]),
            "already_imported": _already(ws, bundle), "notices": notices}


def check_content(ws, bundle: Bundle, horizon_hours: float | None = None) -> list[str]:
    """The checks on what the records say, before the transaction; returns notices."""
    integrity.check_rev_horizon(ws, bundle, integrity.horizon_hours(ws, horizon_hours))
    check_templates(ws, bundle)
    check_response_ids(bundle)
    check_pinned(ws.store, bundle.records)     # before answers are judged by their template
    check_bundle_values(ws.store, bundle.records,
                        {tid: parsed for tid, (_body, _sha, parsed) in bundle.templates.items()})
    check_references(ws.store, bundle)
    check_append_only(ws.store, bundle)
    integrity.check_certificates(bundle)
    return integrity.check_signoffs(ws, bundle)


def describe(bundle: Bundle) -> dict:
    m = bundle.manifest
    return {"bundle_id": m["bundle_id"], "kind": m["kind"], "created_at": m["created_at"],
            "sender": {k: m["sender"].get(k) for k in ("device_id", "name")},
            "counts": m["counts"], "evidence_files": len(bundle.blobs)}


def import_bundle(ws, path: Path | str, *, trust: bool = False,
                  progress: Progress | None = None, limits: Limits = Limits(),
                  horizon_hours: float | None = None) -> dict:
    """Verify and merge a bundle; returns {bundle_id, status, tables: {table: outcomes},
    notices: [one line each: what was kept but not believed]}."""
    with _without_cycle_collection():
        return _import(ws, path, trust, progress, limits, horizon_hours)


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused while a bundle is imported: the records held for the
    checks are plain dicts and lists (no cycles to find), but each full collection walks all
    of them, and at 10,000 inspections (1 GB of records) those walks were a fifth of the
    import's time and made it grow faster than the bundle. Reference counting still frees
    everything; the collector is back on (if it was) whatever happens."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _import(ws, path, trust, progress, limits, horizon_hours) -> dict:
    schema = schema_of(ws.store)
    with read_bundle(path, schema, limits) as bundle:
        return _import_read(ws, bundle, schema, trust, progress, horizon_hours)


def _import_read(ws, bundle: Bundle, schema, trust, progress, horizon_hours) -> dict:
    store = ws.store
    device = trust_mod.check_sender(ws, bundle.sender, trust=trust)
    if _already(ws, bundle):
        return {**describe(bundle), "status": "already_imported", "tables": {}, "notices": []}
    sealed = confidential.open_into(ws, bundle, schema)
    notices = check_content(ws, bundle, horizon_hours)
    scope.check_bundle(store, bundle, *scope.sender_actor(device, bundle.sender),
                       bundle.sender["device_id"])
    newly_trusted = device is not None and not (
        (known := store.get("devices", device["id"])) and known["trusted"])
    tables, derived = _merge_all(ws, bundle, schema, device, progress or (lambda *a: None),
                                 newly_trusted)
    _audit_heads(ws, bundle)
    _install_certificates(ws, bundle, device)
    return {**describe(bundle), "status": "imported", "tables": tables,
            "notices": notices + derived, "confidential": sealed}


def _audit_heads(ws, bundle: Bundle) -> list[dict]:
    return audit_heads.heads_in(ws.store, bundle.manifest, public_key_b64(ws.device_key))


def _already(ws, bundle: Bundle) -> bool:
    return bool(ws.store.scalar("select 1 from imported_bundles where bundle_id = ?",
                                [bundle.bundle_id]))


# -- checks before the transaction ---------------------------------------------------------
def check_response_ids(bundle: Bundle) -> None:
    """An answer's id is derived from (inspection, item) on every device; another id would
    be a second answer to the same item."""
    from app.services.answers import response_id
    rows = bundle.records.get("responses")
    if not rows:
        return
    for record_id, inspection_id, item_key in zip(
            rows.column("id"), rows.column("inspection_id"), rows.column("item_key")):
        if record_id != response_id(str(inspection_id), str(item_key)):
            raise BundleError(f"records/responses.ndjson: answer {record_id} does not have the "
                              f"id of item {item_key!r:.60} of its inspection; "
                              "refused.")


def check_references(store, bundle: Bundle) -> None:
    """Every reference must resolve in the bundle or in this database."""
    fks = foreign_keys(store)
    in_bundle = {t: set(rows.column("id")) for t, rows in bundle.records.items()}
    for table, rows in bundle.records.items():
        # Column by column (no dict per record), in the order of records, then of keys.
        refs = [rows.column(column) for column, _other, _other_column in fks[table]]
        for number, record_id in enumerate(rows.column("id")):
            for (column, other, other_column), values in zip(fks[table], refs):
                ref = values[number]
                if ref is None:
                    continue
                if other == "blobs":
                    found = ref in bundle.blobs or store.scalar(
                        "select 1 from blobs where sha256 = ?", [ref])
                else:
                    found = ref in in_bundle.get(other, ()) or store.scalar(
                        f"select 1 from [{other}] where [{other_column}] = ?", [ref])
                if not found:
                    raise BundleError(
                        f"records/{table}.ndjson: record {record_id} refers to {other} "
                        f"{ref!r:.80} ({column}), which is neither in the bundle nor in this "
                        "database; import the earlier bundle first or ask for a full export.")


# -- the transaction -----------------------------------------------------------------------
def _merge_all(ws, bundle: Bundle, schema, device, progress: Progress,
               newly_trusted: bool) -> tuple[dict, list[str]]:
    store = ws.store
    now = store.clock_iso()
    total = sum(len(rows) for rows in bundle.records.values())
    tables = {t: dict.fromkeys(OUTCOMES, 0) for t in SYNCED_TABLES if t in bundle.records}
    # A larger page cache and in-memory statement journals for the one big transaction
    # (`Store.bulk_cache`: the indexes of tens of thousands of new rows stay in memory).
    with store.bulk_cache(), store.atomic():
        # Self-references (linked inspections, carried-over actions) may come in any order;
        # they are checked once everything is written, still inside the transaction.
        store.defer_foreign_keys()
        trust_mod.record_sender(ws, device, now)
        device_roles.apply_records(ws, bundle.extras.get(device_roles.ROLES_FILE))
        # Evidence files one at a time, read from the archive again and checked again
        # (bundle_blobs.py). Before the records: a file written after the records that
        # refer to it would make SQLite look for those records (a deferred foreign key
        # pending) at each insert.
        for sha, data in bundle.blobs.items():
            store.put_blob(sha, data, "application/octet-stream")
        ctx = MergeContext.for_store(store, bundle.bundle_id, now, schema)
        done, written = 0, {}
        for table in tables:
            written[table] = _write_order(table, bundle.records[table])
            for outcome in merge_records(ctx, table, written[table]):
                tables[table][outcome] += 1
                done += 1
                if done % 200 == 0:
                    progress(done, total, table)
        store.save_clock()
        derived = integrity.derive_signed(ws, bundle, newly_trusted)
        audit_heads.witness(store, _audit_heads(ws, bundle), bundle.sender["device_id"], now)
        _lower_export_mark(store, bundle)
        sanity_check(store, bundle, tables, written)
        # Scores of the inspections whose answers or template this import changed.
        store.refresh_scores(known_templates=bundle.templates)
        store.put_local("imported_bundles", {
            "bundle_id": bundle.bundle_id, "imported_at": now,
            "sender_device_id": bundle.sender["device_id"], "kind": bundle.manifest["kind"],
            "summary": json.dumps(tables, sort_keys=True)})
        audit.append(store, actor=ws.actor, action="bundle.import", entity="imported_bundles",
                     entity_id=bundle.bundle_id, detail={"sender": bundle.sender["device_id"],
                                                         "kind": bundle.manifest["kind"]})
    progress(total, total, "done")
    return tables, derived


# The parent whose children the app reads together (an inspection's answers, evidence,
# actions and sign-offs; an action's events), and the import writes together.
WRITTEN_BY = {"responses": "inspection_id", "attachments": "inspection_id",
              "actions": "inspection_id", "signatures": "inspection_id",
              "action_events": "action_id"}


def _write_order(table: str, rows):
    """A table's records in the order they are written: a bundle lists them by id, and an
    answer's id is a hash, so in bundle order one inspection's answers land on as many
    table pages as it has answers. Written grouped by their parent, they share a page or
    two: what reads them by parent (the sign-off check, the scores, then every screen)
    touches those pages only, and the parent and rev indexes grow at their ends instead of
    at random places. Records of different ids merge independently, so the order changes
    no outcome."""
    column = WRITTEN_BY.get(table)
    return rows.grouped_by(column) if column is not None else rows


def _lower_export_mark(store, bundle: Bundle) -> None:
    """Rows relayed from others may carry revs older than our last export; move the mark
    below them so "changes since last export" passes them on."""
    mark = export_mark(store)
    oldest = min((min(rows.column("rev")) for rows in bundle.records.values() if rows),
                 default=None)
    if mark and oldest is not None and oldest <= mark:
        store.set_setting(LAST_EXPORT, oldest.rsplit(".", 1)[0])


def sanity_check(store, bundle: Bundle, tables: dict, written: dict | None = None) -> None:
    """Like Anki's post-sync check: every record the bundle promised is now current, part of
    what we hold, or kept in a conflict; counts must agree. Set-based: the database is read
    a few hundred records per query, not record by record (`written`: the tables in the
    order they were merged, `_write_order`)."""
    for table, outcomes in tables.items():
        promised = bundle.manifest["counts"].get(table, 0)
        if sum(outcomes.values()) != promised:
            raise BundleError(f"Import check failed: {table} accounted for "
                              f"{sum(outcomes.values())} records, the bundle promised "
                              f"{promised}. Nothing was imported.")
    missing = _first_unaccounted(store, bundle.records, written)
    if missing:
        raise BundleError(f"Import check failed: {missing} from the bundle is not in the "
                          "database after merging. Nothing was imported.")
    held = set()
    for chunk in chunked(bundle.blobs):
        held.update(sha for (sha,) in store.rows(
            f"select sha256 from blobs where sha256 in ({marks(chunk)})", chunk))
    missing_blobs = [s for s in bundle.blobs if s not in held]
    if missing_blobs:
        raise BundleError(f"Import check failed: evidence file {missing_blobs[0][:12]}… is "
                          "missing after merging. Nothing was imported.")
    broken = store.foreign_key_problems()
    if broken:
        raise BundleError(f"Import check failed: a {broken[0]['table']} record refers to a "
                          f"missing {broken[0]['parent']} record. Nothing was imported.")


def _first_unaccounted(store, records: dict[str, list[dict]],
                       written: dict | None = None) -> str | None:
    """"table id" of the first record (in bundle order) that is neither current, nor in our
    history, nor kept as the incoming side of a conflict; None when all are accounted for.
    `written`: the tables as merged (`_write_order`), read in that order."""
    for table, rows in records.items():
        mine = (written or {}).get(table, rows)
        ids, revs = mine.column("id"), mine.column("rev")       # no dict per record
        column = WRITTEN_BY.get(table)
        parents = mine.column(column) if column is not None else None
        missing = set()
        for start in range(0, len(ids), ID_CHUNK):
            part = slice(start, start + ID_CHUNK)
            missing.update(_unaccounted(store, table, ids[part], revs[part], column,
                                        parents[part] if parents is not None else None))
        if missing:
            return f"{table} {next(i for i in rows.column('id') if i in missing)}"
    return None


def _unaccounted(store, table: str, ids: list, revs: list, column: str | None,
                 parents: list | None) -> list:
    """The ids of the records (`ids`, `revs`) not accounted for (`_first_unaccounted`).

    Records written grouped by their parent (`_write_order`) are first read by parent: a
    few hundred of them lie on a few pages of the table and of the parent's index, where
    by id each would be a page of its own. A row found so is the row of that id (ids are
    unique); a record not found so is then looked up by id."""
    current: dict = {}
    group = [] if parents is None else [p for p in dict.fromkeys(parents) if p is not None]
    if group:
        current.update(store.rows(f"select id, rev from [{table}] where [{column}] in "
                                  f"({marks(group)})", group))
    current.update(current_revs(store, table, [i for i, rev in zip(ids, revs)
                                               if current.get(i) != rev]))
    others = [(i, rev) for i, rev in zip(ids, revs) if current.get(i) != rev]
    if not others:
        return []
    history = revs_in_history(store, table, (i for i, _rev in others))
    return [i for i, rev in others if rev not in history.get(i, ()) and
            not _kept_in_conflict(store, table, {"id": i, "rev": rev})]


def _kept_in_conflict(store, table: str, record: dict) -> bool:
    return bool(store.scalar(
        "select 1 from conflicts where table_name = ? and record_id = ? and "
        "json_extract(theirs, '$.rev') = ?", [table, record["id"], record["rev"]]))


def _install_certificates(ws, bundle: Bundle, device) -> None:
    """A trusted sender's own leaf certificate (checked in integrity.py) is kept as that
    device's certificate: it verifies reports that device signs, and nothing else."""
    pem = integrity.check_certificates(bundle)
    if pem is None or device is None or not device.get("trusted"):
        return
    anchors.install_peer_leaf(ws.paths.trust_store, bundle.sender["device_id"], pem)
