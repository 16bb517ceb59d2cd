"""Who am I, and taking trust back.

`whoami` is what a sender reads out when the receiver compares fingerprints (the trust
dialog asks them to, by phone): this device's id, the name its bundles carry, its role and the
fingerprint of the key that signs them.

`revoke_device` withdraws trust from a device (a lost laptop, a departed inspector): every
later bundle signed by it is refused, even when the importer offers to trust it again, until
the revocation is lifted on purpose. What it sent before stays as data, but its sign-offs no
longer vouch for anything: an inspection whose only valid sign-off that device captured is no
longer signed here (so no longer frozen, and its report is no longer signed digitally), and
the report-signing certificate it delivered no longer makes its reports trusted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.errors import TrustError, ValidationError
from app.security import audit
from app.security.anchors import withdraw_peer_leaf
from app.security.keys import fingerprint, public_key_b64
from app.services.signoff import rederive_captured_by

if TYPE_CHECKING:
    from app.workspace import Workspace


def whoami(ws: Workspace) -> dict:
    """This device as others see it in its bundles."""
    key = public_key_b64(ws.device_key)
    profile = ws.profile
    return {"device_id": profile.device_id, "name": ws.actor, "role": profile.role,
            "organisation": profile.organisation, "fingerprint": fingerprint(key),
            "public_key": key}


def revoke_device(ws: Workspace, device_id: str) -> dict:
    """Refuse every later bundle of `device_id` and stop counting its sign-offs; returns its
    devices row, with `unsigned`: the inspections that were signed and no longer are."""
    store = ws.store
    if device_id == ws.profile.device_id:
        raise ValidationError("This is your own device; it cannot be revoked here.")
    with store.atomic():
        device = store.query("select * from devices where id = ?", [device_id])
        if not device:
            raise ValidationError(f"No device {device_id} has sent a bundle here "
                                  "(see `trust list`).")
        now = store.clock_iso()
        store.update_local("devices", device_id, {"trusted": 0, "revoked_at": now})
        unsigned = rederive_captured_by(ws, device_id)
        audit.append(store, actor=ws.actor, action="device.revoke", entity="devices",
                     entity_id=device_id, detail={"fingerprint": device[0]["fingerprint"],
                                                  "unsigned": unsigned})
    withdraw_peer_leaf(ws.paths.trust_store, device_id)
    return {**device[0], "trusted": 0, "revoked_at": now, "unsigned": unsigned}


def refuse_revoked(ws: Workspace, sender: dict) -> None:
    """Raise for a bundle signed by a revoked device (checked before anything else)."""
    rows = ws.store.query("select name, revoked_at from devices where id = ? and "
                          "revoked_at is not null", [sender.get("device_id")])
    if rows:
        name = rows[0]["name"] or sender.get("device_id")
        raise TrustError(f"Device {name} was revoked on {rows[0]['revoked_at'][:10]}: its "
                         "bundles are refused. Nothing was imported.")
