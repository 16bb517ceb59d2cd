"""`document opinion|notice|pattern`, `ledger`, `roster import|template`, `results export`:
the documents an inspection office issues and the Excel workbooks it lives in."""

from __future__ import annotations

from pathlib import Path

from app.cli.context import add_password_option, command, workspace
from app.cli.output import emit
from app.errors import ValidationError


def register(subparsers, common) -> None:
    p = subparsers.add_parser("document", help="督导意见书 / 整改通知书 of an inspection (PDF)",
                              description="the opinion letter (督导意见书) or rectification "
                                          "notice (整改通知书) of an inspection, as a PDF "
                                          "signed like the report")
    sub = p.add_subparsers(dest="document_command", metavar="KIND", required=True)
    for kind, text in (("opinion", "督导意见书: 基本情况, 主要成绩, 存在问题, 整改意见, 整改期限"),
                       ("notice", "整改通知书 to the school")):
        s = command(sub, common, kind, cmd_document, text)
        s.add_argument("id", help="inspection id (or a unique prefix of 6+ characters)")
        s.add_argument("--out", required=True, help="output PDF")
        s.add_argument("--lang", choices=("zh", "en"))
        s.add_argument("--no-sign", action="store_true", help="do not sign the PDF digitally")
        add_password_option(s)
    s = command(sub, common, "pattern", cmd_pattern,
                "show or set the document number pattern, e.g. 青督〔{year}〕{seq}号")
    s.add_argument("pattern", nargs="?")

    s = command(subparsers, common, "ledger", cmd_ledger,
                "整改台账: every corrective action with its evidence and 销号 (PDF or xlsx)")
    s.add_argument("--school", help="school id (default: all schools)")
    s.add_argument("--from", dest="date_from", help="found on or after YYYY-MM-DD")
    s.add_argument("--to", dest="date_to", help="found on or before YYYY-MM-DD")
    s.add_argument("--out", required=True, help="output .pdf or .xlsx")
    s.add_argument("--lang", choices=("zh", "en"))

    p = subparsers.add_parser("roster", help="schools and teachers from Excel or CSV",
                              description="schools and teachers from Excel (.xlsx) or CSV")
    sub = p.add_subparsers(dest="roster_command", metavar="ACTION", required=True)
    s = command(sub, common, "import", cmd_roster_import,
                "import a roster: all rows or none; every bad row is named")
    s.add_argument("file")
    s = command(sub, common, "template", cmd_roster_template, "write a blank roster workbook")
    s.add_argument("--out", required=True, help="output .xlsx")

    p = subparsers.add_parser("results", help="inspection results to Excel",
                              description="inspection results to Excel")
    sub = p.add_subparsers(dest="results_command", metavar="ACTION", required=True)
    s = command(sub, common, "export", cmd_results_export,
                "sheets of inspections (scores, grades), findings and actions")
    s.add_argument("--out", required=True, help="output .xlsx")
    s.add_argument("--from", dest="date_from", help="visits on or after YYYY-MM-DD")
    s.add_argument("--to", dest="date_to", help="visits on or before YYYY-MM-DD")
    s.add_argument("--district")
    s.add_argument("--lang", choices=("zh", "en"))


def _xlsx(path: str) -> Path:
    if not path.lower().endswith(".xlsx"):
        raise ValidationError(f"{path}: give an .xlsx file name.")
    return Path(path)


def cmd_document(args) -> int:
    from app.reports.documents import make_document
    from app.reports.service import resolve_inspection, write_atomically
    ws = workspace(args)
    inspection_id = resolve_inspection(ws, args.id)
    made = make_document(ws, args.document_command, inspection_id, lang=args.lang,
                         sign=not args.no_sign)
    write_atomically(Path(args.out), made.pdf)
    note = "signed" if made.signed else "not signed digitally"
    emit(args, {"file": args.out, "inspection_id": inspection_id, "signed": made.signed,
                "bytes": len(made.pdf)}, f"{args.out} ({note})")
    return 0


def cmd_pattern(args) -> int:
    from app.reports.documents import DEFAULT_PATTERN, PATTERN_SETTING, set_number_pattern
    ws = workspace(args)
    if args.pattern:
        set_number_pattern(ws, args.pattern)
    pattern = ws.store.setting(PATTERN_SETTING, DEFAULT_PATTERN)
    emit(args, {"pattern": pattern}, pattern)
    return 0


def cmd_ledger(args) -> int:
    from app.reports.ledger import gather_ledger, render_ledger
    from app.reports.service import write_atomically
    ws = workspace(args)
    suffix = Path(args.out).suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise ValidationError(f"{args.out}: the ledger is written as .pdf or .xlsx.")
    ledger = gather_ledger(ws, school_id=args.school, date_from=args.date_from,
                           date_to=args.date_to, lang=args.lang or ws.profile.language)
    if suffix == ".pdf":
        write_atomically(Path(args.out), render_ledger(ledger))
    else:
        from app.excel.ledger import write_ledger_xlsx
        write_ledger_xlsx(ledger, args.out)
    data = {"file": args.out, "items": len(ledger.rows), "closed": ledger.closed,
            "overdue": ledger.overdue}
    emit(args, data, f"{args.out}: {len(ledger.rows)} item(s), {ledger.closed} closed")
    return 0


def cmd_roster_import(args) -> int:
    from app.excel.roster import RosterError, import_roster
    ws = workspace(args)
    try:
        result = import_roster(ws, Path(args.file))
    except RosterError as exc:
        if getattr(args, "json", False):
            emit(args, exc.report)
        else:
            import sys
            sys.stderr.write(f"school-inspect: nothing imported: {len(exc.report['errors'])} "
                             "bad row(s)\n")
            for error in exc.report["errors"]:
                sys.stderr.write(f"  {error['sheet']} row {error['row']}: "
                                 f"{'; '.join(error['problems'])}\n")
        return 1
    s, t = result["schools"], result["teachers"]
    emit(args, result, f"all rows imported: schools {s['added']} added, {s['updated']} "
                       f"updated; teachers {t['added']} added, {t['updated']} updated")
    return 0


def cmd_roster_template(args) -> int:
    from app.excel.roster import roster_template
    out = roster_template(_xlsx(args.out))
    emit(args, {"file": str(out)}, str(out))
    return 0


def cmd_results_export(args) -> int:
    from app.excel.results import export_results
    ws = workspace(args)
    result = export_results(ws, _xlsx(args.out), date_from=args.date_from,
                            date_to=args.date_to, district=args.district,
                            lang=args.lang or ws.profile.language)
    emit(args, result, f"{result['path']}: {result['inspections']} inspection(s), "
                       f"{result['findings']} finding(s), {result['actions']} action(s)")
    return 0
