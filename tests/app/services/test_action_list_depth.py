"""Scrolling deep into the action list costs what its first page does: each page of ids is a
seek into an order index at the last row's key, not a walk over every row before it (the
cost SQLite pays for a page is counted in virtual-machine steps, so it does not depend on
the machine's speed)."""

from __future__ import annotations

import pytest

from app.domain.status import ACTION_STATUSES
from app.services.action_list import ActionFilter, ActionQuery
from app.services.inspections import start_inspection
from app.services.schools import add_school
from tests.sql_steps import vm_steps

TODAY = "2026-06-15"
ACTIONS = 1500


@pytest.fixture
def many(ws):
    """1,500 actions over two schools, due on every day of four years (a few undated)."""
    schools = [add_school(ws, name=f"第{n}中学", district="区0").created for n in range(2)]
    visits = [start_inspection(ws, school_id=s, template="mini").created for s in schools]
    rows = [(f"deep-{n:05d}", f"r{n:05d}", "dev", visits[n % 2], schools[n % 2],
             f"整改{n}", None if n % 97 == 0 else f"{2024 + n % 4}-{1 + n % 12:02d}-"
             f"{1 + n % 28:02d}", ACTION_STATUSES[n % len(ACTION_STATUSES)],
             "2025-01-01T00:00:00Z") for n in range(ACTIONS)]
    with ws.store.atomic():
        ws.store.conn.executemany(
            "insert into actions (id, rev, device_id, deleted, inspection_id, school_id, "
            "description, severity, due_date, status, created_at) "
            "values (?,?,?,0,?,?,?,'low',?,?,?)", rows)
    ws.store.conn.execute("analyze")
    return schools


def _steps(ws, call) -> int:
    return vm_steps(ws.store.conn, call)


FILTERS = (ActionFilter(), ActionFilter(status="pending"), ActionFilter(overdue_only=True),
           ActionFilter(status="pending", overdue_only=True))


@pytest.mark.parametrize("flt", FILTERS, ids=lambda f: repr(f)[12:])
def test_a_deep_page_costs_what_an_early_one_does(ws, many, flt):
    query = ActionQuery(ws, flt, today=TODAY)
    query.counts()
    every = query.ids(None)
    dated = [pair for pair in every if pair[1][0] == 0]     # before the undated tail
    assert len(dated) > 150
    early, deep = dated[5], dated[-60]
    early_steps = _steps(ws, lambda: query.ids(20, early))
    deep_steps = _steps(ws, lambda: query.ids(20, deep))
    assert deep_steps < 2 * early_steps, (early_steps, deep_steps)
    # Still the list's order from the key on (the SQL list's equality with the one rule,
    # filter by filter, is tests/app/services/test_action_list.py).
    at = every.index(deep)
    assert query.ids(20, deep) == every[at + 1:at + 21]


def test_every_filters_next_page_seeks_the_order_index_to_the_key(ws, many):
    key = (0, "2025-06-01", "deep-00000")
    for flt in (*FILTERS, ActionFilter(school_id=many[0]),
                ActionFilter(school_id=many[0], status="pending", overdue_only=True)):
        query = ActionQuery(ws, flt, today=TODAY)
        sql, params = query.ids_sql(200, ("deep-00000", key))
        plan = " ".join(row[3] for row in ws.store.rows(f"explain query plan {sql}", params))
        assert "(due_null,due_key,id)>(?,?,?)" in plan, (flt, plan)
        assert "TEMP B-TREE" not in plan, (flt, plan)
