"""The Actions page's counts (all, open, overdue) come from a tally kept with the stored
action state (app/storage/action_tally.py): they equal what the one rule gives when every
action is read, for every filter, after every path that changes actions (services, deletion,
another connection's plain SQL, import, conflict resolution, a write to the derived tables
themselves), on any day the app's clock says — and they read a few stored rows, not every
action."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

import pytest

from app.clock import FixedClock
from app.domain.status import ACTION_STATUSES
from app.services.action_list import ActionFilter, ActionQuery, open_count
from app.services.action_query import current_actions
from app.services.actions import edit_action, move_action, raise_action
from app.services.deletion import delete_inspection
from app.services.inspections import start_inspection
from app.services.schools import add_school
from app.storage import action_tally
from app.sync.conflicts import list_conflicts, resolve_conflict
from app.workspace import Workspace
from tests.app.sync.helpers import send
from tests.sql_steps import vm_steps

DUES = (None, "2019-12-31", "2020-01-01", "2025-12-31", "2026-01-01", "2026-03-09",
        "2026-03-10", "2026-03-11", "2026-12-31", "2027-01-01", "2099-12-31")
DAYS = ("2026-03-10", "2026-01-01", "2025-12-31", "2027-01-01", "2020-01-01")


def rule_counts(ws, today: str, **filters) -> dict:
    rows = current_actions(ws, today=today, **filters)
    return {"total": len(rows), "open": sum(r["open"] for r in rows),
            "overdue": sum(r["overdue"] for r in rows)}


def every_filter(ws) -> list[dict]:
    schools = [r["id"] for r in ws.store.query("select id from schools where deleted = 0")]
    found = [{}]
    for status in (None, *ACTION_STATUSES):
        for overdue_only in (False, True):
            for school in (None, *schools):
                found.append({"status": status, "overdue_only": overdue_only,
                              "school_id": school})
    return found + [{"district": "东区"}, {"district": "西区", "overdue_only": True}]


def assert_counts(ws, days=DAYS) -> None:
    """Every filter's counts on every day equal the rule's; the tally equals a count of the
    stored state from scratch, and the sum the tally's sum."""
    for today in days:
        for filters in every_filter(ws):
            got = ActionQuery(ws, ActionFilter(**filters), today=today).counts()
            assert got == rule_counts(ws, today, **filters), (today, filters)
    assert open_count(ws) == sum(r["open"] for r in current_actions(ws))
    conn = ws.store.conn
    recounted = conn.execute(action_tally.COUNT_SQL.format(where="")).fetchall()
    held = conn.execute(f"select {action_tally.COLUMNS} from action_tally where n != 0")
    assert sorted(map(tuple, held), key=repr) == sorted(map(tuple, recounted), key=repr)
    summed = conn.execute("select status, closed, bucket, sum(n) from action_tally "
                          "group by 1, 2, 3").fetchall()
    held = conn.execute(f"select {action_tally.SUM_COLUMNS} from action_tally_all")
    assert sorted(map(tuple, held), key=repr) == sorted(map(tuple, summed), key=repr)


@pytest.fixture
def world(ws):
    """Two districts' schools, actions due on both sides of today's day and year, moved
    along their life cycle."""
    schools = [add_school(ws, name=f"第{n}中学", district=("东区", "西区")[n % 2]).created
               for n in range(3)]
    visits = {s: start_inspection(ws, school_id=s, template="mini").created for s in schools}
    for s, visit in visits.items():
        with ws.store.atomic():
            ws.store.update("inspections", visit, {"visit_date": "2019-06-01"})
    made = [raise_action(ws, visits[schools[n % 3]], description=f"整改{n}", due_date=due)
            .created for n, due in enumerate(DUES * 2)]
    for n, action in enumerate(made):
        if n % 4 == 1:
            move_action(ws, action, "in_progress")
        elif n % 4 == 2:
            move_action(ws, action, "reported", note="已整改")
        elif n % 4 == 3:
            move_action(ws, action, "reported", note="已整改")
            move_action(ws, action, ("verified", "not_rectified")[n % 8 == 3], note="核查")
    return {"schools": schools, "visits": visits, "actions": made}


def test_the_counts_are_the_rules_for_every_filter_and_day(ws, world):
    assert rule_counts(ws, DAYS[0])["overdue"] > 0
    assert {r["status"] for r in current_actions(ws)} == set(ACTION_STATUSES)
    assert_counts(ws)


def test_the_counts_follow_the_services_and_deletion(ws, world):
    schools, visits, made = world["schools"], world["visits"], world["actions"]
    move_action(ws, made[0], "in_progress")
    edit_action(ws, made[4], due_date="2026-03-01")
    raise_action(ws, visits[schools[1]], description="新增", due_date="2020-06-30")
    visit = start_inspection(ws, school_id=schools[2], template="mini").created
    with ws.store.atomic():
        ws.store.update("inspections", visit, {"visit_date": "2019-06-01"})
    for due in ("2020-01-01", "2026-03-01", "2099-12-31"):
        raise_action(ws, visit, description="再次检查", due_date=due)
    assert_counts(ws, DAYS[:2])
    before = ActionQuery(ws, ActionFilter(school_id=schools[2]), today=DAYS[0]).counts()
    delete_inspection(ws, visit)      # its actions go with it
    after = ActionQuery(ws, ActionFilter(school_id=schools[2]), today=DAYS[0]).counts()
    assert (before["total"] - after["total"], before["overdue"] - after["overdue"]) == (3, 2)
    assert_counts(ws, DAYS[:2])


def test_the_counts_follow_plain_sql_on_the_file_from_another_connection(ws, world):
    made = world["actions"]
    assert_counts(ws, DAYS[:1])
    other = sqlite3.connect(ws.store.path)
    with other:
        other.execute("update actions set due_date = '2001-01-01', status = 'pending' "
                      "where id = ?", [made[3]])
        other.execute("update actions set deleted = 1 where id = ?", [made[5]])
        other.execute("delete from actions where id = ?", [made[6]])
        other.execute("update actions set school_id = ? where id = ?",
                      [world["schools"][0], made[7]])
        other.execute("delete from action_events where action_id = ?", [made[11]])
        other.execute("insert into actions (id, rev, device_id, inspection_id, school_id, "
                      "description, severity, due_date, status, created_at, deleted) "
                      "values ('raw-1', 'r1', 'dev', ?, ?, '手写', 'low', '2026-02-01', "
                      "'in_progress', '2026-01-01T00:00:00Z', 0)",
                      [world["visits"][world["schools"][1]], world["schools"][1]])
    other.close()
    assert_counts(ws, DAYS[:2])


def test_a_write_to_the_derived_tables_is_counted_again_from_the_actions(ws, world):
    """`sqlite3` on the file writing the tally, the sum or the state itself: the next read
    counts again from the actions, so the page never shows what they do not say."""
    assert_counts(ws, DAYS[:1])
    school = world["schools"][1]
    for sql, params in (
            ("update action_tally set n = n + 7 where school_id = ?", [school]),
            ("insert into action_tally values (?, 'pending', 0, '1999', 40)", [school]),
            ("delete from action_tally where school_id = ?", [school]),
            ("update action_tally_all set n = 0", []),
            ("insert into action_tally_all values ('pending', 0, '1999', 99)", []),
            ("delete from action_tally_all where status = 'reported'", []),
            ("update action_state set closed = 1, overdue_after = null where school_id = ?",
             [school]),
            ("delete from action_state where school_id = ?", [school]),
            ("insert or replace into action_state select * from action_state where "
             "school_id = ?", [school]),
            # A REPLACE moving a school's row to another school: both are counted again.
            ("insert or replace into action_state select * from temp.moved", [])):
        other = sqlite3.connect(ws.store.path)
        other.execute("create temp table moved as select * from action_state where head = 1 "
                      "and school_id = ? limit 1", [world["schools"][0]])
        other.execute("update temp.moved set school_id = ?", [school])
        with other:
            other.execute(sql, params)
        other.close()
        assert_counts(ws, DAYS[:1])


def test_overdue_follows_the_apps_clock_without_a_write(ws, world):
    """Today's day and year come from the clock at each count; nothing is written between
    the days, so the stored tally is the same rows on each."""
    ActionQuery(ws).counts()           # the services' last changes counted first
    changes = ws.store.conn.total_changes
    seen = []
    for stamp in (datetime(2026, 3, 9, 12, tzinfo=timezone.utc),      # before a due day
                  datetime(2026, 3, 10, 12, tzinfo=timezone.utc),     # on it
                  datetime(2026, 3, 10, 16, 30, tzinfo=timezone.utc),  # tomorrow in Shanghai
                  datetime(2026, 12, 31, 12, tzinfo=timezone.utc),
                  datetime(2026, 12, 31, 16, 30, tzinfo=timezone.utc),  # next year there
                  datetime(2027, 1, 2, 12, tzinfo=timezone.utc)):
        ws.store.clock = FixedClock(stamp)
        query = ActionQuery(ws)
        counts = query.counts()
        assert counts == rule_counts(ws, query.today), (stamp, query.today)
        seen.append(counts["overdue"])
    assert seen == sorted(seen) and len(set(seen)) >= 4, seen
    assert ws.store.conn.total_changes == changes


def test_an_import_and_a_conflict_resolution_are_counted(ws, world, make_workspace, tmp_path):
    office = make_workspace("colleague")       # a second inspector of the team
    office.set_identity(name="赵督学", role="inspector")
    send(ws, office, tmp_path, kind="full")
    assert rule_counts(office, DAYS[0])["total"] == len(world["actions"])
    assert_counts(office, DAYS[:2])
    # The same action re-dated on both sides: one conflict, settled for the sender's date.
    action = world["actions"][1]
    edit_action(ws, action, due_date="2026-03-09")
    edit_action(office, action, due_date="2099-01-01")
    send(ws, office, tmp_path)
    [conflict] = [c for c in list_conflicts(office) if c["table_name"] == "actions"]
    assert_counts(office, DAYS[:1])
    resolve_conflict(office, conflict["id"], "theirs")
    assert office.store.get("actions", action)["due_date"] == "2026-03-09"
    assert_counts(office, DAYS[:2])


def _many(ws, school: str, visit: str, count: int, start: int = 0) -> None:
    """`count` actions due over twenty years, written as an import would."""
    rows = [(f"m{n:06d}", f"r{n}", "dev", visit, school, f"事项{n}", "low",
             f"{2010 + n % 20}-{1 + n % 12:02d}-{1 + n % 28:02d}",
             ACTION_STATUSES[n % len(ACTION_STATUSES)], "2020-01-01T00:00:00Z")
            for n in range(start, start + count)]
    with ws.store.atomic():
        ws.store.conn.executemany(
            "insert into actions (id, rev, device_id, inspection_id, school_id, description, "
            "severity, due_date, status, created_at, deleted) values (?,?,?,?,?,?,?,?,?,?,0)",
            rows)


def test_counting_reads_the_tally_not_every_action(ws, school_id, mini_inspection):
    """4,000 actions are counted in fewer SQLite VM steps than there are actions (work, not
    time): every school's or one status's sums are a few dozen stored rows, and only
    today's own year (a twentieth here) is counted action by action, so the cost grows
    with that year alone."""
    def steps(flt: ActionFilter) -> int:
        query = ActionQuery(ws, flt, today="2026-03-10")
        query.counts()                                  # the state brought up to date
        return vm_steps(ws.store.conn, query.counts)
    filters = (ActionFilter(), ActionFilter(overdue_only=True),
               ActionFilter(status="in_progress", overdue_only=True))
    _many(ws, school_id, mini_inspection, 400)
    few = [steps(f) for f in filters]
    _many(ws, school_id, mini_inspection, 3600, start=400)
    more = [steps(f) for f in filters]
    assert min(more) > 0
    # Counting them one by one took three or four counts of several steps an action.
    assert all(m < 4000 for m in more), (few, more)
    assert_counts(ws, DAYS[:1])


def test_a_database_from_before_the_tally_is_counted_when_opened(ws, world):
    """As if the file came from the version before m029_action_counts: its state stored,
    no tally; opening it counts the tally from that state."""
    want = ActionQuery(ws, today=DAYS[0]).counts()      # no school left marked
    assert want == rule_counts(ws, DAYS[0])
    home = ws.paths.home
    conn = ws.store.db.conn
    for name in action_tally.GUARDS:
        conn.execute(f"drop trigger {name}")
    conn.execute("drop table action_tally")
    conn.execute("drop table action_tally_all")
    conn.execute("create index idx_action_state_closed on action_state (head, closed)")
    conn.execute("delete from _sqlite_migrations where name = 'm029_action_counts'")
    conn.commit()
    ws.close()
    reopened = Workspace.open(home)
    try:
        assert reopened.store.scalar("select count(*) from action_dirty") == 0
        assert ActionQuery(reopened, today=DAYS[0]).counts() == want
        assert reopened.store.scalar("select count(*) from sqlite_master where name = "
                                     "'idx_action_state_closed'") == 0
        assert_counts(reopened, DAYS[:1])
    finally:
        reopened.close()
