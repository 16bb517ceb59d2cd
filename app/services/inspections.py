"""Inspections: start one (template version pinned), list, complete, reopen and amend.

Whether an inspection may change is `guard`'s; its score is `reads.evaluate`."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from app.domain.limits import check_date
from app.domain.status import MODES
from app.errors import StateError, ValidationError
from app.security import audit, roles
from app.security.signoffs import subject_now
from app.services.actions import carry_over_actions
from app.services.changes import Changes
from app.services.guard import editing, is_frozen, touch
from app.services.reads import evaluate, missing_text
from app.services.templates import get_template
from app.services.today import today as district_today

if TYPE_CHECKING:
    from app.workspace import Workspace

LIST_COLUMNS = ("i.id, i.school_id, i.template_id, i.template_key, i.template_version, "
                "i.teacher_id, i.mode, i.status, i.visit_date, i.inspectors, "
                "i.follow_up_of, i.self_assessment_id, i.updated_at, i.signed_at, "
                "s.name as school_name, s.name_en as school_name_en, s.district as district, "
                "t.name as teacher_name, "
                "tp.title_zh as template_title_zh, tp.title_en as template_title_en")


def start_inspection(ws: Workspace, *, school_id: str, template: str, mode: str = "inspection",
                     teacher_id: str | None = None, visit_date: str | None = None,
                     inspectors: list[str] | None = None, follow_up_of: str | None = None,
                     self_assessment_id: str | None = None) -> Changes:
    """A new draft inspection of `school_id` with the exact template version pinned."""
    tpl = get_template(ws, template)
    roles.require(ws, "self_assessment.start" if mode == "self_assessment"
                  else "inspection.start", school_id)
    _check_start(ws, tpl, mode, school_id, teacher_id)
    _check_level(ws, tpl, school_id)
    # Stored as 2026-09-01 whatever ISO form was given, so the list sorts by date.
    visit_date = check_date(visit_date, "visit date") if visit_date else None
    now = ws.store.clock_iso()
    with ws.store.atomic():
        row = ws.store.insert("inspections", {
            "template_id": tpl.id, "template_key": tpl.key, "template_version": tpl.version,
            "school_id": school_id, "teacher_id": teacher_id, "mode": mode, "status": "draft",
            "visit_date": visit_date or district_today(ws),
            "inspectors": json.dumps(inspectors or [ws.actor], ensure_ascii=False),
            "follow_up_of": None, "self_assessment_id": None, "summary": "",
            "created_at": now, "updated_at": now})
        changes = Changes.of("inspections", row["id"], created=row["id"])
        if follow_up_of:
            changes |= carry_over_actions(ws, row["id"], follow_up_of)
        if self_assessment_id:
            changes |= link_self_assessment(ws, row["id"], self_assessment_id)
        audit.append(ws.store, actor=ws.actor, action="inspection.start",
                     entity="inspections", entity_id=row["id"],
                     detail={"template": f"{tpl.key}@{tpl.version}", "mode": mode,
                             "school_id": school_id})
    return changes


def _check_start(ws: Workspace, tpl, mode, school_id, teacher_id) -> None:
    if mode not in MODES:
        raise ValidationError(f"mode: must be one of {', '.join(MODES)}.")
    if mode not in tpl.modes:
        raise ValidationError(f"Template {tpl.key} cannot be used in mode {mode} "
                              f"(it allows {', '.join(tpl.modes)}).")
    ws.store.require("schools", school_id, "school")
    if tpl.per_teacher and not teacher_id:
        raise ValidationError(f"Template {tpl.key} evaluates one teacher: choose a teacher.")
    if teacher_id:
        teacher = ws.store.require("teachers", teacher_id, "teacher")
        if teacher["school_id"] != school_id:
            raise ValidationError("That teacher does not belong to the chosen school.")


def _check_level(ws: Workspace, tpl, school_id: str) -> None:
    """A template is only for the school levels (学段) it names: a kindergarten is not
    inspected with a primary/secondary checklist."""
    school = ws.store.require("schools", school_id, "school")
    if not tpl.fits_level(school.get("level")):
        raise ValidationError(f"Template {tpl.key} is for {', '.join(tpl.levels)} schools; "
                              f"this school is {school['level']}.")


def link_self_assessment(ws: Workspace, inspection_id: str, self_assessment_id: str) -> Changes:
    """Pair an inspector's verification with the principal's self-assessment."""
    with editing(ws, inspection_id) as inspection:
        own = ws.store.require("inspections", self_assessment_id, "self-assessment")
        if own["mode"] != "self_assessment":
            raise ValidationError("Only a self-assessment can be verified.")
        if own["school_id"] != inspection["school_id"]:
            raise ValidationError("The self-assessment is from another school.")
        ws.store.update("inspections", inspection_id, {"self_assessment_id": self_assessment_id,
                                                       "updated_at": ws.store.clock_iso()})
    return Changes.of("inspections", inspection_id)


def set_summary(ws: Workspace, inspection_id: str, summary: str) -> Changes:
    with editing(ws, inspection_id) as inspection:
        ws.store.update("inspections", inspection_id, {"summary": summary})
        touch(ws, inspection)
    return Changes.of("inspections", inspection_id)


def complete_inspection(ws: Workspace, inspection_id: str) -> Changes:
    """Completed once every required item has an answer and required photos are attached."""
    with editing(ws, inspection_id) as inspection:
        result = evaluate(ws, inspection_id)
        if not result.complete:
            raise ValidationError(missing_text(result))
        # The names as completed are what the sign-offs will vouch for (signoffs.subject_now).
        ws.store.update("inspections", inspection_id, {
            "status": "completed", "completed_at": ws.store.clock_iso(),
            "updated_at": ws.store.clock_iso(),
            "subject": subject_now(ws.store, inspection)})
        audit.append(ws.store, actor=ws.actor, action="inspection.complete",
                     entity="inspections", entity_id=inspection_id,
                     detail={"total": result.total,
                             "grade": result.grade.key if result.grade else None})
    return Changes.of("inspections", inspection["id"])


def reopen_inspection(ws: Workspace, inspection_id: str) -> Changes:
    with ws.store.atomic():
        row = ws.store.require("inspections", inspection_id, "inspection")
        roles.require_inspection_edit(ws, row)
        if row["status"] != "completed":
            raise StateError("Only a completed (unsigned) inspection can be reopened.")
        # Until completed again the report shows the live names, not the old snapshot.
        ws.store.update("inspections", inspection_id, {"status": "in_progress",
                                                       "updated_at": ws.store.clock_iso(),
                                                       "subject": None})
        audit.append(ws.store, actor=ws.actor, action="inspection.reopen",
                     entity="inspections", entity_id=inspection_id)
    return Changes.of("inspections", inspection_id)


def amend_inspection(ws: Workspace, inspection_id: str, reason: str) -> Changes:
    """Unfreeze a signed inspection for an amendment. The amendment count and reason become
    part of the content, so the old signatures stay bound to the old content hash and the
    inspection needs signing again; the audit log shows both."""
    from app.services.signoff import derive_status
    with ws.store.atomic():     # the check, the count and the change as one
        row = ws.store.require("inspections", inspection_id, "inspection")
        roles.require_inspection_edit(ws, row)
        if not is_frozen(ws, inspection_id, row=row):
            raise StateError("Only a signed inspection needs an amendment; this one is "
                             f"{row['status']}.")
        if not reason.strip():
            raise ValidationError("Say why the signed inspection is amended (--reason).")
        amendment = (row.get("amendment") or 0) + 1
        ws.store.update("inspections", inspection_id, {
            "status": "in_progress", "signed_at": None, "content_sha256": None,
            "amendment": amendment, "amendment_reason": reason.strip(), "subject": None,
            "updated_at": ws.store.clock_iso()})
        if derive_status(ws, inspection_id) == "signed":
            raise StateError("The amendment did not unfreeze the inspection; nothing changed.")
        audit.append(ws.store, actor=ws.actor, action="inspection.amend",
                     entity="inspections", entity_id=inspection_id,
                     detail={"reason": reason.strip(), "amendment": amendment,
                             "signed_content": row["content_sha256"]})
    return Changes.of("inspections", inspection_id)


def get_inspection(ws: Workspace, inspection_id: str) -> dict:
    """One inspection to read (show, report, runner): refused outside the read scope."""
    return roles.require_record_read(ws, "inspections", inspection_id, "inspection")


def list_inspections(ws: Workspace, *, status: str | None = None, template_key: str | None = None,
                     school_id: str | None = None, mode: str | None = None,
                     search: str = "", limit: int | None = None, offset: int = 0,
                     include_ethics: bool = True) -> list[dict]:
    sql, params = _list_query(status, template_key, school_id, mode, search, include_ethics)
    scope, scoped = roles.read_scope(ws, "i.school_id", school_id)   # a principal: own school
    sql, params = sql + scope, params + scoped
    sql += " order by i.visit_date desc, i.created_at desc"
    if limit is not None:
        sql += f" limit {int(limit)} offset {int(offset)}"
    return ws.store.query(sql, params)


def _list_query(status, template_key, school_id, mode, search, include_ethics):
    sql = (f"select {LIST_COLUMNS} from inspections i join schools s on s.id = i.school_id "
           "left join teachers t on t.id = i.teacher_id "
           "join templates tp on tp.id = i.template_id where i.deleted = 0")
    params: list = []
    for column, value in (("i.status", status), ("i.template_key", template_key),
                          ("i.school_id", school_id), ("i.mode", mode)):
        if value:
            sql += f" and {column} = ?"
            params.append(value)
    if not include_ethics:
        sql += " and tp.kind != 'ethics'"
    if search:
        sql += " and (s.name like ? or i.inspectors like ? or t.name like ?)"
        params += [f"%{search}%"] * 3
    return sql, params
