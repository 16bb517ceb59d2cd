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
from app.errors import StateError, ValidationError
from app.security import audit, roles
from app.security.signoffs import (AUTHOR_ROLES, DeviceKeys, content_sha256,  # noqa: F401
                                   inspection_content, is_signed, sign_row, subject_now,
                                   valid_signoffs)
from app.services.changes import Changes
from app.services.reads import evaluate, missing_text

if TYPE_CHECKING:
    from app.workspace import Workspace

def sign_off(ws: Workspace, inspection_id: str, *, signer: str, role: str = "inspector",
             image_png: bytes | None = None) -> Changes:
    """Record a signature. A completed inspection becomes signed (frozen); a signed one takes
    further signatures as long as its content is unchanged."""
    # Checked and signed in one write transaction: what the checks saw is what is signed,
    # whatever another process or an import job commits meanwhile.
    with ws.store.atomic():
        inspection = ws.store.require("inspections", inspection_id, "inspection")
        if inspection["status"] not in ("completed", "signed"):
            raise StateError("Complete the inspection before signing it.")
        _check_request(signer, role)
        roles.require_sign_off(ws, inspection, role, signer)
        if inspection["status"] != "signed":
            # The status may have arrived from a peer: what is signed must really be complete.
            result = evaluate(ws, inspection_id)
            if not result.complete:
                raise StateError("This inspection cannot be signed yet: "
                                 f"{missing_text(result)}")
        if image_png is not None and not image_png.startswith(b"\x89PNG"):
            raise ValidationError("The drawn signature must be a PNG image.")
        now = ws.store.clock_iso()
        if inspection["status"] != "signed":
            _take_subject(ws, inspection)
        digest = content_sha256(ws, inspection_id)
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


def _check_request(signer: str, role: str) -> None:
    if not signer.strip():
        raise ValidationError("signer: the signer's name is needed.")
    if role not in SIGNER_ROLES:
        raise ValidationError(f"role: must be one of {', '.join(SIGNER_ROLES)}.")


def _take_subject(ws: Workspace, inspection: dict) -> None:
    """The school and teacher as the signer sees them become part of what is signed (and
    what the signed report shows), whatever a peer's copy of the inspection said. Normally
    completion took them already and nothing changes here."""
    subject = subject_now(ws.store, inspection)
    if subject != inspection.get("subject"):
        ws.store.update("inspections", inspection["id"], {"subject": subject})


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
def derive_status(ws: Workspace, inspection_id: str, *,
                  keys: DeviceKeys | None = None) -> str:
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


def rederive_captured_by(ws: Workspace, device_id: str) -> list[str]:
    """After trust in `device_id` changed: re-derive every inspection holding a sign-off that
    device captured; returns those that were signed and no longer are."""
    unsigned = []
    for row in ws.store.query("select distinct inspection_id from signatures where "
                              "captured_by = ? order by inspection_id", [device_id]):
        inspection_id = row["inspection_id"]
        before = ws.store.get("inspections", inspection_id)
        if before is None:
            continue
        if derive_status(ws, inspection_id) != "signed" and before["status"] == "signed":
            unsigned.append(inspection_id)
    return unsigned
