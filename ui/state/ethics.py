"""Qt-free state of the Teacher ethics page: per school, each teacher with the latest
ethics evaluation, its grade and the reason for it (a failed veto item decides it), and the
school summary (how many teachers in each band)."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.explain import judgement_parts
from app.errors import KnownError
from app.security.roles import require_read
from app.services.reads import evaluate
from app.services.schools import list_teachers
from app.services.templates import get_template, list_templates

FINAL = ("completed", "signed")


def ethics_template(ws):
    """The newest teacher-ethics template, or None when none is installed."""
    for row in list_templates(ws):
        if row["kind"] == "ethics":
            return get_template(ws, row["id"])
    return None


@dataclass
class EthicsOverview:
    teachers: list[dict]
    summary: list[tuple[str, int]]   # (band label, teachers) best band first
    pending: int                     # teachers whose latest evaluation is not completed


def ethics_overview(ws, school_id: str, lang: str) -> EthicsOverview:
    require_read(ws, school_id, ethics=True)     # never another school's evaluations
    template = ethics_template(ws)
    latest = _latest_evaluations(ws, school_id)
    rows = []
    for teacher in list_teachers(ws, school_id):
        rows.append({**teacher, "teacher_id": teacher["id"],
                     **_evaluation(ws, latest.get(teacher["id"]), lang)})
    bands = template.bands if template else ()
    summary = [(band.label.get(lang, band.key),
                sum(1 for r in rows if r["band"] == band.key and r["status"] in FINAL))
               for band in bands]
    pending = sum(1 for r in rows if r["inspection_id"] and r["status"] not in FINAL)
    return EthicsOverview(rows, summary, pending)


def _latest_evaluations(ws, school_id: str) -> dict[str, dict]:
    rows = ws.store.query(
        "select i.* from inspections i join templates tp on tp.id = i.template_id "
        "where i.school_id = ? and i.deleted = 0 and tp.kind = 'ethics' "
        "and i.teacher_id is not null order by i.visit_date, i.created_at", [school_id])
    return {row["teacher_id"]: row for row in rows}  # later rows replace earlier ones


def _evaluation(ws, inspection: dict | None, lang: str) -> dict:
    empty = {"inspection_id": None, "visit_date": "", "status": "", "grade": "", "band": None,
             "total": None, "reason": ""}
    if inspection is None:
        return empty
    found = {**empty, "inspection_id": inspection["id"], "visit_date": inspection["visit_date"],
             "status": inspection["status"]}
    try:
        result = evaluate(ws, inspection["id"])
        template = get_template(ws, inspection["template_id"])
    except KnownError as exc:
        return {**found, "reason": str(exc)}
    if result.grade:
        found.update(grade=result.grade.label.get(lang, result.grade.key),
                     band=result.grade.key, total=result.total)
    # "一票否决：关心爱护学生": the domain's one wording of a veto or a cap, as in reports.
    found["capped_by"] = judgement_parts(template, result, lang)
    return found
