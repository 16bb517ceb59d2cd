"""A read bounded in work: the rows of a query, or None when it would take more than a given
number of SQLite virtual-machine steps. Lists use it to try a plan that is usually cheap but
can, for some data, read far more rows than it returns (app/storage and ui/state use it)."""

from __future__ import annotations

from typing import Any

from app.storage.sqlerrors import db_errors, translate_sqlite_error

GRAIN = 1000  # steps between two looks at the budget


def rows_within(store, sql: str, params: Any, steps: int) -> list[tuple] | None:
    """`store.rows(sql, params)`, or None when the read needs more than about `steps` steps.
    It is then interrupted; an interrupted SELECT leaves any open transaction as it was.
    Uses the connection's progress handler, which the Store sets nowhere else, and removes
    it after. A driver without one answers in full."""
    conn = store.conn
    if not hasattr(conn, "set_progress_handler"):
        return store.rows(sql, params)
    taken = [0]

    def tick() -> int:
        taken[0] += GRAIN
        return int(taken[0] > steps)
    conn.set_progress_handler(tick, GRAIN)
    try:
        return conn.execute(sql, params).fetchall()
    except db_errors() as exc:
        if taken[0] > steps:
            return None
        raise translate_sqlite_error(exc) from exc
    finally:
        conn.set_progress_handler(None, GRAIN)
