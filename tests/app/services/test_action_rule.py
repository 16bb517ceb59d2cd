"""One rule, one clock: every page, report, summary and command agrees on open and overdue.

The two measured bugs: a resolved (reported) action past due counted as overdue in the PDF and
the district summary but not on the Actions page; an overdue action carried into a follow-up
counted twice in the district summary. And "today" is the district's (China) day.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from app.clock import FixedClock
from app.errors import ValidationError
from app.reports.model import gather
from app.reports.summary import gather_summary
from app.services import actions, inspections
from app.services.today import set_district_timezone, today
from tests.app.cli_support import run_json
from tests.app.sync.helpers import sign


@pytest.fixture
def past_visit(ws, school_id):
    return inspections.start_inspection(ws, school_id=school_id, template="mini",
                                        visit_date="2026-03-01").created


def test_a_reported_action_past_due_is_overdue_nowhere(ws, past_visit):
    late = actions.raise_action(ws, past_visit, description="更换灭火器",
                                due_date="2026-03-10").created
    done = actions.raise_action(ws, past_visit, description="补齐台账",
                                due_date="2026-03-10").created
    actions.rectify(ws, done, note="已补齐，附照片", photos=[("台账.jpg", b"\xff\xd8photo")])
    day = "2026-04-01"
    assert [a["id"] for a in actions.list_actions(ws, overdue_only=True, today=day)] == [late]
    ws.store.clock = FixedClock(datetime(2026, 4, 1, 2, tzinfo=timezone.utc))
    assert {a["id"]: a["overdue"] for a in actions.actions_of(ws, past_visit)} == \
        {late: True, done: False}
    model = gather(ws, past_visit, "zh")
    assert {a.description: a.overdue for a in model.actions} == {"更换灭火器": True, "补齐台账": False}
    district = ws.store.get("schools", ws.store.get("inspections", past_visit)["school_id"])
    summary = gather_summary(ws, district["district"], "2026-01-01", "2026-12-31", today=day)
    assert [n for _, n, _, _ in summary.overdue] == [1]


def test_an_overdue_action_carried_into_a_follow_up_counts_once(ws, school_id, past_visit):
    actions.raise_action(ws, past_visit, description="每餐留样", due_date="2026-03-10")
    sign(ws, past_visit)
    follow_up = inspections.start_inspection(ws, school_id=school_id, template="mini",
                                             visit_date="2026-04-01",
                                             follow_up_of=past_visit).created
    assert len(actions.actions_of(ws, follow_up)) == 1
    assert ws.store.scalar("select count(*) from actions") == 2
    summary = gather_summary(ws, "青山区", "2026-01-01", "2026-12-31", today="2026-05-01")
    assert summary.overdue == [("青山区育才小学", 1, "2026-03-10", 52)]
    assert len(actions.list_actions(ws, overdue_only=True, today="2026-05-01")) == 1


def test_between_midnight_and_eight_in_china_today_is_already_the_next_day(ws, past_visit):
    action = actions.raise_action(ws, past_visit, description="维修冰箱",
                                  due_date="2026-06-01").created
    # 00:30 on 2 June in Beijing = 16:30 on 1 June UTC: the action is one day overdue.
    ws.store.clock = FixedClock(datetime(2026, 6, 1, 16, 30, tzinfo=timezone.utc),
                                step=timedelta(0))
    assert today(ws) == "2026-06-02"
    assert actions.list_actions(ws, overdue_only=True)[0]["id"] == action
    # A visit started then is dated by the district's day too.
    visit = inspections.start_inspection(ws, school_id=ws.store.get(
        "inspections", past_visit)["school_id"], template="mini").created
    assert ws.store.get("inspections", visit)["visit_date"] == "2026-06-02"
    # A district elsewhere sets its own zone: in UTC it is still 1 June, not overdue.
    set_district_timezone(ws, "UTC")
    assert actions.list_actions(ws, overdue_only=True) == []
    with pytest.raises(ValidationError, match="time zone"):
        set_district_timezone(ws, "Mars/Olympus")


def test_due_dates_before_the_visit_are_refused(ws, past_visit):
    with pytest.raises(ValidationError, match="before the visit"):
        actions.raise_action(ws, past_visit, description="x", due_date="2026-02-01")


def test_the_command_line_lists_status_and_overdue_by_the_same_rule(ws, past_visit, capsys):
    late = actions.raise_action(ws, past_visit, description="更换灭火器",
                                due_date="2026-03-10").created
    done = actions.raise_action(ws, past_visit, description="补齐台账",
                                due_date="2026-03-10").created
    actions.rectify(ws, done, note="已补齐")
    rows = {r["id"]: r for r in run_json(capsys, ws.paths.home, "list", "actions")}
    assert (rows[late]["status"], rows[late]["overdue"]) == ("pending", True)
    assert (rows[done]["status"], rows[done]["overdue"]) == ("reported", False)
