"""The corrective-action list at district scale: counts, keyset pages and display rows read
in SQL from the state stored per action (`app/storage/action_state.py`), never every action.

The same rows, in the same order, with the same state as `action_query.current_actions` (the
reference, which reads everything; a test holds them equal): each logical action once (the
head of its chain), ordered by due date (none last) then id, filtered by status, school,
district and "overdue only", inside the profile's read scope. What depends on today (open,
overdue, days overdue) is worked out from the one rule (`app/domain/actions.py`) at read
time: overdue is `overdue_after < today` in SQL and `rule.is_overdue` on each shown row.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from app.domain import actions as rule
from app.security import roles
from app.services.today import today as district_today
from app.storage import action_state  # the stored columns

if TYPE_CHECKING:
    from app.workspace import Workspace

# The list's order, ending with the id so paging is stable; never NULL (keyset paging
# compares row values) and matching the indexes of action_state.
ORDER = ("st.due_null", "st.due_key", "st.id")
ROW_SQL = ("select a.*, s.name as school_name, s.name_en as school_name_en, "
           "s.district as district, i.visit_date as visit_date, "
           + ", ".join(f"st.{f} as st_{f}" for f in action_state.STATE_FIELDS)
           + " from action_state st join actions a on a.id = st.id "
           "join schools s on s.id = a.school_id "
           "left join inspections i on i.id = a.inspection_id "
           "where a.deleted = 0 and st.id in ({marks})")


def refresh_if_dirty(ws: Workspace) -> None:
    """Bring the stored state up to date with changes made by any path (see the triggers);
    a one-row read when nothing changed."""
    ws.store.refresh_action_state()


def open_count(ws: Workspace) -> int:
    """Open actions in the read scope, each logical action once (the status bar's count)."""
    refresh_if_dirty(ws)
    scope, params = roles.read_scope(ws, "t.school_id")
    # Summed from the tally (app/storage/action_tally.py): per school, or every school's.
    table = "action_tally" if roles.visible_schools(ws) is not None else "action_tally_all"
    return int(ws.store.scalar(f"select total(n) from {table} t where t.closed = 0{scope}",
                               params))


@dataclass(frozen=True)
class ActionFilter:
    status: str | None = None
    school_id: str | None = None
    district: str | None = None
    overdue_only: bool = False

    def with_(self, **changes) -> "ActionFilter":
        return replace(self, **changes)


class ActionQuery:
    """The list's queries for one filter. "Today" is read when counting (each reload), so
    the counts and the rows of one load agree."""

    def __init__(self, ws: Workspace, flt: ActionFilter | None = None,
                 today: str | None = None):
        self.ws, self.store = ws, ws.store
        self.filter = flt or ActionFilter()
        self._fixed_today = today
        self.today = today or district_today(ws)

    def _filters(self, alias: str) -> tuple[str, list]:
        """The filter and read scope as conditions on `school_id` and `status`, columns of
        both the stored state and the tally."""
        f = self.filter
        sql, params = roles.read_scope(self.ws, f"{alias}.school_id", f.school_id)
        if f.school_id:
            sql, params = sql + f" and {alias}.school_id = ?", params + [f.school_id]
        if f.district:
            sql += f" and {alias}.school_id in (select id from schools where district = ?)"
            params = params + [f.district]
        if f.status:
            sql += f" and {alias}.status = ?"
            params = params + [rule.normal_status(f.status)]
        return sql, params

    def _some_schools(self) -> bool:
        """Whether the list is limited to some schools (a filter or the read scope)."""
        return bool(self.filter.school_id or self.filter.district
                    or roles.visible_schools(self.ws) is not None)

    def _where(self, paging: bool = False) -> tuple[str, list]:
        """FROM and WHERE of the list. For a page (`paging`) the overdue test must not pick
        the overdue index (a range SQLite would then sort): the list walks its order index
        and skips what is not overdue — overdue rows come first in due order."""
        sql, params = self._filters("st")
        sql = "from action_state st where st.head = 1" + sql
        if self.filter.overdue_only:
            sql += f" and {'+' if paging else ''}st.overdue_after < ?"
            params = params + [self.today]
        return sql, params

    def counts(self) -> dict:
        """How many actions match, how many of them are open and how many overdue; called
        first on every (re)load, so it also brings the stored state up to date.

        Summed from the tally (`app/storage/action_tally.py`), per school when the list
        is limited to some: "overdue after a day before today" is every year before today's
        plus one index range of today's own year, which the tally does not split by day."""
        refresh_if_dirty(self.ws)
        self.today = self._fixed_today or district_today(self.ws)
        sql, params = self._filters("t")
        table = "action_tally" if self._some_schools() else "action_tally_all"
        total, still_open, earlier, earlier_open = self.store.rows(
            "select total(n), total(case when closed = 0 then n end), "
            "total(case when bucket < substr(?, 1, 4) then n end), "
            "total(case when bucket < substr(?, 1, 4) and closed = 0 then n end) "
            f"from {table} t where 1{sql}", [self.today, self.today, *params])[0]
        sql, params = self._where()
        this_year, this_year_open = self.store.rows(
            f"select count(*), count(case when st.closed = 0 then 1 end) {sql} and "
            "st.overdue_after >= substr(?, 1, 4) and st.overdue_after < ?",
            [*params, self.today, self.today])[0]
        overdue, overdue_open = int(earlier) + this_year, int(earlier_open) + this_year_open
        if self.filter.overdue_only:
            return {"total": overdue, "open": overdue_open, "overdue": overdue}
        return {"total": int(total), "open": int(still_open), "overdue": overdue}

    def ids(self, limit: int | None, after: tuple | None = None,
            through: tuple | None = None) -> list[tuple[str, tuple]]:
        """The next `limit` (id, sort key) pairs in order after the pair `after`, or every
        pair up to the key `through` (to reach a row, e.g. the selection kept on reload)."""
        found = self.store.rows(*self.ids_sql(limit, after, through))
        return [(r[0], tuple(r[1:])) for r in found]

    def ids_sql(self, limit: int | None, after: tuple | None = None,
                through: tuple | None = None) -> tuple[str, list]:
        """The query behind `ids`: a range of an order index from the key on, at any depth."""
        sql, params = self._where(paging=True)
        keys = ", ".join(ORDER)
        marks = ", ".join("?" * len(ORDER))
        if after is not None:
            # The row value alone, so SQLite seeks the order index to it. A separate bound
            # on the first column (due_null: two values) made SQLite range on that column
            # only and walk every row before the key: page n cost n pages (4 ms a page at
            # row 20,000, 50 ms at 270,000; 0.2-0.7 ms this way at any depth).
            sql, params = sql + f" and ({keys}) > ({marks})", [*params, *after[1]]
        if through is not None:
            sql, params = sql + f" and ({keys}) <= ({marks})", [*params, *through]
        limit_sql = f" limit {int(limit)}" if limit is not None else ""
        return f"select st.id, {keys} {sql} order by {keys}{limit_sql}", params

    def key_of(self, action_id: str) -> tuple | None:
        """The sort key of `action_id` if it is in this list, else None."""
        sql, params = self._where()
        found = self.store.rows(f"select {', '.join(ORDER)} {sql} and st.id = ?",
                                [*params, action_id])
        return tuple(found[0]) if found else None

    def rows(self, ids: list[str]) -> dict[str, dict]:
        """Display rows by id, each as `current_actions` gives it; an id missing from the
        result could not be loaded (removed meanwhile)."""
        if not ids:
            return {}
        found = self.store.query(ROW_SQL.format(marks=",".join("?" * len(ids))), list(ids))
        return {row["id"]: state_row(row, self.today) for row in found}


def state_row(row: dict, today: str) -> dict:
    """A joined row (action, school, visit, stored state as st_*) as the one rule's
    `with_state` makes it."""
    state = {f: row.pop(f"st_{f}") for f in action_state.STATE_FIELDS}
    status = state["status"]
    row.update(state)
    row.update(head=bool(state["head"]), closed=bool(state["closed"]),
               open=not state["closed"], overdue=rule.is_overdue(status, row["due_date"], today),
               days_overdue=rule.days_overdue(status, row["due_date"], today))
    row["verified_in"] = row["verified_visit"] or row["verified_in"]
    return row
