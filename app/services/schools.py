"""Schools and their teachers: add, edit, list, search."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.domain.levels import LEVELS  # noqa: F401 - callers know them as schools.LEVELS
from app.errors import ValidationError
from app.security import audit, roles
from app.services.changes import Changes

if TYPE_CHECKING:
    from app.workspace import Workspace

SCHOOL_FIELDS = ("name", "name_en", "code", "district", "level", "address", "principal",
                 "phone", "student_count", "boarding")
TEACHER_FIELDS = ("name", "subject", "employee_no", "phone")


def _clean_school(fields: dict, *, creating: bool) -> dict:
    unknown = set(fields) - set(SCHOOL_FIELDS)
    if unknown:
        raise ValidationError(f"Unknown school field(s): {', '.join(sorted(unknown))}.")
    clean = {k: (v.strip() if isinstance(v, str) else v) for k, v in fields.items()}
    if (creating or "name" in clean) and not clean.get("name"):
        raise ValidationError("name: a school needs a name.")
    if clean.get("level") is not None and clean["level"] not in LEVELS:
        raise ValidationError(f"level: must be one of {', '.join(LEVELS)}.")
    count = clean.get("student_count")
    if count is not None and (not isinstance(count, int) or count < 0):
        raise ValidationError("student_count: must be a whole number ≥ 0.")
    if "boarding" in clean and clean["boarding"] is not None:
        clean["boarding"] = int(bool(clean["boarding"]))
    return clean


def add_school(ws: Workspace, **fields) -> Changes:
    roles.require(ws, "school.add")
    clean = _clean_school(fields, creating=True)
    now = ws.store.clock_iso()
    with ws.store.atomic():
        row = ws.store.insert("schools", {**clean, "created_at": now, "updated_at": now})
        audit.append(ws.store, actor=ws.actor, action="school.add", entity="schools",
                     entity_id=row["id"], detail={"name": row["name"]})
    return Changes.of("schools", row["id"], created=row["id"])


def edit_school(ws: Workspace, school_id: str, **fields) -> Changes:
    roles.require(ws, "school.edit", school_id)
    clean = _clean_school(fields, creating=False)
    with ws.store.atomic():
        ws.store.require("schools", school_id, "school")
        row = ws.store.update("schools", school_id,
                              {**clean, "updated_at": ws.store.clock_iso()})
        if row:
            audit.append(ws.store, actor=ws.actor, action="school.edit", entity="schools",
                         entity_id=school_id, detail=clean)
    return Changes.of("schools", school_id)


def list_schools(ws: Workspace, *, search: str = "", district: str | None = None,
                 level: str | None = None) -> list[dict]:
    return _schools(ws, "*", search, district, level)


def school_choices(ws: Workspace) -> list[dict]:
    """id, name and name_en of the schools `list_schools` gives, in its order: what a
    school filter offers (500 in a district), without reading the rest of each row."""
    return _schools(ws, "id, name, name_en", "", None, None)


def _schools(ws: Workspace, columns: str, search: str, district: str | None,
             level: str | None) -> list[dict]:
    sql, params = roles.read_scope(ws, "id")      # a principal lists their own school(s)
    sql = f"select {columns} from schools where deleted = 0" + sql
    if search:
        sql += " and (name like ? or name_en like ? or code like ? or principal like ?)"
        params += [f"%{search}%"] * 4
    if district:
        sql += " and district = ?"
        params.append(district)
    if level:
        sql += " and level = ?"
        params.append(level)
    return ws.store.query(sql + " order by district, name", params)


def districts(ws: Workspace) -> list[str]:
    scope, params = roles.read_scope(ws, "id")
    return [r["district"] for r in ws.store.query(
        "select distinct district from schools where deleted = 0 and district is not null"
        f"{scope} order by district", params)]


def add_teacher(ws: Workspace, school_id: str, **fields) -> Changes:
    roles.require(ws, "teacher.add", school_id)
    unknown = set(fields) - set(TEACHER_FIELDS)
    if unknown:
        raise ValidationError(f"Unknown teacher field(s): {', '.join(sorted(unknown))}.")
    if not (fields.get("name") or "").strip():
        raise ValidationError("name: a teacher needs a name.")
    now = ws.store.clock_iso()
    with ws.store.atomic():
        ws.store.require("schools", school_id, "school")
        row = ws.store.insert("teachers", {**fields, "name": fields["name"].strip(),
                                           "school_id": school_id, "created_at": now,
                                           "updated_at": now})
        audit.append(ws.store, actor=ws.actor, action="teacher.add", entity="teachers",
                     entity_id=row["id"], detail={"name": row["name"]})
    return Changes.of("teachers", row["id"], created=row["id"])


def edit_teacher(ws: Workspace, teacher_id: str, **fields) -> Changes:
    unknown = set(fields) - set(TEACHER_FIELDS)
    if unknown:
        raise ValidationError(f"Unknown teacher field(s): {', '.join(sorted(unknown))}.")
    if "name" in fields and not (fields["name"] or "").strip():
        raise ValidationError("name: a teacher needs a name.")
    teacher = ws.store.require("teachers", teacher_id, "teacher")
    roles.require(ws, "teacher.edit", teacher["school_id"])
    with ws.store.atomic():
        ws.store.update("teachers", teacher_id, {**fields, "updated_at": ws.store.clock_iso()})
    return Changes.of("teachers", teacher_id)


def get_school(ws: Workspace, school_id: str) -> dict:
    """One school to read: refused outside this profile's read scope."""
    return roles.require_record_read(ws, "schools", school_id, "school")


def list_teachers(ws: Workspace, school_id: str | None = None) -> list[dict]:
    """A school's teachers (every readable school's when `school_id` is None)."""
    scope, params = roles.read_scope(ws, "school_id", school_id)
    if school_id:
        scope, params = scope + " and school_id = ?", params + [school_id]
    return ws.store.query(f"select * from teachers where deleted = 0{scope} "
                          "order by school_id, name", params)
