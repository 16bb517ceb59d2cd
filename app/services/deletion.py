"""Deleting a mistaken inspection (wrong school, wrong template) before it is signed.

Two ways, chosen by where the inspection may already be:
- it was made on this device and no bundle exported since could have carried it: it is
  removed outright (with its answers, photos' records, actions and their history), as if it
  had never been started;
- otherwise (it came from another device, or a bundle exported after it was started may hold
  it) it becomes a tombstone, so the delete travels to every copy in the next bundle.

A signed inspection is never deleted (it is a record: amend it instead), a completed one is
reopened first, and one that another inspection builds on (a verification of this
self-assessment, a follow-up of this visit) is refused so no reference points nowhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.errors import StateError
from app.security import audit, roles
from app.services.changes import Changes
from app.sync.export import EXPORTED_UP_TO, LAST_EXPORT

if TYPE_CHECKING:
    from app.workspace import Workspace

DELETABLE = ("draft", "in_progress")
CHILD_TABLES = ("responses", "attachments", "actions")


def delete_inspection(ws: Workspace, inspection_id: str) -> Changes:
    """Delete (or tombstone) a draft or in-progress inspection; returns what changed."""
    store = ws.store
    with store.atomic():
        row = store.require("inspections", inspection_id, "inspection")
        roles.require_inspection_edit(ws, row)     # who may change it may delete it
        check_deletable(ws, row)
        local = only_here(ws, row)
        children = {t: [r["id"] for r in store.query(
            f"select id from [{t}] where inspection_id = ? and deleted = 0",
            [inspection_id])] for t in CHILD_TABLES}
        if local:
            _purge_moves(store, children["actions"])
        for table, ids in children.items():
            for child in ids:
                _remove(store, table, child, local)
        _remove(store, "inspections", inspection_id, local)
        audit.append(store, actor=ws.actor, action="inspection.delete",
                     entity="inspections", entity_id=inspection_id,
                     detail={"status": row["status"], "school_id": row["school_id"],
                             "template": f"{row['template_key']}@{row['template_version']}",
                             "how": "removed" if local else "tombstone"})
    changes = Changes.of("inspections", inspection_id)
    for table, ids in children.items():
        if ids:
            changes |= Changes.of(table, *ids)
    return changes


def check_deletable(ws: Workspace, row: dict) -> bool:
    """Raise StateError saying why `row` may not be deleted; True when it may."""
    if row["deleted"]:
        raise StateError("This inspection is already deleted.")
    if row["status"] == "signed":
        raise StateError("A signed inspection is a record and cannot be deleted; amend it "
                         "instead if something in it is wrong.")
    if row["status"] not in DELETABLE:
        raise StateError("Only a draft or an inspection in progress can be deleted; reopen "
                         "this completed inspection first.")
    dependent = ws.store.query(
        "select id from inspections where deleted = 0 and id != ? and "
        "(self_assessment_id = ? or follow_up_of = ?) limit 1",
        [row["id"], row["id"], row["id"]])
    if not dependent:
        dependent = ws.store.query(
            "select inspection_id as id from actions where deleted = 0 and verified_in = ? "
            "and inspection_id != ? limit 1", [row["id"], row["id"]])
    if dependent:
        raise StateError(f"Inspection {dependent[0]['id']} builds on this one (it verifies or "
                         "follows it up); delete that one first.")
    return True


def only_here(ws: Workspace, row: dict) -> bool:
    """True when the inspection cannot have left this device: made here, never changed
    elsewhere, and started after everything any exported bundle held."""
    store = ws.store
    revs = [r["rev"] for r in store.query(
        "select rev, data from history where table_name = 'inspections' and record_id = ?",
        [row["id"]])] + [row["rev"]]
    foreign = store.scalar(
        "select count(*) from history where table_name = 'inspections' and record_id = ? "
        "and json_extract(data, '$.device_id') != ?", [row["id"], store.device_id])
    if row["device_id"] != store.device_id or foreign:
        return False
    exported = max(store.setting(EXPORTED_UP_TO, "") or "",
                   store.setting(LAST_EXPORT, "") or "")
    return min(revs) > exported


def _purge_moves(store, action_ids: list[str]) -> None:
    """The moves of actions removed outright (their events and the events' files) go first:
    they refer to the action, and never left this device either."""
    for action_id in action_ids:
        for event in store.query("select id from action_events where action_id = ?",
                                 [action_id]):
            for evidence in store.query("select id from action_evidence where event_id = ?",
                                        [event["id"]]):
                store.purge("action_evidence", evidence["id"])
            store.purge("action_events", event["id"])


def _remove(store, table: str, record_id: str, local: bool) -> None:
    if local:
        store.purge(table, record_id)
    else:
        store.tombstone(table, record_id)
