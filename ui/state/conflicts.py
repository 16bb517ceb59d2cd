"""What a district clerk needs to decide a conflict, without Qt: which school, inspection,
item and action it is about, who changed each side and when, and the values a field may take
(so the editor offers only those).

Codes stay codes here; the page turns them into words (labels, the item's own option texts).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.domain.answers import NA
from app.domain.limits import FLAG_FIELDS, allowed_values
from app.errors import KnownError

LEVELS = ("kindergarten", "primary", "junior", "senior", "nine_year", "twelve_year",
          "vocational", "special")


@dataclass(frozen=True)
class Side:
    """One side of a conflict: who made that version, on which device, and when."""
    person: str
    device: str
    this_device: bool
    when: str


@dataclass(frozen=True)
class ConflictContext:
    school: dict | None = None
    inspection: dict | None = None
    template: object | None = None
    item: object | None = None
    action: dict | None = None
    choices: dict = field(default_factory=dict)   # field -> tuple of allowed stored values


def describe(ws, conflict: dict) -> ConflictContext:
    """The records around the conflicting one, looked up as they stand here."""
    store = ws.store
    row = conflict["ours"] or conflict["theirs"] or {}
    table = conflict["table_name"]
    inspection = store.get("inspections", row.get("inspection_id") or "") if \
        table != "inspections" else row
    school_id = row.get("school_id") or (inspection or {}).get("school_id") or (
        row.get("id") if table == "schools" else None)
    school = store.get("schools", school_id or "")
    template = _template(ws, inspection)
    item = _item(template, row.get("item_key"))
    action = row if table == "actions" else None
    choices = {f: values for f in conflict["fields"]
               if (values := choices_for(table, f, item)) is not None}
    return ConflictContext(school, inspection, template, item, action, choices)


def _template(ws, inspection: dict | None):
    from app.services.templates import get_template
    if not inspection:
        return None
    try:
        return get_template(ws, inspection["template_id"])
    except (KnownError, KeyError):
        return None


def _item(template, key: str | None):
    if template is None or not key:
        return None
    try:
        return template.item(key)
    except KeyError:
        return None


def choices_for(table: str, column: str, item=None) -> tuple | None:
    """Stored values a field may take, or None when it is free text."""
    if column == "deleted" or (table, column) in FLAG_FIELDS:
        return (0, 1)
    if (table, column) == ("schools", "level"):
        return LEVELS
    if (table, column) == ("responses", "value") and item is not None:
        return answer_choices(item)
    return allowed_values(table, column)


def answer_choices(item) -> tuple | None:
    """The answers an item accepts when they can be listed (yes/no, scores, options)."""
    if item.type == "yes_no":
        return ("yes", "no", NA)
    if item.type == "score":
        return tuple(range(int(item.max_score) + 1)) + (NA,)
    if item.type in ("rating", "choice"):
        options = item.scale if item.type == "rating" else item.choices
        return tuple(o["key"] for o in options) + (NA,)
    return None


def side(ws, row: dict | None, device_names: dict[str, str]) -> Side | None:
    """Who changed this version and when: the answering person when the record says so,
    else the device's name; the time from the rev's clock (shown in local time)."""
    if not row:
        return None
    device_id = row.get("device_id") or ""
    this = device_id == ws.profile.device_id
    device = ws.profile.device_name if this else device_names.get(device_id, device_id[:8])
    person = row.get("answered_by") or (ws.actor if this else device)
    return Side(person=person, device=device, this_device=this, when=rev_time(row.get("rev")))


def rev_time(rev: str | None) -> str:
    """"2026-11-29 21:05" from a rev's milliseconds, in this computer's time zone."""
    try:
        ms = int((rev or "").split(".")[0])
    except ValueError:
        return ""
    return dt.datetime.fromtimestamp(ms / 1000).strftime("%Y-%m-%d %H:%M")


def device_names(ws) -> dict[str, str]:
    return {r["id"]: r["name"] or r["id"][:8]
            for r in ws.store.query("select id, name from devices")}
