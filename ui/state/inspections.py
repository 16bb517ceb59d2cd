"""Qt-free query state behind the Inspections list: filters, ordering, and paged loading.

The list is fetched in two steps, as Anki's browser does: the ordered ids in pages, then the
display rows for just the ids on screen (`rows(ids)`), so scrolling never loads everything.
Pages are keyset pages (`ids(limit, after=(sort value, id) of the last row)`), so the 500th
page costs what the first does; OFFSET would rescan every earlier row.
Teacher-ethics evaluations are excluded by default: they have their own page.
Score and grade are stored (app/storage/scores.py), so they sort, and rows are not scored
as they are painted; scores made stale by a change elsewhere are recomputed before a load.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from app.security.roles import visible_schools
from app.storage.budget import rows_within

# Sortable columns: key → the SQL expressions the list is ordered by, ending with a unique
# id so paging is stable. Each tuple matches an index (migration m007_scale) so a page in
# any order is an index range: a column of a joined table is followed by that table's
# rowid (school name, school rowid, inspection id: schools in name order, each school's
# inspections in id order; the rowid, never NULL, tells SQLite each school is one group,
# so it needs no sort). Never NULL (coalesce), because a NULL breaks the row-value
# comparison of keyset paging; visit_date is always set and stays bare so its index is used.
ORDER_BY = {
    "visit_date": ("i.visit_date", "i.id"),
    "school": ("s.name", "s.rowid", "i.id"),
    "template": ("coalesce(tp.title_zh, '')", "tp.rowid", "i.id"),
    "mode": ("i.mode", "i.id"),
    "status": ("i.status", "i.id"),
    "inspectors": ("coalesce(i.inspectors, '')", "i.id"),
    "score": ("sc.total_sort", "sc.inspection_id"),
    "grade": ("sc.grade_rank", "sc.inspection_id"),
}

# Orders on a column of few values (a handful of modes, statuses, grades), keyed (column, id)
# by an index of the inspection's or score's own columns: a row value alone is a range of
# that index from the key, at any depth. A bound on the first column, as the other orders
# use, made SQLite range on that column only and walk every row of the key's value before
# the key (3-5 ms a page at row 20,000, growing with depth). Dates, totals and names have
# so many values that the bound lands near the key; it also combines with a date filter's
# range, where SQLite would drop the row value and walk from the filter's end instead, and
# an expression or a key spanning two tables cannot be ranged by a row value at all.
SEEKS = frozenset({"mode", "status", "grade"})

# A filter that keeps more rows than this is paged along the order's own index, each row's
# filter checked as it is passed (`+` keeps SQLite off the filter's index); up to this many
# are found through the filter's index and sorted (no table leads the join for the order,
# and `+` keeps SQLite off the order's index, which it would otherwise walk to the end).
# Left to itself SQLite sorted the 48,000 signed visits again for every page (~100 ms at
# 100,000), and walked every score or template for one school's 217 visits (~110 ms), or
# the whole date index for its 126 signed ones (~70 ms).
# Walking costs about 50 x total / kept rows read, sorting the kept rows with their joins;
# they meet near this size. The count is known before the first page (the list counts
# first); a count gone stale only picks the slower plan, never other rows. Unfiltered,
# the order's index is walked as before.
SORT_AT_MOST = 2_000

# Orders whose walk reads, for every score it passes, that score's inspection by id in the
# table (a random read; the other orders' walks read index entries only, m031): where the
# kept rows sit at the far end of the scores, as drafts do (unscored: last descending), a
# walk read 80,000 of them for the first page (~0.5 s at 100,000). Such a walk is tried
# within a budget of SQLite steps (~8 ms of it); when it runs out, that page and the next
# ones of the order sort the kept rows instead (8,000-16,000 rows: 22-39 ms) until the
# count is read again. Measured at 100,000, a page of kept rows spread through the order
# took 3,000-12,500 steps (1-5 ms); the far-end walks 300,000-890,000. A budget growing with
# the kept rows (twice their number) walked 16,000 in-progress visits by grade ascending
# (graded last) for 17 ms before sorting.
BUDGETED = frozenset({"score", "grade"})
WALK_STEPS = 20_000

ROW_SQL = ("select i.id, i.visit_date, i.mode, i.status, i.inspectors, i.updated_at, "
           "i.template_key, i.follow_up_of, i.self_assessment_id, s.name as school_name, "
           "s.name_en as school_name_en, s.district, t.name as teacher_name, tp.title_zh, tp.title_en, tp.kind, "
           "sc.total, sc.grade_zh, sc.grade_en, sc.capped "
           "from inspections i join schools s on s.id = i.school_id "
           "left join teachers t on t.id = i.teacher_id "
           "join templates tp on tp.id = i.template_id "
           "left join inspection_scores sc on sc.inspection_id = i.id where i.id in ({marks})")


# Ordered by a column of another table while searching (every table joined: the search reads
# their names), that table leads (CROSS JOIN fixes the join order)
# and walks its index, each of its rows followed by its inspections in id order; SQLite
# would otherwise scan every inspection and sort them all (100,000 rows: ~0.3 s a page).
LEADS = {
    "template": "templates tp cross join inspections i on tp.id = i.template_id "
                "join schools s on s.id = i.school_id "
                "join inspection_scores sc on sc.inspection_id = i.id",
    "school": "schools s cross join inspections i on s.id = i.school_id "
              "join templates tp on tp.id = i.template_id "
              "join inspection_scores sc on sc.inspection_id = i.id",
    "score": "inspection_scores sc cross join inspections i on i.id = sc.inspection_id "
             "join templates tp on tp.id = i.template_id join schools s on s.id = i.school_id",
}
LEADS["grade"] = LEADS["score"]
DEFAULT_JOINS = ("inspections i join templates tp on tp.id = i.template_id "
                 "join schools s on s.id = i.school_id "
                 "join inspection_scores sc on sc.inspection_id = i.id")


# Without a search, only the order's own table is joined (its key); the teacher-ethics rule
# then reads the template id (a list of ids, made once) instead of the template row. Each
# joined table was a lookup for every row passed. Walking, that table leads, as above;
# sorting a filter's few rows, the inspections lead (CROSS JOIN: by the filter's index, or
# all of them when no filter has one, as an inspector's name) and the order's table is looked
# up for each kept row, the scores through the index that holds their keys (m031): SQLite,
# without statistics, takes their primary key and reads each score's row too (twice the
# time). Left to choose, with that index named it scanned every score and looked up its
# inspection (an inspector's 22,000 visits by score: 0.43 s).
LEAN = {
    "template": ("templates tp cross join inspections i on tp.id = i.template_id",
                 "inspections i cross join templates tp on tp.id = i.template_id"),
    "school": ("schools s cross join inspections i on s.id = i.school_id",
               "inspections i cross join schools s on s.id = i.school_id"),
    "score": ("inspection_scores sc cross join inspections i on i.id = sc.inspection_id",
              "inspections i cross join inspection_scores sc{hint} on sc.inspection_id = i.id"),
}
LEAN["grade"] = LEAN["score"]
SCORES_INDEX = "idx_inspection_scores_list"
NOT_ETHICS = "+i.template_id in (select id from templates where kind != 'ethics')"

# Walking with templates (schools) leading, a filter on the template key (school) names the
# leading rows worth visiting: the templates its visits use. One template's 20,000 visits
# by title descending walked every other template's visits first (~70,000 index entries,
# 15-60 ms at 100,000); the template ids are read from the key's index range instead.
PRUNES = {"template": ("template_key", "+tp.id in (select template_id from inspections "
                                       "where template_key = ?)"),
          "school": ("school_id", "+s.id = ?")}


def _joins(order: str | None) -> str:
    """The FROM clause for a query ordered by `order` (None: unordered, e.g. a count).
    `+i.deleted` in the WHERE keeps SQLite off the (deleted, template_id) index, which
    matches every live row: with it SQLite sorted the whole table for every page."""
    return LEADS.get(order, DEFAULT_JOINS) if order else DEFAULT_JOINS


@dataclass(frozen=True)
class InspectionFilter:
    search: str = ""
    status: str | None = None
    template_key: str | None = None
    school_id: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    inspector: str = ""
    include_ethics: bool = False
    order: str = "visit_date"
    descending: bool = True

    def with_(self, **changes) -> "InspectionFilter":
        return replace(self, **changes)


class InspectionQuery:
    """Runs the list's queries against a workspace for one filter."""

    def __init__(self, ws, flt: InspectionFilter | None = None):
        self.ws, self.store = ws, ws.store
        self.filter = flt or InspectionFilter()
        self._counted: tuple[tuple, int] | None = None   # (what it depends on, count)
        # (order, descending) -> the count (`_counted`) under which walking ran out of budget.
        self._sorts: dict[tuple[str, bool], tuple] = {}

    def _where(self, ordered: bool = False, counting: bool = False,
               walk: bool = False) -> tuple[str, list]:
        """FROM and WHERE of the list, for paging (`ordered`: the join order that suits the
        sort) or for the count. The count needs the joins only to search: without a search
        it reads one index (deleted, template_id) instead of four tables per row (100,000
        rows: ~1.5 s → ms); a school and a score row exist for every inspection (foreign
        key; trigger), so both count the same rows. For the same reason the pages of an
        order on the inspection's own columns read no other table unless searching (the
        joins were ~85 % of a page: 7-12 ms → ~1 ms at 100,000), and those of an order on
        another table's column that table only (LEAN). `walk`: page along the
        order's index, never the filters' (see SORT_AT_MOST)."""
        f = self.filter
        order = f.order if ordered else None
        lead = ORDER_BY[order][0] if order in ORDER_BY else None

        def term(column: str) -> str:   # the order's own column stays bare: it is the range
            return f"+{column}" if walk and column != lead else column

        # Few rows kept: found through the filter's index and sorted; the table leading for
        # the order would be walked whole to find them (~0.1 s a page at 100,000).
        leading = order if walk else None
        if self._joined():
            sql = (f"from {_joins(leading)} "
                   "left join teachers t on t.id = i.teacher_id where +i.deleted = 0")
            not_ethics = "tp.kind != 'ethics'"
        elif order in LEAN:
            joins = LEAN[order][0 if walk else 1]
            if "{hint}" in joins:
                joins = joins.replace("{hint}", self._scores_hint())
            sql = f"from {joins} where +i.deleted = 0"
            not_ethics = "tp.kind != 'ethics'" if order == "template" else NOT_ETHICS
        elif counting:
            # Bare columns here: the count is meant to read the (deleted, template_id) index.
            sql = "from inspections i where i.deleted = 0"
            not_ethics = "i.template_id in (select id from templates where kind != 'ethics')"
        else:
            # `+` keeps SQLite on the order's index: on (deleted, …) or (template_id, id) it
            # would sort every row for each page (~0.2 s at 100,000).
            sql = "from inspections i where +i.deleted = 0"
            not_ethics = NOT_ETHICS
        params: list = []
        for column, value in (("i.status", f.status), ("i.template_key", f.template_key),
                              ("i.school_id", f.school_id)):
            if value:
                sql, params = sql + f" and {term(column)} = ?", params + [value]
        field, pruning = PRUNES.get(order, (None, "")) if walk else (None, "")
        if field and getattr(f, field):     # see PRUNES: the same rows, fewer passed
            sql, params = sql + f" and {pruning}", params + [getattr(f, field)]
        if f.date_from:
            sql, params = sql + f" and {term('i.visit_date')} >= ?", params + [f.date_from]
        if f.date_to:
            sql, params = sql + f" and {term('i.visit_date')} <= ?", params + [f.date_to]
        if f.inspector.strip():
            sql, params = sql + " and i.inspectors like ?", params + [f"%{f.inspector.strip()}%"]
        if not f.include_ethics:
            sql += f" and {not_ethics}"
        sql, params = self._visible(sql, params)
        if f.search.strip():
            like = f"%{f.search.strip()}%"
            sql += (" and (s.name like ? or s.name_en like ? or i.inspectors like ? "
                    "or t.name like ? or tp.title_zh like ? or tp.title_en like ?)")
            params += [like] * 6
        return sql, params

    def _scores_hint(self) -> str:
        """`indexed by` the scores' index that holds their keys (see LEAN), unless the file
        lacks it (dropped with sqlite3): then SQLite's own choice, slower, the same rows."""
        found = self.store.scalar("select 1 from sqlite_master where type = 'index' and "
                                  "name = ?", [SCORES_INDEX])
        return f" indexed by {SCORES_INDEX}" if found else ""

    def _joined(self) -> bool:
        """Whether the WHERE reads the joined tables' columns (a search reads the names)."""
        return bool(self.filter.search.strip())

    def _count_scope(self) -> object:
        """What the count depends on besides the database: the filter but its order."""
        return self.filter.with_(order="visit_date", descending=True)

    def _visible(self, sql: str, params: list) -> tuple[str, list]:
        """Rows and count alike: a principal reads their own school's results only."""
        visible = visible_schools(self.ws)
        if visible is None:
            return sql, params
        return (sql + f" and i.school_id in ({','.join('?' * len(visible)) or 'null'})",
                params + sorted(visible))

    def count(self) -> int:
        """How many rows match; called first on every (re)load, so it also brings stored
        scores up to date after changes made elsewhere (an import, another window).
        Read again only when the filter (not its order), the readable schools or the
        database changed: a new sort order counts the same rows, and at 100,000
        inspections the count is most of what a sort costs."""
        key = self._count_key()
        if key is not None and self._counted is not None and self._counted[0] == key:
            return self._counted[1]
        self.refresh_scores()
        sql, params = self._where(counting=True)
        total = int(self.store.scalar(f"select count(*) {sql}", params) or 0)
        # Taken after the count: refreshing scores wrote to this connection.
        key = self._count_key()
        self._counted = None if key is None else (key, total)
        return total

    def _count_key(self) -> tuple | None:
        """What the count depends on: the filter but its order, the readable schools, and
        the database's state (`Store.change_mark`: any commit by another connection, any
        write by this one). None when that cannot be told (then every load counts)."""
        mark = self.store.change_mark()
        if mark is None:
            return None
        return self._count_scope(), visible_schools(self.ws), mark

    def ids(self, limit: int, after: tuple | None = None) -> list[tuple[str, tuple]]:
        """The next `limit` (id, sort key) pairs in order, after the row `after` (one such
        pair, as returned before)."""
        walk = self._walks()
        sql, params = self.ids_sql(limit, after, walk)
        found = None
        if walk and self._budgeted():
            found = rows_within(self.store, sql, params, WALK_STEPS)
            if found is None:       # see BUDGETED; the next pages sort at once
                self._sorts[self.filter.order, self.filter.descending] = self._counted
                sql, params = self.ids_sql(limit, after, walk=False)
        if found is None:
            found = self.store.rows(sql, params)
        # Plain tuples, not dicts: a long scroll fetches tens of thousands of these.
        return [(r[0], tuple(r[1:])) for r in found]

    def ids_sql(self, limit: int, after: tuple | None = None,
                walk: bool | None = None) -> tuple[str, list]:
        """The query behind `ids` (its plan must read an index range, never sort, when it
        walks; `walk` None: as `ids` would first try)."""
        walk = self._walks() if walk is None else walk
        sql, params = self._where(ordered=True, walk=walk)
        order = self.filter.order if self.filter.order in ORDER_BY else "visit_date"
        columns, desc = ORDER_BY[order], self.filter.descending
        if not walk:    # the order's terms behind '+': SQLite takes the filter's index
            columns = tuple(f"+{column}" for column in columns)
        if after is not None:
            key = list(after[1])
            if order not in SEEKS:      # see SEEKS
                sql += f" and {columns[0]} {'<=' if desc else '>='} ?"
                params = [*params, key[0]]
            sql += (f" and ({', '.join(columns)}) {'<' if desc else '>'} "
                    f"({', '.join('?' * len(columns))})")
            params = [*params, *key]
        keys = ", ".join(f"{column} as k{n}" for n, column in enumerate(columns))
        order = ", ".join(f"{column} {'desc' if desc else 'asc'}" for column in columns)
        return f"select i.id as id, {keys} {sql} order by {order} limit {int(limit)}", params

    def _walks(self) -> bool:
        """Whether pages walk the order's index (see SORT_AT_MOST): unfiltered, or the
        filter keeps many rows (the last count) or none of it is read from an index, and
        walking has not run out of its budget for this order since that count (BUDGETED)."""
        counted = self._counted
        if counted is None or not self._filtered():
            return True
        if self._sorts.get((self.filter.order, self.filter.descending)) is counted:
            return False
        return counted[1] > SORT_AT_MOST or not self._indexed()

    def _indexed(self) -> bool:
        """Whether a filter is read from an index (status, template, school, dates, a
        reader's schools), so sorting what it keeps reads those rows only. A name alone (an
        inspector, a search) is checked in every row either way: walking the order stops
        once the page is full, sorting reads them all (a rare inspector's visits by school:
        40-90 ms a page at 100,000)."""
        f = self.filter
        return bool(f.status or f.template_key or f.school_id or f.date_from or f.date_to) \
            or visible_schools(self.ws) is not None

    def _budgeted(self) -> bool:
        """Whether a walk is tried within a budget (see BUDGETED): a filtered one only;
        unfiltered, sorting would cost far more than any walk."""
        return self.filter.order in BUDGETED and self._counted is not None and \
            self._filtered()

    def _filtered(self) -> bool:
        """Whether anything narrows the list: the filter but its order (as the count sees
        it, so a subclass's own narrowing counts too), or a reader's school scope."""
        return self._count_scope() != InspectionFilter() or visible_schools(self.ws) is not None

    def rows(self, ids: list[str]) -> dict[str, dict]:
        """Display rows by id; an id missing from the result could not be loaded."""
        if not ids:
            return {}
        found = self.store.query(ROW_SQL.format(marks=",".join("?" * len(ids))), ids)
        return {row["id"]: {**display_row(row), **self.score(row)} for row in found}

    def refresh_scores(self) -> None:
        if self.store.scalar("select exists(select 1 from score_dirty)"):
            from app.services.templates import get_template
            with self.store.atomic():
                self.store.refresh_scores(template_of=lambda tid: get_template(self.ws, tid))

    @staticmethod
    def score(row: dict) -> dict:
        """The stored total and grade; nothing for drafts (as before: not yet scored)."""
        if row["status"] == "draft" or row.get("total") is None:
            return {"total": None, "grade": None, "capped": False}
        grade = {"zh": row["grade_zh"], "en": row["grade_en"]} if row["grade_zh"] else None
        return {"total": row["total"], "grade": grade, "capped": bool(row["capped"])}


def template_choices(ws) -> list[tuple[str, dict]]:
    """(key, title) of each template the list can filter by (not teacher ethics), the
    newest version's title; read from the rows, without parsing every template body."""
    rows = ws.store.query("select key, title_zh, title_en from templates where deleted = 0 "
                          "and kind != 'ethics' order by key, version desc")
    seen: dict[str, dict] = {}
    for row in rows:
        seen.setdefault(row["key"], {"zh": row["title_zh"], "en": row["title_en"]})
    return list(seen.items())


def display_row(row: dict) -> dict:
    """Turn stored fields into what the list shows (inspectors as a joined list)."""
    try:
        names = json.loads(row["inspectors"] or "[]")
    except ValueError:
        names = [row["inspectors"]]
    # The screen joins the list in the UI language (labels.join); this text is for search.
    return {**row, "inspector_list": [str(n) for n in names],
            "inspector_names": "、".join(str(n) for n in names)}

