"""Qt-free query state behind the Inspections list: filters, ordering, and paged loading.

The list is fetched in two steps, as Anki's browser does: the ordered ids in pages, then the
display rows for just the ids on screen (`rows(ids)`), so scrolling never loads everything.
Pages are keyset pages (`ids(limit, after=(sort value, id) of the last row)`), so the 500th
page costs what the first does; OFFSET would rescan every earlier row.
Teacher-ethics evaluations are excluded by default: they have their own page.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace

from app.errors import KnownError
from app.services.reads import evaluate

# Sortable columns: key → SQL expression (ids are the tie-breaker so paging is stable).
# Never NULL (coalesce), because a NULL breaks the row-value comparison of keyset paging;
# visit_date is always set by start_inspection and stays bare so its index is used.
ORDER_BY = {
    "visit_date": "i.visit_date",
    "school": "s.name",
    "template": "coalesce(tp.title_zh, '')",
    "mode": "i.mode",
    "status": "i.status",
    "inspectors": "coalesce(i.inspectors, '')",
}

ROW_SQL = ("select i.id, i.visit_date, i.mode, i.status, i.inspectors, i.updated_at, "
           "i.template_key, i.follow_up_of, i.self_assessment_id, s.name as school_name, "
           "s.name_en as school_name_en, s.district, t.name as teacher_name, tp.title_zh, tp.title_en, tp.kind "
           "from inspections i join schools s on s.id = i.school_id "
           "left join teachers t on t.id = i.teacher_id "
           "join templates tp on tp.id = i.template_id where i.id in ({marks})")


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

    def _where(self) -> tuple[str, list]:
        f = self.filter
        sql = ("from inspections i join schools s on s.id = i.school_id "
               "join templates tp on tp.id = i.template_id "
               "left join teachers t on t.id = i.teacher_id where i.deleted = 0")
        params: list = []
        for column, value in (("i.status", f.status), ("i.template_key", f.template_key),
                              ("i.school_id", f.school_id)):
            if value:
                sql, params = sql + f" and {column} = ?", params + [value]
        if f.date_from:
            sql, params = sql + " and i.visit_date >= ?", params + [f.date_from]
        if f.date_to:
            sql, params = sql + " and i.visit_date <= ?", params + [f.date_to]
        if f.inspector.strip():
            sql, params = sql + " and i.inspectors like ?", params + [f"%{f.inspector.strip()}%"]
        if not f.include_ethics:
            sql += " and tp.kind != 'ethics'"
        if f.search.strip():
            like = f"%{f.search.strip()}%"
            sql += (" and (s.name like ? or s.name_en like ? or i.inspectors like ? "
                    "or t.name like ? or tp.title_zh like ? or tp.title_en like ?)")
            params += [like] * 6
        return sql, params

    def count(self) -> int:
        sql, params = self._where()
        return int(self.store.scalar(f"select count(*) {sql}", params) or 0)

    def ids(self, limit: int, after: tuple | None = None) -> list[tuple[str, object]]:
        """The next `limit` (id, sort value) pairs in order, after the row `after`."""
        sql, params = self._where()
        column = ORDER_BY.get(self.filter.order, ORDER_BY["visit_date"])
        direction = "desc" if self.filter.descending else "asc"
        if after is not None:
            sql += f" and ({column}, i.id) {'<' if self.filter.descending else '>'} (?, ?)"
            params = [*params, after[1], after[0]]
        sql = (f"select i.id as id, {column} as sort_key {sql} "
               f"order by {column} {direction}, i.id {direction} limit {int(limit)}")
        return [(r["id"], r["sort_key"]) for r in self.store.query(sql, params)]

    def rows(self, ids: list[str]) -> dict[str, dict]:
        """Display rows by id; an id missing from the result could not be loaded."""
        if not ids:
            return {}
        found = self.store.query(ROW_SQL.format(marks=",".join("?" * len(ids))), ids)
        return {row["id"]: {**display_row(row), **self.score(row)} for row in found}

    def score(self, row: dict) -> dict:
        """Total and grade as they stand (about a quarter of a millisecond per row, and only
        painted rows are scored); nothing for drafts or when the template cannot be read."""
        if row["status"] == "draft":
            return {"total": None, "grade": None, "capped": False}
        try:
            result = evaluate(self.ws, row["id"])
        except KnownError:
            return {"total": None, "grade": None, "capped": False}
        return {"total": result.total, "grade": result.grade.label if result.grade else None,
                "capped": bool(result.capped_by)}


def display_row(row: dict) -> dict:
    """Turn stored fields into what the list shows (inspectors as a joined list)."""
    try:
        names = json.loads(row["inspectors"] or "[]")
    except ValueError:
        names = [row["inspectors"]]
    # The screen joins the list in the UI language (labels.join); this text is for search.
    return {**row, "inspector_list": [str(n) for n in names],
            "inspector_names": "、".join(str(n) for n in names)}


def valid_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True
