"""The one rule for corrective actions (整改): what is open, overdue and closed, who may move an
action where, what a move needs, and when a school goes on the escalation list (通报 / 约谈).

Pure functions over plain values; every page, report, summary and command asks these, through
the one query in `app/services/action_query.py`, instead of writing its own rule.
"""

from __future__ import annotations

import datetime as dt

from app.domain.status import ACTION_STATUSES, ACTION_TRANSITIONS, LEGACY_ACTION_STATUSES

CLOSED_STATUSES = ("verified",)
# Reported (已报告整改) is open but not overdue: the school has done its part and waits for the
# inspector; the clock runs again when the inspector finds it 未整改到位.
OVERDUE_STATUSES = ("pending", "in_progress", "not_rectified")
# Who records which move: the school reports, the inspector or the office verifies (销号) or
# sends it back. An office or inspector may record progress or a paper report on the school's
# behalf (the history says who did); a principal never closes an item.
SCHOOL_MOVES = ("in_progress", "reported")
CHECKER_MOVES = ("verified", "not_rectified")
ROLE_MOVES = {"principal": SCHOOL_MOVES,
              "inspector": SCHOOL_MOVES + CHECKER_MOVES,
              "admin": SCHOOL_MOVES + CHECKER_MOVES}
NOTE_REQUIRED = ("reported", "verified", "not_rectified")
# Escalation: found not rectified this many times, or overdue this many days.
ESCALATE_NOT_RECTIFIED = 2
ESCALATE_OVERDUE_DAYS = 30


def normal_status(status: str | None) -> str:
    """A stored or received status in today's vocabulary (old values mapped)."""
    status = LEGACY_ACTION_STATUSES.get(status or "", status or "pending")
    return status if status in ACTION_STATUSES else "pending"


def is_closed(status: str) -> bool:
    return normal_status(status) in CLOSED_STATUSES


def is_open(status: str) -> bool:
    return not is_closed(status)


def _date(text) -> dt.date | None:
    # A due date that is not a date (a hostile or broken record) is no due date at all.
    try:
        return dt.date.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None


def is_overdue(status: str, due_date: str | None, today: str) -> bool:
    """Past its due date (strictly before today, in the district's time zone) and the school
    still has to act."""
    return days_overdue(status, due_date, today) > 0


def overdue_after(status: str, due_date: str | None) -> dt.date | None:
    """The due date an action in this status is overdue after, None when it can never be
    overdue (no real due date, or the school has done its part). Stored by the action list
    (`app/storage/action_state.py`) so "overdue" is a comparison with today in SQL."""
    due = _date(due_date)
    return due if due is not None and normal_status(status) in OVERDUE_STATUSES else None


def days_overdue(status: str, due_date: str | None, today: str) -> int:
    due = overdue_after(status, due_date)
    if due is None:
        return 0
    return max(0, (dt.date.fromisoformat(today) - due).days)


def move_problem(current: str, target: str, role: str, note: str) -> str | None:
    """Why this move is not allowed (a sentence), or None when it is."""
    current = normal_status(current)
    if target not in ACTION_STATUSES:
        return f"status must be one of {', '.join(ACTION_STATUSES)}."
    if target not in ACTION_TRANSITIONS[current]:
        return f"a corrective action that is {current} cannot become {target}."
    if target not in ROLE_MOVES.get(role, ()):
        return f"a {role} profile cannot mark a corrective action {target}."
    if target in NOTE_REQUIRED and not (note or "").strip():
        return "a note is needed: say what was done or found."
    return None


def due_problem(due_date: str | None, visit_date: str | None) -> str | None:
    """A due date must be a real date and not before the visit that found the problem."""
    if not due_date:
        return None
    due = _date(due_date)
    if due is None or len(due_date) != 10:
        return "due date: use a date like 2026-12-31."
    visit = _date(visit_date)
    if visit and due < visit:
        return f"due date: {due_date} is before the visit ({visit_date})."
    return None


def escalation_reasons(not_rectified_times: int, overdue_days: int) -> list[str]:
    """Why an action puts its school on the escalation list ([] when it does not)."""
    reasons = []
    if not_rectified_times >= ESCALATE_NOT_RECTIFIED:
        reasons.append("not_rectified")
    if overdue_days > ESCALATE_OVERDUE_DAYS:
        reasons.append("long_overdue")
    return reasons
