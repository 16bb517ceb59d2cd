"""School and teacher rosters from Excel (.xlsx) or CSV, where the district office keeps them.

`roster_template` writes a blank workbook with the expected columns (bilingual headers) and a
sheet of allowed values. `import_roster` checks every row first and names each bad row and
why; then it imports ALL rows in one transaction, or none: a roster is never half-imported.
A school whose code (else name + district) is already known is updated, not duplicated.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.limits import check_text
from app.errors import KnownError, ValidationError
from app.excel.sheets import new_workbook, open_rows, write_row
from app.security import roles
from app.services.schools import LEVELS, add_school, add_teacher, edit_school, edit_teacher

if TYPE_CHECKING:
    from app.workspace import Workspace

MAX_ROWS = 20_000
# (key, header as printed, required)
SCHOOL_COLUMNS = (("name", "学校名称 Name", True), ("name_en", "英文名称 English name", False),
                  ("code", "学校代码 Code", False), ("district", "区县 District", True),
                  ("level", "学段 Level", False), ("address", "地址 Address", False),
                  ("principal", "校长 Principal", False), ("phone", "电话 Phone", False),
                  ("student_count", "学生数 Students", False),
                  ("boarding", "寄宿 Boarding", False))
TEACHER_COLUMNS = (("school", "学校（名称或代码）School (name or code)", True),
                   ("name", "姓名 Name", True), ("subject", "学科 Subject", False),
                   ("employee_no", "工号 Employee no.", False), ("phone", "电话 Phone", False))
SHEETS = {"schools": ("学校 Schools", SCHOOL_COLUMNS),
          "teachers": ("教师 Teachers", TEACHER_COLUMNS)}
LEVEL_NAMES = {"幼儿园": "kindergarten", "小学": "primary", "初中": "junior", "初级中学": "junior",
               "高中": "senior", "高级中学": "senior", "九年一贯制": "nine_year",
               "九年一贯制学校": "nine_year", "十二年一贯制": "twelve_year",
               "完全中学": "twelve_year", "职业学校": "vocational", "中职": "vocational",
               "特殊教育学校": "special", "特教": "special"}
YES = {"是", "yes", "y", "1", "true", "寄宿"}
NO = {"否", "no", "n", "0", "false", "走读", ""}


class RosterError(KnownError):
    """A roster with bad rows: nothing was imported; `report` names every bad row."""

    def __init__(self, report: dict):
        self.report = report
        bad = report["errors"]
        lines = [f"{e['sheet']} row {e['row']}: {'; '.join(e['problems'])}" for e in bad]
        super().__init__(f"Nothing imported: {len(bad)} bad row(s) — " + " | ".join(lines))


@dataclass
class Plan:
    """What the roster will do once every row is known to be good."""

    schools: list = field(default_factory=list)     # (existing id | None, fields)
    teachers: list = field(default_factory=list)    # (existing id | None, school key, fields)
    errors: list = field(default_factory=list)


def roster_template(out: Path | str) -> Path:
    """A blank roster workbook: one sheet per kind with its headers, one of allowed values."""
    book = new_workbook()
    for title, columns in SHEETS.values():
        sheet = book.create_sheet(title)
        write_row(sheet, [header for _, header, _ in columns], bold=True)
        for index, (_, header, _) in enumerate(columns, 1):
            sheet.column_dimensions[sheet.cell(1, index).column_letter].width = \
                max(14, len(header) + 4)
    help_sheet = book.create_sheet("说明 Help")
    write_row(help_sheet, ["字段 Field", "允许的值 Allowed values"], bold=True)
    write_row(help_sheet, ["学段 Level", "、".join(LEVEL_NAMES) + " / " + ", ".join(LEVELS)])
    write_row(help_sheet, ["寄宿 Boarding", "是 / 否 (yes / no)"])
    write_row(help_sheet, ["必填 Required", "学校名称、区县；教师：学校、姓名"])
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)
    return out


def import_roster(ws: Workspace, path: Path | str) -> dict:
    """Check every row, then import all of them in one transaction (or raise RosterError and
    import none). Returns {"imported": True, "schools": {...}, "teachers": {...}}."""
    sheets = _read(Path(path))
    plan = Plan()
    known_codes, file_schools = _plan_schools(ws, sheets.get("schools", []), plan)
    _plan_teachers(ws, sheets.get("teachers", []), plan, known_codes, file_schools)
    if plan.errors:
        raise RosterError({"imported": False, "errors": plan.errors})
    return _apply(ws, plan)


# -- reading ---------------------------------------------------------------------------------
def _read(path: Path) -> dict[str, list[tuple[int, dict]]]:
    """{kind: [(row number, {key: text})]} from an .xlsx workbook or a .csv file."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        tables = [("CSV", _csv_rows(path))]
    elif suffix in (".xlsx", ".xlsm"):
        tables = open_rows(path, MAX_ROWS)
    else:
        raise ValidationError(f"{path.name}: a roster is an .xlsx or .csv file.")
    found: dict[str, list] = {}
    for title, rows in tables:
        rows = list(rows)
        if not rows:
            continue
        kind, keys = _kind_of(rows[0])
        if kind is None:
            if title.startswith("说明"):
                continue
            raise ValidationError(f"{path.name}: sheet {title!r}: the first row must hold the "
                                  "template's column headers (roster template --out F.xlsx).")
        found.setdefault(kind, []).extend(
            (number, {k: v for k, v in zip(keys, values) if k})
            for number, values in enumerate(rows[1:], 2) if any(_text(v) for v in values))
    if not found:
        raise ValidationError(f"{path.name}: no schools or teachers found.")
    return found


def _csv_rows(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    if len(data) > 20 << 20:
        raise ValidationError(f"{path.name}: larger than 20 MB; split the roster.")
    for encoding in ("utf-8-sig", "gb18030"):     # Excel in China saves CSV as GBK
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ValidationError(f"{path.name}: not UTF-8 or GBK text.")
    rows = list(csv.reader(io.StringIO(text)))
    if len(rows) > MAX_ROWS + 1:
        raise ValidationError(f"{path.name}: more than {MAX_ROWS} rows; split the roster.")
    return rows


def _kind_of(header: list) -> tuple[str | None, list]:
    names = [_text(h).lower() for h in header]
    for kind, (_, columns) in SHEETS.items():
        keys = [_column_key(name, columns) for name in names]
        if all(key in keys for key, _, required in columns if required):
            return kind, keys
    return None, []


def _column_key(name: str, columns) -> str | None:
    for key, header, _ in columns:
        zh, _, en = header.partition(" ")
        if name in (key, header.lower(), zh.lower(), en.lower()):
            return key
    return None


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


# -- checking --------------------------------------------------------------------------------
def _plan_schools(ws: Workspace, rows, plan: Plan) -> tuple[dict, dict]:
    # Matched within the read scope: a principal's roster never finds (or probes for)
    # another school by its code or name.
    scope, params = roles.read_scope(ws, "id")
    existing = ws.store.query("select id, name, code, district from schools where deleted = 0"
                              f"{scope}", params)
    by_code = {s["code"]: s["id"] for s in existing if s["code"]}
    by_name = {(s["name"], s["district"]): s["id"] for s in existing}
    seen: dict = {}
    file_schools: dict[str, tuple] = {}
    for number, raw in rows:
        problems, fields = _school_fields(raw)
        key = fields.get("code") or (fields.get("name"), fields.get("district"))
        if key in seen:
            problems.append(f"the same school as row {seen[key]}")
        seen[key] = number
        if problems:
            plan.errors.append({"sheet": SHEETS["schools"][0], "row": number,
                                "problems": problems})
            continue
        existing_id = by_code.get(fields.get("code")) or \
            by_name.get((fields["name"], fields["district"]))
        plan.schools.append((existing_id, fields))
        for alias in filter(None, (fields.get("code"), fields["name"])):
            file_schools.setdefault(alias, ("file", len(plan.schools) - 1))
    return by_code, file_schools


def _school_fields(raw: dict) -> tuple[list[str], dict]:
    problems, fields = [], {}
    for key, header, required in SCHOOL_COLUMNS:
        value = _text(raw.get(key))
        if required and not value:
            problems.append(f"{header} is empty")
            continue
        if not value:
            continue
        try:
            check_text(value, header)
        except ValidationError as exc:
            problems.append(str(exc))
            continue
        fields[key] = value
    if "level" in fields:
        level = LEVEL_NAMES.get(fields["level"], fields["level"].lower())
        if level not in LEVELS:
            problems.append(f"学段 Level {fields['level']!r:.40} is not one of "
                            f"{'、'.join(LEVEL_NAMES)}")
        fields["level"] = level
    if "student_count" in fields:
        count = fields["student_count"]
        if not count.isdigit() or int(count) > 1_000_000:
            problems.append(f"学生数 Students {count!r:.20} is not a whole number")
        else:
            fields["student_count"] = int(count)
    if "boarding" in fields:
        flag = fields["boarding"].lower()
        if flag not in YES | NO:
            problems.append(f"寄宿 Boarding {fields['boarding']!r:.20} is not 是 or 否")
        fields["boarding"] = int(flag in YES)
    return problems, fields


def _plan_teachers(ws: Workspace, rows, plan: Plan, known_codes: dict,
                   file_schools: dict) -> None:
    names: dict[str, list[str]] = {}
    scope, params = roles.read_scope(ws, "id")
    for school in ws.store.query(f"select id, name from schools where deleted = 0{scope}",
                                 params):
        names.setdefault(school["name"], []).append(school["id"])
    for number, raw in rows:
        problems, fields = [], {}
        for key, header, required in TEACHER_COLUMNS:
            value = _text(raw.get(key))
            if required and not value:
                problems.append(f"{header} is empty")
            elif value:
                try:
                    fields[key] = check_text(value, header)
                except ValidationError as exc:
                    problems.append(str(exc))
        school = fields.pop("school", None)
        target = None
        if school:
            target = file_schools.get(school) or known_codes.get(school)
            if target is None:
                matches = names.get(school, [])
                if len(matches) > 1:
                    problems.append(f"school {school!r:.40} is ambiguous: give its code")
                target = matches[0] if len(matches) == 1 else None
            if target is None and not problems:
                problems.append(f"school {school!r:.40} is neither in this roster nor known")
        if problems:
            plan.errors.append({"sheet": SHEETS["teachers"][0], "row": number,
                                "problems": problems})
            continue
        plan.teachers.append((target, fields))


# -- importing -------------------------------------------------------------------------------
def _apply(ws: Workspace, plan: Plan) -> dict:
    counts = {"schools": {"added": 0, "updated": 0}, "teachers": {"added": 0, "updated": 0}}
    with ws.store.atomic():
        school_ids = []
        for existing_id, fields in plan.schools:
            if existing_id:
                edit_school(ws, existing_id, **fields)
                counts["schools"]["updated"] += 1
            else:
                existing_id = add_school(ws, **fields).created
                counts["schools"]["added"] += 1
            school_ids.append(existing_id)
        for target, fields in plan.teachers:
            school_id = school_ids[target[1]] if isinstance(target, tuple) else target
            teacher = _existing_teacher(ws, school_id, fields)
            if teacher:
                edit_teacher(ws, teacher, **fields)
                counts["teachers"]["updated"] += 1
            else:
                add_teacher(ws, school_id, **fields)
                counts["teachers"]["added"] += 1
    return {"imported": True, **counts, "errors": []}


def _existing_teacher(ws: Workspace, school_id: str, fields: dict) -> str | None:
    if fields.get("employee_no"):
        found = ws.store.scalar("select id from teachers where school_id = ? and deleted = 0 "
                                "and employee_no = ?", [school_id, fields["employee_no"]])
        if found:
            return found
    return ws.store.scalar("select id from teachers where school_id = ? and deleted = 0 and "
                           "name = ? and coalesce(employee_no, '') = ''",
                           [school_id, fields["name"]])
