"""Corrective actions (整改) raised from findings, carried over to follow-up visits (回头看), and
moved through their life cycle 待整改 → 整改中 → 已报告整改 → 已核查销号 / 未整改到位.

Every move is an append-only `action_events` row (who, when, why, in which visit) with its
evidence files in `action_evidence`; both sync. The action's status is derived from its events
(`app/services/action_query.py`), so a school's report and an inspector's verification made
on different laptops never overwrite each other, and nobody sets a status without a history.
"""

from __future__ import annotations

import hashlib
import mimetypes
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain import actions as rule
from app.domain.status import ACTION_SEVERITIES, ACTION_STATUSES, ACTION_TRANSITIONS
from app.errors import StateError, ValidationError
from app.security import audit, roles
from app.services.action_query import action_state, current_actions
from app.services.changes import Changes
from app.services.guard import editable_inspection, editing

if TYPE_CHECKING:
    from app.workspace import Workspace

MAX_EVIDENCE_BYTES = 50 * 1024 * 1024
MAX_NOTE = 4000
# Read by older callers; the rule itself is app/domain/actions.py.
OPEN_STATUSES = tuple(s for s in ACTION_STATUSES if s not in rule.CLOSED_STATUSES)


def _check_due(due_date: str | None, visit_date: str | None) -> None:
    problem = rule.due_problem(due_date, visit_date)
    if problem:
        raise ValidationError(problem)


def raise_action(ws: Workspace, inspection_id: str, *, description: str,
                 item_key: str | None = None, severity: str = "medium", responsible: str = "",
                 due_date: str | None = None) -> Changes:
    """A corrective action from a finding of an inspection that is still being filled in."""
    with editing(ws, inspection_id) as inspection:
        if not description.strip():
            raise ValidationError("description: say what must be corrected.")
        if severity not in ACTION_SEVERITIES:
            raise ValidationError(f"severity: must be one of {', '.join(ACTION_SEVERITIES)}.")
        _check_due(due_date, inspection["visit_date"])
        now = ws.store.clock_iso()
        row = ws.store.insert("actions", {
            "inspection_id": inspection_id, "item_key": item_key,
            "school_id": inspection["school_id"], "description": description.strip(),
            "severity": severity, "responsible": responsible.strip(), "due_date": due_date,
            "status": "pending", "created_at": now, "updated_at": now, "note": ""})
        audit.append(ws.store, actor=ws.actor, action="action.raise", entity="actions",
                     entity_id=row["id"], detail={"inspection_id": inspection_id})
    return Changes.of("actions", row["id"], created=row["id"])


def edit_action(ws: Workspace, action_id: str, **fields) -> Changes:
    allowed = {"description", "severity", "responsible", "due_date", "note"}
    if set(fields) - allowed:
        raise ValidationError(f"Unknown action field(s): {', '.join(set(fields) - allowed)}.")
    with ws.store.atomic():     # checked in the write's own transaction (guard.editing)
        action = ws.store.require("actions", action_id, "corrective action")
        if not set(fields) - {"note"}:
            roles.require(ws, "action.rectify", action["school_id"])
        if set(fields) - {"note"}:
            inspection = editable_inspection(ws, action["inspection_id"])
            if "due_date" in fields:
                _check_due(fields["due_date"], inspection["visit_date"])
        if "severity" in fields and fields["severity"] not in ACTION_SEVERITIES:
            raise ValidationError(f"severity: must be one of {', '.join(ACTION_SEVERITIES)}.")
        ws.store.update("actions", action_id, {**fields, "updated_at": ws.store.clock_iso()})
    return Changes.of("actions", action_id)


# -- the life cycle ------------------------------------------------------------------------
def move_action(ws: Workspace, action_id: str, status: str, *, note: str = "", photos=(),
                visit_id: str | None = None) -> Changes:
    """Record one move of the life cycle with its note and evidence (paths, or (name, bytes)
    pairs). Works on signed inspections: rectification happens after the report is signed.
    The state is read and the move written in one transaction: two moves from the same
    state (a second window, another process) cannot both pass the life-cycle check."""
    with ws.store.atomic():
        state, visit_id = _checked_move(ws, action_id, status, note, visit_id)
        files = [_read_photo(p) for p in photos]
        event = _record_move(ws, state, status, note, files, visit_id)
    return Changes.of("actions", action_id) | Changes.of("action_events", event["id"],
                                                         created=event["id"])


def _checked_move(ws: Workspace, action_id: str, status: str, note: str,
                  visit_id: str | None) -> tuple[dict, str | None]:
    """The action's state and the verifying visit, or the one-line refusal of the move."""
    # The role check comes first, on the stored row: another school's principal hears the
    # role's one-line refusal, not the read scope's.
    row = ws.store.require("actions", action_id, "corrective action")
    roles.require(ws, roles.action_status_action(status), row["school_id"])
    state = action_state(ws, action_id)
    problem = rule.move_problem(state["status"], status, _acting_role(ws), note)
    if problem:
        raise StateError(problem[0].upper() + problem[1:])
    _check_scope(ws, _acting_role(ws), state["school_id"])
    if len(note) > MAX_NOTE:
        raise ValidationError(f"note: at most {MAX_NOTE} characters.")
    if visit_id is None and status in rule.CHECKER_MOVES and state["carried_from"]:
        visit_id = state["inspection_id"]     # checked in the follow-up it was carried into
    if visit_id:
        visit = ws.store.require("inspections", visit_id, "follow-up visit")
        if visit["school_id"] != state["school_id"]:
            raise ValidationError("The visit that verifies an action must be to its school.")
    return state, visit_id


def _record_move(ws: Workspace, state: dict, status: str, note: str, files: list,
                 visit_id: str | None) -> dict:
    now = ws.store.clock_iso()
    event = ws.store.insert("action_events", {
        "action_id": state["id"], "school_id": state["school_id"],
        "from_status": state["status"], "to_status": status, "note": note.strip(),
        "actor": ws.actor, "actor_role": ws.profile.role, "at": now, "visit_id": visit_id})
    for name, data, mime in files:
        sha = hashlib.sha256(data).hexdigest()
        ws.store.put_blob(sha, data, mime)
        ws.store.insert("action_evidence", {
            "event_id": event["id"], "sha256": sha, "filename": name, "mime": mime,
            "size": len(data), "created_at": now})
    audit.append(ws.store, actor=ws.actor, action=f"action.{status}", entity="actions",
                 entity_id=state["id"], detail={"event": event["id"], "from": state["status"],
                                                "evidence": len(files), "visit": visit_id})
    return event


def allowed_moves(ws: Workspace, action: dict) -> set[str]:
    """The moves this profile may make on `action` (a row of the action query) now: the life
    cycle's, its role's and the role table's for the action's school, as `move_action`
    checks them. The window offers exactly these."""
    allowed = set(ACTION_TRANSITIONS.get(action["status"], ()))
    allowed &= set(rule.ROLE_MOVES.get(_acting_role(ws), ()))
    return {move for move in allowed
            if roles.may(ws, roles.action_status_action(move), action["school_id"])}


def _acting_role(ws: Workspace) -> str:
    acting = getattr(ws, "acting", None)      # demo data: a training profile's waiver
    if acting is not None and getattr(acting, "unrestricted", False):
        return "admin"
    return ws.profile.role


def _check_scope(ws: Workspace, role: str, school_id: str) -> None:
    """A principal acts for their own school(s) only."""
    schools = getattr(ws.profile, "schools", None)
    if role == "principal" and schools and school_id not in schools:
        raise StateError("Refused: a principal reports rectification for their own school "
                         "only.")


def _read_photo(photo) -> tuple[str, bytes, str]:
    if isinstance(photo, tuple):
        name, data = photo
    else:
        path = Path(photo)
        try:
            data, name = path.read_bytes(), path.name
        except OSError as exc:
            raise ValidationError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    if not data:
        raise ValidationError(f"{name}: the file is empty.")
    if len(data) > MAX_EVIDENCE_BYTES:
        raise ValidationError(f"{name}: larger than {MAX_EVIDENCE_BYTES // 2**20} MB.")
    return name, data, mimetypes.guess_type(name)[0] or "application/octet-stream"


def rectify(ws: Workspace, action_id: str, *, note: str, photos=()) -> Changes:
    """The school reports the rectification done (已报告整改), with a note and evidence."""
    return move_action(ws, action_id, "reported", note=note, photos=photos)


def verify(ws: Workspace, action_id: str, *, verified: bool, note: str, photos=(),
           visit_id: str | None = None) -> Changes:
    """The inspector or office checks: 已核查销号 (closed) or 未整改到位 (back to the school)."""
    return move_action(ws, action_id, "verified" if verified else "not_rectified",
                       note=note, photos=photos, visit_id=visit_id)


def set_action_status(ws: Workspace, action_id: str, status: str, *,
                      note: str | None = None, verified_in: str | None = None) -> Changes:
    """Older name for `move_action`."""
    return move_action(ws, action_id, rule.normal_status(status), note=note or "",
                       visit_id=verified_in)


# -- carry-over and reads ------------------------------------------------------------------
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
    """The inspection's actions that are not closed (by the one rule)."""
    return [a for a in actions_of(ws, inspection_id) if a["open"]]


def actions_of(ws: Workspace, inspection_id: str) -> list[dict]:
    """One visit's actions (its own and those carried into it), with their state."""
    return current_actions(ws, inspection_id=inspection_id)


def list_actions(ws: Workspace, *, status: str | None = None, school_id: str | None = None,
                 overdue_only: bool = False, today: str | None = None,
                 district: str | None = None) -> list[dict]:
    """Actions across schools, each logical action once, with `overdue` from the one rule."""
    return current_actions(ws, status=status, school_id=school_id, district=district,
                           overdue_only=overdue_only, today=today)
