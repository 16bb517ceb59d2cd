"""The stored state of every corrective action, so the Actions page and the status bar count
and page through 300,000 actions in SQL instead of reading them all.

`action_state` is local bookkeeping (it never travels in bundles): one row per live action of
a known school, written only here, from the one rule (`app.domain.action_chains.with_state`,
the same function `action_query.current_actions` applies). It holds what does not depend on
today (chain, head, status, history fields) and the date an action is overdue after, so
"overdue" is `overdue_after < today` in SQL. A chain never leaves its school, so a school's
rows are recomputed together. Triggers (migration m017_action_state) mark a school in
`action_dirty` whenever anything its actions' state depends on changes, by whatever path: a
service, an import (a REPLACE of a row too: the BEFORE INSERT triggers mark the school of
the row being replaced), a merge, another process or `sqlite3` on the file. Readers call
`refresh_if_dirty` first, so a stale state is never shown. The list's counts are kept with
the state (`action_tally.py`), recounted for the schools recomputed here.
"""

from __future__ import annotations

from app.domain import actions as rule
from app.domain.action_chains import with_state_by_school
from app.storage import action_tally

# The rows the one rule reads: live actions of a known school, in created order (the last
# row of a chain is its head; id breaks ties so every reader picks the same head).
ACTION_SQL = ("select a.*, s.name as school_name, s.name_en as school_name_en, "
              "s.district as district, i.visit_date as visit_date from actions a "
              "join schools s on s.id = a.school_id "
              "left join inspections i on i.id = a.inspection_id where a.deleted = 0")
ACTION_ORDER = " order by a.created_at, a.rev, a.id"
EVENT_SQL = ("select e.* from action_events e join actions a on a.id = e.action_id "
             "join schools s on s.id = a.school_id where e.deleted = 0")
EVENT_ORDER = " order by e.rev, e.id"
RULE_COLUMNS = "a.id, a.school_id, a.carried_from, a.status, a.due_date, a.verified_in"
EVENT_COLUMNS = "e.action_id, e.to_status, e.note, e.actor, e.at, e.visit_id"

# Stored per action: the state fields of with_state that do not depend on today.
STATE_FIELDS = ("root_id", "head", "status", "closed", "not_rectified_times", "events",
                "reported_at", "report_note", "verified_by", "verified_at", "verified_visit",
                "last_note")
TABLES = (
    "create table if not exists action_state (id text primary key, school_id text not null, "
    "root_id text, head integer not null, status text not null, closed integer not null, "
    "overdue_after text, due_null integer not null, due_key text not null, "
    "not_rectified_times integer, events integer, reported_at text, report_note text, "
    "verified_by text, verified_at text, verified_visit text, last_note text)",
    "create table if not exists action_dirty (school_id text primary key)",
)
# The list's order is (no due date last, due date, id); each index is a range for one
# filter (all, one status, one school) in that order. The counts are summed from the tally
# but for today's year of "overdue", a covering range of (head, overdue_after, closed) or,
# with a status, (head, status, overdue_after, closed).
INDEXES = (
    "create index if not exists idx_action_state_order on action_state "
    "(head, due_null, due_key, id)",
    "create index if not exists idx_action_state_status on action_state "
    "(head, status, due_null, due_key, id)",
    "create index if not exists idx_action_state_school on action_state "
    "(school_id, head, due_null, due_key, id)",
    "create index if not exists idx_action_state_overdue on action_state "
    "(head, overdue_after, closed)",
    "create index if not exists idx_action_state_status_overdue on action_state "
    "(head, status, overdue_after, closed)",
)
# Counted from the tally now (migration m029_action_counts drops them).
RETIRED_INDEXES = ("idx_action_state_closed", "idx_action_state_counts")

def _mark(select: str) -> str:
    return f"insert or ignore into action_dirty (school_id) {select};"


TRIGGERS = {
    # The row a REPLACE is about to delete (delete triggers do not fire for it).
    "actions_state_replace": "before insert on actions begin " + _mark(
        "select school_id from actions where id = new.id and school_id is not null") + " end",
    "actions_state_insert": "after insert on actions when new.school_id is not null begin "
    + _mark("values (new.school_id)") + " end",
    "actions_state_update": "after update of id, school_id, carried_from, status, due_date, "
    "deleted, created_at, rev on actions begin " + _mark(
        "select old.school_id where old.school_id is not null union "
        "select new.school_id where new.school_id is not null") + " end",
    "actions_state_delete": "after delete on actions when old.school_id is not null begin "
    + _mark("values (old.school_id)") + " end",
    "action_events_state_replace": "before insert on action_events begin " + _mark(
        "select a.school_id from action_events e join actions a on a.id = e.action_id "
        "where e.id = new.id and a.school_id is not null") + " end",
    "action_events_state_insert": "after insert on action_events begin " + _mark(
        "select school_id from actions where id = new.action_id and school_id is not null")
    + " end",
    "action_events_state_update": "after update on action_events begin " + _mark(
        "select school_id from actions where id in (old.action_id, new.action_id) "
        "and school_id is not null") + " end",
    "action_events_state_delete": "after delete on action_events begin " + _mark(
        "select school_id from actions where id = old.action_id and school_id is not null")
    + " end",
    # An action shows only while its school is held (the rule's join).
    "schools_state_insert": "after insert on schools begin "
    + _mark("values (new.id)") + " end",
    "schools_state_update": "after update of id on schools begin "
    + _mark("values (old.id) union values (new.id)") + " end",
    "schools_state_delete": "after delete on schools begin "
    + _mark("values (old.id)") + " end",
}

BATCH = 100   # schools recomputed per round (bounded memory on a 300k-action backfill)


def create(conn) -> None:
    """Tables, indexes and triggers (migration m017_action_state); every school with
    actions is marked, so the first read computes their state."""
    for sql in (*TABLES, *INDEXES):
        conn.execute(sql)
    action_tally.create(conn)
    for name, body in TRIGGERS.items():
        conn.execute(f"create trigger if not exists {name} {body}")
    conn.execute("insert or ignore into action_dirty (school_id) "
                 "select distinct school_id from actions where school_id is not null")


def create_counts(conn) -> None:
    """The list's counts where the state is already stored (migration m029_action_counts):
    the tally counted from it, the index for today's year of "overdue" with a status, and
    the count indexes it replaces dropped."""
    for name in RETIRED_INDEXES:
        conn.execute(f"drop index if exists {name}")
    for sql in INDEXES:
        conn.execute(sql)
    action_tally.create_counted(conn)


def is_dirty(conn) -> bool:
    return conn.execute("select exists(select 1 from action_dirty)").fetchone()[0] == 1


def refresh(conn) -> int:
    """Recompute the state of every marked school's actions and clear the marks (inside the
    caller's transaction). Returns the number of schools recomputed."""
    done, recounted = 0, False
    while True:
        schools = [r[0] for r in conn.execute(
            f"select school_id from action_dirty limit {BATCH}")]
        if not schools:
            break
        _recompute(conn, schools)
        recounted = action_tally.recount(conn, schools) or recounted \
            or action_tally.ALL in schools
        conn.executemany("delete from action_dirty where school_id = ?",
                         [(s,) for s in schools])
        done += len(schools)
    if recounted:
        action_tally.resum(conn)
    return done


def _recompute(conn, schools: list) -> None:
    marks = ",".join("?" * len(schools))
    where = f" and a.school_id in ({marks})"
    # The rows and events of ACTION_SQL and EVENT_SQL, with only the columns the rule
    # reads (a 300,000-action backfill builds no more than it needs).
    rows = _dicts(conn, f"select {RULE_COLUMNS} from actions a join schools s on "
                  f"s.id = a.school_id where a.deleted = 0{where}{ACTION_ORDER}", schools)
    events = _dicts(conn, f"select {EVENT_COLUMNS} {EVENT_SQL[EVENT_SQL.index('from'):]}"
                    f"{where}{EVENT_ORDER}", schools)
    # Any day will do: what depends on today is not stored.
    with_state_by_school(rows, events, "2000-01-01")
    # Only what changed is written: after an import touching every school most chains are
    # as they were, and each written row costs six index updates.
    columns = f"id, school_id, overdue_after, due_null, due_key, {', '.join(STATE_FIELDS)}"
    held = {r[0]: tuple(r) for r in conn.execute(
        f"select {columns} from action_state where school_id in ({marks})", schools)}
    fresh = [_stored(row) for row in rows]
    live = {t[0] for t in fresh}
    conn.executemany("delete from action_state where id = ?",
                     [(i,) for i in held if i not in live])
    conn.executemany(f"insert or replace into action_state ({columns}) "
                     f"values ({','.join('?' * (5 + len(STATE_FIELDS)))})",
                     [t for t in fresh if held.get(t[0]) != t])


def _stored(row: dict) -> tuple:
    due = row["due_date"]
    after = rule.overdue_after(row["status"], due)
    return (row["id"], row["school_id"], after.isoformat() if after else None,
            int(due is None), "" if due is None else due,
            *(int(row[f]) if isinstance(row[f], bool) else row[f] for f in STATE_FIELDS))


def _dicts(conn, sql: str, params) -> list[dict]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, values)) for values in cursor]
