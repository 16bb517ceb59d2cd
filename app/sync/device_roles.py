"""Roles travel with trust: the role and school scope recorded for each device, and the
office's signed role records that carry changes to other devices (docs/ROLES.md).

- A bundle declares its sender's role, schools and encryption key (`declaration`).
- Confirming a first-time sender records what it declares — unless a valid office record about
  it is already here, which wins (`on_trust`). Later declarations change nothing.
- `set_role` (admin only) writes a record signed with the office device's Ed25519 key; every
  bundle carries the records this device holds (`roles.json`), so others relay them too.
- `apply_records` (inside the import transaction) accepts a record only when its issuer is a
  device recorded here as admin with that very key, its signature is valid, and it is newer
  than what is recorded.
"""

from __future__ import annotations

import base64
import binascii
import json

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ed25519

from app.domain.templates import canonical_json
from app.errors import BundleError, NotFoundError, ValidationError
from app.security import audit, roles
from app.security.keys import fingerprint, public_key_b64
from app.security.profile import check_school_id
from app.services.changes import Changes

ROLES_FILE = "roles.json"
RECORD_KEYS = ("device_id", "role", "schools", "issuer_id", "issuer_key", "issued_rev",
               "signature")
MAX_RECORDS = 10_000


def declaration(ws) -> dict:
    """What this device says about itself in every bundle's manifest."""
    from app.security.sealing import encryption_public_b64
    return {"role": ws.profile.role, "schools": list(ws.profile.schools or []),
            "encryption_key": encryption_public_b64(ws)}


def on_trust(ws, row: dict, sender: dict, *, first_time: bool) -> dict:
    """The device row to record: role and scope on first trust, the encryption key always
    (it is vouched for by the same signed manifest)."""
    row = {**row}
    key = sender.get("encryption_key")
    if _is_key(key):
        row["encryption_key"] = key
    if first_time or row.get("role") is None:
        record = _stored_record(ws, row["id"])
        if record is not None:
            row.update(role=record["role"], schools=record["schools"],
                       role_source=f"admin:{record['issuer_id']}",
                       role_rev=record["issued_rev"])
        elif first_time:
            role, schools = _declared(sender)
            row.update(role=role, schools=json.dumps(schools), role_source="confirmed",
                       role_rev=None)
    return row


def _declared(sender: dict) -> tuple[str, list[str]]:
    role = sender.get("role") if sender.get("role") in roles.ROLES else "inspector"
    schools = sender.get("schools") if isinstance(sender.get("schools"), list) else []
    clean = []
    for school in schools[:100]:
        try:
            check_school_id(school)
        except ValidationError:
            continue
        clean.append(school)
    return role, sorted(set(clean)) if role == "principal" else []


def _is_key(text) -> bool:
    try:
        return isinstance(text, str) and len(base64.b64decode(text, validate=True)) == 32
    except (binascii.Error, ValueError):
        return False


def _stored_record(ws, device_id: str) -> dict | None:
    rows = ws.store.query("select * from role_records where device_id = ?", [device_id])
    return rows[0] if rows else None


# -- the office's records --------------------------------------------------------------------
def _payload(record: dict) -> bytes:
    return canonical_json({k: record[k] for k in RECORD_KEYS if k != "signature"}).encode()


def set_role(ws, device_id: str, role: str, schools: list[str] | None = None) -> Changes:
    """Record another device's role and scope, signed by this (office) device."""
    roles.require(ws, "trust.set_role")
    if role not in roles.ROLES:
        raise ValidationError(f"role: must be one of {', '.join(roles.ROLES)}.")
    schools = sorted(set(schools or []))
    for school in schools:
        check_school_id(school)
    if role == "principal" and not schools:
        raise ValidationError("A principal is bound to their school(s): give --school ID.")
    if role != "principal" and schools:
        raise ValidationError("--school binds a principal to their schools; this role has none.")
    device = ws.store.get("devices", device_id)
    if device is None:
        raise NotFoundError(f"No trusted device {device_id}; `trust list` shows the known ones.")
    with ws.store.atomic():
        record = {"device_id": device_id, "role": role, "schools": json.dumps(schools),
                  "issuer_id": ws.profile.device_id,
                  "issuer_key": public_key_b64(ws.device_key),
                  "issued_rev": _tick(ws.store)}
        record["signature"] = base64.b64encode(ws.device_key.sign(_payload(record))).decode()
        _store(ws, record)
        audit.append(ws.store, actor=ws.actor, action="device.set_role", entity="devices",
                     entity_id=device_id, detail={"role": role, "schools": schools})
    return Changes.of("devices", device_id)


def _tick(store) -> str:
    return store.next_rev()


def _store(ws, record: dict) -> None:
    ws.store.put_local("role_records", record, replace=True)
    if not ws.store.query("select 1 from devices where id = ?", [record["device_id"]]):
        return                      # a device not met here yet: its record waits in role_records
    ws.store.update_local("devices", record["device_id"], {
        "role": record["role"], "schools": record["schools"],
        "role_source": f"admin:{record['issuer_id']}", "role_rev": record["issued_rev"]})


def export_records(ws) -> bytes | None:
    rows = ws.store.query("select * from role_records order by device_id")
    if not rows:
        return None
    return json.dumps([{k: r[k] for k in RECORD_KEYS} for r in rows],
                      ensure_ascii=False, sort_keys=True).encode()


def apply_records(ws, data: bytes | None) -> int:
    """Inside the import transaction: apply the office's valid, newer records; returns how
    many changed something."""
    if data is None:
        return 0
    applied = 0
    for record in _parse(data):
        if _issuer_ok(ws, record) and _newer(ws, record):
            _store(ws, record)
            applied += 1
    return applied


def _parse(data: bytes) -> list[dict]:
    try:
        records = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BundleError(f"{ROLES_FILE}: not valid JSON.") from None
    if not isinstance(records, list) or len(records) > MAX_RECORDS:
        raise BundleError(f"{ROLES_FILE}: must be a list of role records.")
    for record in records:
        if not isinstance(record, dict) or set(record) != set(RECORD_KEYS) or \
                not all(isinstance(record[k], str) for k in RECORD_KEYS) or \
                record["role"] not in roles.ROLES:
            raise BundleError(f"{ROLES_FILE}: a role record is malformed: {record!r:.120}.")
    return records


def _issuer_ok(ws, record: dict) -> bool:
    """Only a device recorded here as the office, with the very key that signed, counts."""
    issuer = ws.store.get("devices", record["issuer_id"])
    own = record["issuer_id"] == ws.profile.device_id and ws.profile.role == "admin" and \
        record["issuer_key"] == public_key_b64(ws.device_key)
    recorded_admin = issuer is not None and issuer.get("trusted") and \
        issuer.get("role") == "admin" and issuer["public_key"] == record["issuer_key"]
    if not (own or recorded_admin):
        return False
    try:
        key = ed25519.Ed25519PublicKey.from_public_bytes(base64.b64decode(record["issuer_key"]))
        key.verify(base64.b64decode(record["signature"], validate=True), _payload(record))
    except (InvalidSignature, binascii.Error, ValueError):
        raise BundleError(f"{ROLES_FILE}: the role record for device {record['device_id']} "
                          "does not carry a valid signature of its issuer; refused.") from None
    return True


def _newer(ws, record: dict) -> bool:
    held = _stored_record(ws, record["device_id"])
    return held is None or record["issued_rev"] > held["issued_rev"]


def list_devices(ws) -> list[dict]:
    """Known devices with their recorded role and scope, for `trust list`."""
    rows = ws.store.query("select * from devices order by name, id")
    return [{"device_id": r["id"], "name": r["name"], "fingerprint": r["fingerprint"],
             "trusted": bool(r["trusted"]), "role": r.get("role"),
             "schools": json.loads(r.get("schools") or "[]"),
             "role_source": r.get("role_source") or "not recorded",
             "encryption_key": bool(r.get("encryption_key")),
             "first_seen": r["first_seen"], "last_seen": r["last_seen"]} for r in rows]


def describe_declared(sender: dict) -> str:
    role, schools = _declared(sender)
    return role + (f" of school(s) {', '.join(schools)}" if schools else "") + \
        f", key fingerprint {fingerprint(sender['public_key'])}"
