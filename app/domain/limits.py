"""Bounded input: the documented limits and the validators every door uses.

Whatever enters — a bundle, a template file, a service call from the window or the command
line, a conflict resolution — is checked against the same limits here, so a value refused in
one place cannot get in through another. Every refusal is a `ValidationError` (or the
caller's subclass of `KnownError`, e.g. `BundleError`) with a one-line message.

Limits (also listed in docs/LIMITS.md):

- JSON: at most `MAX_DEPTH` levels of nesting (checked before parsing, so a 200,000-deep
  document is a clean refusal, never a RecursionError); no key twice in one object; integers
  within ±`MAX_INT` (2^53 − 1, exact in every JSON reader); no NaN/Infinity; no NUL and no
  lone surrogate anywhere in a string or key.
- Text by field kind (`TEXT_LIMITS`): ids, short texts (names, codes, dates), long texts
  (notes, descriptions, answers), JSON-encoded answers, documents (template bodies).
- A bundle: at most `MAX_RECORDS` records, `MAX_RECORD_LINE_BYTES` per record line,
  `MAX_BUNDLE_ENTRIES` files and `MAX_BUNDLE_BYTES` unpacked.

Enumerated fields are read from `app.domain.status` (and the template format) at the moment
of checking, never copied, so a status added or removed there is followed everywhere.
"""

from __future__ import annotations

import datetime as dt
import importlib
import math
import sys
from typing import Any

from app.domain.strict_json import (  # noqa: F401 - the JSON limits, listed here with the rest
    _BAD_CHARS, MAX_DEPTH, MAX_INT, MAX_JSON_BYTES, loads)
from app.domain.text_escape import escape_controls, escape_json_text  # noqa: F401
from app.errors import ValidationError

# -- the limits ------------------------------------------------------------------------------
MAX_NUMBER = 1e15                 # a reading (°C, grams, counts…) never gets near this
MAX_RECORD_LINE_BYTES = 16 << 20  # one record line of a bundle (a template body is the largest)
MAX_RECORDS = 500_000             # records in one bundle: 10,000 full inspections fit
MAX_BUNDLE_ENTRIES = 20_000       # files in one bundle (records, photos, certificates)
MAX_BUNDLE_BYTES = 1 << 30        # unpacked bytes of one bundle, photos included

TEXT_LIMITS = {
    "id": 200,                    # record ids, device ids, keys, hashes
    "short": 1_000,               # names, codes, phone numbers, dates, captions
    "long": 20_000,               # notes, descriptions, summaries, text answers
    "answer": 120_002,            # a JSON-encoded answer: a long text with every char escaped
    "document": 4 << 20,          # a template body; also any column not listed below
}

# Which kind of text each synced column holds; a column not listed is a "document".
FIELD_KINDS = {
    "schools": {"name": "short", "name_en": "short", "code": "short", "district": "short",
                "level": "short", "address": "long", "principal": "short",
                "phone": "short", "created_at": "short", "updated_at": "short"},
    "teachers": {"school_id": "id", "name": "short", "subject": "short",
                 "employee_no": "short", "phone": "short", "created_at": "short",
                 "updated_at": "short"},
    "users": {"name": "short", "role": "short", "organisation": "short",
              "created_at": "short"},
    "templates": {"key": "id", "kind": "short", "title_zh": "long", "title_en": "long",
                  "body": "document", "sha256": "id", "created_at": "short"},
    "inspections": {"template_id": "id", "template_key": "id", "school_id": "id",
                    "teacher_id": "id", "mode": "short", "status": "short",
                    "visit_date": "short", "inspectors": "long", "self_assessment_id": "id",
                    "follow_up_of": "id", "summary": "long", "created_at": "short",
                    "updated_at": "short", "completed_at": "short", "signed_at": "short",
                    "content_sha256": "id", "subject": "document"},
    "responses": {"inspection_id": "id", "item_key": "id", "value": "answer", "note": "long",
                  "answered_by": "short", "answered_at": "short"},
    "attachments": {"inspection_id": "id", "item_key": "id", "sha256": "id",
                    "filename": "short", "mime": "short", "caption": "long",
                    "created_at": "short", "taken_at": "short"},
    "actions": {"inspection_id": "id", "item_key": "id", "school_id": "id",
                "description": "long", "severity": "short", "responsible": "short",
                "due_date": "short", "status": "short", "carried_from": "id",
                "verified_in": "id", "note": "long", "created_at": "short",
                "updated_at": "short", "resolved_at": "short", "verified_at": "short"},
    "action_events": {"action_id": "id", "school_id": "id", "from_status": "short",
                      "to_status": "short", "note": "long", "actor": "short",
                      "actor_role": "short", "at": "short", "visit_id": "id"},
    "action_evidence": {"event_id": "id", "sha256": "id", "filename": "short",
                        "mime": "short", "created_at": "short"},
    "signatures": {"inspection_id": "id", "signer": "short", "role": "short",
                   "signed_at": "short", "image_sha256": "id", "content_sha256": "id"},
}
SYNC_KINDS = {"id": "id", "rev": "id", "base_rev": "id", "device_id": "id"}

# Enumerated columns: (module, attribute) read when checking, so the domain stays the source.
ENUM_FIELDS = {
    ("inspections", "status"): ("app.domain.status", "STATUSES"),
    ("inspections", "mode"): ("app.domain.status", "MODES"),
    ("actions", "status"): ("app.domain.status", "ACTION_STATUSES"),
    ("actions", "severity"): ("app.domain.status", "ACTION_SEVERITIES"),
    ("action_events", "from_status"): ("app.domain.status", "ACTION_STATUSES"),
    ("action_events", "to_status"): ("app.domain.status", "ACTION_STATUSES"),
    ("action_events", "actor_role"): ("app.domain.status", "USER_ROLES"),
    ("signatures", "role"): ("app.domain.status", "SIGNER_ROLES"),
    ("users", "role"): ("app.domain.status", "USER_ROLES"),
    ("templates", "kind"): ("app.domain.template_format", "KINDS"),
    ("schools", "level"): ("app.domain.levels", "LEVELS"),
}
FLAG_FIELDS = {("schools", "boarding"), ("templates", "builtin")}
DATE_FIELDS = {("inspections", "visit_date"), ("actions", "due_date")}

# -- fields ----------------------------------------------------------------------------------
def check_text(value: Any, field: str, kind: str = "short", *,
               error: type[Exception] = ValidationError) -> str:
    """`value` as valid text of `kind`, or `error` naming the field and the limit."""
    if not isinstance(value, str):
        raise error(f"{field}: must be text.")
    limit = TEXT_LIMITS[kind]
    if len(value) > limit:
        raise error(f"{field}: {len(value)} characters, more than the limit of {limit}.")
    bad = _BAD_CHARS.search(value)
    if bad:
        what = "a NUL character" if bad.group() == "\x00" else "a lone surrogate"
        raise error(f"{field}: holds {what} (U+{ord(bad.group()):04X}), which text may not.")
    return value


def check_int(value: Any, field: str, *, error: type[Exception] = ValidationError) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise error(f"{field}: must be a whole number.")
    if abs(value) > MAX_INT:
        raise error(f"{field}: {value} is beyond the limit of ±{MAX_INT}.")
    return value


def check_number(value: Any, field: str, *, error: type[Exception] = ValidationError):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise error(f"{field}: must be a number.")
    if not math.isfinite(value) or abs(value) > MAX_NUMBER:
        raise error(f"{field}: {value} is beyond the limit of ±{MAX_NUMBER:.0e}.")
    return value


def allowed_values(table: str, column: str) -> tuple | None:
    """The values an enumerated column may hold (read from the domain now), else None."""
    source = ENUM_FIELDS.get((table, column))
    if source is None:
        return None
    module, name = source
    return tuple(getattr(__import__(module, fromlist=[name]), name))


def check_enum(table: str, column: str, value: Any, *,
               error: type[Exception] = ValidationError, where: str = "") -> Any:
    allowed = allowed_values(table, column)
    if allowed is not None and value not in allowed:
        raise error(f"{where}{column}: {escape_controls(str(value))[:60]!r} is not one of "
                    f"{', '.join(allowed)}.")
    return value


def check_fields(table: str, fields: dict, *, error: type[Exception] = ValidationError,
                 where: str = "") -> None:
    """Every limit and enumeration for the columns of `table` present in `fields`.

    Used by the Store for every synced write (services, conflict resolution, import), so no
    edit path can store what an import would refuse. None is always allowed (a cleared field).
    """
    # An import checks every column of every record (hundreds of thousands): values that
    # plainly pass are let through by `fields_pass`; anything it is not sure of takes the
    # full check below, which alone words the refusal.
    if fields_pass(table, fields):
        return
    _check_fields(table, fields, error, where)


# table -> column -> (text limit, enumeration source, a 0/1 flag, a date, no type): fixed by
# the tables above (the enumerations' values are read from the domain at each check).
_PLANS: dict[str, dict[str, tuple]] = {}


def _plan(table: str, column: str) -> tuple:
    kind = FIELD_KINDS.get(table, {}).get(column) or SYNC_KINDS.get(column) or "document"
    key = (table, column)
    plan = (TEXT_LIMITS[kind], ENUM_FIELDS.get(key), key in FLAG_FIELDS or column == "deleted",
            key in DATE_FIELDS, None)
    _PLANS.setdefault(table, {})[column] = plan
    return plan


def _enum_values(source: tuple[str, str]):
    module, name = source
    found = sys.modules.get(module) or importlib.import_module(module)
    return getattr(found, name)


def fields_pass(table: str, fields: dict, *, types: dict | None = None,
                skip: str | None = None, clean: bool = False) -> bool:
    """True when `check_fields` would accept `fields` (a quick look at the plain cases:
    text, whole numbers, finite numbers, values of an enumeration); False means "not
    sure", never "refused". With `types` ({column: str/int/float}, a bundle's record),
    every column must also be one of them and each value of its column's type; the key
    `skip` is left out. `clean`: every text in `fields` is known to hold no NUL and no lone
    surrogate (it came out of `loads`, which refuses them)."""
    if types is None:
        plans = _PLANS.get(table) or {}
    else:
        plans = _typed_plans(table, types)
    for column, value in fields.items():
        plan = plans.get(column)
        if plan is None:
            if column == skip:
                continue
            if types is not None:
                return False
            plan = _plan(table, column)
        if value is None:
            continue
        limit, enumeration, flag, date, expected = plan
        kind = type(value)
        if expected is not None and kind is not expected and not (
                expected is float and kind is int):
            return False
        if enumeration is not None:
            if kind is not str or value not in _enum_values(enumeration):
                return False
        elif flag and (kind is not int or value not in (0, 1)):
            return False
        if kind is str:
            if len(value) > limit or (not clean and _BAD_CHARS.search(value)):
                return False
            if date and value:
                try:
                    dt.date.fromisoformat(value)
                except ValueError:
                    return False
        elif kind is int:
            if not -MAX_INT <= value <= MAX_INT:
                return False
        elif kind is not float or not math.isfinite(value) or abs(value) > MAX_NUMBER:
            return False
    return True


# table -> (the `types` given, {column: plan with the column's type}) of the last call.
_TYPED: dict[str, tuple[dict, dict]] = {}


def _typed_plans(table: str, types: dict) -> dict[str, tuple]:
    """The plans of `table`'s columns in `types`, each with its type last (made once per
    `types` dict: an import passes the same one for every record of a table)."""
    cached = _TYPED.get(table)
    if cached is not None and cached[0] is types:
        return cached[1]
    plans = {column: (*(_PLANS.get(table, {}).get(column) or _plan(table, column))[:4],
                      expected) for column, expected in types.items()}
    _TYPED[table] = (types, plans)
    return plans


def column_passes(table: str, column: str, values) -> bool:
    """True when `check_fields` would accept every one of `values` in `column` (a bulk
    writer's distinct values of one column); False means "not sure", never "refused". Plain
    text is judged for the whole column at once (the longest value, one search for bad
    characters); anything else value by value, as `fields_pass` judges it."""
    limit, enumeration, flag, date, _type = (_PLANS.get(table) or {}).get(column) \
        or _plan(table, column)
    texts = [v for v in values if type(v) is str]
    if texts:
        joined = "".join(texts)
        if max(map(len, texts)) > limit or ("\x00" in joined if joined.isascii()
                                            else _BAD_CHARS.search(joined)):
            return False
    if enumeration is None and not flag and not date and \
            len(texts) + (None in values) == len(values):   # all text (and a None)
        return True
    return all(fields_pass(table, {column: v}) for v in values)


def _check_fields(table: str, fields: dict, error: type[Exception], where: str) -> None:
    kinds = FIELD_KINDS.get(table, {})
    for column, value in fields.items():
        if value is None:
            continue
        label = f"{where}{table}.{column}"
        if (table, column) in ENUM_FIELDS:
            check_enum(table, column, value, error=error, where=f"{where}{table}.")
        elif (table, column) in FLAG_FIELDS or column == "deleted":
            if value not in (0, 1) or isinstance(value, float):
                raise error(f"{label}: must be 0 or 1.")
        if isinstance(value, str):
            kind = kinds.get(column) or SYNC_KINDS.get(column) or "document"
            check_text(value, label, kind, error=error)
            if (table, column) in DATE_FIELDS and value:
                check_date(value, label, error=error)
        elif isinstance(value, bool):
            raise error(f"{label}: must be a number or text, not true/false.")
        elif isinstance(value, int):
            check_int(value, label, error=error)
        elif isinstance(value, float):
            check_number(value, label, error=error)


def check_date(value: Any, field: str, *, error: type[Exception] = ValidationError) -> str:
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise error(f"{field}: use a date like 2026-12-31 (got "
                    f"{escape_controls(str(value))[:40]!r}).") from None


def check_answer(item, value: Any, *, error: type[Exception] = ValidationError,
                 where: str = "") -> Any:
    """A stored (decoded) answer must be what `normalise_answer` makes of itself for the
    item's type: a score within 0..max, a choice among the item's keys, yes/no/na, …"""
    from app.domain.answers import normalise_answer
    if value is None:
        return None
    try:
        normal = normalise_answer(item, value)
    except ValidationError as exc:
        raise error(f"{where}{exc}") from None
    numbers = (int, float)
    same_type = type(normal) is type(value) or (
        isinstance(normal, numbers) and isinstance(value, numbers) and not isinstance(value, bool))
    if normal != value or not same_type:
        raise error(f"{where}item {item.key}: {escape_controls(repr(value))[:60]} is not a "
                    f"valid {item.type} answer.")
    return value
