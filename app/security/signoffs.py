"""Sign-off rows that prove themselves: each one carries the Ed25519 signature of the device
that captured it.

Canonical bytes (version 1), published so that other tools can check a sign-off:

    b"school-inspect-signoff-v1\\n" + UTF-8 of
    json.dumps({"captured_by", "content_sha256", "id", "image_sha256", "inspection_id",
                "role", "signed_at", "signer"}, sort_keys=True, separators=(",", ":"),
               ensure_ascii=False)

`captured_by` is the capturing device's id; missing values are JSON null. `device_sig` holds
the base64 text of the 64-byte signature. The key that checks it is that device's key as
this device trusts it: our own key for our rows, the bundle sender's key for the sender's own
rows, or the key of a device recorded as trusted. No key → the row is "unverified": kept,
but it never makes an inspection signed.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ed25519

from app.domain.templates import canonical_json
from app.security.keys import public_key_b64

DOMAIN = b"school-inspect-signoff-v1\n"
SIGNED_FIELDS = ("captured_by", "content_sha256", "id", "image_sha256", "inspection_id",
                 "role", "signed_at", "signer")


def canonical_bytes(row: dict) -> bytes:
    """The exact bytes a sign-off's device signature covers."""
    fields = {k: row.get(k) for k in SIGNED_FIELDS}
    return DOMAIN + json.dumps(fields, sort_keys=True, separators=(",", ":"),
                               ensure_ascii=False).encode("utf-8")


def sign_row(row: dict, key: ed25519.Ed25519PrivateKey) -> str:
    return base64.b64encode(key.sign(canonical_bytes(row))).decode()


def verify_row(row: dict, public_key_text: str) -> bool:
    """True when `device_sig` is the given key's signature over the row's canonical bytes."""
    try:
        message = canonical_bytes(row)
    except (TypeError, ValueError):       # a value JSON cannot hold: not a valid sign-off
        return False
    known = (public_key_text, row.get("device_sig"), message)
    try:
        verdict = _VERDICTS.get(known)
    except TypeError:           # not text: judged (and refused) below, not remembered
        verdict, known = None, None
    if verdict is None:
        verdict = _verify(row.get("device_sig"), public_key_text, message)
        if known is not None:
            if len(_VERDICTS) >= _MAX_VERDICTS:
                _VERDICTS.clear()
            _VERDICTS[known] = verdict
    return verdict


# (key, signature, exact signed bytes) -> verdict: the same sign-off is checked when its
# bundle is verified and again when the import derives the signed state; a verdict on the
# same three never changes.
_VERDICTS: dict[tuple, bool] = {}
_MAX_VERDICTS = 4096


def _verify(device_sig, public_key_text: str, message: bytes) -> bool:
    try:
        signature = base64.b64decode(device_sig or "", validate=True)
        key = ed25519.Ed25519PublicKey.from_public_bytes(
            base64.b64decode(public_key_text, validate=True))
        key.verify(signature, message)
        return True
    except (InvalidSignature, binascii.Error, ValueError, TypeError):
        return False


class DeviceKeys:
    """Which key checks a sign-off captured by a device, as this device trusts it."""

    def __init__(self, store, own_device: str, own_key, sender: dict | None = None):
        self._keys = {own_device: public_key_b64(own_key)}
        for row in store.query("select id, public_key from devices where trusted = 1"):
            self._keys.setdefault(row["id"], row["public_key"])
        if sender is not None:
            # The bundle's own signature was checked with this key: it speaks for its rows.
            self._keys.setdefault(sender["device_id"], sender["public_key"])

    @classmethod
    def of(cls, ws, sender: dict | None = None) -> "DeviceKeys":
        return cls(ws.store, ws.profile.device_id, ws.device_key, sender)

    def key(self, device_id: str | None) -> str | None:
        return self._keys.get(device_id) if device_id else None

    def valid(self, row: dict) -> bool:
        key = self.key(row.get("captured_by"))
        return key is not None and verify_row(row, key)


# -- what a sign-off vouches for, and the derived fact ------------------------------------
CONTENT_FIELDS = ("id", "template_id", "school_id", "teacher_id", "mode", "visit_date",
                  "inspectors", "summary", "self_assessment_id", "follow_up_of")
# From the first amendment on, the amendment is part of the content: a signature made before
# it never vouches for the amended inspection, even if the answers end up the same again.
AMENDMENT_FIELDS = ("amendment", "amendment_reason")
# Whose sign-off makes an inspection signed, by mode: the author of the record.
AUTHOR_ROLES = {"inspection": ("inspector",), "self_assessment": ("principal",)}


# What a signed report shows about whom it is about: a snapshot taken when the inspection is
# completed or signed (`inspections.subject`), so a later rename of the school or teacher, or
# a later change to the verified self-assessment — here or by a peer — neither changes the
# signed report nor unsigns it. Inspections signed before the snapshot existed have none;
# their report reads the current records, as before.
SUBJECT_SCHOOL = ("name", "name_en", "district", "code", "address", "principal")


def subject_now(store, row: dict) -> str:
    """The snapshot of the inspection's school (and teacher, and the answers of the
    self-assessment it verifies, which its report prints beside its own) as they are now."""
    teacher = store.get("teachers", row["teacher_id"]) if row.get("teacher_id") else None
    own = store.get("inspections", row["self_assessment_id"]) \
        if row.get("self_assessment_id") else None
    answers = {r["item_key"]: json.loads(r["value"]) for r in store.query(
        "select item_key, value from responses where inspection_id = ? and deleted = 0 and "
        "value is not null", [own["id"]])} if own else {}
    return subject_json(store.get("schools", row["school_id"]), teacher,
                        own and own["visit_date"], answers if own else None)


def subject_json(school: dict | None, teacher: dict | None, own_date: str | None,
                 own_answers: dict | None) -> str:
    """The snapshot's canonical text from the rows it names (None: no self-assessment)."""
    school = school or {}
    own = None if own_answers is None else {"date": own_date, "answers": own_answers}
    return canonical_json({"school": {k: school.get(k) for k in SUBJECT_SCHOOL},
                           "teacher": {"name": teacher.get("name")} if teacher else None,
                           "self_assessment": own})


def subject_of(row: dict) -> dict | None:
    """The stored snapshot, decoded (None for an inspection signed before snapshots)."""
    if not row.get("subject"):
        return None
    return json.loads(row["subject"])


def inspection_content(ws, inspection_id: str) -> dict:
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
    if row.get("subject"):
        own["subject"] = row["subject"]
    return {"inspection": own, "responses": responses, "evidence": evidence,
            "actions": actions}


def content_sha256(ws, inspection_id: str) -> str:
    return hashlib.sha256(canonical_json(inspection_content(ws, inspection_id))
                          .encode()).hexdigest()


def valid_signoffs(ws, inspection_id: str, *, keys: DeviceKeys | None = None,
                   digest: str | None = None, row: dict | None = None) -> list[dict]:
    """Sign-offs of the author's role over the current content whose device signature a
    trusted key confirms, oldest first. `row` is the inspection as the caller just read it
    in the same transaction (the autosave path reads it once, not three times)."""
    row = row or ws.store.require("inspections", inspection_id, "inspection")
    roles = AUTHOR_ROLES.get(row["mode"], ("inspector",))
    rows = [r for r in ws.store.query(
        "select * from signatures where inspection_id = ? and deleted = 0 "
        "order by signed_at, rev", [inspection_id]) if r["role"] in roles]
    if not rows:
        return []
    digest = digest or content_sha256(ws, inspection_id)
    keys = keys or DeviceKeys.of(ws)
    return [r for r in rows if r["content_sha256"] == digest and keys.valid(r)]


def is_signed(ws, inspection_id: str, *, keys: DeviceKeys | None = None,
              row: dict | None = None) -> bool:
    """The fact itself, checked now (not the stored status)."""
    return bool(valid_signoffs(ws, inspection_id, keys=keys, row=row))
