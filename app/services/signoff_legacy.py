"""Sign-offs made before sign-offs carried a device signature (versions before issue 8).

Such a row has neither `captured_by` nor `device_sig`, so since the upgrade it proves nothing
and an inspection it signed reads as completed. The first time a profile opens with this
version, this device vouches for the legacy rows it captured itself — and only those — by
adding its device signature in place (the row is otherwise unchanged and keeps its rev), then
re-derives the signed state of the inspections concerned.

How a row is known to be this device's own capture, never an imported one:
- its `device_id` and the device part of its rev are this device (it was written here and
  nobody changed it since), and
- this device's audit log holds the `inspection.sign` entry written when it was captured
  (same inspection, signer, role and content hash; every version since the first logged it).
  An import never writes that entry, so a row a peer relayed in our name does not qualify.

It runs once per profile: `profile.json` records that it ran, so a legacy-looking row put
into the database later (by a bundle, or with `sqlite3` by someone without the key) is never
signed by this device. Legacy rows of other devices stay unsigned and do not count; the
notices say so (the command line prints them).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from app.security import audit
from app.security.profile import save_profile
from app.security.signoffs import sign_row
from app.services.signoff import derive_status

if TYPE_CHECKING:
    from app.workspace import Workspace


def backfill_once(ws: Workspace) -> list[str]:
    """At open: sign this device's own legacy sign-offs, once per profile; returns notices."""
    if ws.profile.signoffs_backfilled:
        return []
    notices = backfill(ws)
    ws.profile.signoffs_backfilled = True
    save_profile(ws.paths, ws.profile)
    return notices


def backfill(ws: Workspace) -> list[str]:
    """Sign the legacy sign-offs captured here; re-derive the inspections they belong to."""
    store, device = ws.store, ws.profile.device_id
    legacy = store.query("select * from signatures where captured_by is null and "
                         "device_sig is null order by inspection_id, signed_at, id")
    if not legacy:
        return []
    own = [row for row in legacy if _captured_here(store, device, row)]
    others = [row for row in legacy if row not in own]
    with store.atomic():
        for row in own:
            fields = {**row, "captured_by": device}
            store.correct_derived("signatures", row["id"], {
                "captured_by": device, "device_sig": sign_row(fields, ws.device_key)})
        touched = sorted({row["inspection_id"] for row in legacy})
        for inspection_id in touched:
            if store.get("inspections", inspection_id) is not None:
                derive_status(ws, inspection_id)
        audit.append(store, actor=ws.actor, action="signoff.backfill", entity="signatures",
                     entity_id=device, detail={"signed": [r["id"] for r in own],
                                               "not_ours": [r["id"] for r in others]})
    return [_notice(row) for row in others]


def _captured_here(store, device: str, row: dict) -> bool:
    if row["device_id"] != device or str(row["rev"]).split(".", 2)[-1] != device:
        return False
    for entry in store.query("select detail from audit_log where action = 'inspection.sign' "
                             "and entity_id = ? and device_id = ?",
                             [row["inspection_id"], device]):
        detail = json.loads(entry["detail"] or "{}")
        if (str(detail.get("signer") or "").strip(), detail.get("role"),
                detail.get("content_sha256")) == (row["signer"], row["role"],
                                                  row["content_sha256"]):
            return True
    return False


def _notice(row: dict) -> str:
    return (f"sign-off {row['id']} of inspection {row['inspection_id']} ({row['signer']}, "
            f"{row['role']}) was made before sign-offs carried a device signature, on another "
            "device: it cannot be vouched for here and does not count as a signature.")
