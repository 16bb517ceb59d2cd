"""A read bounded in SQLite steps (app/storage/budget.py): the rows when it fits, None when
it would take more, and the connection as it was either way — an open transaction kept,
no budget left behind on later reads."""

from __future__ import annotations

import pytest

from app.errors import DatabaseError
from app.storage.budget import rows_within

COUNT = ("with recursive n(x) as (select 1 union all select x + 1 from n where x < ?) "
         "select count(*) from n")


def test_a_read_within_its_budget_gives_its_rows(ws):
    assert rows_within(ws.store, COUNT, [1000], 10**9) == [(1000,)]


def test_a_read_over_its_budget_gives_none_and_later_reads_run_in_full(ws):
    assert rows_within(ws.store, COUNT, [200_000], 5_000) is None
    assert ws.store.rows(COUNT, [200_000]) == [(200_000,)]


def test_running_out_inside_a_transaction_keeps_what_it_wrote(ws):
    with ws.store.atomic():
        ws.store.conn.execute("insert into settings (key, value) values ('probe', 'kept')")
        assert rows_within(ws.store, COUNT, [200_000], 5_000) is None
        assert ws.store.conn.in_transaction
    assert ws.store.scalar("select value from settings where key = 'probe'") == "kept"


def test_another_error_is_a_database_error_not_an_empty_answer(ws):
    with pytest.raises(DatabaseError):
        rows_within(ws.store, "select * from no_such_table", [], 10**9)
