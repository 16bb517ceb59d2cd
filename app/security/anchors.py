"""Trust anchors for verifying reports, chosen by the user.

- `trust/*.pem`: certificates the user added with `trust add` (an inspector's, or the
  district office's CA). Only these may be roots.
- `trust/peers/<device id>.pem`: the report-signing certificate a trusted device delivered
  in its own bundle. Accepted only as a leaf (basicConstraints CA false, key usage for
  signatures, no certificate signing, subject = the sender's name) and used only as itself:
  a certificate that a peer-delivered certificate issued is never trusted through it.
- Files named by a 64-hex SHA-256 directly in `trust/` were written by older versions from
  bundles; they count only if they pass the leaf rule too.
"""

from __future__ import annotations

import re
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.x509.oid import NameOID

PEERS = "peers"
LEGACY_PEER = re.compile(r"^[0-9a-f]{64}\.pem$")


def leaf_problem(pem: bytes, sender_name: str) -> str | None:
    """Why `pem` is not an acceptable peer leaf certificate for `sender_name`, or None."""
    try:
        cert = x509.load_pem_x509_certificate(pem)
    except ValueError:
        return "not a readable PEM certificate."
    try:
        basic = cert.extensions.get_extension_for_class(x509.BasicConstraints).value
    except x509.ExtensionNotFound:
        return "it does not say it is not a CA (no basicConstraints)."
    if basic.ca:
        return "it is a CA certificate."
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return "it has no key usage."
    if usage.key_cert_sign or usage.crl_sign or not (usage.digital_signature
                                                     or usage.content_commitment):
        return "its key usage is not for signing documents."
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    subject = names[0].value if names else ""
    if not sender_name or subject != sender_name:
        return f"its subject ({subject!r:.80}) is not the sender ({sender_name!r:.80})."
    return None


def install_peer_leaf(trust_store: Path, device_id: str, pem: bytes) -> Path:
    """Keep a trusted device's leaf certificate as that device's (replacing an older one)."""
    folder = trust_store / PEERS
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{_safe(device_id)}.pem"
    tmp = target.with_suffix(".tmp")
    tmp.write_bytes(pem)
    tmp.replace(target)
    return target


def withdraw_peer_leaf(trust_store: Path, device_id: str) -> Path | None:
    """A revoked device's certificate stops vouching for reports: it is kept beside the
    others as `<device id>.pem.revoked` (for the record), no longer read as a leaf."""
    source = trust_store / PEERS / f"{_safe(device_id)}.pem"
    if not source.exists():
        return None
    target = source.with_name(source.name + ".revoked")
    source.replace(target)
    return target


def _safe(device_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", device_id)[:80] or "device"


def root_files(trust_store: Path) -> list[Path]:
    """Certificates the user chose as roots (`trust add`); not the ones peers delivered."""
    return [p for p in sorted(trust_store.glob("*.pem")) if not LEGACY_PEER.match(p.name)]


def peer_leaf_files(trust_store: Path) -> list[Path]:
    """Peer-delivered certificates that pass the leaf rule (the file name binds the device;
    files of older versions are judged by their own subject)."""
    files = sorted((trust_store / PEERS).glob("*.pem"))
    files += [p for p in sorted(trust_store.glob("*.pem")) if LEGACY_PEER.match(p.name)]
    return [p for p in files if _is_leaf(p)]


def peer_leaf_fingerprints(trust_store: Path) -> set[str]:
    """SHA-256 of the DER of each acceptable peer leaf: a signer is trusted through one of
    these only when it IS that certificate, never when that certificate issued it."""
    found = set()
    for path in peer_leaf_files(trust_store):
        cert = x509.load_pem_x509_certificate(path.read_bytes())
        found.add(cert.fingerprint(hashes.SHA256()).hex())
    return found


def _is_leaf(path: Path) -> bool:
    try:
        problem = leaf_problem(path.read_bytes(), _subject(path))
    except OSError:
        return False
    return problem is None


def _subject(path: Path) -> str:
    try:
        cert = x509.load_pem_x509_certificate(path.read_bytes())
    except ValueError:
        return ""
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return names[0].value if names else ""
