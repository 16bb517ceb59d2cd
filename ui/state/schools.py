"""Qt-free queries for the Schools page and a school's detail page: the list with filters,
a school's inspection history with grades, its open and overdue actions, and the findings
that repeat across visits (the same item failed in two or more inspections)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from app.errors import KnownError
from app.security.roles import read_scope
from app.services.actions import list_actions
from app.services.inspections import list_inspections
from app.services.reads import evaluate
from app.services.schools import get_school, list_schools
from app.services.templates import get_template

SCORED_STATUSES = ("in_progress", "completed", "signed")


@dataclass(frozen=True)
class SchoolFilter:
    search: str = ""
    district: str | None = None
    level: str | None = None


def school_rows(ws, flt: SchoolFilter) -> list[dict]:
    """Schools with how many inspections and open actions each has."""
    rows = list_schools(ws, search=flt.search.strip(), district=flt.district, level=flt.level)
    scope, params = read_scope(ws, "school_id")
    counts = {r["school_id"]: r["n"] for r in ws.store.query(
        f"select school_id, count(*) as n from inspections where deleted = 0{scope} "
        "group by school_id", params)}
    open_actions: dict[str, int] = defaultdict(int)
    for action in list_actions(ws):
        open_actions[action["school_id"]] += action["open"]
    for row in rows:
        row["inspections"] = counts.get(row["id"], 0)
        row["open_actions"] = open_actions.get(row["id"], 0)
    return rows


@dataclass
class SchoolDetail:
    school: dict
    history: list[dict]
    last_grade: dict | None
    actions: list[dict]
    repeated: list[dict]

    @property
    def overdue_count(self) -> int:
        return sum(1 for a in self.actions if a["overdue"])


def school_detail(ws, school_id: str, lang: str) -> SchoolDetail:
    school = get_school(ws, school_id)              # refused outside the read scope
    history = list_inspections(ws, school_id=school_id, include_ethics=False)
    failures: dict[tuple, list[dict]] = defaultdict(list)
    for row in history:
        row["total"], row["grade"] = None, ""
        if row["status"] not in SCORED_STATUSES:
            continue
        try:
            result = evaluate(ws, row["id"])
        except KnownError:
            continue  # a broken template must not hide the rest of the history
        row["total"] = result.total
        row["grade"] = result.grade.label.get(lang, "") if result.grade else ""
        row["capped"] = bool(result.limited_by)
        for key in result.failed:
            failures[(row["template_id"], key)].append(row)
    last = next((r for r in history if r["status"] in ("completed", "signed")
                 and r["grade"]), None)
    actions = [a for a in list_actions(ws, school_id=school_id) if a["open"]]
    return SchoolDetail(school, history, last, actions, _repeated(ws, failures, lang))


def _repeated(ws, failures: dict, lang: str) -> list[dict]:
    """Items failed in at least two inspections, most frequent first."""
    found = []
    for (template_id, key), rows in failures.items():
        if len(rows) < 2:
            continue
        template = get_template(ws, template_id)
        try:
            text = template.item(key).label(lang)
        except KeyError:
            text = key
        found.append({"id": f"{template_id}:{key}", "item_key": key, "text": text,
                      "template": template.title.get(lang, template.key),
                      "times": len(rows),
                      "dates": sorted({r["visit_date"] for r in rows})})
    return sorted(found, key=lambda f: (-f["times"], f["item_key"]))
