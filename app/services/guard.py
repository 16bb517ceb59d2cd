"""May this inspection change? The one guard every write to an inspection's content passes —
services, import (merge.py) and conflict resolution (conflicts.py).

A signed inspection freezes its own fields, its answers and notes, its evidence, the content
of its corrective actions (their status may still move: rectification goes on after signing)
and its sign-offs. The only way to change frozen content is an amendment here.

It sits below the write services (answers, evidence, actions, inspections) and imports none of
them, so they can all use it without importing each other in a circle (the signed fact is
read from app.security.signoffs).
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator

from app.domain.status import EDITABLE
from app.errors import FrozenError, StateError
from app.security import roles
from app.security.signoffs import is_signed

if TYPE_CHECKING:
    from app.workspace import Workspace


# What a signature vouches for in an action; its status may still move after signing.
ACTION_CONTENT = ("inspection_id", "item_key", "description", "severity", "responsible",
                  "due_date", "deleted")
FROZEN_CHILDREN = ("responses", "attachments", "actions", "signatures")


@contextmanager
def editing(ws: Workspace, inspection_id: str) -> Iterator[dict]:
    """One write transaction in which the inspection is checked editable and then changed.

    The check must sit inside the write's own transaction: checked before it, a sign-off
    committed meanwhile by another process or an import job (a second connection) would
    let the write land in signed content, which no signature then matches. BEGIN IMMEDIATE
    holds the write lock from the check to the commit."""
    with ws.store.atomic():
        yield editable_inspection(ws, inspection_id)


def editable_inspection(ws: Workspace, inspection_id: str) -> dict:
    """The inspection row, or FrozenError/StateError when it may not change, or RoleError
    when this profile's role may not change it (a principal never changes findings).
    A write calls it inside its transaction (`editing`), so the answer still holds when
    the write commits."""
    row = ws.store.require("inspections", inspection_id, "inspection")
    roles.require_inspection_edit(ws, row)
    if row["status"] == "signed" or is_frozen(ws, inspection_id, row=row):
        raise FrozenError("This inspection is signed and frozen. To change it, start an "
                          "amendment; it will need to be signed again.")
    if row["status"] not in EDITABLE:
        raise StateError("This inspection is completed: reopen it to change answers.")
    return row


def touch(ws: Workspace, inspection: dict) -> None:
    """A draft becomes in progress on its first change. Answers do not otherwise touch the
    inspection row: two people answering different items on two laptops must not both
    change the same record, or every sync would be a conflict."""
    if inspection["status"] == "draft":
        ws.store.update("inspections", inspection["id"], {"status": "in_progress"})


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


def is_frozen(ws: Workspace, inspection_id: str | None, *, row: dict | None = None) -> bool:
    """Signed here: by the stored (derived) status or by the sign-offs checked now. `row` is
    the inspection as just read in the caller's transaction, when it has it."""
    if not inspection_id:
        return False
    row = row or ws.store.get("inspections", inspection_id)
    if row is None:
        return False
    if row["status"] == "signed":
        return True
    return is_signed(ws, inspection_id, row=row)


def frozen_inspection_of(ws: Workspace, table: str, row: dict | None) -> str | None:
    """The signed inspection a row belongs to, or None when the row is not frozen."""
    inspection_id = owning_inspection(table, row)
    return inspection_id if is_frozen(ws, inspection_id) else None
