"""The one query for corrective actions: every page, report, summary and command reads actions
here, with status, open, overdue and closed from the one rule (`app/domain/actions.py`) and
"today" from the one clock (`app/services/today.py`). Every read here keeps to the schools
this profile may read (`roles.read_scope`): a principal never sees another school's actions.

An action carried into a follow-up visit (回头看) is copied there (`carried_from`), so a chain
of rows is ONE logical action: it is counted once (its newest row, the *head*), and its status
is that of the newest life-cycle event recorded on any row of the chain (events are
append-only and ordered by rev, the hybrid logical clock), else the head's stored status.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from collections import defaultdict

from app.domain import actions as rule
from app.security import roles
from app.services.today import today as district_today

if TYPE_CHECKING:
    from app.workspace import Workspace

ACTION_SQL = ("select a.*, s.name as school_name, s.name_en as school_name_en, "
              "s.district as district, i.visit_date as visit_date from actions a "
              "join schools s on s.id = a.school_id "
              "left join inspections i on i.id = a.inspection_id where a.deleted = 0")


def current_actions(ws: Workspace, *, school_id: str | None = None, district: str | None = None,
                    inspection_id: str | None = None, status: str | None = None,
                    overdue_only: bool = False, heads_only: bool = True,
                    today: str | None = None) -> list[dict]:
    """Actions with their chain's state. `heads_only` counts each logical action once;
    `inspection_id` gives the rows of one visit (originals and carried copies) instead."""
    today = today or district_today(ws)
    if inspection_id:
        school_id = ws.store.scalar("select school_id from inspections where id = ?",
                                    [inspection_id]) or school_id
        heads_only = False
    where, params = _where(ws, school_id, district)
    rows = ws.store.query(f"{ACTION_SQL}{where} order by a.created_at, a.rev", params)
    events = ws.store.query(
        "select e.* from action_events e join actions a on a.id = e.action_id "
        f"join schools s on s.id = a.school_id where e.deleted = 0{where} "
        "order by e.rev", params)
    rows = with_state(rows, events, today)
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


def with_state(rows: list[dict], events: list[dict], today: str) -> list[dict]:
    """`rows` (actions of one school, in created order) with their chain's state from
    `events` (theirs, in rev order): status, open, overdue, head, history fields."""
    by_id = {r["id"]: r for r in rows}
    root_of = {r["id"]: _root(r["id"], by_id) for r in rows}
    chain_events: dict[str, list[dict]] = defaultdict(list)
    for event in events:                      # already in rev order
        if event["action_id"] in root_of:
            chain_events[root_of[event["action_id"]]].append(event)
    heads: dict[str, dict] = {}
    for row in rows:                          # in created order: the last one is the newest
        heads[root_of[row["id"]]] = row
    for row in rows:
        root = root_of[row["id"]]
        history = chain_events.get(root, [])
        head = heads[root]
        status = rule.normal_status(history[-1]["to_status"] if history else head["status"])
        row.update(_state(status, row["due_date"], today, history))
        row.update(root_id=root, head=head is row)
        row["verified_in"] = row["verified_visit"] or row["verified_in"]
    return rows


def _root(action_id: str, by_id: dict) -> str:
    seen = {action_id}
    current = by_id[action_id]
    while current.get("carried_from") in by_id and current["carried_from"] not in seen:
        seen.add(current["carried_from"])
        current = by_id[current["carried_from"]]
    return current["id"]


def _state(status: str, due_date: str | None, today: str, history: list[dict]) -> dict:
    last = {e["to_status"]: e for e in history}
    reported, checked = last.get("reported"), last.get("verified")
    return {"status": status, "open": rule.is_open(status), "closed": rule.is_closed(status),
            "overdue": rule.is_overdue(status, due_date, today),
            "days_overdue": rule.days_overdue(status, due_date, today),
            "not_rectified_times": sum(1 for e in history if e["to_status"] == "not_rectified"),
            "events": len(history),
            "reported_at": reported["at"] if reported else None,
            "report_note": reported["note"] if reported else None,
            "verified_by": checked["actor"] if checked else None,
            "verified_at": checked["at"] if checked else None,
            "verified_visit": checked["visit_id"] if checked else None,
            "last_note": history[-1]["note"] if history else None}


def chain_ids(ws: Workspace, action_id: str) -> list[str]:
    """Every row of the logical action `action_id` belongs to (its school's rows only)."""
    school_id = roles.require_record_read(ws, "actions", action_id,
                                          "corrective action")["school_id"]
    rows = ws.store.query("select id, carried_from from actions where school_id = ? "
                          "and deleted = 0", [school_id])
    by_id = {r["id"]: r for r in rows}
    if action_id not in by_id:
        return [action_id]
    root = _root(action_id, by_id)
    return [r["id"] for r in rows if _root(r["id"], by_id) == root]


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
