"""The one rule for corrective actions: open / overdue / closed, who may move what, due dates."""

from __future__ import annotations

from datetime import datetime, timezone

from app.clock import local_date
from app.domain import actions as rule


def test_a_reported_or_closed_action_past_due_is_not_overdue():
    assert rule.is_overdue("pending", "2026-01-01", "2026-01-02")
    assert rule.is_overdue("not_rectified", "2026-01-01", "2026-01-02")
    assert not rule.is_overdue("reported", "2026-01-01", "2026-01-02")
    assert not rule.is_overdue("verified", "2026-01-01", "2026-01-02")
    assert not rule.is_overdue("resolved", "2026-01-01", "2026-01-02")   # old name of reported
    assert not rule.is_overdue("pending", "2026-01-02", "2026-01-02")     # due today: not yet
    assert not rule.is_overdue("pending", "not a date", "2026-01-02")
    assert rule.days_overdue("in_progress", "2026-01-01", "2026-01-31") == 30


def test_open_and_closed():
    assert rule.is_open("reported") and rule.is_open("not_rectified")
    assert rule.is_closed("verified") and not rule.is_open("verified")


def test_moves_need_the_right_role_and_a_note():
    assert rule.move_problem("pending", "reported", "principal", "已整改") is None
    assert "principal" in rule.move_problem("reported", "verified", "principal", "好")
    assert "note" in rule.move_problem("reported", "verified", "inspector", "  ")
    assert "cannot become" in rule.move_problem("verified", "not_rectified", "admin", "x")
    assert rule.move_problem("not_rectified", "not_rectified", "inspector", "仍未整改") is None
    assert "status must be" in rule.move_problem("pending", "done", "admin", "x")


def test_a_due_date_is_not_before_the_visit():
    assert rule.due_problem("2026-03-01", "2026-03-01") is None
    assert "before the visit" in rule.due_problem("2026-02-28", "2026-03-01")
    assert "2026-12-31" in rule.due_problem("31/12/2026", "2026-03-01")


def test_today_is_the_district_day_not_the_utc_day():
    # 01:30 in Beijing on 2 June is still 1 June in UTC.
    instant = datetime(2026, 6, 1, 17, 30, tzinfo=timezone.utc)
    assert local_date(instant).isoformat() == "2026-06-02"
    assert local_date(instant, "UTC").isoformat() == "2026-06-01"
