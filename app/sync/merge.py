"""Three-way merge of one incoming record into the database.

Revs are hybrid logical clocks; a record's *ancestry* is the set of older revs its content
includes (locally: the revs kept in `history`; in a bundle: the record's `ancestry` list).

- new → insert (keeping the sender's rev, base_rev and device id);
- same rev, or incoming already in our ancestry → keep ours;
- our rev in the incoming ancestry → apply theirs (fast-forward);
- both changed → merge field by field against the common base; the same field changed on
  both sides becomes a row in `conflicts` (ours stays current, theirs is kept);
- a record of an inspection that was signed here is frozen: any incoming change to it, its
  answers, evidence, action content or sign-offs (a new sign-off, a tombstone, an edit) is a
  conflict, never a silent overwrite; such a conflict cannot be resolved into the frozen
  inspection either (conflicts.py) — only an amendment here unfreezes it.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import Iterator

from app.services.guard import ACTION_CONTENT, FROZEN_CHILDREN
from app.domain.limits import check_fields
from app.sync.records import ANCESTRY, chunked, content_fields

# Bookkeeping stamps that change with every edit: when both sides changed them, the later
# rev's stamp wins instead of raising a conflict nobody cares about.
AUTO_FIELDS = {"updated_at", "answered_at", "answered_by"}
ADDED, UPDATED, UNCHANGED, CONFLICT, SKIPPED = ("added", "updated", "unchanged", "conflicts",
                                               "skipped")
OUTCOMES = (ADDED, UPDATED, UNCHANGED, CONFLICT, SKIPPED)
_UNREAD = object()


@dataclass
class MergeContext:
    store: object
    bundle_id: str
    now: str
    columns: dict[str, list[str]]
    signed: set[str] = field(default_factory=set)   # inspections signed here before import

    @classmethod
    def for_store(cls, store, bundle_id: str, now: str, schema: dict) -> "MergeContext":
        signed = {r["id"] for r in store.query(
            "select id from inspections where status = 'signed' and deleted = 0")}
        return cls(store, bundle_id, now, {t: list(c) for t, c in schema.items()}, signed)


def merge_records(ctx: MergeContext, table: str, records: list[dict]) -> Iterator[str]:
    """Merge the records of one table in order; yields one of OUTCOMES per record.

    `records` as `reader.read_bundle` gives them: each passed `records.check_record`, which
    holds them to the limits and enumerations of `check_fields` (a record new here is written
    as it was read, so it is not checked twice).

    Set-wise: the rows held here are read a few hundred ids per query, and a run of records
    new here (none of a frozen inspection) is inserted in one statement; every other record
    (a real merge, a conflict) goes through `merge_record`. Writes and the clock happen in
    the same order as one record at a time: a pending run is written before the next record
    that needs its own merge."""
    columns = ctx.columns[table]
    for chunk in chunked(records):
        held = ctx.store.get_many(table, [r["id"] for r in chunk])
        fresh: list[dict] = []
        for incoming in chunk:
            ours = held.get(incoming["id"])
            if ours is None and not _frozen(ctx, table, incoming):
                fresh.append(incoming)
                yield ADDED
                continue
            _insert_fresh(ctx.store, table, columns, fresh)
            yield merge_record(ctx, table, incoming, ours=ours)
        _insert_fresh(ctx.store, table, columns, fresh)


def _insert_fresh(store, table: str, columns: list[str], records: list[dict]) -> None:
    """Write a run of new records and fold their revs into the clock; empties `records`."""
    if not records:
        return
    revs = [record["rev"] for record in records]
    # Observing the greatest rev is observing them all, unless it lies beyond the clock's
    # horizon (then it is ignored and the others count one by one).
    top = max(revs, key=lambda rev: rev[:19])
    store.observe_rev(top)
    if store.last_rev[:19] < top[:19]:
        for rev in revs:
            store.observe_rev(rev)
    # The table's columns only (a record's `ancestry` is not one); a column it lacks is NULL.
    store.write_rows(table, columns, [tuple(map(record.get, columns)) for record in records])
    records.clear()


def merge_record(ctx: MergeContext, table: str, incoming: dict, *,
                 ours: dict | None | object = _UNREAD) -> str:
    """Merge one record (`ours`: the row held here, when the caller has read it already);
    returns one of OUTCOMES."""
    store = ctx.store
    theirs = {c: incoming.get(c) for c in ctx.columns[table]}
    store.observe_rev(theirs["rev"])     # validated and within the horizon (records.py)
    if ours is _UNREAD:
        ours = store.get(table, theirs["id"])
    if ours is None:
        if _frozen(ctx, table, theirs):
            return _conflict(ctx, table, None, theirs, None, _changed(table, {}, theirs))
        write_row(store, table, theirs, insert=True)
        return ADDED
    if ours["rev"] == theirs["rev"]:
        return UNCHANGED
    ours_anc = ancestry_of(store, table, ours["id"])
    if theirs["rev"] in ours_anc:
        return SKIPPED       # ours already includes it
    theirs_anc = set(incoming.get(ANCESTRY) or []) | {theirs["base_rev"]} - {None}
    if ours["rev"] in theirs_anc:
        return _fast_forward(ctx, table, ours, theirs, theirs_anc)
    return _both_changed(ctx, table, ours, theirs, ours_anc & theirs_anc, theirs_anc)


def ancestry_of(store, table: str, record_id: str) -> set[str]:
    return {r["rev"] for r in store.query(
        "select rev from history where table_name = ? and record_id = ?", [table, record_id])}


def _fast_forward(ctx, table, ours, theirs, theirs_anc) -> str:
    if _frozen(ctx, table, ours):
        fields = _changed(table, ours, theirs)
        if fields:
            return _conflict(ctx, table, ours, theirs, ours, fields)
    _adopt(ctx, table, ours, theirs, theirs_anc)
    return UPDATED if content_fields(ours) != content_fields(theirs) else UNCHANGED


def _both_changed(ctx, table, ours, theirs, common: set, theirs_anc) -> str:
    store = ctx.store
    base = _common_base(store, table, ours["id"], common)
    frozen_fields = _changed(table, ours, theirs) if _frozen(ctx, table, ours) else []
    if frozen_fields:
        merged, conflicts = dict(ours), frozen_fields
    else:
        merged, conflicts = three_way(base, ours, theirs)
    if conflicts:
        if content_fields(merged) != content_fields(ours):
            write_new_rev(store, table, ours, merged)
        return _conflict(ctx, table, ours, theirs, base, conflicts)
    same_as_ours = content_fields(merged) == content_fields(ours)
    same_as_theirs = content_fields(merged) == content_fields(theirs)
    if same_as_theirs and (not same_as_ours or theirs["rev"] > ours["rev"]):
        # Equal content on both sides: both settle on the greater rev, so they converge.
        _adopt(ctx, table, ours, theirs, theirs_anc)
        return UNCHANGED if same_as_ours else UPDATED
    store.remember(table, theirs)
    if same_as_ours:
        return UNCHANGED
    write_new_rev(store, table, ours, merged)
    return UPDATED


def three_way(base: dict | None, ours: dict, theirs: dict) -> tuple[dict, list[str]]:
    """Field-by-field merge; returns the merged row (ours where both changed) and the fields
    changed differently on both sides."""
    merged, conflicts = dict(ours), []
    later = theirs if theirs["rev"] > ours["rev"] else ours
    for name, their_value in content_fields(theirs).items():
        our_value = ours.get(name)
        if our_value == their_value:
            continue
        base_value = base.get(name) if base is not None else None
        if base is not None and our_value == base_value:
            merged[name] = their_value
        elif base is not None and their_value == base_value:
            continue
        elif name in AUTO_FIELDS:
            merged[name] = later.get(name)
        else:
            conflicts.append(name)
    return merged, conflicts


def _common_base(store, table: str, record_id: str, common: set) -> dict | None:
    for rev in sorted(common, reverse=True):
        found = store.version(table, record_id, rev)
        if found is not None:
            return found
    return None


def _frozen(ctx: MergeContext, table: str, row: dict) -> bool:
    if table == "inspections":
        return row["id"] in ctx.signed
    return table in FROZEN_CHILDREN and row.get("inspection_id") in ctx.signed


def _changed(table: str, ours: dict, theirs: dict) -> list[str]:
    names = ACTION_CONTENT if table == "actions" else content_fields(theirs)
    return [n for n in names if n != "id" and n not in AUTO_FIELDS
            and ours.get(n) != theirs.get(n)]


def _adopt(ctx, table, ours, theirs, theirs_anc) -> None:
    """Take the incoming version as it is (its rev, base rev, device), keeping ours in history."""
    ctx.store.remember(table, ours)
    write_row(ctx.store, table, theirs, insert=False)
    supersede_conflicts(ctx.store, table, theirs["id"], theirs_anc | {theirs["rev"]}, ctx.now)


def _conflict(ctx, table, ours, theirs, base, fields) -> str:
    store = ctx.store
    open_same = store.scalar(
        "select count(*) from conflicts where table_name = ? and record_id = ? and "
        "resolved_at is null and json_extract(theirs, '$.rev') = ?",
        [table, theirs["id"], theirs["rev"]])
    if not open_same:
        store.put_local("conflicts", {
            "id": str(uuid.uuid4()), "table_name": table, "record_id": theirs["id"],
            "fields": json.dumps(fields), "ours": _dump(ours), "theirs": _dump(theirs),
            "base": _dump(base), "bundle_id": ctx.bundle_id, "created_at": ctx.now,
            "resolved_at": None, "resolution": None})
    return CONFLICT


def _dump(row: dict | None) -> str | None:
    return None if row is None else json.dumps(row, ensure_ascii=False, sort_keys=True)


def supersede_conflicts(store, table: str, record_id: str, known: set[str], now: str) -> None:
    """Open conflicts whose both sides the new version already includes are settled."""
    for row in store.query("select id, ours, theirs from conflicts where table_name = ? and "
                           "record_id = ? and resolved_at is null", [table, record_id]):
        ours, theirs = json.loads(row["ours"] or "null"), json.loads(row["theirs"])
        if theirs["rev"] in known and (ours is None or ours["rev"] in known):
            store.update_local("conflicts", row["id"], {"resolved_at": now,
                                                        "resolution": "superseded"})


def write_row(store, table: str, row: dict, *, insert: bool) -> None:
    """Write a full row as given (parameters only: text is stored exactly as sent), within
    the same limits and enumerations as every other write."""
    check_fields(table, row)
    store.write_row(table, row, insert=insert)


def write_new_rev(store, table: str, current: dict, values: dict) -> dict:
    """A local version derived from `current` (merge result, conflict resolution)."""
    rev = store.next_rev()
    store.remember(table, current)
    row = {**current, **content_fields(values), "rev": rev, "base_rev": current["rev"],
           "device_id": store.device_id}
    write_row(store, table, row, insert=False)
    return row
