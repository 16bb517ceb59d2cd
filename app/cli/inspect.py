"""`school-inspect inspect …`: start, answer, note, attach, act, complete and sign."""

from __future__ import annotations

from app.cli.context import command, workspace
from app.cli.lazy import deferred
from app.cli.output import emit
from app.domain.status import ACTION_SEVERITIES, MODES, SIGNER_ROLES


# Loaded when a command runs (see app/cli/lazy.py): `--help` stays light.
@deferred
def actions():
    from app.services import actions
    return actions


@deferred
def answers():
    from app.services import answers
    return answers


@deferred
def deletion():
    from app.services import deletion
    return deletion


@deferred
def evidence():
    from app.services import evidence
    return evidence


@deferred
def inspections():
    from app.services import inspections
    return inspections


@deferred
def reads():
    from app.services import reads
    return reads


@deferred
def signoff():
    from app.services import signoff
    return signoff


@deferred
def templates():
    from app.services import templates
    return templates


def register(subparsers, common) -> None:
    p = subparsers.add_parser("inspect", help="work on an inspection from the command line",
                              description="work on an inspection from the command line")
    sub = p.add_subparsers(dest="inspect_command", metavar="ACTION", required=True)
    s = command(sub, common, "new", cmd_new, "start an inspection (prints its id)")
    s.add_argument("--school", required=True, help="school id")
    s.add_argument("--template", required=True, help="template key or id")
    s.add_argument("--mode", choices=MODES, default=None)
    s.add_argument("--teacher", help="teacher id (teacher-ethics evaluations)")
    s.add_argument("--date", help="visit date, YYYY-MM-DD (default today)")
    s.add_argument("--inspector", action="append", help="inspector name (repeatable)")
    s.add_argument("--follow-up-of", help="id of the earlier inspection re-checked (回头看)")
    s.add_argument("--verifies", help="id of the self-assessment this inspection verifies")

    s = command(sub, common, "answer", cmd_answer, "answer one item (na for not applicable)")
    s.add_argument("id")
    s.add_argument("item_key")
    s.add_argument("value")
    s.add_argument("--note")

    s = command(sub, common, "attach", cmd_attach, "attach an evidence file to an item")
    s.add_argument("id")
    s.add_argument("item_key")
    s.add_argument("file")
    s.add_argument("--caption", default="")

    s = command(sub, common, "action", cmd_action, "raise a corrective action")
    s.add_argument("id")
    s.add_argument("--description", required=True)
    s.add_argument("--item")
    s.add_argument("--severity", choices=ACTION_SEVERITIES, default="medium")
    s.add_argument("--responsible", default="")
    s.add_argument("--due", help="due date YYYY-MM-DD")

    s = command(sub, common, "show", cmd_show, "answers, score and grade of an inspection")
    s.add_argument("id")
    s = command(sub, common, "list", cmd_list, "inspections (the same as `list inspections`)")
    s.add_argument("--status")
    s.add_argument("--school", help="school id")
    s.add_argument("--template", help="template key")
    s = command(sub, common, "complete", cmd_complete, "complete (all required items answered)")
    s.add_argument("id")
    s = command(sub, common, "sign", cmd_sign, "sign a completed inspection (freezes it)")
    s.add_argument("id")
    s.add_argument("--signer", required=True)
    s.add_argument("--role", choices=SIGNER_ROLES, default="inspector")
    s.add_argument("--image", help="PNG of the drawn signature")
    s = command(sub, common, "amend", cmd_amend,
                "unfreeze a signed inspection for an amendment (needs signing again)")
    s.add_argument("id")
    s.add_argument("--reason", required=True, help="why the signed record is amended")
    s = command(sub, common, "delete", cmd_delete,
                "delete a draft or in-progress inspection started by mistake (never a signed "
                "one; a tombstone if it may already be on another device)")
    s.add_argument("id")


def cmd_new(args) -> int:
    ws = workspace(args)
    template = inspections.get_template(ws, args.template)
    mode = args.mode or template.modes[0]
    changes = inspections.start_inspection(
        ws, school_id=args.school, template=template.id, mode=mode, teacher_id=args.teacher,
        visit_date=args.date, inspectors=args.inspector, follow_up_of=args.follow_up_of,
        self_assessment_id=args.verifies)
    emit(args, {"id": changes.created}, changes.created)
    return 0


def cmd_answer(args) -> int:
    ws = workspace(args)
    note = args.note if args.note is not None else answers._UNSET
    answers.answer_item(ws, args.id, args.item_key, args.value, note=note)
    emit(args, {"id": args.id, "item": args.item_key,
                "value": answers.answers_of(ws, args.id).get(args.item_key)}, "")
    return 0


def cmd_attach(args) -> int:
    changes = evidence.attach_file(workspace(args), args.id, args.item_key, args.file,
                                   caption=args.caption)
    emit(args, {"id": changes.created}, changes.created)
    return 0


def cmd_action(args) -> int:
    changes = actions.raise_action(workspace(args), args.id, description=args.description,
                                   item_key=args.item, severity=args.severity,
                                   responsible=args.responsible, due_date=args.due)
    emit(args, {"id": changes.created}, changes.created)
    return 0


def cmd_show(args) -> int:
    ws = workspace(args)
    row = inspections.get_inspection(ws, args.id)      # refused outside the read scope
    from app.domain.explain import grade_reason
    result = reads.evaluate(ws, args.id)
    template = templates.get_template(ws, row["template_id"])
    data = {"id": row["id"], "status": row["status"], "template_key": row["template_key"],
            "total": result.total, "grade": result.grade.key if result.grade else None,
            "vetoed_by": list(result.vetoed_by), "capped_by": list(result.capped_by),
            "reason": grade_reason(template, result, "zh"), "answered": result.answered,
            "items": result.item_count, "missing_required": list(result.missing_required),
            "missing_photos": list(result.missing_photos),
            "missing_facts": [list(pair) for pair in result.missing_facts],
            "answers": answers.answers_of(ws, args.id)}
    total = "—" if result.total is None else f"{result.total:.1f}"
    text = (f"{row['template_key']} {row['status']}: {result.answered}/{result.item_count} "
            f"answered, total {total}, {grade_reason(template, result, 'zh')}")
    emit(args, data, text)
    return 0


def cmd_list(args) -> int:
    from app.cli.core import cmd_list as list_command
    args.what, args.overdue = "inspections", False
    return list_command(args)


def cmd_complete(args) -> int:
    inspections.complete_inspection(workspace(args), args.id)
    emit(args, {"id": args.id, "status": "completed"}, "completed")
    return 0


def cmd_sign(args) -> int:
    image = None
    if args.image:
        with open(args.image, "rb") as handle:
            image = handle.read()
    ws = workspace(args)
    signoff.sign_off(ws, args.id, signer=args.signer, role=args.role, image_png=image)
    status = ws.store.require("inspections", args.id, "inspection")["status"]
    emit(args, {"id": args.id, "status": status,
                "content_sha256": signoff.content_sha256(ws, args.id)}, status)
    return 0


def cmd_amend(args) -> int:
    ws = workspace(args)
    inspections.amend_inspection(ws, args.id, args.reason)
    row = ws.store.require("inspections", args.id, "inspection")
    emit(args, {"id": args.id, "status": row["status"], "amendment": row["amendment"],
                "reason": row["amendment_reason"]},
         f"amendment {row['amendment']}: {row['status']}; sign it again when done")
    return 0


def cmd_delete(args) -> int:
    ws = workspace(args)
    row = ws.store.require("inspections", args.id, "inspection")
    how = "removed" if deletion.only_here(ws, row) else "tombstone"
    deletion.delete_inspection(ws, args.id)
    emit(args, {"id": args.id, "deleted": how},
         f"deleted ({'removed' if how == 'removed' else 'a tombstone will sync the delete'})")
    return 0
