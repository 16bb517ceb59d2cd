"""The state of a chain of corrective-action rows, from the one rule (`app/domain/actions.py`).

An action carried into a follow-up visit (回头看) is copied there (`carried_from`), so a chain
of rows is ONE logical action: it is counted once (its newest row, the *head*), and its status
is that of the newest life-cycle event recorded on any row of the chain (events are
append-only and ordered by rev, the hybrid logical clock), else the head's stored status.

A chain never leaves its school: carrying over is refused across schools, and a row naming
another school's row (only a hostile or broken bundle makes one) starts its own chain. So the
state of a row depends on its own school's rows and events only, whoever reads them and with
whatever filter — which is what lets the action list keep it stored per school
(`app/storage/action_state.py`).

Pure functions over plain rows; no SQL here.
"""

from __future__ import annotations

from collections import defaultdict

from app.domain import actions as rule


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


def with_state_by_school(rows: list[dict], events: list[dict], today: str) -> list[dict]:
    """`with_state` for rows of several schools: each school's rows are chained on their
    own (see the module docstring). Rows keep their order."""
    schools: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        schools[row["school_id"]].append(row)
    school_of = {row["id"]: row["school_id"] for row in rows}
    school_events: dict[str, list[dict]] = defaultdict(list)
    for event in events:
        if event["action_id"] in school_of:
            school_events[school_of[event["action_id"]]].append(event)
    for school, school_rows in schools.items():
        with_state(school_rows, school_events.get(school, []), today)
    return rows


def chain_root(action_id: str, by_id: dict) -> str:
    """The first row of `action_id`'s chain among `by_id`: follow carried_from while it
    names a row held, and stop before a row already visited (a hostile cycle)."""
    return _root(action_id, by_id)


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
    days = rule.days_overdue(status, due_date, today)     # is_overdue is days > 0
    return {"status": status, "open": rule.is_open(status), "closed": rule.is_closed(status),
            "overdue": days > 0, "days_overdue": days,
            "not_rectified_times": sum(1 for e in history if e["to_status"] == "not_rectified"),
            "events": len(history),
            "reported_at": reported["at"] if reported else None,
            "report_note": reported["note"] if reported else None,
            "verified_by": checked["actor"] if checked else None,
            "verified_at": checked["at"] if checked else None,
            "verified_visit": checked["visit_id"] if checked else None,
            "last_note": history[-1]["note"] if history else None}
