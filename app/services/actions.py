"""Corrective actions (整改) raised from findings, carried over to follow-up visits (回头看),
and moved through open → in progress → resolved → verified."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from app.domain.status import ACTION_SEVERITIES, ACTION_TRANSITIONS
from app.errors import StateError, ValidationError
from app.security import audit
from app.services.changes import Changes
from app.services.guard import editable_inspection

if TYPE_CHECKING:
    from app.workspace import Workspace

OPEN_STATUSES = ("open", "in_progress", "resolved")


def _check_due(due_date: str | None) -> None:
    if due_date:
        try:
            dt.date.fromisoformat(due_date)
        except ValueError:
            raise ValidationError("due date: use a date like 2026-12-31.") from None


def raise_action(ws: Workspace, inspection_id: str, *, description: str,
                 item_key: str | None = None, severity: str = "medium", responsible: str = "",
                 due_date: str | None = None) -> Changes:
    """A corrective action from a finding of an inspection that is still being filled in."""
    inspection = editable_inspection(ws, inspection_id)
    if not description.strip():
        raise ValidationError("description: say what must be corrected.")
    if severity not in ACTION_SEVERITIES:
        raise ValidationError(f"severity: must be one of {', '.join(ACTION_SEVERITIES)}.")
    _check_due(due_date)
    now = ws.store.clock_iso()
    with ws.store.atomic():
        row = ws.store.insert("actions", {
            "inspection_id": inspection_id, "item_key": item_key,
            "school_id": inspection["school_id"], "description": description.strip(),
            "severity": severity, "responsible": responsible.strip(), "due_date": due_date,
            "status": "open", "created_at": now, "updated_at": now, "note": ""})
        audit.append(ws.store, actor=ws.actor, action="action.raise", entity="actions",
                     entity_id=row["id"], detail={"inspection_id": inspection_id})
    return Changes.of("actions", row["id"], created=row["id"])


def edit_action(ws: Workspace, action_id: str, **fields) -> Changes:
    allowed = {"description", "severity", "responsible", "due_date", "note"}
    if set(fields) - allowed:
        raise ValidationError(f"Unknown action field(s): {', '.join(set(fields) - allowed)}.")
    action = ws.store.require("actions", action_id, "corrective action")
    if set(fields) - {"note"}:
        editable_inspection(ws, action["inspection_id"])
    _check_due(fields.get("due_date"))
    with ws.store.atomic():
        ws.store.update("actions", action_id, {**fields, "updated_at": ws.store.clock_iso()})
    return Changes.of("actions", action_id)


def set_action_status(ws: Workspace, action_id: str, status: str, *, note: str | None = None,
                      verified_in: str | None = None) -> Changes:
    """Move an action along its life cycle. Works on signed inspections too: rectification
    happens after the report is signed."""
    action = ws.store.require("actions", action_id, "corrective action")
    if status not in ACTION_TRANSITIONS.get(action["status"], ()):
        raise StateError(f"A corrective action that is {action['status']} cannot become "
                         f"{status}.")
    now = ws.store.clock_iso()
    changes = {"status": status, "updated_at": now}
    if status == "resolved":
        changes["resolved_at"] = now
    if status == "verified":
        changes.update(verified_at=now, verified_in=verified_in or action["inspection_id"])
    if note is not None:
        changes["note"] = note
    with ws.store.atomic():
        ws.store.update("actions", action_id, changes)
        touched = Changes.of("actions", action_id)
        if action["carried_from"] and status == "verified":
            touched |= _verify_original(ws, action, changes["verified_in"])
        audit.append(ws.store, actor=ws.actor, action=f"action.{status}", entity="actions",
                     entity_id=action_id)
    return touched


def _verify_original(ws: Workspace, copy: dict, verified_in: str) -> Changes:
    original = ws.store.get("actions", copy["carried_from"])
    if original and original["status"] != "verified":
        ws.store.update("actions", original["id"], {
            "status": "verified", "verified_in": verified_in,
            "verified_at": ws.store.clock_iso(), "updated_at": ws.store.clock_iso()})
    return Changes.of("actions", copy["carried_from"])


def carry_over_actions(ws: Workspace, follow_up_id: str, earlier_id: str) -> Changes:
    """Copy the earlier inspection's open actions into its follow-up for re-checking."""
    earlier = ws.store.require("inspections", earlier_id, "earlier inspection")
    follow_up = ws.store.require("inspections", follow_up_id, "inspection")
    if earlier["school_id"] != follow_up["school_id"]:
        raise ValidationError("A follow-up visit must be to the same school.")
    ws.store.update("inspections", follow_up_id, {"follow_up_of": earlier_id})
    changes = Changes.of("inspections", follow_up_id)
    for action in open_actions_of(ws, earlier_id):
        copy = {k: action[k] for k in ("item_key", "school_id", "description", "severity",
                                       "responsible", "due_date", "status")}
        row = ws.store.insert("actions", {**copy, "inspection_id": follow_up_id,
                                          "carried_from": action["id"], "note": "",
                                          "created_at": ws.store.clock_iso(),
                                          "updated_at": ws.store.clock_iso()})
        changes |= Changes.of("actions", row["id"])
    return changes


def open_actions_of(ws: Workspace, inspection_id: str) -> list[dict]:
    marks = ",".join("?" * len(OPEN_STATUSES))
    return ws.store.query(f"select * from actions where inspection_id = ? and deleted = 0 "
                          f"and status in ({marks}) order by created_at, id",
                          [inspection_id, *OPEN_STATUSES])


def actions_of(ws: Workspace, inspection_id: str) -> list[dict]:
    return ws.store.query("select * from actions where inspection_id = ? and deleted = 0 "
                          "order by created_at, id", [inspection_id])


def list_actions(ws: Workspace, *, status: str | None = None, school_id: str | None = None,
                 overdue_only: bool = False, today: str | None = None) -> list[dict]:
    """Actions across schools with `overdue` computed against today."""
    today = today or ws.store.clock.now().date().isoformat()
    sql = ("select a.*, s.name as school_name, s.district as district from actions a "
           "join schools s on s.id = a.school_id where a.deleted = 0 "
           "and a.id not in (select carried_from from actions "
           "where carried_from is not null and deleted = 0)")
    params: list = []
    if status:
        sql, params = sql + " and a.status = ?", params + [status]
    if school_id:
        sql, params = sql + " and a.school_id = ?", params + [school_id]
    rows = ws.store.query(sql + " order by a.due_date is null, a.due_date, a.id", params)
    for row in rows:
        row["overdue"] = bool(row["due_date"] and row["due_date"] < today
                              and row["status"] in ("open", "in_progress"))
    return [r for r in rows if r["overdue"]] if overdue_only else rows
