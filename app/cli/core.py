"""Commands for the profile and its data: init, demo, templates, schools, list, stats."""

from __future__ import annotations

import sys

from app.cli.context import (add_password_option, command, read_password, whole_number,
                             workspace)
from app.cli.lazy import deferred
from app.cli.output import emit
from app.domain.levels import LEVELS
from app.domain.limits import MAX_INT
from app.errors import ValidationError
from app.security.profile import LANGUAGES, ROLES, check_school_id


# Loaded when a command runs (see app/cli/lazy.py): `--help` stays light.
@deferred
def audit():
    from app.security import audit
    return audit


@deferred
def fingerprint():
    from app.security.keys import fingerprint
    return fingerprint


@deferred
def public_key_b64():
    from app.security.keys import public_key_b64
    return public_key_b64


@deferred
def actions():
    from app.services import actions
    return actions


@deferred
def inspections():
    from app.services import inspections
    return inspections


@deferred
def schools():
    from app.services import schools
    return schools


@deferred
def templates():
    from app.services import templates
    return templates


@deferred
def stats():
    from app.storage.digest import stats
    return stats


def register(subparsers, common) -> None:
    p = command(subparsers, common, "init", cmd_init, "create the profile and set who you are")
    p.add_argument("--name", help="your name, as printed on reports and certificates")
    p.add_argument("--role", choices=ROLES)
    p.add_argument("--organisation", help="e.g. the district education supervision office")
    p.add_argument("--language", choices=LANGUAGES)
    p.add_argument("--school", action="append", metavar="ID",
                   help="a principal's school id (repeatable); a principal's profile is bound "
                        "to these schools")

    p = command(subparsers, common, "demo", cmd_demo, "fill the database with realistic demo data")
    p.add_argument("--schools", type=whole_number("--schools", 1, 10_000), default=12)
    p.add_argument("--inspections", type=whole_number("--inspections", 0, 1_000_000), default=60)
    p.add_argument("--seed", type=whole_number("--seed", 0, MAX_INT), default=1)

    _register_templates(subparsers, common)
    _register_schools(subparsers, common)

    p = command(subparsers, common, "list", cmd_list, "list schools, inspections or actions")
    p.add_argument("what", choices=("schools", "inspections", "actions", "teachers"))
    p.add_argument("--status")
    p.add_argument("--school", help="school id")
    p.add_argument("--template", help="template key")
    p.add_argument("--overdue", action="store_true", help="actions: only overdue ones")

    command(subparsers, common, "stats", cmd_stats,
            "counts per table and the content digest (equal digests = equal data)")
    command(subparsers, common, "audit", cmd_audit,
            "check the audit log: hash chain, signed heads (own checkpoints and heads other "
            "devices witnessed), and data changed after the last entry; exit 1 if tampered")

    p = command(subparsers, common, "profile-password", cmd_profile_password,
                "encrypt the whole profile (database and keys) under a password, change or "
                "remove it; the database is copied to backups/ first")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--new-password-file", help="file whose first line is the new password")
    group.add_argument("--remove", action="store_true", help="remove the password")

    p = command(subparsers, common, "key-password", cmd_key_password,
                "protect the report-signing key with a password, change or remove it")
    add_password_option(p)
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--new-password-file", help="file whose first line is the new password")
    group.add_argument("--remove", action="store_true", help="remove the password")


def _register_templates(subparsers, common) -> None:
    p = subparsers.add_parser("templates", help="list, show or import checklist templates",
                              description="list, show or import checklist templates")
    sub = p.add_subparsers(dest="templates_command", metavar="ACTION", required=True)
    command(sub, common, "list", cmd_templates_list, "installed templates")
    s = command(sub, common, "show", cmd_templates_show, "one template with all its items")
    s.add_argument("key")
    s.add_argument("--version", type=whole_number("--version", 1, MAX_INT))
    s = command(sub, common, "import", cmd_templates_import, "import a template file (JSON)")
    s.add_argument("file")
    s = command(sub, common, "diff", cmd_templates_diff,
                "what changed between two versions of a template")
    s.add_argument("key")
    s.add_argument("old_version", type=int, metavar="V1")
    s.add_argument("new_version", type=int, metavar="V2")


def _register_schools(subparsers, common) -> None:
    p = subparsers.add_parser("school", help="add schools and teachers",
                              description="add schools and teachers")
    sub = p.add_subparsers(dest="school_command", metavar="ACTION", required=True)
    s = command(sub, common, "add", cmd_school_add, "add a school (prints its id)")
    s.add_argument("--name", required=True)
    s.add_argument("--district")
    s.add_argument("--level", choices=LEVELS)
    s.add_argument("--code")
    s.add_argument("--principal")
    s = command(sub, common, "add-teacher", cmd_teacher_add, "add a teacher (prints the id)")
    s.add_argument("school_id")
    s.add_argument("--name", required=True)
    s.add_argument("--subject")


def cmd_init(args) -> int:
    ws = workspace(args)
    role = args.role or ws.profile.role
    if args.school and role != "principal":
        raise ValidationError("--school binds a principal's profile to their school: use it "
                              "with --role principal.")
    if role == "principal" and not (args.school or ws.profile.schools):
        raise ValidationError("A principal's profile is bound to their school(s): give "
                              "--school ID (repeatable).")
    for school in args.school or ():
        check_school_id(school)
    profile = ws.set_identity(name=args.name, role=args.role, organisation=args.organisation,
                              language=args.language, schools=args.school)
    if args.password_file and not ws.protected:
        ws.set_profile_password(ws.key_password)   # init --password-file: a protected profile
    data = {"home": str(ws.paths.home), "device_id": profile.device_id,
            "name": profile.user_name, "role": profile.role, "schools": profile.schools,
            "language": profile.language,
            "device_fingerprint": fingerprint(public_key_b64(ws.device_key))}
    emit(args, data, "\n".join(f"{k}: {v}" for k, v in data.items()))
    return 0


def cmd_demo(args) -> int:
    from app.services.demo import generate_demo
    ws = workspace(args)
    summary = generate_demo(ws, schools=args.schools, inspections=args.inspections,
                            seed=args.seed)
    emit(args, summary, ", ".join(f"{k}: {v}" for k, v in summary.items()))
    return 0


def cmd_templates_list(args) -> int:
    rows = templates.list_templates(workspace(args))
    data = [{k: r[k] for k in ("key", "version", "kind", "title", "items", "modes", "levels",
                               "id")} for r in rows]
    emit(args, data, "\n".join(f"{r['key']:28} v{r['version']}  {r['kind']:13} "
                               f"{r['items']:3} items  {r['title']['zh']}" for r in rows))
    return 0


def cmd_templates_show(args) -> int:
    template = templates.get_template(workspace(args), args.key, args.version)
    lines = [f"{template.title['zh']} / {template.title['en']} (v{template.version})"]
    for section in template.sections:
        lines.append(f"\n[{section.key}] {section.title['zh']} / {section.title['en']}")
        lines += [f"  {'!' if i.veto else '~' if i.critical else ' '} {i.key:32} {i.type:7} "
                  f"{i.text['zh']}"
                  for i in section.items]
    emit(args, template.body, "\n".join(lines))
    return 0


def cmd_templates_diff(args) -> int:
    from app.domain.template_diff import describe, diff_templates
    ws = workspace(args)
    old = templates.get_template(ws, args.key, args.old_version)
    new = templates.get_template(ws, args.key, args.new_version)
    found = diff_templates(old, new)
    emit(args, found.as_dict(), "\n".join(describe(found, old, new, "zh")))
    return 0


def cmd_templates_import(args) -> int:
    ws = workspace(args)
    changes = templates.import_template(ws, args.file)
    status = "imported" if changes.created else "already installed"
    emit(args, {"status": status, "id": changes.created}, status)
    return 0


def cmd_school_add(args) -> int:
    changes = schools.add_school(workspace(args), name=args.name, district=args.district,
                                 level=args.level, code=args.code, principal=args.principal)
    emit(args, {"id": changes.created}, changes.created)
    return 0


def cmd_teacher_add(args) -> int:
    changes = schools.add_teacher(workspace(args), args.school_id, name=args.name,
                                  subject=args.subject)
    emit(args, {"id": changes.created}, changes.created)
    return 0


def cmd_list(args) -> int:
    ws = workspace(args)
    if args.what == "schools":
        rows = schools.list_schools(ws)
        text = "\n".join(f"{r['id']}  {r['district'] or '':10} {r['name']}" for r in rows)
    elif args.what == "teachers":
        rows = schools.list_teachers(ws, args.school)
        text = "\n".join(f"{r['id']}  {r['name']}" for r in rows)
    elif args.what == "inspections":
        rows = inspections.list_inspections(ws, status=args.status, school_id=args.school,
                                            template_key=args.template)
        text = "\n".join(f"{r['id']}  {r['visit_date']}  {r['status']:11} "
                         f"{r['template_key']:26} {r['school_name']}" for r in rows)
    else:
        rows = actions.list_actions(ws, status=args.status, school_id=args.school,
                                    overdue_only=args.overdue)
        text = "\n".join(f"{r['id']}  {r['due_date'] or '':10} {r['status']:11} "
                         f"{'OVERDUE ' if r['overdue'] else ''}{r['description']}"
                         for r in rows)
    emit(args, rows, text)
    return 0


def cmd_stats(args) -> int:
    data = stats(workspace(args).store)
    text = "\n".join(f"{k:16} {v}" for k, v in data["counts"].items())
    emit(args, data, f"{text}\ndigest           {data['digest']}")
    return 0


def cmd_audit(args) -> int:
    ws = workspace(args)
    problems = audit.check_log(ws.store, ws.device_key.public_key())
    count = ws.store.scalar("select count(*) from audit_log")
    heads = ws.store.scalar("select count(*) from audit_heads where device_id = ?",
                            [ws.store.device_id])
    data = {"entries": count, "signed_heads": heads, "intact": not problems,
            "first_broken_seq": audit.verify_chain(ws.store), "problems": problems}
    emit(args, data, f"{count} entries, {heads} signed heads, chain intact" if not problems
         else "audit log tampered: " + "; ".join(problems))
    if problems:
        sys.stderr.write(f"school-inspect: the audit log was tampered with: {problems[0]}\n")
    return 0 if not problems else 1


def cmd_profile_password(args) -> int:
    ws = workspace(args)
    new = None if args.remove else read_password(args.new_password_file)
    if not args.remove and not new:
        raise ValidationError("The new password file is empty.")
    if args.remove and not ws.protected:
        raise ValidationError("This profile has no password to remove.")
    made = ws.set_profile_password(new)
    status = "protected by a password" if new else "not protected"
    emit(args, {"profile": status, "backup": str(made)},
         f"profile {status} (the database before the change: {made})")
    return 0


def cmd_key_password(args) -> int:
    ws = workspace(args)
    new = None if args.remove else read_password(args.new_password_file)
    if not args.remove and not new:
        raise ValidationError("The new password file is empty.")
    ws.set_key_password(ws.key_password, new)
    status = "protected" if new else "not protected"
    emit(args, {"signing_key": status}, f"signing key {status} by a password")
    return 0
