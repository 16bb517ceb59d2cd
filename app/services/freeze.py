"""What a signed inspection freezes, in one place for every edit path (services, import,
conflict resolution): the inspection's own fields, its answers and notes, its evidence, the
content of its corrective actions (their status may still move: rectification goes on after
signing) and its sign-offs. The only way to change frozen content is an amendment here.
"""

from __future__ import annotations

# What a signature vouches for in an action; its status may still move after signing.
ACTION_CONTENT = ("inspection_id", "item_key", "description", "severity", "responsible",
                  "due_date", "deleted")
FROZEN_CHILDREN = ("responses", "attachments", "actions", "signatures")


def frozen_fields(table: str, fields) -> list[str]:
    """Which of `fields` of a row of `table` a signature freezes."""
    if table == "actions":
        return [f for f in fields if f in ACTION_CONTENT]
    if table == "inspections" or table in FROZEN_CHILDREN:
        return list(fields)
    return []


def owning_inspection(table: str, row: dict | None) -> str | None:
    if row is None:
        return None
    if table == "inspections":
        return row.get("id")
    if table in FROZEN_CHILDREN:
        return row.get("inspection_id")
    return None


def is_frozen(ws, inspection_id: str | None) -> bool:
    """Signed here: by the stored (derived) status or by the sign-offs checked now."""
    if not inspection_id:
        return False
    row = ws.store.get("inspections", inspection_id)
    if row is None:
        return False
    if row["status"] == "signed":
        return True
    from app.services.signoff import is_signed
    return is_signed(ws, inspection_id)


def frozen_inspection_of(ws, table: str, row: dict | None) -> str | None:
    """The signed inspection a row belongs to, or None when the row is not frozen."""
    inspection_id = owning_inspection(table, row)
    return inspection_id if is_frozen(ws, inspection_id) else None
