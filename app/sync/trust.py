"""Which devices' bundles we accept: the `devices` table.

A sender key seen for the first time must be confirmed by a person (the UI shows its
fingerprint; the CLI takes `--trust`); a known device presenting a different key is refused,
because that is what a forged bundle would look like.
"""

from __future__ import annotations

from app.errors import TrustError
from app.security.keys import fingerprint, public_key_b64
from app.sync.device_roles import describe_declared, on_trust
from app.sync.revocation import refuse_revoked


class UnknownSignerError(TrustError):
    """A first-time sender: the user may confirm it after comparing the fingerprint."""

    def __init__(self, message: str, *, device_id: str, name: str, fingerprint: str):
        super().__init__(message)
        self.device_id, self.name, self.fingerprint = device_id, name, fingerprint


def check_sender(ws, sender: dict, *, trust: bool) -> dict | None:
    """Raise unless the sender may be imported; returns the device row to record (or None
    when nothing needs recording, e.g. our own key)."""
    refuse_revoked(ws, sender)  # a revoked device stays refused, --trust or not
    key = sender["public_key"]
    shown = fingerprint(key)
    if key == public_key_b64(ws.device_key) and sender["device_id"] == ws.profile.device_id:
        return None
    known = ws.store.get("devices", sender["device_id"])
    if known and known["public_key"] != key:
        raise TrustError(
            f"Device {sender.get('name') or sender['device_id']} presents a different key "
            f"(fingerprint {shown}) from the one trusted before ({known['fingerprint']}). "
            "The bundle may be forged; it was refused.")
    if known and known["trusted"]:
        return on_trust(ws, {**known, "name": sender.get("name") or known["name"]}, sender,
                        first_time=False)
    if not trust:
        raise UnknownSignerError(
            f"The bundle is signed by a device not seen before: {sender.get('name') or '?'} "
            f"with key fingerprint {shown}, declaring itself {describe_declared(sender)}. "
            "Compare the fingerprint and role with the sender, then import again confirming "
            "it (--trust on the command line).",
            device_id=sender["device_id"], name=sender.get("name") or "", fingerprint=shown)
    return on_trust(ws, {"id": sender["device_id"], "name": sender.get("name") or "",
                         "public_key": key, "fingerprint": shown, "trusted": 1,
                         "first_seen": None, "last_seen": None}, sender, first_time=True)


def record_sender(ws, device: dict | None, now: str) -> None:
    """Inside the import transaction: remember the device and when it was seen."""
    if device is None:
        return
    row = {**device, "first_seen": device.get("first_seen") or now, "last_seen": now}
    ws.store.put_local("devices", row, replace=True)


def list_devices(ws) -> list[dict]:
    return ws.store.query("select * from devices order by last_seen desc")
