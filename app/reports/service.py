"""Reports as use cases: make (and sign) one report, sign an existing one, make many."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.domain.limits import check_date
from app.errors import NotFoundError, ValidationError
from app.reports.labels import labels_for
from app.reports.render import build_report
from app.reports.signing import sign_pdf
from app.security import roles
from app.services import signoff


@dataclass
class MadeReport:
    inspection_id: str
    pdf: bytes
    signed: bool  # carries a cryptographic signature


def resolve_inspection(ws, reference: str) -> str:
    """An inspection id from its full id or a unique prefix of at least 6 characters."""
    if ws.store.get("inspections", reference):
        roles.require_scope_of(ws, "inspections", reference)
        return reference
    if len(reference) >= 6:
        scope, params = roles.read_scope(ws, "school_id")   # never another school's ids
        rows = ws.store.query("select id from inspections where id like ? and deleted = 0"
                              f"{scope}", [reference + "%", *params])
        if len(rows) == 1:
            return rows[0]["id"]
        if len(rows) > 1:
            raise ValidationError(f"{reference!r} matches {len(rows)} inspections: give more "
                                  "of the id.")
    raise NotFoundError(f"No inspection {reference!r} (see `list inspections`).")


def make_report(ws, inspection_id: str, *, lang: str | None = None,
                sign: bool = True) -> MadeReport:
    """The report PDF; a signed inspection's report is also signed digitally by this user.
    A draft (unsigned inspection) is never signed digitally: it is not a record."""
    lang = lang or ws.profile.language
    pdf = build_report(ws, inspection_id, lang)
    row = ws.store.require("inspections", inspection_id, "inspection")
    from app.services.signoff import is_signed
    if not sign or row["status"] != "signed" or not is_signed(ws, inspection_id) \
            or not roles.may_sign_reports(ws):
        return MadeReport(inspection_id, pdf, False)
    return MadeReport(inspection_id, sign_as_user(ws, pdf, inspection_id=inspection_id,
                                                  lang=lang), True)


def sign_as_user(ws, pdf: bytes, *, role: str | None = None, inspection_id: str | None = None,
                 lang: str | None = None) -> bytes:
    """Sign `pdf` with this profile's key and certificate (a countersignature when the PDF is
    already signed)."""
    # Without a user name the certificate carries the device name (`init --name` sets one).
    role = role or ws.profile.role or "inspector"
    roles.require_report_role(ws, role)
    key, cert = ws.signing_identity()
    labels = labels_for(lang or ws.profile.language)
    return sign_pdf(pdf, key, cert, signer_name=ws.actor, role=role,
                    role_label=labels.get(f"role_{role}", role),
                    reason=f"{labels.get(f'role_{role}', role)} {ws.actor}",
                    drawn_signature=_drawn(ws, inspection_id),
                    key_password=ws.key_password)


def _drawn(ws, inspection_id: str | None) -> bytes | None:
    """This user's drawn signature on the inspection, shown in the signature field."""
    if not inspection_id:
        return None
    for signature in signoff.signatures_of(ws, inspection_id):
        if signature["signer"] == ws.actor and signature["image_sha256"]:
            return ws.store.blob(signature["image_sha256"])
    return None


def signed_inspections(ws, *, school_id: str | None = None, date_from: str | None = None,
                       date_to: str | None = None) -> list[dict]:
    """Signed inspections of a school and/or visit-date period, oldest first."""
    sql = ("select i.id, i.visit_date, i.template_key, s.name as school_name from inspections i "
           "join schools s on s.id = i.school_id where i.deleted = 0 and i.status = 'signed'")
    scope, params = roles.read_scope(ws, "i.school_id", school_id)
    sql += scope
    for clause, value in (("i.school_id = ?", school_id), ("i.visit_date >= ?", date_from),
                          ("i.visit_date <= ?", date_to)):
        if value:
            sql += f" and {clause}"
            params.append(value)
    return ws.store.query(sql + " order by i.visit_date, i.id", params)


def batch_reports(ws, folder: Path, *, school_id: str | None = None,
                  date_from: str | None = None, date_to: str | None = None,
                  lang: str | None = None, sign: bool = True) -> list[Path]:
    """One report per signed inspection into `folder`; returns the files written."""
    for field, value in (("from", date_from), ("to", date_to)):
        if value:
            check_date(value, field)
    if school_id:
        roles.require_record_read(ws, "schools", school_id, "school")
    rows = signed_inspections(ws, school_id=school_id, date_from=date_from, date_to=date_to)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for row in rows:
        made = make_report(ws, row["id"], lang=lang, sign=sign)
        target = folder / f"{row['visit_date']}_{row['template_key']}_{row['id'][:8]}.pdf"
        write_atomically(target, made.pdf)
        written.append(target)
    return written


def write_atomically(target: Path, data: bytes) -> None:
    """Never leave half a PDF behind: write beside, then rename."""
    target = Path(target)
    tmp = target.with_name(target.name + ".part")
    try:
        tmp.write_bytes(data)
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ValidationError(f"Cannot write {target}: {exc.strerror or exc}.") from exc
