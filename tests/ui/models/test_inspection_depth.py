"""Scrolling deep into the inspections list sorted by a column of few values (mode, status,
grade) costs what an early page does: the page is a seek into the order's index at the last
row's key, not a walk over every row of that value before it. Cost is counted in SQLite
virtual-machine steps, so it does not depend on the machine's speed."""

from __future__ import annotations

import pytest

from app.services.schools import add_school
from ui.state.inspections import InspectionFilter, InspectionQuery
from tests.sql_steps import vm_steps

VISITS = 1200


@pytest.fixture
def many(ws):
    """1,200 visits of two schools: two modes, three statuses, scores stored."""
    schools = [add_school(ws, name=f"第{n}中学", district="区0").created for n in range(2)]
    template_id, key = ws.store.rows("select id, key from templates where key = 'mini'")[0]
    rows = [(f"deep-{n:05d}", f"r{n}", "dev", template_id, key, schools[n % 2],
             ("inspection", "self_assessment")[n % 2], ("draft", "completed", "signed")[n % 3],
             f"{2020 + n % 5}-{1 + n % 12:02d}-{1 + n % 28:02d}", "[]") for n in range(VISITS)]
    _insert_visits(ws, rows)
    InspectionQuery(ws).refresh_scores()
    ws.store.conn.execute("analyze")


def _paged(query) -> list[tuple[str, tuple]]:
    """Every (id, key) of the list, read page by page as the view scrolls it."""
    paged, after = [], None
    for _ in range(VISITS // 97 + 2):
        page = query.ids(97, after)
        if not page:
            break
        paged, after = paged + page, page[-1]
    return paged


def _insert_visits(ws, rows: list[tuple]) -> None:
    """Visits written as a bulk load would (id, rev, device, template id and key, school,
    mode, status, date, inspectors), template version 1, live."""
    with ws.store.atomic():
        ws.store.conn.executemany(
            "insert into inspections (id, rev, device_id, template_id, template_key, "
            "template_version, school_id, mode, status, visit_date, inspectors, created_at, "
            "updated_at, deleted) values (?,?,?,?,?,1,?,?,?,?,?,'2026-01-01',"
            "'2026-01-01',0)", rows)


def _steps(ws, call) -> int:
    return vm_steps(ws.store.conn, call)


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


def test_paging_in_every_order_gives_the_rows_of_one_plain_query(ws, many):
    """Page by page (keyset, as the list scrolls) is the same list as one unpaged query
    in that order, for every column and both directions, whichever form the key takes."""
    from ui.state.inspections import ORDER_BY
    for order in ORDER_BY:
        for descending in (True, False):
            query = InspectionQuery(ws, InspectionFilter(order=order, descending=descending))
            whole = [record_id for record_id, _key in query.ids(VISITS + 1)]
            paged, after = [], None
            for _ in range(VISITS // 97 + 2):          # bounded: a broken key repeats
                page = query.ids(97, after)
                if not page:
                    break
                paged += [record_id for record_id, _key in page]
                after = page[-1]
            assert paged == whole and len(whole) == VISITS, (order, descending)


WIDE_FILTERS = [{"date_from": "2022-01-01"}, {"status": "signed"},
                {"date_from": "2021-01-01", "date_to": "2023-12-31", "status": "completed"}]


def _plan(ws, query, after=None) -> str:
    sql, params = query.ids_sql(20, after)
    return " / ".join(r[3] for r in ws.store.conn.execute(f"explain query plan {sql}", params))


@pytest.mark.parametrize("filters", WIDE_FILTERS)
def test_a_filter_keeping_many_rows_pages_along_the_order_not_a_sort(ws, many, filters,
                                                                     monkeypatch):
    """A filter that keeps many rows (a year of visits, one status) with a sort on another
    column: each page walks the order's index, checking the filter, instead of taking the
    filter's index and sorting every kept row again for each page."""
    import ui.state.inspections as state
    monkeypatch.setattr(state, "SORT_AT_MOST", 100)      # 1,200 visits stand for 100,000
    for order in ("mode", "status", "visit_date", "inspectors"):
        if order in filters:
            continue            # one status: its order is the ids' (SQLite's choice)
        for descending in (True, False):
            query = InspectionQuery(ws, InspectionFilter(order=order, descending=descending,
                                                         **filters))
            assert query.count() > 100
            first = query.ids(20)
            for after in (None, first[-1]):
                assert "TEMP B-TREE" not in _plan(ws, query, after), (order, filters)


@pytest.mark.parametrize("filters", WIDE_FILTERS + [{"school_id": None}])
def test_either_plan_gives_the_same_rows_in_every_order(ws, many, filters, monkeypatch):
    """Walking the order or sorting the filter's rows is a choice of speed only: page by
    page, every order and direction lists exactly the rows of one plain query."""
    import ui.state.inspections as state
    from ui.state.inspections import ORDER_BY
    if "school_id" in filters:
        filters = {"school_id": ws.store.scalar("select min(school_id) from inspections")}
    wanted = _plainly_filtered(ws, filters)
    for limit in (100, 10**9):                      # walking, then sorting
        monkeypatch.setattr(state, "SORT_AT_MOST", limit)
        for order in ORDER_BY:
            for descending in (True, False):
                query = InspectionQuery(ws, InspectionFilter(order=order,
                                                             descending=descending, **filters))
                assert query.count() == len(wanted)
                whole = query.ids(VISITS + 1)
                paged = _paged(query)
                assert paged == whole, (order, descending, limit)
                assert {record_id for record_id, _key in whole} == wanted
                keys = [key for _id, key in whole]
                assert keys == sorted(keys, reverse=descending), (order, descending, limit)


def _plainly_filtered(ws, filters) -> set[str]:
    sql, params = "select id from inspections where deleted = 0", []
    for column in ("status", "school_id", "template_key"):
        if column in filters:
            sql, params = sql + f" and {column} = ?", params + [filters[column]]
    if "date_from" in filters:
        sql, params = sql + " and visit_date >= ?", params + [filters["date_from"]]
    if "date_to" in filters:
        sql, params = sql + " and visit_date <= ?", params + [filters["date_to"]]
    if "inspector" in filters:
        sql, params = sql + " and inspectors like ?", params + [f"%{filters['inspector']}%"]
    return {r[0] for r in ws.store.conn.execute(sql, params)}


DRAFTS = 100
FAR_TEMPLATE = "school_comprehensive"      # the drafts' template; the others use 'mini'


@pytest.fixture
def far(ws):
    """1,200 visits whose 100 drafts sit at the far end of most orders, as at 100,000 the
    newest visits are the drafts: the newest dates, the highest ids, one mode and one
    template of their own (one end of the template titles), unscored
    (last by score descending, last by grade ascending); the rest scored 10-99, graded 0-3.
    No statistics (ANALYZE), as in a profile the demo or an import filled."""
    schools = [add_school(ws, name=f"第{n}中学", district="区0").created for n in range(2)]
    templates = [ws.store.rows("select id, key from templates where key = ?", [key])[0]
                 for key in ("mini", FAR_TEMPLATE)]
    draft = VISITS - DRAFTS
    rows = [(f"far-{n:05d}", f"r{n}", "dev", *templates[n >= draft], schools[n % 2],
             "self_assessment" if n >= draft else "inspection",
             "draft" if n >= draft else ("completed", "signed")[n % 2],
             f"2026-{1 + (n - draft) // 28:02d}-{1 + (n - draft) % 28:02d}" if n >= draft
             else f"{2020 + n % 5}-{1 + n % 12:02d}-{1 + n % 28:02d}", f'["督学{n % 7}"]')
            for n in range(VISITS)]
    _insert_visits(ws, rows)
    InspectionQuery(ws).refresh_scores()        # all unscored: no answers
    with ws.store.atomic():                     # the visits done have scores
        ws.store.conn.executemany(
            "update inspection_scores set total = ?, total_sort = ?, grade_rank = ? "
            "where inspection_id = ?",
            [(10 + n % 90, 10 + n % 90, n % 4, f"far-{n:05d}") for n in range(draft)])


@pytest.fixture
def small_budget(monkeypatch):
    """1,200 visits stand for 100,000: a filter keeping more than 50 walks, along the
    scores within 2,000 steps."""
    import ui.state.inspections as state
    monkeypatch.setattr(state, "SORT_AT_MOST", 50)
    monkeypatch.setattr(state, "WALK_STEPS", 2_000, raising=False)


def _run_steps(ws, sql_params) -> int:
    return _steps(ws, lambda: ws.store.rows(*sql_params))


@pytest.mark.parametrize("order, descending", [("score", True), ("grade", False)])
def test_rows_at_the_far_end_of_the_scores_are_sorted_once_walking_runs_out(
        ws, far, small_budget, order, descending):
    """Drafts by score descending (unscored: last), by grade ascending (ungraded: last): a
    walk along the scores reads every scored visit before the first draft. It runs out of
    its budget on the first page; that page and the next ones of the order sort the kept
    rows, and a list reloaded with the same count starts with the sort."""
    query = InspectionQuery(ws, InspectionFilter(order=order, descending=descending,
                                                 status="draft"))
    assert query.count() == DRAFTS
    walking = _run_steps(ws, query.ids_sql(20))
    first = query.ids(20)
    again = _run_steps(ws, query.ids_sql(20))       # the first page, as planned now
    assert again * 3 < walking, (again, walking)
    column = {"score": "total_sort", "grade": "grade_rank"}[order]
    way = "desc" if descending else "asc"
    plain = [r[0] for r in ws.store.rows(
        "select i.id from inspections i join inspection_scores sc on sc.inspection_id = i.id "
        f"where i.status = 'draft' order by sc.{column} {way}, sc.inspection_id {way}")]
    paged, after = list(first), first[-1]
    while page := query.ids(20, after):
        paged, after = paged + page, page[-1]
    assert [record_id for record_id, _key in paged] == plain


FAR_FILTERS = [{"status": "draft"}, {"date_from": "2026-01-01"}, {"school_id": None},
               {"template_key": FAR_TEMPLATE}, {"template_key": "mini", "status": "signed"},
               {"status": "signed"}, {"inspector": "督学3"}]


@pytest.mark.parametrize("filters", FAR_FILTERS)
def test_every_plan_gives_the_rows_of_one_plain_query_when_they_sit_far(
        ws, far, small_budget, filters, monkeypatch):
    """Walking, walking until the budget runs out and then sorting, or sorting at once:
    page by page, every order and direction lists exactly the rows of one plain query."""
    import ui.state.inspections as state
    from ui.state.inspections import ORDER_BY
    if "school_id" in filters:
        filters = {"school_id": ws.store.scalar("select min(school_id) from inspections")}
    wanted = _plainly_filtered(ws, filters)
    for budget in (2_000, 10**9):                  # runs out (score, grade), never does
        monkeypatch.setattr(state, "WALK_STEPS", budget, raising=False)
        for order in ORDER_BY:
            for descending in (True, False):
                query = InspectionQuery(ws, InspectionFilter(order=order,
                                                             descending=descending, **filters))
                assert query.count() == len(wanted)
                paged = _paged(query)
                whole = InspectionQuery(ws, query.filter).ids(VISITS + 1)
                assert paged == whole, (order, descending, budget)
                assert {record_id for record_id, _key in whole} == wanted
                keys = [key for _id, key in whole]
                assert keys == sorted(keys, reverse=descending), (order, descending)


@pytest.mark.parametrize("sorting", [False, True])
def test_a_filtered_page_reads_index_entries_only(ws, far, sorting, monkeypatch):
    """Walking an order or sorting a filter's rows, the inspection's filter, join and key
    columns are read from the index, never from its row in the table (a random read per
    row passed: m031)."""
    import ui.state.inspections as state
    monkeypatch.setattr(state, "SORT_AT_MOST", 10**9 if sorting else 50)
    for filters in ({"status": "draft"}, {"template_key": "mini"}):
        for order in ("visit_date", "mode", "status", "inspectors", "template", "school"):
            query = InspectionQuery(ws, InspectionFilter(order=order, **filters))
            query.count()
            plan = _plan(ws, query)
            assert "SEARCH i USING COVERING INDEX" in plan or \
                "SCAN i USING COVERING INDEX" in plan, (order, filters, plan)


def test_one_template_by_title_visits_that_template_only(ws, far, small_budget):
    """Sorted by template title with one template kept, the walk passes that template's
    visits only, at either end of the titles: it used to pass every other template's
    visits first when the kept one sorts last (~70,000 index entries at 100,000)."""
    steps = {}
    for descending in (True, False):
        query = InspectionQuery(ws, InspectionFilter(order="template", descending=descending,
                                                     template_key=FAR_TEMPLATE))
        assert query.count() == DRAFTS
        steps[descending] = _run_steps(ws, query.ids_sql(20))
        assert len(query.ids(20)) == 20
    assert max(steps.values()) < 2 * min(steps.values()), steps


def test_a_file_without_the_list_indexes_lists_the_same_rows(ws, far, small_budget):
    """The indexes m031 made, dropped with sqlite3: slower pages, the same rows, no error
    (the sort of the scores names its index only while the file has it)."""
    query = InspectionQuery(ws, InspectionFilter(order="score", status="draft"))
    query.count()
    before = query.ids(VISITS + 1)
    for (name,) in ws.store.rows("select name from sqlite_master where type = 'index' "
                                 "and name like 'idx_%_list'"):
        ws.store.conn.execute(f"drop index {name}")
    for descending in (True, False):
        query = InspectionQuery(ws, InspectionFilter(order="score", descending=descending,
                                                     status="draft"))
        query.count()
        rows = query.ids(20)
        assert [*query.ids(20), *query.ids(VISITS, rows[-1])] == \
            (before if descending else before[::-1])


def test_a_name_alone_walks_the_order_however_few_it_keeps(ws, far, monkeypatch):
    """An inspector's name is checked in every row either way: sorting what it keeps reads
    every visit, walking the order stops once the page is full. So it walks, however few
    rows the count says it keeps; with a status too, the status's index finds them."""
    import ui.state.inspections as state
    monkeypatch.setattr(state, "SORT_AT_MOST", 10**9)
    for order in ("visit_date", "mode", "inspectors", "template", "school"):
        query = InspectionQuery(ws, InspectionFilter(order=order, inspector="督学3"))
        query.count()
        assert "TEMP B-TREE" not in _plan(ws, query), order
        query.filter = query.filter.with_(status="signed")
        query.count()
        assert "TEMP B-TREE" in _plan(ws, query), order
