"""The paged action list (counts and pages in SQL from the stored state) gives exactly what
the one rule gives when every action is read (`current_actions`): the same rows in the same
order with the same state, and the same counts, for every filter, day and scope — and stays
so after changes by the services, by REPLACE, and by another connection on the file."""

from __future__ import annotations

import random
import sqlite3

import pytest

from app.domain.status import ACTION_STATUSES
from app.security.roles import RoleError
from app.services.action_list import ActionFilter, ActionQuery, open_count
from app.services.action_query import current_actions
from app.services.actions import carry_over_actions, move_action, raise_action
from app.services.inspections import start_inspection
from app.services.schools import add_school

DUE_DATES = (None, "", "2020-01-31", "2020-02-01", "2026-06-14", "2026-06-15", "2099-12-31",
             "20200101", "2026-02-30", "not a date", "0999-01-01")
STATUSES = (*ACTION_STATUSES, "open", "resolved", None, "bogus")
CREATED = ("2025-01-01T00:00:00Z", "2025-01-01T00:00:00Z", "2025-03-01T00:00:00Z", None)
DAYS = ("2026-06-15", "2020-01-31", "2020-02-01")


def _insert_actions(ws, visits: dict, rng: random.Random, count: int) -> list[str]:
    """Actions written as a bundle could carry them: chains (some across schools, ties in
    created order), every stored status and due date, deleted rows."""
    ids: list[str] = []
    rows = []
    for n in range(count):
        school = rng.choice(sorted(visits))
        earlier = [i for i in ids if rng.random() < 0.9] if ids else []
        carried = rng.choice(earlier) if earlier and rng.random() < 0.45 else None
        action_id = f"act-{n:04d}"
        rows.append((action_id, f"r{rng.randrange(50):03d}", "dev", int(rng.random() < 0.06),
                     rng.choice(visits[school]), school, f"整改事项{n}", "medium",
                     rng.choice(DUE_DATES), rng.choice(STATUSES), carried,
                     rng.choice(CREATED), f"note{n}" if n % 3 else ""))
        ids.append(action_id)
    ws.store.conn.executemany(
        "insert into actions (id, rev, device_id, deleted, inspection_id, school_id, "
        "description, severity, due_date, status, carried_from, created_at, note) "
        "values (?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    return ids


def _insert_events(ws, ids: list[str], visits: dict, rng: random.Random) -> None:
    events = []
    for n in range(len(ids) * 2):
        action = rng.choice(ids)
        events.append((f"ev-{n:04d}", f"r{rng.randrange(80):03d}", "dev",
                       int(rng.random() < 0.05), action, rng.choice(STATUSES[:7]),
                       f"事件{n}", f"督学{n % 4}", f"2025-0{1 + n % 9}-01T00:00:00Z",
                       rng.choice([None, *[v for vs in visits.values() for v in vs]])))
    ws.store.conn.executemany(
        "insert into action_events (id, rev, device_id, deleted, action_id, to_status, note, "
        "actor, at, visit_id) values (?,?,?,?,?,?,?,?,?,?)", events)


@pytest.fixture
def world(ws):
    rng = random.Random(13)
    schools = [add_school(ws, name=f"第{n}小学", district=f"区{n % 2}").created
               for n in range(3)]
    visits = {s: [start_inspection(ws, school_id=s, template="mini").created
                  for _ in range(2)] for s in schools}
    # The services' own way: raised, moved, carried into a follow-up, verified there.
    first = visits[schools[0]][0]
    with ws.store.atomic():
        ws.store.update("inspections", first, {"visit_date": "2020-01-02"})
    raised = [raise_action(ws, first, description=f"服务{n}", due_date=due).created
              for n, due in enumerate(("2020-01-31", "2099-12-31", None))]
    move_action(ws, raised[0], "in_progress")
    follow_up = start_inspection(ws, school_id=schools[0], template="mini").created
    with ws.store.atomic():
        carry_over_actions(ws, follow_up, first)
    move_action(ws, raised[1], "reported", note="已整改")
    with ws.store.atomic():
        ids = _insert_actions(ws, visits, rng, 160)
        _insert_events(ws, ids, visits, rng)
        # A hostile cycle of two rows and a row carried from itself.
        ws.store.conn.execute("update actions set carried_from = 'act-0011' "
                              "where id = 'act-0010'")
        ws.store.conn.execute("update actions set carried_from = 'act-0010', school_id = ? "
                              "where id = 'act-0011'", [ws.store.scalar(
                                  "select school_id from actions where id = 'act-0010'")])
        ws.store.conn.execute("update actions set carried_from = id where id = 'act-0020'")
    return {"schools": schools, "visits": visits, "ids": ids}


def _paged(query: ActionQuery, page: int = 7) -> list[dict]:
    found, after = [], None
    while True:
        ids = query.ids(page, after)
        if not ids:
            return found
        after = ids[-1]
        rows = query.rows([i for i, _ in ids])
        found += [rows[i] for i, _ in ids]


def assert_same(ws, today: str, **filters) -> None:
    expected = current_actions(ws, today=today, **filters)
    query = ActionQuery(ws, ActionFilter(**filters), today=today)
    counts = query.counts()
    got = _paged(query)
    assert [r["id"] for r in got] == [r["id"] for r in expected], filters
    assert got == expected, filters
    assert counts == {"total": len(expected), "open": sum(r["open"] for r in expected),
                      "overdue": sum(r["overdue"] for r in expected)}, filters


def _every_filter(ws, schools, today):
    for status in (None, *ACTION_STATUSES, "resolved"):
        for overdue_only in (False, True):
            assert_same(ws, today, status=status, overdue_only=overdue_only)
            for school in schools:
                assert_same(ws, today, status=status, overdue_only=overdue_only,
                            school_id=school)
    assert_same(ws, today, district="区0")


def test_the_sql_list_equals_the_one_rule_for_every_filter_and_day(ws, world):
    expected = current_actions(ws, today=DAYS[0])
    assert len(expected) > 60 and any(r["overdue"] for r in expected)
    assert {r["status"] for r in expected} == set(ACTION_STATUSES)
    assert any(not r["head"] for r in current_actions(ws, today=DAYS[0], heads_only=False))
    for today in DAYS:
        _every_filter(ws, world["schools"], today)


def test_counts_and_rows_follow_changes_by_any_path(ws, world):
    schools, ids = world["schools"], world["ids"]
    live = [r["id"] for r in current_actions(ws, today=DAYS[0])]
    # The services: a move.
    target = next(r for r in current_actions(ws, today=DAYS[0])
                  if r["status"] == "pending" and r["school_id"] == schools[0])
    move_action(ws, target["id"], "in_progress")
    assert_same(ws, DAYS[0])
    # A REPLACE (as a merge may write) moving an event to another action, and an action
    # to another school.
    with ws.store.atomic():
        event = ws.store.query("select * from action_events where deleted = 0 limit 1")[0]
        event["action_id"] = live[-1]
        ws.store.conn.execute(
            f"insert or replace into action_events ({', '.join(event)}) "
            f"values ({','.join('?' * len(event))})", list(event.values()))
        action = ws.store.query("select * from actions where id = ?", [live[0]])[0]
        action["school_id"] = schools[2]
        ws.store.conn.execute(
            f"insert or replace into actions ({', '.join(action)}) "
            f"values ({','.join('?' * len(action))})", list(action.values()))
    assert_same(ws, DAYS[0])
    for school in schools:
        assert_same(ws, DAYS[0], school_id=school)
    # Another process on the file: sqlite3 deleting, re-dating, cutting a chain.
    assert not ws.store.conn.in_transaction
    other = sqlite3.connect(ws.store.path)
    with other:
        other.execute("update actions set deleted = 1 where id = ?", [live[1]])
        other.execute("update actions set due_date = '2001-01-01', status = 'pending' "
                      "where id = ?", [live[2]])
        other.execute("update actions set carried_from = null where carried_from is not null "
                      "and id in (select id from actions where school_id = ? limit 3)",
                      [schools[1]])
        other.execute("delete from action_evidence")
        other.execute("delete from action_events where id in "
                      "(select id from action_events limit 5)")
    other.close()
    _every_filter(ws, schools, DAYS[0])
    assert ids


def test_a_principal_sees_and_counts_their_own_school_only(ws, world):
    own, other = world["schools"][0], world["schools"][1]
    ws.set_identity(role="principal", schools=[own])
    assert_same(ws, DAYS[0])
    assert_same(ws, DAYS[0], overdue_only=True)
    assert {r["school_id"] for r in _paged(ActionQuery(ws, today=DAYS[0]))} == {own}
    assert open_count(ws) == sum(r["open"] for r in current_actions(ws, today=DAYS[0]))
    with pytest.raises(RoleError):
        ActionQuery(ws, ActionFilter(school_id=other)).counts()
    with pytest.raises(RoleError):
        current_actions(ws, school_id=other)


def test_open_count_is_the_rules(ws, world):
    assert open_count(ws) == sum(r["open"] for r in current_actions(ws))
    assert open_count(ws) > 0


def test_the_selection_is_reached_by_its_key(ws, world):
    query = ActionQuery(ws, today=DAYS[0])
    query.counts()
    everything = [i for i, _ in query.ids(None)]
    target = everything[len(everything) * 2 // 3]
    key = query.key_of(target)
    assert [i for i, _ in query.ids(None, through=key)] == \
        everything[:everything.index(target) + 1]
    assert ActionQuery(ws, ActionFilter(status="verified"), today=DAYS[0]).key_of(
        next(r["id"] for r in current_actions(ws, today=DAYS[0]) if r["open"])) is None


def test_the_total_counts_every_row_whatever_its_closed_value(ws, world):
    """The total is counted as open + closed ranges; a stored `closed` other than 0 or 1
    (the table written with sqlite3) still leaves no row out of it."""
    query = ActionQuery(ws, ActionFilter(), today=DAYS[0])
    query.counts()     # the stored state brought up to date first
    ws.store.conn.execute("update action_state set closed = 2 where rowid = "
                          "(select min(rowid) from action_state where head = 1)")
    ws.store.conn.execute("update action_state set closed = -1 where rowid = "
                          "(select max(rowid) from action_state where head = 1)")
    every = ws.store.scalar("select count(*) from action_state where head = 1")
    assert every > 60 and query.counts()["total"] == every
