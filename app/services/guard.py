"""May this inspection change? The one guard every write to an inspection's content passes.

It sits below the write services (answers, evidence, actions, inspections) and imports none of
them, so they can all use it without importing each other in a circle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.domain.status import EDITABLE
from app.errors import FrozenError, StateError

if TYPE_CHECKING:
    from app.workspace import Workspace


def editable_inspection(ws: Workspace, inspection_id: str) -> dict:
    """The inspection row, or FrozenError/StateError when it may not change."""
    row = ws.store.require("inspections", inspection_id, "inspection")
    if row["status"] == "signed":
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
