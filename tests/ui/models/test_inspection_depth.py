"""Scrolling deep into the inspections list sorted by a column of few values (mode, status,
grade) costs what an early page does: the page is a seek into the order's index at the last
row's key, not a walk over every row of that value before it. Cost is counted in SQLite
virtual-machine steps, so it does not depend on the machine's speed."""

from __future__ import annotations

import pytest

from app.services.schools import add_school
from ui.state.inspections import InspectionFilter, InspectionQuery

VISITS = 1200


@pytest.fixture
def many(ws):
    """1,200 visits of two schools: two modes, three statuses, scores stored."""
    schools = [add_school(ws, name=f"第{n}中学", district="区0").created for n in range(2)]
    template_id, key = ws.store.rows("select id, key from templates where key = 'mini'")[0]
    rows = [(f"deep-{n:05d}", f"r{n}", "dev", template_id, key, schools[n % 2],
             ("inspection", "self_assessment")[n % 2], ("draft", "completed", "signed")[n % 3],
             f"{2020 + n % 5}-{1 + n % 12:02d}-{1 + n % 28:02d}") for n in range(VISITS)]
    with ws.store.atomic():
        ws.store.conn.executemany(
            "insert into inspections (id, rev, device_id, template_id, template_key, "
            "template_version, school_id, mode, status, visit_date, inspectors, created_at, "
            "updated_at, deleted) values (?,?,?,?,?,1,?,?,?,?,'[]','2026-01-01',"
            "'2026-01-01',0)", rows)
    InspectionQuery(ws).refresh_scores()
    ws.store.conn.execute("analyze")


def _steps(ws, call) -> int:
    steps = [0]

    def count():
        steps[0] += 1
        return 0
    ws.store.conn.set_progress_handler(count, 1)
    try:
        call()
    finally:
        ws.store.conn.set_progress_handler(None, 1)
    return steps[0]


@pytest.mark.parametrize("order", ["mode", "status", "grade"])
@pytest.mark.parametrize("descending", [True, False])
def test_a_deep_page_costs_what_an_early_one_does(ws, many, order, descending):
    query = InspectionQuery(ws, InspectionFilter(order=order, descending=descending))
    every = query.ids(VISITS + 1)
    assert len(every) == VISITS
    # Both inside the largest run of one value, where a bound on the value alone walks.
    value = max({pair[1][0] for pair in every}, key=lambda v: sum(
        1 for pair in every if pair[1][0] == v))
    run = [n for n, pair in enumerate(every) if pair[1][0] == value]
    assert len(run) > 300
    early, deep = run[5], run[-60]
    early_steps = _steps(ws, lambda: query.ids(20, every[early]))
    deep_steps = _steps(ws, lambda: query.ids(20, every[deep]))
    assert deep_steps < 2 * early_steps, (early_steps, deep_steps)
    assert query.ids(20, every[deep]) == every[deep + 1:deep + 21]
