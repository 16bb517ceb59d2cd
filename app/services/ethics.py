"""Teacher-ethics results per school: each teacher's latest evaluation with its grade and
reason, and the count per grade (优秀 / 合格 / 基本合格 / 不合格)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.domain.explain import grade_reason
from app.security.roles import require_read
from app.services.reads import evaluate
from app.services.templates import get_template

if TYPE_CHECKING:
    from app.workspace import Workspace


def latest_evaluations(ws: Workspace, school_id: str, lang: str = "zh") -> list[dict]:
    """One row per teacher of the school: the latest ethics evaluation (or none yet)."""
    require_read(ws, school_id, ethics=True)
    rows = ws.store.query(
        "select t.id as teacher_id, t.name as teacher_name, t.subject, i.id as inspection_id, "
        "i.status, i.visit_date, i.template_id from teachers t left join inspections i on "
        "i.id = (select i2.id from inspections i2 join templates tp on tp.id = i2.template_id "
        "where i2.teacher_id = t.id and i2.deleted = 0 and tp.kind = 'ethics' "
        "order by i2.visit_date desc, i2.created_at desc limit 1) "
        "where t.school_id = ? and t.deleted = 0 order by t.name", [school_id])
    for row in rows:
        row.update(grade=None, grade_label=None, reason="", total=None)
        if row["inspection_id"]:
            result = evaluate(ws, row["inspection_id"])
            template = get_template(ws, row["template_id"])
            row.update(grade=result.grade.key if result.grade else None,
                       grade_label=result.grade.label[lang] if result.grade else None,
                       total=result.total, reason=grade_reason(template, result, lang),
                       capped_by=list(result.limited_by))
    return rows


def school_summary(ws: Workspace, school_id: str, lang: str = "zh") -> dict:
    """Counts per grade band over the teachers' latest evaluations, in band order."""
    template = get_template(ws, "teacher_ethics")
    counts = {band.key: 0 for band in template.bands}
    rows = latest_evaluations(ws, school_id, lang)
    for row in rows:
        if row["grade"] in counts:
            counts[row["grade"]] += 1
    return {"bands": [{"key": b.key, "label": b.label[lang], "count": counts[b.key]}
                      for b in template.bands],
            "evaluated": sum(counts.values()), "teachers": len(rows)}
