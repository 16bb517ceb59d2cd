"""What never changes once a record exists, and what a new record must agree with — checked
on import, before anything is written (a peer's valid key does not make a relabel valid).

No edit path of this app changes these fields, so a bundle that does is forged or broken:
- an inspection keeps its template (id, key, version), mode, school and teacher from the
  moment it is started; its template key and version are those of its template id, its mode
  one the template allows, its teacher one of its school's;
- an answer keeps its inspection and item (its id is derived from them, see importer);
- evidence keeps its inspection and file (a replaced photo is a new attachment);
- a corrective action keeps its inspection, school and origin; a teacher keeps its school;
- an inspection's amendments only count up (going back would let a signature of the content
  before the amendment vouch again), here and in the conflict editor;
- a published template version never changes and is never deleted (its title and kind
  columns are those of its body: importer.check_templates).

Sign-offs are the freeze's and integrity.check_signoffs' (a changed one is a new signature
by its capturing device, which must verify).

The check reads what we hold in chunks of ids (set-based, not one query per record).
"""

from __future__ import annotations

import json

from app.errors import BundleError, ValidationError
from app.sync.record_table import column_of

PINNED = {
    "inspections": ("template_id", "template_key", "template_version", "mode", "school_id",
                    "teacher_id"),
    "responses": ("inspection_id", "item_key"),
    "attachments": ("inspection_id", "sha256"),
    "actions": ("inspection_id", "school_id", "carried_from"),
    "teachers": ("school_id",),
    "templates": ("key", "version", "kind", "title_zh", "title_en", "sha256", "deleted"),
}
AMENDMENT = ("amendment", "rev")
CHUNK = 500


def check_pinned(store, records: dict[str, list[dict]]) -> None:
    """Refuse a bundle that changes a pinned field of a record held here, or brings a new
    inspection or template whose fields disagree with what they refer to."""
    for table, fields in PINNED.items():
        rows = records.get(table) or []
        if not rows:
            continue
        extra = AMENDMENT if table == "inspections" else ()
        ids = column_of(rows, "id")
        # A chunk of ids at a time; a record is made into a dict only when held here.
        for start in range(0, len(ids), CHUNK):
            held = _held(store, table, fields + extra, ids[start:start + CHUNK])
            for number in range(start, min(start + CHUNK, len(ids))):
                ours = held.get(ids[number])
                if ours is not None:
                    row = rows[number]
                    _same(table, fields, ours, row)
                    if extra:
                        _amendment_goes_forward(store, ours, row)
    _check_inspections(store, records)


def _held(store, table: str, fields, ids: list[str]) -> dict[str, dict]:
    columns = ", ".join(f"[{f}]" for f in ("id", *fields))
    found = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        marks = ",".join("?" * len(chunk))
        for row in store.query(f"select {columns} from [{table}] where id in ({marks})", chunk):
            found[row["id"]] = row
    return found


def _same(table: str, fields, ours: dict, row: dict) -> None:
    for name in fields:
        if row.get(name) == ours[name]:
            continue
        raise BundleError(f"records/{table}.ndjson: record {row['id']} changes {name} "
                          f"({_short(ours[name])} here, {_short(row.get(name))} in the "
                          f"bundle); {_WHY[table]} Refused; nothing was imported.")


def _amendment_goes_forward(store, ours: dict, row: dict) -> None:
    """Amendments only count up: going back would let a signature of the content before the
    amendment vouch again. An older version we already hold may of course be relayed."""
    held, incoming = ours["amendment"] or 0, row.get("amendment") or 0
    if isinstance(incoming, int) and incoming >= held:
        return
    if row.get("rev") == ours["rev"] or store.scalar(
            "select 1 from history where table_name = 'inspections' and record_id = ? and "
            "rev = ?", [row["id"], row.get("rev")]):
        return
    raise BundleError(f"records/inspections.ndjson: record {row['id']} takes amendment {held} "
                      f"back to {_short(row.get('amendment'))}; amendments only count up. "
                      "Refused; nothing was imported.")


def _amendment_is_whole(row: dict) -> None:
    """An amendment is counted (a whole number from 1) and says why, as `inspect amend`
    requires."""
    count = row.get("amendment")
    if count is None:
        return
    if isinstance(count, bool) or not isinstance(count, int) or count < 0 or (
            count > 0 and not str(row.get("amendment_reason") or "").strip()):
        raise BundleError(f"records/inspections.ndjson: record {row['id']} carries amendment "
                          f"{_short(count)} without a reason, or not a count; an amendment "
                          "says why it was made. Refused; nothing was imported.")


def check_amendment_kept(current: dict | None, chosen: dict) -> None:
    """Resolving a conflict on an inspection may not take its amendment count back."""
    if current is None or "amendment" not in chosen:
        return
    if (chosen["amendment"] or 0) < (current.get("amendment") or 0):
        raise ValidationError(f"Inspection {current['id']} has amendment "
                              f"{current['amendment']}; a conflict cannot take it back to "
                              f"{chosen['amendment'] or 0} (amendments only count up).")


_WHY = {
    "inspections": "an inspection keeps its template, mode, school and teacher.",
    "responses": "an answer keeps its inspection and item.",
    "attachments": "evidence keeps its inspection and file; a new photo is a new record.",
    "actions": "a corrective action keeps its inspection, school and origin.",
    "teachers": "a teacher keeps their school.",
    "templates": "a published template version never changes and is never deleted.",
}


def _short(value) -> str:
    text = "null" if value is None else str(value)
    return repr(text[:40] + ("…" if len(text) > 40 else ""))


def _check_inspections(store, records: dict[str, list[dict]]) -> None:
    """A new or changed inspection: template key/version of its template id, a mode the
    template allows, a teacher of its school."""
    rows = records.get("inspections") or []
    if not rows:
        return
    templates = {r["id"]: r for r in records.get("templates") or []}
    teachers = {r["id"]: r for r in records.get("teachers") or []}
    needed = {r.get("template_id") for r in rows} - set(templates) - {None}
    templates.update(_held(store, "templates", ("key", "version", "body"), sorted(needed)))
    wanted = {r.get("teacher_id") for r in rows} - set(teachers) - {None}
    teachers.update(_held(store, "teachers", ("school_id",), sorted(wanted)))
    modes: dict[str, tuple] = {}
    for row in rows:
        _amendment_is_whole(row)
        template = templates.get(row.get("template_id"))
        if template is None:
            continue        # the reference check names a missing template
        where = f"records/inspections.ndjson: inspection {row['id']}"
        if (row.get("template_key"), row.get("template_version")) != \
                (template.get("key"), template.get("version")):
            raise BundleError(f"{where} names template {_short(row.get('template_key'))} "
                              f"v{row.get('template_version')}, but its template id is "
                              f"{template.get('key')} v{template.get('version')}; refused.")
        if template["id"] not in modes:
            modes[template["id"]] = _modes(template)
        if modes[template["id"]] and row.get("mode") not in modes[template["id"]]:
            raise BundleError(f"{where}: mode {_short(row.get('mode'))} is not one its "
                              f"template allows ({', '.join(modes[template['id']])}); "
                              "refused.")
        teacher = teachers.get(row.get("teacher_id")) if row.get("teacher_id") else None
        if teacher is not None and teacher.get("school_id") != row.get("school_id"):
            raise BundleError(f"{where}: its teacher belongs to another school; refused.")


def _modes(template: dict) -> tuple:
    try:
        body = json.loads(template.get("body") or "{}")
    except ValueError:
        return ()
    modes = body.get("modes") if isinstance(body, dict) else None
    return tuple(m for m in modes if isinstance(m, str)) if isinstance(modes, list) else ()
