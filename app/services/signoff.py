"""Sign-off: the drawn signature of each signer, bound to the SHA-256 of the inspection's
content and signed by this device's key (app/security/signoffs.py).

"Signed" is derived, never set: an inspection is signed when it holds a valid sign-off of its
author's role (the inspector; the principal for a self-assessment) over its current content
hash. `derive_status` keeps the stored status equal to that fact after every change that
can alter it (signing, amending, importing, trusting a device); readers that matter (the
signed PDF) check the fact itself with `is_signed`. A signed inspection is frozen, its
signatures included; more signatures (a countersignature) may be captured here.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING

from app.domain.status import SIGNER_ROLES
from app.domain.templates import canonical_json
from app.errors import StateError, ValidationError
from app.security import audit
from app.security.signoffs import DeviceKeys, sign_row
from app.services.changes import Changes

if TYPE_CHECKING:
    from app.workspace import Workspace

CONTENT_FIELDS = ("id", "template_id", "school_id", "teacher_id", "mode", "visit_date",
                  "inspectors", "summary", "self_assessment_id", "follow_up_of")
# From the first amendment on, the amendment is part of the content: a signature made before
# it never vouches for the amended inspection, even if the answers end up the same again.
AMENDMENT_FIELDS = ("amendment", "amendment_reason")
# Whose sign-off makes an inspection signed, by mode: the author of the record.
AUTHOR_ROLES = {"inspection": ("inspector",), "self_assessment": ("principal",)}


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
    own = {k: row[k] for k in CONTENT_FIELDS}
    if row.get("amendment"):
        own.update({k: row[k] for k in AMENDMENT_FIELDS})
    return {"inspection": own, "responses": responses, "evidence": evidence,
            "actions": actions}


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
        fields = {"id": ws.store.new_id(), "inspection_id": inspection_id,
                  "signer": signer.strip(), "role": role, "signed_at": now,
                  "image_sha256": image_sha, "content_sha256": digest,
                  "captured_by": ws.profile.device_id}
        fields["device_sig"] = sign_row(fields, ws.device_key)
        row = ws.store.insert("signatures", fields)
        if inspection["status"] != "signed" and \
                role in AUTHOR_ROLES.get(inspection["mode"], ("inspector",)):
            # A new rev, so the status travels; derive_status below confirms the fact.
            ws.store.update("inspections", inspection_id, {
                "status": "signed", "signed_at": now, "content_sha256": digest,
                "updated_at": now})
        derive_status(ws, inspection_id)
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


# -- the derived fact ----------------------------------------------------------------------
def valid_signoffs(ws, inspection_id: str, *, keys: DeviceKeys | None = None,
                   digest: str | None = None) -> list[dict]:
    """Sign-offs of the author's role over the current content whose device signature a
    trusted key confirms, oldest first."""
    row = ws.store.require("inspections", inspection_id, "inspection")
    roles = AUTHOR_ROLES.get(row["mode"], ("inspector",))
    rows = [r for r in signatures_of(ws, inspection_id, current_only=False)
            if r["role"] in roles]
    if not rows:
        return []
    digest = digest or content_sha256(ws, inspection_id)
    keys = keys or DeviceKeys.of(ws)
    return [r for r in rows if r["content_sha256"] == digest and keys.valid(r)]


def is_signed(ws, inspection_id: str, *, keys: DeviceKeys | None = None) -> bool:
    """The fact itself, checked now (not the stored status)."""
    return bool(valid_signoffs(ws, inspection_id, keys=keys))


def derive_status(ws, inspection_id: str, *, keys: DeviceKeys | None = None) -> str:
    """Make the stored status, signed_at and content_sha256 of an inspection agree with its
    sign-offs; returns the status. A row that claims `signed` without a valid sign-off is
    kept as completed. The correction is written in place (no new rev): every device derives
    the same from the same data, so a new rev would only echo between devices."""
    row = ws.store.require("inspections", inspection_id, "inspection")
    digest = content_sha256(ws, inspection_id)
    valid = valid_signoffs(ws, inspection_id, keys=keys, digest=digest)
    if valid:
        wanted = {"status": "signed", "signed_at": valid[0]["signed_at"],
                  "content_sha256": digest}
    elif row["status"] == "signed":
        wanted = {"status": "completed", "signed_at": None, "content_sha256": None}
    else:
        return row["status"]
    if any(row[k] != v for k, v in wanted.items()):
        ws.store.correct_derived("inspections", inspection_id, wanted)
    return wanted["status"]
