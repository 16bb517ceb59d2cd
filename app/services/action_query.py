"""The one query for corrective actions: every page, report, summary and command reads actions
here, with status, open, overdue and closed from the one rule (`app/domain/actions.py`) and
"today" from the one clock (`app/services/today.py`). Every read here keeps to the schools
this profile may read (`roles.read_scope`): a principal never sees another school's actions.

An action carried into a follow-up visit (回头看) is copied there (`carried_from`), so a chain
of rows is ONE logical action: it is counted once (its newest row, the *head*), and its status
is that of the newest life-cycle event recorded on any row of the chain (events are
append-only and ordered by rev, the hybrid logical clock), else the head's stored status
(`app/domain/action_chains.py`; a chain never leaves its school). The Actions page and the
status bar page and count the same state stored per action (`app/services/action_list.py`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.domain import actions as rule
from app.domain.action_chains import chain_root, with_state, with_state_by_school
from app.security import roles
from app.services.today import today as district_today
from app.storage.action_state import ACTION_ORDER, ACTION_SQL, EVENT_ORDER, EVENT_SQL

if TYPE_CHECKING:
    from app.workspace import Workspace

__all__ = ["ACTION_SQL", "current_actions", "with_state", "chain_ids", "action_state",
           "action_history", "escalation_list"]


def current_actions(ws: Workspace, *, school_id: str | None = None, district: str | None = None,
                    inspection_id: str | None = None, status: str | None = None,
                    overdue_only: bool = False, heads_only: bool = True,
                    today: str | None = None) -> list[dict]:
    """Actions with their chain's state. `heads_only` counts each logical action once;
    `inspection_id` gives the rows of one visit (originals and carried copies) instead.
    This reads every action of the scope: the reference the paged list
    (`app/services/action_list.py`) is tested against, and the reader of one school's or
    one visit's actions."""
    today = today or district_today(ws)
    if inspection_id:
        school_id = ws.store.scalar("select school_id from inspections where id = ?",
                                    [inspection_id]) or school_id
        heads_only = False
    where, params = _where(ws, school_id, district)
    rows = ws.store.query(f"{ACTION_SQL}{where}{ACTION_ORDER}", params)
    events = ws.store.query(f"{EVENT_SQL}{where}{EVENT_ORDER}", params)
    rows = with_state_by_school(rows, events, today)
    if inspection_id:
        rows = [r for r in rows if r["inspection_id"] == inspection_id]
    elif heads_only:
        rows = [r for r in rows if r["head"]]
    if status:
        rows = [r for r in rows if r["status"] == rule.normal_status(status)]
    if overdue_only:
        rows = [r for r in rows if r["overdue"]]
    return sorted(rows, key=lambda r: (r["due_date"] is None, r["due_date"] or "", r["id"])) \
        if not inspection_id else rows


def _where(ws: Workspace, school_id: str | None, district: str | None) -> tuple[str, list]:
    """The filters, inside this profile's read scope (a school outside it is refused)."""
    where, params = roles.read_scope(ws, "a.school_id", school_id)
    if school_id:
        where, params = where + " and a.school_id = ?", params + [school_id]
    if district:
        where, params = where + " and s.district = ?", params + [district]
    return where, params


def chain_ids(ws: Workspace, action_id: str) -> list[str]:
    """Every row of the logical action `action_id` belongs to (its school's rows only)."""
    school_id = roles.require_record_read(ws, "actions", action_id,
                                          "corrective action")["school_id"]
    rows = ws.store.query("select id, carried_from from actions where school_id = ? "
                          "and deleted = 0", [school_id])
    by_id = {r["id"]: r for r in rows}
    if action_id not in by_id:
        return [action_id]
    root = chain_root(action_id, by_id)
    return [r["id"] for r in rows if chain_root(r["id"], by_id) == root]


def action_state(ws: Workspace, action_id: str) -> dict:
    """One action (any row of its chain) with its chain's state."""
    school_id = roles.require_record_read(ws, "actions", action_id,
                                          "corrective action")["school_id"]
    rows = current_actions(ws, school_id=school_id, heads_only=False)
    return next(r for r in rows if r["id"] == action_id)


def action_history(ws: Workspace, action_id: str) -> list[dict]:
    """Every move of the logical action, oldest first, each with its evidence files."""
    ids = chain_ids(ws, action_id)
    marks = ",".join("?" * len(ids))
    events = ws.store.query(f"select * from action_events where deleted = 0 and action_id in "
                            f"({marks}) order by rev", ids)
    for event in events:
        event["evidence"] = ws.store.query(
            "select id, sha256, filename, mime, size from action_evidence where "
            "event_id = ? and deleted = 0 order by created_at, id", [event["id"]])
    return events


def escalation_list(ws: Workspace, district: str | None = None,
                    today: str | None = None) -> list[dict]:
    """Schools to name (通报) or interview (约谈): an action found 未整改到位 again and again, or
    long overdue. One row per school, worst first."""
    schools: dict[str, dict] = {}
    for action in current_actions(ws, district=district, today=today):
        reasons = rule.escalation_reasons(action["not_rectified_times"],
                                          action["days_overdue"])
        if not reasons or action["closed"]:
            continue
        entry = schools.setdefault(action["school_id"], {
            "school_id": action["school_id"], "school": action["school_name"],
            "school_en": action["school_name_en"], "district": action["district"],
            "not_rectified": 0, "long_overdue": 0, "max_days_overdue": 0, "actions": []})
        for reason in reasons:
            entry[reason] += 1
        entry["max_days_overdue"] = max(entry["max_days_overdue"], action["days_overdue"])
        entry["actions"].append(action["id"])
    return sorted(schools.values(), key=lambda e: (-e["not_rectified"] - e["long_overdue"],
                                                   -e["max_days_overdue"], e["school"]))
