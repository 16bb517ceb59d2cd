"""Signed audit chain heads: checkpoints by this device's key, and witnesses of others'.

A head is (device id, seq, entry hash, time) signed with the device's Ed25519 key. This
device checkpoints its head every `audit.CHECKPOINT_EVERY` entries and at every export; the
latest own head and the latest head witnessed of every other device travel in each bundle's
manifest under the key `audit_heads` (the published manifest allows added keys). A receiver
keeps what it gets in `audit_heads`, so when this device's log is later cut or rewritten,
the heads others hold — and relay back — still show what it was.
"""

from __future__ import annotations

import base64
import binascii

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ed25519

from app.errors import BundleError

MANIFEST_KEY = "audit_heads"
MAX_HEADS = 1_000             # heads one bundle may carry
SENT_PER_BUNDLE = 200
SELF = "self"


HEAD_COLUMNS = ("device_id", "seq", "hash", "at", "signature", "source", "received_at",
                "reason")


def payload(head: dict) -> bytes:
    return (f"school-inspect-audit-head\n{head['device_id']}\n{head['seq']}\n{head['hash']}\n"
            f"{head['at']}").encode()


def checkpoint(store, *, reason: str, head: dict | None = None) -> dict | None:
    """Sign the current chain head (or `head`) with the device key and keep it."""
    if store.audit_signer is None:
        return None
    if head is None:
        rows = store.query("select seq, hash, at from audit_log order by seq desc limit 1")
        if not rows:
            return None
        head = rows[0]
    signed = signed_head(store, head)
    store.append_local("audit_heads", HEAD_COLUMNS,
                       [signed["device_id"], signed["seq"], signed["hash"], signed["at"],
                        signed["signature"], SELF, head["at"], reason], ignore=True)
    return signed


def signed_head(store, head: dict) -> dict:
    """`head` (seq, hash, at) signed with the store's device key (its `audit_signer`)."""
    signed = {"device_id": store.device_id, "seq": head["seq"], "hash": head["hash"],
              "at": head["at"]}
    signed["signature"] = base64.b64encode(store.audit_signer(payload(signed))).decode()
    return signed


def heads_to_send(store) -> list[dict]:
    """This device's newest head and the newest witnessed head of every other device."""
    rows = store.query(
        "select device_id, seq, hash, at, signature from audit_heads h where seq = "
        "(select max(seq) from audit_heads where device_id = h.device_id) "
        "group by device_id order by device_id limit ?", [SENT_PER_BUNDLE])
    return [dict(r) for r in rows]


def heads_in(store, manifest: dict, own_key: str) -> list[dict]:
    """The bundle's heads, each signature checked with the key of the device it names (the
    sender's from the manifest, others' from this profile's trusted devices); heads of
    devices this profile does not know are skipped, a wrong signature refuses the bundle."""
    heads = manifest.get(MANIFEST_KEY, [])
    if not isinstance(heads, list) or len(heads) > MAX_HEADS:
        raise BundleError(f"manifest.json: {MANIFEST_KEY} must be a list of at most "
                          f"{MAX_HEADS} heads.")
    sender = manifest["sender"]
    checked = []
    for head in heads:
        _check_shape(head)
        if head["device_id"] == store.device_id:
            key = own_key           # our own head, relayed back: a witness of our log
        elif head["device_id"] == sender["device_id"]:
            key = sender["public_key"]
        else:
            key = store.scalar("select public_key from devices where id = ? and trusted = 1",
                               [head["device_id"]])
        if key is None:
            continue
        if not verify(head, key):
            raise BundleError(f"manifest.json: the audit head of device "
                              f"{head['device_id'][:12]} at entry {head['seq']} has a wrong "
                              "signature; refused.")
        checked.append(head)
    return checked


def _check_shape(head) -> None:
    ok = (isinstance(head, dict) and isinstance(head.get("device_id"), str)
          and len(head["device_id"]) <= 200 and isinstance(head.get("seq"), int)
          and not isinstance(head["seq"], bool) and head["seq"] > 0
          and all(isinstance(head.get(k), str) and len(head[k]) <= 200
                  for k in ("hash", "at", "signature")))
    if not ok:
        raise BundleError(f"manifest.json: an {MANIFEST_KEY} entry is malformed.")


def verify(head: dict, public_key_b64: str) -> bool:
    try:
        key = ed25519.Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key_b64))
        key.verify(base64.b64decode(head["signature"], validate=True), payload(head))
        return True
    except (InvalidSignature, ValueError, binascii.Error):
        return False


def witness(store, heads: list[dict], source: str, now: str) -> None:
    """Keep the heads a bundle brought (inside the import's transaction)."""
    for head in heads:
        store.append_local("audit_heads", HEAD_COLUMNS,
                           [head["device_id"], head["seq"], head["hash"], head["at"],
                            head["signature"], source, now, "witness"], ignore=True)


def check_heads(store, public_key: ed25519.Ed25519PublicKey) -> list[str]:
    """This device's log against every head of it: own checkpoints and witnessed ones."""
    from app.security.keys import public_key_b64
    own_key = public_key_b64(public_key)
    problems = []
    entries = dict(store.rows("select seq, hash from audit_log"))
    last = max(entries, default=0)
    for head in store.query("select * from audit_heads where device_id = ? order by seq",
                            [store.device_id]):
        where = "a checkpoint" if head["source"] == SELF else \
            f"a head witnessed by {head['source'][:12]}"
        if not verify(head, own_key):
            problems.append(f"{where} at entry {head['seq']} has a wrong signature: the "
                            "checkpoints were forged or altered")
        elif not entries:
            problems.append(f"the log is empty, but {where} signed entry {head['seq']}: the "
                            "log was emptied")
        elif head["seq"] not in entries and head["seq"] > last:
            problems.append(f"the log ends at entry {last}, but {where} signed entry "
                            f"{head['seq']}: the log's tail was cut")
        elif entries.get(head["seq"]) != head["hash"]:
            problems.append(f"entry {head['seq']} differs from {where}: the log was "
                            "rewritten and its hashes recomputed")
    return problems
