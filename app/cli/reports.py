"""`school-inspect report | sign-report | verify-report | summary | trust`: signed PDF
reports from the command line."""

from __future__ import annotations

import sys
from pathlib import Path

from app.cli.context import add_password_option, command, workspace
from app.cli.output import emit
from app.domain.status import SIGNER_ROLES
from app.errors import ValidationError

def register(subparsers, common) -> None:
    s = command(subparsers, common, "report", cmd_report,
                "PDF report of an inspection (signed digitally when the inspection is "
                "signed), or of all signed inspections of a school or period")
    s.add_argument("id", nargs="?", help="inspection id (or a unique prefix of 6+ characters)")
    s.add_argument("--out", help="output PDF (one report) or folder (batch; default: exports)")
    s.add_argument("--lang", choices=("zh", "en"), help="report language (default: yours)")
    s.add_argument("--no-sign", action="store_true", help="do not sign the PDF digitally")
    s.add_argument("--school", help="batch: all signed inspections of this school id")
    s.add_argument("--from", dest="date_from", help="batch: visits on or after YYYY-MM-DD")
    s.add_argument("--to", dest="date_to", help="batch: visits on or before YYYY-MM-DD")
    add_password_option(s)

    s = command(subparsers, common, "sign-report", cmd_sign_report,
                "add your digital signature to a report PDF (e.g. the principal "
                "countersigning); earlier signatures stay valid")
    s.add_argument("file")
    s.add_argument("--out", help="output PDF (default: replace FILE)")
    s.add_argument("--role", choices=SIGNER_ROLES, help="your role (default: your profile's)")
    add_password_option(s)

    s = command(subparsers, common, "verify-report", cmd_verify_report,
                "check what a report's signatures cover: exit 0 intact and trusted; 1 a "
                "signature broken, the file modified after signing, or no signature; 2 "
                "intact but a signer not trusted (`trust add` their certificate); --json "
                "carries the verdict")
    s.add_argument("file")

    s = command(subparsers, common, "summary", cmd_summary,
                "district summary report (PDF) for a period")
    s.add_argument("--district", required=True)
    s.add_argument("--from", dest="date_from", required=True, help="YYYY-MM-DD")
    s.add_argument("--to", dest="date_to", required=True, help="YYYY-MM-DD")
    s.add_argument("--out", required=True, help="output PDF")
    s.add_argument("--lang", choices=("zh", "en"))

    p = subparsers.add_parser("trust", help="certificates trusted when verifying reports",
                              description="certificates trusted when verifying reports")
    sub = p.add_subparsers(dest="trust_command", metavar="ACTION", required=True)
    s = command(sub, common, "add", cmd_trust_add,
                "trust an inspector's or the district office's certificate (PEM or DER)")
    s.add_argument("cert")
    command(sub, common, "list", cmd_trust_list, "list the trusted certificates")
    from app.cli.trust_self import register_self
    register_self(sub, common)


def cmd_report(args) -> int:
    from app.reports import service
    ws = workspace(args)
    if args.id:
        if args.school or args.date_from or args.date_to:
            raise ValidationError("Give either an inspection id or --school/--from/--to.")
        inspection_id = service.resolve_inspection(ws, args.id)
        made = service.make_report(ws, inspection_id, lang=args.lang, sign=not args.no_sign)
        out = Path(args.out or ws.paths.default_output / f"report_{inspection_id[:8]}.pdf")
        service.write_atomically(out, made.pdf)
        note = "signed" if made.signed else "not signed digitally"
        emit(args, {"file": str(out), "inspection_id": inspection_id, "signed": made.signed,
                    "bytes": len(made.pdf)}, f"{out} ({note})")
        return 0
    if not (args.school or args.date_from or args.date_to):
        raise ValidationError("Give an inspection id, or --school and/or --from/--to for a "
                              "batch.")
    folder = Path(args.out) if args.out else ws.paths.default_output
    files = service.batch_reports(ws, folder, school_id=args.school, date_from=args.date_from,
                                  date_to=args.date_to, lang=args.lang, sign=not args.no_sign)
    emit(args, {"folder": str(folder), "files": [str(f) for f in files]},
         f"{len(files)} report(s) in {folder}")
    return 0


def cmd_sign_report(args) -> int:
    from app.reports import service
    from app.reports.verify import verify_bytes
    ws = workspace(args)
    source = Path(args.file)
    try:
        pdf = source.read_bytes()
    except OSError as exc:
        raise ValidationError(f"Cannot read {source}: {exc.strerror or exc}.") from exc
    verdict = verify_bytes(ws, pdf, name=str(source)).verdict
    if verdict in ("broken", "modified_after_signing"):
        raise ValidationError(f"{source} has a broken signature or was modified after "
                              "signing: it will not be countersigned.")
    out = Path(args.out or source)
    service.write_atomically(out, service.sign_as_user(ws, pdf, role=args.role))
    emit(args, {"file": str(out), "signer": ws.actor}, f"{out} signed by {ws.actor}")
    return 0


def cmd_verify_report(args) -> int:
    from app.reports.verify import verify_report
    ws = workspace(args)
    check = verify_report(ws, args.file)
    emit(args, check.as_dict(), _describe(check))
    if check.exit_code:
        sys.stderr.write(f"school-inspect: {VERDICT_LINES[check.verdict]}\n")
    return check.exit_code


VERDICT_LINES = {
    "broken": "a signature is broken: the report was changed after signing",
    "modified_after_signing": "modified after signing: the report was changed after its last "
                              "signature; do not rely on it",
    "unsigned": "the report has no digital signature",
    "untrusted": "the signatures are intact but a signer is not trusted; check their "
                 "certificate and `trust add` it",
}


def _describe(check) -> str:
    lines = [f"{check.path}: report {check.report_id or '?'}, inspection "
             f"{check.inspection_id or '?'}"]
    if not check.signatures:
        lines.append("  no digital signature")
    for sig in check.signatures:
        state = "intact" if sig.intact else "BROKEN"
        trust = "trusted" if sig.trusted else "NOT trusted"
        lines.append(f"  {sig.field}: {sig.signer}, {sig.signed_at or '?'}, {state}, {trust}"
                     + (f" — {sig.problem}" if sig.problem else ""))
    if check.modified_after_signing:
        lines.append(f"  MODIFIED AFTER SIGNING: {check.modified_after_signing}")
    lines.append(f"  verdict: {check.verdict}")
    content = {"match": "matches the inspection in this database",
               "mismatch": "does NOT match the inspection in this database (changed since?)",
               "not_in_database": "inspection not in this database",
               "unknown": "no content hash in this PDF"}[check.content]
    lines.append(f"  content hash {check.content_sha256 or '?'}: {content}")
    return "\n".join(lines)


def cmd_summary(args) -> int:
    from app.domain.limits import check_date
    from app.reports.service import write_atomically
    from app.reports.summary import build_summary
    ws = workspace(args)
    check_date(args.date_from, "--from")
    check_date(args.date_to, "--to")
    pdf = build_summary(ws, args.district, args.date_from, args.date_to, args.lang)
    write_atomically(Path(args.out), pdf)
    emit(args, {"file": args.out, "bytes": len(pdf)}, args.out)
    return 0


def cmd_trust_add(args) -> int:
    from app.reports.verify import import_certificate
    ws = workspace(args)
    target = import_certificate(ws, args.cert)
    emit(args, {"file": str(target)}, f"trusted: {target.name}")
    return 0


def cmd_trust_list(args) -> int:
    from app.reports.verify import trusted_certificates
    ws = workspace(args)
    rows = trusted_certificates(ws)
    emit(args, rows, "\n".join(f"{r['file']}  {r['subject']}" for r in rows) or "(none)")
    return 0
