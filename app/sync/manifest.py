"""The bundle manifest: build it, sign it, parse and verify it, exactly as published in
ARCHITECTURE.md ("Sync bundles").

`manifest.json` lists every other file with its size and SHA-256; `manifest.sig` is the base64
text of the Ed25519 signature over the exact bytes of `manifest.json`. Readers ignore keys they
do not know but refuse a `format_version` they do not know.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import uuid
from json.encoder import encode_basestring

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ed25519

from app.domain import limits
from app.errors import BundleError
from app.security.keys import public_key_b64

FORMAT = "school-inspect-bundle"
FORMAT_VERSION = 1
KINDS = ("full", "changes", "assignment")
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
SHA_RE = re.compile(r"^[0-9a-f]{64}$")


def build_manifest(*, bundle_id: str, created_at: str, kind: str, sender: dict,
                   counts: dict[str, int], files: list[dict], extra: dict | None = None) -> bytes:
    """The exact bytes of manifest.json (published keys first, then our additions)."""
    manifest = {"format": FORMAT, "format_version": FORMAT_VERSION, "bundle_id": bundle_id,
                "created_at": created_at, "kind": kind, "sender": sender, "counts": counts,
                "files": files, **(extra or {})}
    return _dumps(manifest).encode("utf-8")


def _dumps(manifest: dict) -> str:
    """`json.dumps(manifest, ensure_ascii=False, indent=1)`, character for character, with
    the file list (one entry per evidence file: thousands) written without the encoder,
    which is pure Python once it indents. Anything but the usual entries is left to it."""
    listed = _files_text(manifest["files"])
    mark = f'"{uuid.uuid4().hex}"'
    text = json.dumps({**manifest, "files": mark[1:-1]}, ensure_ascii=False, indent=1)
    if listed is None or text.count(mark) != 1:
        return json.dumps(manifest, ensure_ascii=False, indent=1)
    return text.replace(mark, listed)


_ENTRY = '  {{\n   "path": {},\n   "size": {},\n   "sha256": {}\n  }}'


def _files_text(files) -> str | None:
    """The indented JSON of a list of {"path": text, "size": int, "sha256": text} (keys in
    that order) as `json.dumps(..., indent=1)` writes it two levels deep; None otherwise."""
    if not isinstance(files, list):
        return None
    if not files:
        return "[]"
    if not all(type(e) is dict and list(e) == ["path", "size", "sha256"]
               and type(e["path"]) is str and type(e["size"]) is int
               and type(e["sha256"]) is str for e in files):
        return None
    quote = encode_basestring     # the encoder's own for ensure_ascii=False
    return "[\n" + ",\n".join(_ENTRY.format(quote(e["path"]), int.__repr__(e["size"]),
                                            quote(e["sha256"])) for e in files) + "\n ]"


def sign(manifest_bytes: bytes, key: ed25519.Ed25519PrivateKey) -> bytes:
    return base64.b64encode(key.sign(manifest_bytes))


def sender_of(device_id: str, name: str, key: ed25519.Ed25519PrivateKey) -> dict:
    return {"device_id": device_id, "name": name, "public_key": public_key_b64(key)}


def parse_manifest(manifest_bytes: bytes) -> dict:
    """Decode and check the shape of manifest.json; BundleError naming what is wrong."""
    manifest = limits.loads(manifest_bytes, "manifest.json", error=BundleError)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BundleError(f"manifest.json: not a School Inspect bundle (format must be "
                          f"{FORMAT!r}).")
    version = manifest.get("format_version")
    if version != FORMAT_VERSION:
        raise BundleError(f"manifest.json: unknown format_version {version!r} (this program "
                          f"reads version {FORMAT_VERSION}); install a newer School Inspect.")
    _check_header(manifest)
    _check_files(manifest.get("files"))
    return manifest


def _check_header(manifest: dict) -> None:
    try:
        uuid.UUID(str(manifest.get("bundle_id")))
    except ValueError:
        raise BundleError("manifest.json: bundle_id is not a UUID.") from None
    if manifest.get("kind") not in KINDS:
        raise BundleError(f"manifest.json: kind must be one of {', '.join(KINDS)}.")
    if not isinstance(manifest.get("created_at"), str):
        raise BundleError("manifest.json: created_at is missing.")
    sender = manifest.get("sender")
    if not isinstance(sender, dict) or not all(isinstance(sender.get(k), str)
                                               for k in ("device_id", "public_key")):
        raise BundleError("manifest.json: sender needs a device_id and a public_key.")
    for key in ("device_id", "public_key", "name"):
        if sender.get(key) is not None:
            limits.check_text(sender[key], f"manifest.json: sender.{key}",
                              "short" if key == "name" else "id", error=BundleError)
    counts = manifest.get("counts")
    if not isinstance(counts, dict) or not all(
            isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in counts.values()):
        raise BundleError("manifest.json: counts must map tables to whole numbers.")


def _check_files(files) -> None:
    if not isinstance(files, list):
        raise BundleError("manifest.json: files must be a list.")
    for entry in files:
        ok = (isinstance(entry, dict) and isinstance(entry.get("path"), str)
              and isinstance(entry.get("size"), int) and not isinstance(entry["size"], bool)
              and entry["size"] >= 0 and SHA_RE.match(str(entry.get("sha256", ""))))
        if not ok:
            raise BundleError(f"manifest.json: a files entry is malformed: {entry!r:.120}.")


def public_key(manifest: dict) -> ed25519.Ed25519PublicKey:
    try:
        raw = base64.b64decode(manifest["sender"]["public_key"], validate=True)
        return ed25519.Ed25519PublicKey.from_public_bytes(raw)
    except (binascii.Error, ValueError) as exc:
        raise BundleError("manifest.json: the sender's public key is not a base64 Ed25519 "
                          "key.") from exc


def verify_signature(manifest_bytes: bytes, signature_text: bytes | None,
                     manifest: dict) -> None:
    """The signature must be the sender key's signature over the exact manifest bytes."""
    if signature_text is None:
        raise BundleError("The bundle has no signature (manifest.sig is missing); it cannot "
                          "be trusted.")
    try:
        signature = base64.b64decode(signature_text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise BundleError("manifest.sig is not base64 text; the signature is damaged.") from None
    try:
        public_key(manifest).verify(signature, manifest_bytes)
    except InvalidSignature:
        raise BundleError("The bundle's signature is wrong: manifest.json was changed after "
                          "signing or signed by another key. Ask the sender for a new "
                          "bundle.") from None
