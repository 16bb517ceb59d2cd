"""The device's Ed25519 key (signs bundles) and the user's signing key and X.509 certificate
(signs PDF reports). Private files are written owner-readable only, atomically.

`cryptography` is imported where a key or certificate is made or read, not with this module:
opening a profile only checks that the device key is there (and its password, when it has
one); `cryptography` with X.509 was a sixth of the time to the window's first painted rows."""

from __future__ import annotations

import base64
import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import PasswordRequiredError, WrongPasswordError

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric import ed25519

DEVICE_KEY = "device_ed25519.pem"
SIGNING_KEY = "signing_key.pem"
SIGNING_CERT = "signing_cert.pem"


def write_private(path: Path, data: bytes) -> None:
    """Write a secret so that no other user can read it, even for an instant."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def _pem_private(key) -> bytes:
    from cryptography.hazmat.primitives import serialization
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


# -- device key ----------------------------------------------------------------------------
def ensure_device_key(keys_dir: Path, password: str | None = None
                      ) -> ed25519.Ed25519PrivateKey:
    path = keys_dir / DEVICE_KEY
    if not path.exists():
        from cryptography.hazmat.primitives.asymmetric import ed25519
        write_private(path, _pem_private(ed25519.Ed25519PrivateKey.generate()))
    return load_private_key(path, password)


def check_device_key(keys_dir: Path, password: str | None = None) -> None:
    """When a profile opens: the device key is made if missing, and a password-protected
    one is opened (a wrong or missing password is refused here, before anything is written);
    a plain key is read when it first signs."""
    path = keys_dir / DEVICE_KEY
    if not path.exists() or key_is_protected(path):
        ensure_device_key(keys_dir, password)


def load_private_key(path: Path, password: str | None):
    """A private key file, encrypted under the profile password or not."""
    from cryptography.hazmat.primitives import serialization
    if not key_is_protected(path):
        return serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not password:
        raise PasswordRequiredError("The keys of this profile are protected by a password: "
                                    "give it (nothing was changed).")
    try:
        return serialization.load_pem_private_key(path.read_bytes(), password=password.encode())
    except ValueError as exc:
        raise WrongPasswordError("The password for this profile's keys is wrong: nothing was "
                                 "changed. Try again.") from exc


def public_key_b64(key: ed25519.Ed25519PrivateKey | ed25519.Ed25519PublicKey) -> str:
    from cryptography.hazmat.primitives import serialization
    public = key.public_key() if hasattr(key, "public_key") else key
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode()


def fingerprint(public_key_b64_text: str) -> str:
    """What a person compares over the phone: SHA-256 of the raw key, in groups of four."""
    import hashlib
    digest = hashlib.sha256(base64.b64decode(public_key_b64_text)).hexdigest()[:32].upper()
    return " ".join(digest[i:i + 4] for i in range(0, len(digest), 4))


# -- signing key and certificate -----------------------------------------------------------
def ensure_signing_identity(keys_dir: Path, name: str, organisation: str,
                            password: str | None = None) -> tuple[Path, Path]:
    """Create (or re-issue for a new name) the user's report-signing key and certificate.

    A password-protected key whose password is not given keeps its certificate as it is; the
    certificate follows the name again the next time the password is given."""
    key_path, cert_path = keys_dir / SIGNING_KEY, keys_dir / SIGNING_CERT
    if not key_path.exists():
        from cryptography.hazmat.primitives.asymmetric import rsa
        write_private(key_path, _pem_private(rsa.generate_private_key(65537, 2048)))
    if cert_path.exists() and certificate_name(cert_path) == name:
        return key_path, cert_path
    if key_is_protected(key_path) and password is None and cert_path.exists():
        return key_path, cert_path
    key = load_signing_key(key_path, password)
    cert = _self_signed(key, name, organisation)
    from cryptography.hazmat.primitives import serialization
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key_path, cert_path


def key_is_protected(key_path: Path) -> bool:
    return b"ENCRYPTED" in key_path.read_bytes()[:64]


def load_signing_key(key_path: Path, password: str | None):
    """The private key, or a PasswordError that says what to do."""
    from cryptography.hazmat.primitives import serialization
    protected = key_is_protected(key_path)
    if protected and not password:
        raise PasswordRequiredError("Your signing key is protected by a password: enter it "
                                    "to sign (nothing was signed).")
    try:
        return serialization.load_pem_private_key(
            key_path.read_bytes(), password=password.encode() if protected else None)
    except ValueError as exc:
        raise WrongPasswordError("The password for your signing key is wrong: nothing was "
                                 "signed. Try again.") from exc


def set_key_password(key_path: Path, old: str | None, new: str | None) -> None:
    """Protect the signing key with `new` (None removes the protection); needs the old one."""
    from cryptography.hazmat.primitives import serialization
    key = load_signing_key(key_path, old)
    if new:
        encryption = serialization.BestAvailableEncryption(new.encode())
    else:
        encryption = serialization.NoEncryption()
    write_private(key_path, key.private_bytes(serialization.Encoding.PEM,
                                              serialization.PrivateFormat.PKCS8, encryption))


def certificate_name(cert_path: Path) -> str:
    from cryptography import x509
    from cryptography.x509.oid import NameOID
    cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return names[0].value if names else ""


def _self_signed(key, name: str, organisation: str):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
    subject = x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, name),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation or "School Inspect"),
    ])
    now = dt.datetime.now(dt.timezone.utc)
    return (x509.CertificateBuilder()
            .subject_name(subject).issuer_name(subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(
                digital_signature=True, content_commitment=True, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=False,
                crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION,
                                                  ExtendedKeyUsageOID.CODE_SIGNING]),
                           critical=False)
            .sign(key, hashes.SHA256()))
