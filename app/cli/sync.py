"""Sync commands: export, import, verify-bundle, conflicts list / resolve."""

from __future__ import annotations

import json
from pathlib import Path

from app.cli.context import command, workspace
from app.cli.lazy import deferred
from app.cli.output import emit

# The manifest's kinds, a published format's constants; a test checks they match
# app.sync.manifest, which is loaded only when a command runs (it needs cryptography).
KINDS = ("full", "changes", "assignment")


@deferred
def list_conflicts():
    from app.sync.conflicts import list_conflicts
    return list_conflicts


@deferred
def resolve_conflict():
    from app.sync.conflicts import resolve_conflict
    return resolve_conflict


@deferred
def export_bundle():
    from app.sync.export import export_bundle
    return export_bundle


@deferred
def import_bundle():
    from app.sync.importer import import_bundle
    return import_bundle


@deferred
def verify_bundle():
    from app.sync.importer import verify_bundle
    return verify_bundle


@deferred
def confidential_lines():
    from app.sync.confidential import confidential_lines
    return confidential_lines


def register(subparsers, common) -> None:
    p = command(subparsers, common, "export", cmd_export,
                "write a signed bundle (changes since the last export, or everything)")
    p.add_argument("--out", required=True, help="bundle file to write (*.sibundle)")
    p.add_argument("--all", action="store_true", help="everything, not only the changes")
    p.add_argument("--school", action="extend", nargs="+", default=[], metavar="ID",
                   help="only these schools (and what belongs to them)")
    p.add_argument("--inspection", action="extend", nargs="+", default=[], metavar="ID",
                   help="only these inspections (with their school and template)")
    p.add_argument("--kind", choices=KINDS, help="full, changes or assignment "
                                                 "(office → inspector)")
    p = command(subparsers, common, "import", cmd_import,
                "verify a bundle, then merge it in one transaction")
    p.add_argument("file")
    p.add_argument("--trust", action="store_true",
                   help="accept a sender device seen for the first time")
    p.add_argument("--rev-horizon", type=float, metavar="HOURS", default=None,
                   help="refuse revs more than HOURS ahead of this clock (default 24)")
    p = command(subparsers, common, "verify-bundle", cmd_verify,
                "check a bundle's signature, files and records without importing it")
    p.add_argument("file")
    _register_conflicts(subparsers, common)


def _register_conflicts(subparsers, common) -> None:
    p = subparsers.add_parser("conflicts", help="list and resolve sync conflicts",
                              description="list and resolve sync conflicts")
    sub = p.add_subparsers(dest="conflicts_command", metavar="ACTION", required=True)
    s = command(sub, common, "list", cmd_conflicts_list, "open conflicts")
    s.add_argument("--all", action="store_true", help="include resolved ones")
    s = command(sub, common, "resolve", cmd_conflicts_resolve,
                "settle a conflict by taking our or their values")
    s.add_argument("id")
    s.add_argument("--take", choices=("ours", "theirs"), required=True)


def cmd_export(args) -> int:
    kind = args.kind or ("full" if args.all else "changes")
    summary = export_bundle(workspace(args), Path(args.out), kind=kind, schools=args.school,
                            inspections=args.inspection)
    counts = ", ".join(f"{t} {n}" for t, n in summary["counts"].items()) or "no records"
    emit(args, summary, f"{summary['path']}: {kind} bundle {summary['bundle_id']} — {counts}; "
                        f"{summary['evidence_files']} evidence file(s)"
                        + "".join(f"\n{line}" for line in confidential_lines(summary)))
    return 0


def cmd_import(args) -> int:
    result = import_bundle(workspace(args), Path(args.file), trust=args.trust,
                           horizon_hours=args.rev_horizon)
    emit(args, result, _import_text(result))
    return 0


def _import_text(result: dict) -> str:
    if result["status"] == "already_imported":
        return f"bundle {result['bundle_id']} was already imported; nothing changed"
    lines = [f"imported bundle {result['bundle_id']} ({result['kind']}) from "
             f"{result['sender']['name'] or result['sender']['device_id']}",
             f"{'table':12} {'added':>7} {'updated':>8} {'unchanged':>10} {'conflicts':>10} "
             f"{'skipped':>8}"]
    for table, n in result["tables"].items():
        lines.append(f"{table:12} {n['added']:7} {n['updated']:8} {n['unchanged']:10} "
                     f"{n['conflicts']:10} {n['skipped']:8}")
    lines += confidential_lines(result)
    lines += [f"note: {notice}" for notice in result.get("notices", [])]
    return "\n".join(lines)


def cmd_verify(args) -> int:
    result = verify_bundle(workspace(args), Path(args.file))
    text = (f"{args.file}: valid {result['kind']} bundle {result['bundle_id']} from "
            f"{result['sender']['name'] or result['sender']['device_id']} (key fingerprint "
            f"{result['fingerprint']}, {'known' if result['sender_known'] else 'NOT yet trusted'}"
            f"){'; already imported' if result['already_imported'] else ''}")
    emit(args, result, text)
    return 0


def cmd_conflicts_list(args) -> int:
    rows = list_conflicts(workspace(args), include_resolved=args.all)
    data = [{k: r[k] for k in ("id", "table_name", "record_id", "fields", "created_at",
                               "resolved_at", "resolution")}
            | {"ours": _pick(r["ours"], r["fields"]), "theirs": _pick(r["theirs"], r["fields"])}
            for r in rows]
    emit(args, data, "\n".join(
        f"{d['id']}  {d['table_name']:11} {', '.join(d['fields'])}: ours "
        f"{json.dumps(d['ours'], ensure_ascii=False)} / theirs "
        f"{json.dumps(d['theirs'], ensure_ascii=False)}" for d in data) or "no open conflicts")
    return 0


def _pick(row: dict | None, fields: list[str]) -> dict | None:
    return None if row is None else {f: row.get(f) for f in fields}


def cmd_conflicts_resolve(args) -> int:
    changes = resolve_conflict(workspace(args), args.id, args.take)
    emit(args, {"id": args.id, "resolution": args.take,
                "record": sorted(changes.ids - {args.id})}, f"resolved: took {args.take}")
    return 0
