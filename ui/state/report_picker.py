"""Qt-free state behind the Reports page's inspection picker: search and filters (school,
template, visit dates, teacher) over every inspection that can have a report (drafts have
none; teacher-ethics evaluations included), one LIMITed page of rows at a time so a district
with 100,000 inspections picks as fast as one with ten.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ui.state.inspections import ROW_SQL, InspectionFilter, InspectionQuery

LIMIT = 200  # rows offered at once; more means "narrow the search"


@dataclass(frozen=True)
class PickerFilter:
    search: str = ""
    school_id: str | None = None
    template_key: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    teacher: str = ""

    def with_(self, **changes) -> "PickerFilter":
        return replace(self, **changes)


class _PickerQuery(InspectionQuery):
    """The Inspections list's query plus a teacher filter, without drafts."""

    teacher = ""

    def _joined(self) -> bool:
        return super()._joined() or bool(self.teacher.strip())   # reads t.name

    def _count_scope(self) -> object:
        return super()._count_scope(), self.teacher

    def _where(self, *args, **kwargs) -> tuple[str, list]:
        sql, params = super()._where(*args, **kwargs)
        sql += " and i.status != 'draft'"
        if self.teacher.strip():
            sql, params = sql + " and t.name like ?", params + [f"%{self.teacher.strip()}%"]
        return sql, params


class ReportPicker:
    def __init__(self, ws):
        self.ws = ws
        self.filter = PickerFilter()
        self._query = _PickerQuery(ws)

    def _sync(self) -> None:
        f = self.filter
        self._query.filter = InspectionFilter(
            search=f.search, school_id=f.school_id, template_key=f.template_key,
            date_from=f.date_from, date_to=f.date_to, include_ethics=True)
        self._query.teacher = f.teacher

    def count(self) -> int:
        self._sync()
        return self._query.count()

    def page(self, limit: int | None = None) -> list[dict]:
        """The newest `limit` (default LIMIT) matching inspections, display rows in order."""
        self._sync()
        ids = [record_id for record_id, _key in self._query.ids(limit or LIMIT)]
        return self.rows(ids)

    def rows(self, ids: list[str]) -> list[dict]:
        """Display rows for `ids`, in that order (no scoring: the picker shows no score)."""
        if not ids:
            return []
        found = {r["id"]: r for r in self.ws.store.query(
            ROW_SQL.format(marks=",".join("?" * len(ids))), ids)}
        return [found[i] for i in ids if i in found]
