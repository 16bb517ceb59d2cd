"""Confidential data in transit: each device's X25519 encryption key, and sealing bytes to a
set of recipients (X25519 key agreement + HKDF-SHA256 + ChaCha20-Poly1305, from
`cryptography`).

A sealed envelope is JSON: the content, encrypted once under a random 256-bit key, and that key
wrapped for every recipient under a key derived from an ephemeral X25519 exchange with the
recipient's published public key. The associated data binds the envelope to its bundle and
name, so an envelope cannot be moved into another bundle or swapped for another.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import x25519
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.errors import BundleError
from app.security.keys import write_private

ENCRYPTION_KEY = "device_x25519.pem"
WRAP_INFO = b"school-inspect bundle key wrap v1"


def ensure_encryption_key(keys_dir: Path, password: str | None = None) -> x25519.X25519PrivateKey:
    path = keys_dir / ENCRYPTION_KEY
    if not path.exists():
        key = x25519.X25519PrivateKey.generate()
        write_private(path, key.private_bytes(serialization.Encoding.PEM,
                                              serialization.PrivateFormat.PKCS8,
                                              serialization.NoEncryption()))
    from app.security.keys import load_private_key
    return load_private_key(path, password)


def _raw(public: x25519.X25519PublicKey) -> bytes:
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def encryption_public_b64(ws) -> str:
    key = ensure_encryption_key(ws.paths.keys, ws.key_password)
    return base64.b64encode(_raw(key.public_key())).decode()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _unb64(text, what: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError, TypeError):
        raise BundleError(f"{what}: not base64.") from None


def _wrap_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=ephemeral + recipient, info=WRAP_INFO).derive(shared)


def seal(plaintext: bytes, recipients: dict[str, str], aad: bytes) -> bytes:
    """Encrypt `plaintext` to every recipient {device_id: base64 X25519 public key}."""
    content_key = ChaCha20Poly1305.generate_key()
    nonce = os.urandom(12)
    wrapped = {}
    for device_id, public_b64 in sorted(recipients.items()):
        recipient = base64.b64decode(public_b64)
        ephemeral = x25519.X25519PrivateKey.generate()
        eph_raw = _raw(ephemeral.public_key())
        shared = ephemeral.exchange(x25519.X25519PublicKey.from_public_bytes(recipient))
        wrap_nonce = os.urandom(12)
        sealed_key = ChaCha20Poly1305(_wrap_key(shared, eph_raw, recipient)).encrypt(
            wrap_nonce, content_key, aad)
        wrapped[device_id] = {"ephemeral": _b64(eph_raw), "nonce": _b64(wrap_nonce),
                              "key": _b64(sealed_key)}
    body = ChaCha20Poly1305(content_key).encrypt(nonce, plaintext, aad)
    return json.dumps({"alg": "X25519-HKDF-SHA256-ChaCha20Poly1305", "recipients": wrapped,
                       "nonce": _b64(nonce), "ciphertext": _b64(body)}).encode()


def recipients_of(envelope: bytes, name: str) -> list[str]:
    return sorted(_parse(envelope, name)["recipients"])


def _parse(envelope: bytes, name: str) -> dict:
    try:
        data = json.loads(envelope.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BundleError(f"{name}: not a sealed envelope.") from None
    if not isinstance(data, dict) or not isinstance(data.get("recipients"), dict):
        raise BundleError(f"{name}: not a sealed envelope.")
    return data


def open_sealed(envelope: bytes, device_id: str, key: x25519.X25519PrivateKey, aad: bytes,
                name: str) -> bytes | None:
    """The plaintext, or None when this device is not a recipient. A recipient whose entry
    does not decrypt gets a BundleError: the envelope was changed."""
    data = _parse(envelope, name)
    entry = data["recipients"].get(device_id)
    if entry is None:
        return None
    try:
        eph = _unb64(entry["ephemeral"], name)
        own = _raw(key.public_key())
        shared = key.exchange(x25519.X25519PublicKey.from_public_bytes(eph))
        content_key = ChaCha20Poly1305(_wrap_key(shared, eph, own)).decrypt(
            _unb64(entry["nonce"], name), _unb64(entry["key"], name), aad)
        return ChaCha20Poly1305(content_key).decrypt(_unb64(data["nonce"], name),
                                                     _unb64(data["ciphertext"], name), aad)
    except (InvalidTag, KeyError, TypeError, ValueError):
        raise BundleError(f"{name}: the confidential records addressed to this device do not "
                          "decrypt; the bundle was changed or damaged.") from None
