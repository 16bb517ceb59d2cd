"""Conflicts: the same field changed on two devices. Ours stayed current, theirs was kept;
a person decides. The decision is written as a new rev (whose ancestry includes both sides)
so it syncs back and settles the other device too.

A conflict on a signed (frozen) inspection — its row, answers, evidence, action content or
sign-offs — cannot be resolved into it: taking theirs or an edited value is refused until the
inspection is amended here (`inspect amend`); keeping ours is always possible.
"""

from __future__ import annotations

import json

from app.errors import FrozenError, NotFoundError, StateError, ValidationError
from app.security import audit, roles
from app.services.guard import (frozen_fields, frozen_inspection_of,
                                owning_inspection)
from app.services.signoff import derive_status
from app.services.changes import Changes
from app.sync.scope import check_resolution
from app.sync.answer_check import TemplateSource, check_inspection, check_response
from app.sync.merge import supersede_conflicts, write_new_rev, write_row
from app.sync.pinned import check_amendment_kept
from app.sync.records import content_fields

TAKES = ("ours", "theirs", "edited")


def list_conflicts(ws, *, include_resolved: bool = False) -> list[dict]:
    """Conflicts with both sides decoded, oldest first."""
    sql = "select * from conflicts" + ("" if include_resolved else
                                       " where resolved_at is null")
    found = [_decode(r) for r in ws.store.query(sql + " order by created_at, id")]
    return [c for c in found if _readable(ws, c)]


def _readable(ws, conflict: dict) -> bool:
    """Within the read scope: a principal never sees another school's records, even as the
    two sides of a conflict their device met while importing."""
    visible = roles.visible_schools(ws)
    if visible is None:
        return True
    table = conflict["table_name"]
    held = ws.store.scalar(roles.SCHOOL_OF[table], [conflict["record_id"]]) \
        if table in roles.SCHOOL_OF else None
    schools = {held} | {roles.row_school(ws, table, side)
                        for side in (conflict["ours"], conflict["theirs"]) if side}
    return schools - {None} <= visible


def get_conflict(ws, conflict_id: str) -> dict:
    row = ws.store.get("conflicts", conflict_id)
    if row is None:     # (resolving checks the role first: check_resolution)
        raise NotFoundError(f"No conflict with id {conflict_id}; "
                            "`school-inspect conflicts list` shows the open ones.")
    return _decode(row)


def _decode(row: dict) -> dict:
    decoded = {**row}
    for key in ("fields", "ours", "theirs", "base"):
        decoded[key] = json.loads(row[key]) if row[key] else None
    return decoded


def resolve_conflict(ws, conflict_id: str, take: str, values: dict | None = None) -> Changes:
    """Settle a conflict: take ours, theirs, or edited values for the conflicting fields."""
    if take not in TAKES:
        raise ValidationError(f"take must be one of {', '.join(TAKES)}.")
    conflict = get_conflict(ws, conflict_id)
    if conflict["resolved_at"]:
        raise StateError("This conflict is already resolved.")
    table, theirs = conflict["table_name"], conflict["theirs"]
    chosen = _chosen_values(conflict, take, values or {})
    store = ws.store
    check_resolution(ws, table, {**(store.get(table, conflict["record_id"]) or theirs),
                                 **chosen})
    if table == "responses" and "value" in chosen:
        check_response(TemplateSource(store), {**theirs, **chosen},
                       where=f"answer {conflict['record_id']}")
    if table == "inspections":         # the same JSON rules as on import
        check_inspection(chosen, where=f"inspection {conflict['record_id']}",
                         error=ValidationError)
    now = store.clock_iso()
    with store.atomic():
        current = store.get(table, conflict["record_id"])
        _check_not_frozen(ws, table, current, theirs, chosen, take)
        if table == "inspections":
            check_amendment_kept(current, chosen)
        if current is None and take == "ours" and table == "signatures":
            row = theirs     # a sign-off made elsewhere stays out; nothing travels back
        elif current is None:
            row = _from_absent(store, table, theirs, chosen, take)
        else:
            store.remember(table, theirs)
            row = write_new_rev(store, table, current, {**content_fields(current), **chosen})
        store.update_local("conflicts", conflict_id, {"resolved_at": now, "resolution": take})
        known = {r["rev"] for r in store.query(
            "select rev from history where table_name = ? and record_id = ?",
            [table, row["id"]])} | {row["rev"]}
        supersede_conflicts(store, table, row["id"], known, now)
        if owning_inspection(table, row) and store.get("inspections",
                                                       owning_inspection(table, row)):
            derive_status(ws, owning_inspection(table, row))
        audit.append(store, actor=ws.actor, action="conflict.resolve", entity=table,
                     entity_id=row["id"], detail={"conflict": conflict_id, "take": take,
                                                  "fields": conflict["fields"]})
    return Changes.of(table, row["id"]) | Changes.of("conflicts", conflict_id)


def _check_not_frozen(ws, table: str, current: dict | None, theirs: dict, chosen: dict,
                      take: str) -> None:
    """Nothing from a conflict may change the content or sign-offs of a signed inspection."""
    if take == "ours":
        return
    if current is not None and all(current.get(k) == v for k, v in chosen.items()
                                   if k in frozen_fields(table, chosen)):
        return
    after = {**(current or theirs), **chosen}
    inspection_id = frozen_inspection_of(ws, table, current or theirs) or \
        frozen_inspection_of(ws, table, after)
    if inspection_id is None:
        return
    raise FrozenError(f"This conflict is about inspection {inspection_id}, which is signed "
                      "and frozen: their version cannot be taken into it. Keep ours, or "
                      f"amend the inspection first (school-inspect inspect amend "
                      f"{inspection_id} --reason …); the amendment needs signing again.")


def _chosen_values(conflict: dict, take: str, values: dict) -> dict:
    fields, theirs, ours = conflict["fields"], conflict["theirs"], conflict["ours"] or {}
    if take == "theirs":
        return {f: theirs.get(f) for f in fields}
    if take == "ours":
        return {}            # ours is what is current, including later local edits
    unknown = set(values) - set(fields)
    if unknown:
        raise ValidationError(f"Only the conflicting fields can be edited, not "
                              f"{', '.join(sorted(unknown))}.")
    return {f: values.get(f, ours.get(f)) for f in fields}


def _from_absent(store, table: str, theirs: dict, chosen: dict, take: str) -> dict:
    """A record that arrived for an inspection signed here: taking theirs adds it; keeping
    ours adds it as a tombstone, so the deletion travels back to the sender."""
    row = {**theirs, **chosen}
    if take == "ours":
        row["deleted"] = 1
    store.remember(table, theirs)
    rev = store.next_rev()
    write_row(store, table, {**row, "rev": rev, "base_rev": theirs["rev"],
                             "device_id": store.device_id}, insert=True)
    return {**row, "rev": rev}
