"""Answering items: one call per answer, so every keystroke the UI commits is saved at once.

A response row's id is derived from (inspection, item), so two devices answering the same
item write the same record and a sync merges them field by field instead of duplicating.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from typing import TYPE_CHECKING, Any

from app.domain.answers import normalise_answer
from app.domain.templates import Item
from app.errors import ValidationError
from app.security import roles
from app.services.changes import Changes
from app.services.guard import editing, touch
from app.services.templates import get_template

if TYPE_CHECKING:
    from app.workspace import Workspace

RESPONSE_NAMESPACE = uuid.UUID("3f0c9a57-51a4-4d0e-8d2e-7c8b1e5f4a21")
_NAMESPACE_BYTES = RESPONSE_NAMESPACE.bytes
_UNSET = object()


def response_id(inspection_id: str, item_key: str) -> str:
    """uuid5(RESPONSE_NAMESPACE, "<inspection>/<item>"), computed directly (the uuid module's
    objects cost more than the hash; the demo and imports derive hundreds of thousands)."""
    digest = bytearray(hashlib.sha1(_NAMESPACE_BYTES + f"{inspection_id}/{item_key}"
                                    .encode("utf-8")).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50    # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80    # RFC 4122 variant
    text = digest.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def answer_item(ws: Workspace, inspection_id: str, item_key: str, value: Any,
                *, note: Any = _UNSET) -> Changes:
    """Store the answer to one item (None clears it); optionally its note too."""
    with editing(ws, inspection_id) as inspection:
        stored = normalise_answer(item_of(ws, inspection, item_key), value)
        fields = {"value": None if stored is None else json.dumps(stored, ensure_ascii=False)}
        if note is not _UNSET:
            fields["note"] = note or ""
        return _write_response(ws, inspection, item_key, fields)


def set_note(ws: Workspace, inspection_id: str, item_key: str, note: str) -> Changes:
    with editing(ws, inspection_id) as inspection:
        item_of(ws, inspection, item_key)
        return _write_response(ws, inspection, item_key, {"note": note or ""})


def item_of(ws: Workspace, inspection: dict, item_key: str) -> Item:
    """The template item of an inspection, or a ValidationError naming the key."""
    try:
        return get_template(ws, inspection["template_id"]).item(item_key)
    except KeyError:
        raise ValidationError(f"Item {item_key!r} is not in this inspection's "
                              "template.") from None


def _write_response(ws: Workspace, inspection: dict, item_key: str, fields: dict) -> Changes:
    """Within the caller's `editing` transaction: the guard's answer holds until commit."""
    rid = response_id(inspection["id"], item_key)
    stamp = {"answered_by": ws.actor, "answered_at": ws.store.clock_iso()}
    existing = ws.store.get("responses", rid)
    if existing is None:
        ws.store.insert("responses", {"inspection_id": inspection["id"],
                                      "item_key": item_key, "value": None, "note": "",
                                      **fields, **stamp}, record_id=rid)
    elif any(existing.get(k) != v for k, v in fields.items()) or existing["deleted"]:
        ws.store.update("responses", rid, {**fields, **stamp, "deleted": 0})
    else:
        return Changes()
    touch(ws, inspection)
    return Changes.of("responses", rid) | Changes.of("inspections", inspection["id"])


def responses_of(ws: Workspace, inspection_id: str) -> dict[str, dict]:
    """item key → {value, note, answered_by, answered_at} for one inspection."""
    roles.require_scope_of(ws, "inspections", inspection_id)
    rows = ws.store.query("select item_key, value, note, answered_by, answered_at "
                          "from responses where inspection_id = ? and deleted = 0",
                          [inspection_id])
    return {r["item_key"]: {**r, "value": json.loads(r["value"]) if r["value"] else None}
            for r in rows}


def answers_of(ws: Workspace, inspection_id: str) -> dict[str, Any]:
    return {k: r["value"] for k, r in responses_of(ws, inspection_id).items()
            if r["value"] is not None}
