"""Sign-off: the drawn signature of each signer, bound to the SHA-256 of the inspection's
content. The first signature freezes the inspection; more (a countersignature) may follow."""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING

from app.domain.status import SIGNER_ROLES
from app.domain.templates import canonical_json
from app.errors import StateError, ValidationError
from app.security import audit
from app.services.changes import Changes

if TYPE_CHECKING:
    from app.workspace import Workspace

CONTENT_FIELDS = ("id", "template_id", "school_id", "teacher_id", "mode", "visit_date",
                  "inspectors", "summary", "self_assessment_id", "follow_up_of")


def inspection_content(ws: Workspace, inspection_id: str) -> dict:
    """What a signature vouches for: the inspection's own fields, its answers and notes, its
    evidence hashes and its corrective actions (not their later status)."""
    row = ws.store.require("inspections", inspection_id, "inspection")
    responses = ws.store.query(
        "select item_key, value, note from responses where inspection_id = ? and deleted = 0 "
        "order by item_key", [inspection_id])
    evidence = ws.store.query(
        "select item_key, sha256, caption from attachments where inspection_id = ? "
        "and deleted = 0 order by item_key, sha256, caption", [inspection_id])
    actions = ws.store.query(
        "select id, item_key, description, severity, responsible, due_date from actions "
        "where inspection_id = ? and deleted = 0 order by id", [inspection_id])
    return {"inspection": {k: row[k] for k in CONTENT_FIELDS},
            "responses": responses, "evidence": evidence, "actions": actions}


def content_sha256(ws: Workspace, inspection_id: str) -> str:
    return hashlib.sha256(canonical_json(inspection_content(ws, inspection_id))
                          .encode()).hexdigest()


def sign_off(ws: Workspace, inspection_id: str, *, signer: str, role: str = "inspector",
             image_png: bytes | None = None) -> Changes:
    """Record a signature. A completed inspection becomes signed (frozen); a signed one takes
    further signatures as long as its content is unchanged."""
    inspection = ws.store.require("inspections", inspection_id, "inspection")
    if inspection["status"] not in ("completed", "signed"):
        raise StateError("Complete the inspection before signing it.")
    if not signer.strip():
        raise ValidationError("signer: the signer's name is needed.")
    if role not in SIGNER_ROLES:
        raise ValidationError(f"role: must be one of {', '.join(SIGNER_ROLES)}.")
    if image_png is not None and not image_png.startswith(b"\x89PNG"):
        raise ValidationError("The drawn signature must be a PNG image.")
    digest = content_sha256(ws, inspection_id)
    now = ws.store.clock_iso()
    with ws.store.atomic():
        image_sha = None
        if image_png:
            image_sha = hashlib.sha256(image_png).hexdigest()
            ws.store.put_blob(image_sha, image_png, "image/png")
        row = ws.store.insert("signatures", {
            "inspection_id": inspection_id, "signer": signer.strip(), "role": role,
            "signed_at": now, "image_sha256": image_sha, "content_sha256": digest})
        if inspection["status"] == "completed":
            ws.store.update("inspections", inspection_id, {
                "status": "signed", "signed_at": now, "content_sha256": digest,
                "updated_at": now})
        audit.append(ws.store, actor=ws.actor, action="inspection.sign", entity="inspections",
                     entity_id=inspection_id,
                     detail={"signer": signer, "role": role, "content_sha256": digest})
    return Changes.of("signatures", row["id"], created=row["id"]) | \
        Changes.of("inspections", inspection_id)


def signatures_of(ws: Workspace, inspection_id: str, *, current_only: bool = True) -> list[dict]:
    """Signatures of an inspection; by default only those that vouch for its content now."""
    rows = ws.store.query("select * from signatures where inspection_id = ? and deleted = 0 "
                          "order by signed_at, rev", [inspection_id])
    if not current_only:
        return rows
    current = content_sha256(ws, inspection_id)
    return [r for r in rows if r["content_sha256"] == current]


def inspectors_of(inspection: dict) -> list[str]:
    return json.loads(inspection["inspectors"] or "[]")
