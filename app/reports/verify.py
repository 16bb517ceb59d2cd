"""Offline verification of a signed report: for every signature its signer, time, whether the
signed bytes are intact and whether the signer is trusted; and whether the content hash the
report carries still matches the inspection in the local database.

What was signed is what counts. The report's identity (report id, inspection id, content
hash) is read from the revision the last signature covers, never from the file's final
document info; every signed revision must carry the same identity. Anything after the last
signature — an unsigned incremental update, however small — is "modified after signing"; the
only change allowed after a signature is a countersignature (a new signature whose earlier
revision is changed by no more than filling a signature field).

Verdicts and `verify-report` exit codes: `intact_trusted` 0; `broken`, `modified_after_signing`
or `unsigned` 1; `untrusted` (intact, but a signer is not in the trust store) 2.

Trusted means: the certificate chains to one of the trust anchors — this profile's own
signing certificate or a certificate the user added with `trust add` — or it is exactly the
leaf certificate a trusted device delivered in its bundle (never a certificate that leaf
issued: peers never add roots; see app/security/anchors.py).
"""

from __future__ import annotations

import io
import logging
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from app.errors import TrustError, ValidationError
from app.reports.canvas import INFO_PREFIX
from app.security import anchors, roles

INSPECTION_KEY = f"/{INFO_PREFIX}InspectionId"
HASH_KEY = f"/{INFO_PREFIX}ContentSha256"
REPORT_KEY = f"/{INFO_PREFIX}ReportId"


@dataclass
class SignatureCheck:
    field: str
    signer: str
    signed_at: str | None
    intact: bool
    trusted: bool
    covers_whole_file: bool
    modification: str
    problem: str = ""


VERDICT_EXIT = {"intact_trusted": 0, "broken": 1, "modified_after_signing": 1, "unsigned": 1,
                "untrusted": 2}
# What a signature's later revisions may do: nothing, add validation data, or fill a
# (signature) field — i.e. a countersignature.
ALLOWED_LATER = ("NONE", "LTA_UPDATES", "FORM_FILLING")


@dataclass
class ReportCheck:
    path: str
    report_id: str | None
    inspection_id: str | None
    content_sha256: str | None
    content: str  # "match" | "mismatch" | "not_in_database" | "unknown"
    signatures: list[SignatureCheck] = field(default_factory=list)
    modified_after_signing: str = ""   # what changed after signing, or ""

    @property
    def broken(self) -> bool:
        return any(not s.intact for s in self.signatures)

    @property
    def verdict(self) -> str:
        if not self.signatures:
            return "unsigned"
        if self.broken:
            return "broken"
        if self.modified_after_signing:
            return "modified_after_signing"
        if not all(s.trusted for s in self.signatures):
            return "untrusted"
        return "intact_trusted"

    @property
    def exit_code(self) -> int:
        return VERDICT_EXIT[self.verdict]

    def as_dict(self) -> dict:
        return {**asdict(self), "broken": self.broken, "verdict": self.verdict,
                "exit_code": self.exit_code}


def trust_roots(ws) -> list:
    """This profile's own certificate and the roots the user added (`trust add`). Leaf
    certificates delivered by peers are not roots: see `app.security.anchors`."""
    roots = [load_cert_from_pemder(str(ws.signing_identity()[1]))]
    for pem in anchors.root_files(ws.paths.trust_store):
        try:
            roots.append(load_cert_from_pemder(str(pem)))
        except Exception:  # noqa: BLE001 - a bad file in the store must not stop checking
            continue
    return roots


def verify_report(ws, path: Path | str) -> ReportCheck:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    return verify_bytes(ws, data, name=str(path))


def verify_bytes(ws, data: bytes, *, name: str = "report") -> ReportCheck:
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = reader.embedded_signatures
    except Exception as exc:  # noqa: BLE001 - any parse failure means a damaged file
        raise ValidationError(f"{name} is not a readable PDF (damaged or not a PDF: {exc}).")
    identities = [_signed_info(reader, sig.signed_revision) for sig in signatures]
    info = identities[-1] if signatures else _signed_info(reader, None)
    context = ValidationContext(trust_roots=trust_roots(ws), allow_fetching=False)
    peers = anchors.peer_leaf_fingerprints(ws.paths.trust_store)
    check = ReportCheck(path=name, report_id=info.get(REPORT_KEY),
                        inspection_id=info.get(INSPECTION_KEY),
                        content_sha256=info.get(HASH_KEY), content="unknown",
                        signatures=[_check(sig, context, peers) for sig in signatures])
    check.modified_after_signing = _after_signing(check.signatures, identities)
    check.content = _content_state(ws, check.inspection_id, check.content_sha256)
    return check


def _signed_info(reader: PdfFileReader, revision: int | None) -> dict:
    """Our document-info keys as the given signed revision holds them (None: as the file
    has them, for an unsigned PDF). Every reference is resolved in that revision: an
    indirect object's own `get_object()` would read the newest version of it instead."""
    resolver = reader.get_historical_resolver(revision) if revision is not None else reader
    try:
        info = _resolved(resolver, resolver.trailer_view.raw_get("/Info"))
        return {k: str(_resolved(resolver, info.raw_get(k)))
                for k in (INSPECTION_KEY, HASH_KEY, REPORT_KEY) if k in info}
    except Exception:  # noqa: BLE001 - no info dictionary: a foreign or damaged PDF
        return {}


def _resolved(resolver, value):
    if isinstance(value, generic.IndirectObject):
        return resolver.get_object(value.reference)
    return value


def _after_signing(checks: list[SignatureCheck], identities: list[dict]) -> str:
    """What changed after signing, in words ("" when nothing but countersignatures)."""
    if not checks:
        return ""
    if not checks[-1].covers_whole_file:
        return (f"the file was changed after the last signature ({checks[-1].field}): "
                "bytes were added that no signature covers")
    for earlier in checks[:-1]:
        if earlier.modification.upper() not in ALLOWED_LATER:
            return (f"after {earlier.field} the document was changed beyond adding a "
                    f"countersignature ({earlier.modification})")
    if any(identity != identities[0] for identity in identities[1:]):
        return ("the report id, inspection id or content hash differs between signed "
                "revisions")
    return ""


def _check(signature, context, peers: set[str]) -> SignatureCheck:
    name = signature.field_name or "?"
    try:
        with _quiet_pyhanko():
            status = validate_pdf_signature(signature, context)
    except Exception as exc:  # noqa: BLE001 - a malformed signature is a broken one
        return SignatureCheck(name, _signer(signature), None, False, False, False, "unknown",
                              problem=f"cannot be validated: {exc}")
    when = status.signer_reported_dt
    # A peer's own leaf is trusted as itself only, never as the issuer of another certificate.
    trusted = bool(status.trusted) or status.signing_cert.sha256.hex() in peers
    problem = "" if status.intact and status.valid else "the signed bytes were changed"
    if not problem and status.docmdp_ok is False:
        problem = "the document was changed after signing beyond what signing permits"
    if not problem and not trusted:
        problem = "the signer's certificate is not in the trust store"
    return SignatureCheck(
        field=name, signer=_common_name(status.signing_cert),
        intact=bool(status.intact and status.valid and status.docmdp_ok is not False),
        signed_at=when.isoformat() if when else None, trusted=trusted,
        covers_whole_file=status.coverage.name == "ENTIRE_FILE",
        modification=status.modification_level.name.lower() if status.modification_level
        else "unknown", problem=problem)


class _quiet_pyhanko:
    """pyHanko logs an untrusted signer as an error with a traceback; the result already
    says so, so keep that out of the user's terminal while validating."""

    names = ("pyhanko", "pyhanko_certvalidator")

    def __enter__(self):
        self.levels = [logging.getLogger(n).level for n in self.names]
        for name in self.names:
            logging.getLogger(name).setLevel(logging.CRITICAL)

    def __exit__(self, *exc):
        for name, level in zip(self.names, self.levels):
            logging.getLogger(name).setLevel(level)


def _signer(signature) -> str:
    try:
        return _common_name(signature.signer_cert)
    except Exception:  # noqa: BLE001
        return "?"


def _common_name(cert) -> str:
    names = cert.subject.native
    return names.get("common_name") or cert.subject.human_friendly


def _content_state(ws, inspection_id: str | None, digest: str | None) -> str:
    if not inspection_id or not digest:
        return "unknown"
    row = ws.store.get("inspections", inspection_id)
    school = (row or {}).get("school_id")
    visible = roles.visible_schools(ws)
    if row is None or (visible is not None and school not in visible):
        return "not_in_database"            # a principal holds (reads) their own school only
    from app.services.signoff import content_sha256
    return "match" if content_sha256(ws, inspection_id) == digest else "mismatch"


def import_certificate(ws, pem_path: Path | str) -> Path:
    """Copy a signer's certificate into the trust store; returns where it went."""
    pem_path = Path(pem_path)
    try:
        cert = load_cert_from_pemder(str(pem_path))
    except Exception as exc:  # noqa: BLE001 - wrong format, unreadable…
        raise TrustError(f"{pem_path.name} is not a readable X.509 certificate (PEM or DER): "
                         f"{exc}.") from exc
    target = ws.paths.trust_store / f"{cert.sha256.hex()[:16]}.pem"
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding
    target.write_bytes(x509.load_der_x509_certificate(cert.dump()).public_bytes(Encoding.PEM))
    return target


def trusted_certificates(ws) -> list[dict]:
    """The trust store's certificates: file name and subject."""
    rows = []
    for pem in sorted(ws.paths.trust_store.glob("*.pem")):
        try:
            subject = load_cert_from_pemder(str(pem)).subject.human_friendly
        except Exception:  # noqa: BLE001 - listed, but marked unreadable
            subject = "(unreadable)"
        rows.append({"file": pem.name, "subject": subject})
    return rows
