"""Counts of the corrective-action list kept with the stored state (`action_state.py`), so the
Actions page's counts (all, open, overdue) over a district's 300,000 actions sum a few stored
rows instead of counting every action (35 ms of every page load).

- `action_tally`: per school, its logical actions (chain heads) by status, closed and
  `bucket`, the year (first four characters) of the date they are overdue after, NULL when
  never overdue. Counted again from the school's state whenever its state is recomputed,
  never adjusted by a difference, so nothing a past write did to it survives.
- `action_tally_all`: the same summed over every school (a few dozen rows) for a list that
  sees every school; summed again from `action_tally` whenever a refresh changed that.

"Overdue" compares with today, which no stored count can hold: it is the tally's years
before today's year plus one index range of today's own year in the state
(`app/services/action_list.py`).

Only `action_state.refresh` writes these tables (and `action_state`); it clears the marks of
what it wrote. A write by any other path (`sqlite3` on the file) marks the school in
`action_dirty`, or ALL for the sum, so the next read counts it again from the actions.
"""

from __future__ import annotations

ALL = ""        # the mark in action_dirty for "sum every school again"
COLUMNS = "school_id, status, closed, bucket, n"
SUM_COLUMNS = "status, closed, bucket, n"
TABLES = (
    "create table if not exists action_tally (school_id text not null, status text not null, "
    "closed integer not null, bucket text, n integer not null)",
    "create table if not exists action_tally_all (status text not null, "
    "closed integer not null, bucket text, n integer not null)",
)
# A scope's or school's sum reads its schools' rows; every school's, one status or none,
# reads the sum.
INDEXES = (
    "create index if not exists idx_action_tally_school on action_tally "
    "(school_id, status, closed, bucket, n)",
    "create index if not exists idx_action_tally_all on action_tally_all "
    "(status, closed, bucket, n)",
)
# The tally's rows counted from the stored state.
COUNT_SQL = ("select school_id, status, closed, substr(overdue_after, 1, 4), count(*) "
             "from action_state where head = 1{where} group by 1, 2, 3, 4")
SUM_SQL = (f"insert into action_tally_all ({SUM_COLUMNS}) "
           "select status, closed, bucket, sum(n) from action_tally group by 1, 2, 3")


def _mark(rows: str) -> str:
    return f"insert or ignore into action_dirty (school_id) {rows};"


def _guards() -> dict[str, str]:
    """Triggers marking what a write to a derived table by another path made stale. They
    fire for `refresh`'s own writes too, whose school is marked already: the WHEN clause
    on inserts (a full computation writes 300,000) skips those at the cost of one lookup."""
    guards = {}
    for table, new, old in (("action_state", "new.school_id", "old.school_id"),
                            ("action_tally", "new.school_id", "old.school_id"),
                            ("action_tally_all", f"'{ALL}'", f"'{ALL}'")):
        guards[f"{table}_written_insert"] = (
            f"after insert on {table} when not exists (select 1 from action_dirty where "
            f"school_id = {new}) begin {_mark(f'values ({new})')} end")
        guards[f"{table}_written_update"] = (
            f"after update on {table} begin {_mark(f'values ({old}) union values ({new})')} end")
        guards[f"{table}_written_delete"] = (
            f"after delete on {table} begin {_mark(f'values ({old})')} end")
    # The row a REPLACE is about to delete (delete triggers do not fire for it), when it
    # belonged to another school (the insert marks its own).
    guards["action_state_written_replace"] = ("before insert on action_state begin " + _mark(
        "select school_id from action_state where id = new.id and "
        "school_id is not new.school_id") + " end")
    return guards


GUARDS = _guards()


def create(conn) -> None:
    """Tables and indexes (with `action_state.create`: the state's first computation
    fills them)."""
    for sql in (*TABLES, *INDEXES):
        conn.execute(sql)


def create_counted(conn) -> None:
    """The tables counted from the state already stored, then the guards (migration
    m029_action_counts). A school still marked is counted again on the next read; counting
    here marks none."""
    create(conn)
    for name in GUARDS:
        conn.execute(f"drop trigger if exists {name}")
    conn.execute("delete from action_tally")
    conn.execute(f"insert into action_tally ({COLUMNS}) {COUNT_SQL.format(where='')}")
    conn.execute("delete from action_tally_all")
    conn.execute(SUM_SQL)
    for name, body in GUARDS.items():
        conn.execute(f"create trigger {name} {body}")


def recount(conn, schools: list) -> bool:
    """Count the schools' tally again from their state; written only if it differs (an
    import touching every school but changing nothing writes nothing). True if written."""
    where = f" and school_id in ({','.join('?' * len(schools))})"
    counted = sorted(map(tuple, conn.execute(COUNT_SQL.format(where=where), schools)), key=repr)
    held = sorted(map(tuple, conn.execute(
        f"select {COLUMNS} from action_tally where 1{where}", schools)), key=repr)
    if counted == held:
        return False
    conn.execute(f"delete from action_tally where 1{where}", schools)
    conn.executemany(f"insert into action_tally ({COLUMNS}) values (?, ?, ?, ?, ?)", counted)
    return True


def resum(conn) -> None:
    """Every school's sum again, from the tally (a few dozen rows from ~60 a school), and
    its mark cleared."""
    conn.execute("delete from action_tally_all")
    conn.execute(SUM_SQL)
    conn.execute("delete from action_dirty where school_id = ?", (ALL,))
