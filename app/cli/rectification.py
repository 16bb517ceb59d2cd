"""Commands for the 整改 follow-through: `actions rectify|verify|history` and the time zone
that decides which day "today" is for due dates."""

from __future__ import annotations

from app.cli.context import command, workspace
from app.cli.lazy import deferred
from app.cli.output import emit


# Loaded when a command runs (see app/cli/lazy.py): `--help` stays light.
@deferred
def actions():
    from app.services import actions
    return actions


@deferred
def query():
    from app.services import action_query
    return action_query


@deferred
def clock():
    from app.services import today
    return today


def register(subparsers, common) -> None:
    p = subparsers.add_parser("actions", help="report, verify and trace corrective actions",
                              description="report, verify and trace corrective actions (整改)")
    sub = p.add_subparsers(dest="actions_command", metavar="ACTION", required=True)
    s = command(sub, common, "rectify", cmd_rectify,
                "the school reports the rectification done (已报告整改)")
    s.add_argument("id", help="action id")
    s.add_argument("--note", required=True, help="what was done")
    s.add_argument("--photo", action="append", default=[], help="evidence file (repeatable)")
    s = command(sub, common, "verify", cmd_verify,
                "check a rectification: verified (已核查销号) or not_rectified (未整改到位)")
    s.add_argument("id", help="action id")
    s.add_argument("--result", required=True, choices=("verified", "not_rectified"))
    s.add_argument("--note", required=True, help="what was found")
    s.add_argument("--photo", action="append", default=[], help="evidence file (repeatable)")
    s.add_argument("--visit", help="the follow-up inspection (回头看) it was checked in")
    s = command(sub, common, "progress", cmd_progress, "mark an action in progress (整改中)")
    s.add_argument("id", help="action id")
    s.add_argument("--note", default="")
    s = command(sub, common, "history", cmd_history, "every move of an action")
    s.add_argument("id", help="action id")
    s = command(sub, common, "list", cmd_list, "corrective actions with their status and "
                "overdue (the same as `list actions`)")
    s.add_argument("--status")
    s.add_argument("--school", help="school id")
    s.add_argument("--overdue", action="store_true", help="only overdue ones")
    p = command(subparsers, common, "timezone", cmd_timezone,
                "show or set the district's time zone (decides which day is today)")
    p.add_argument("name", nargs="?", help="e.g. Asia/Shanghai")


def _result(args, ws, action_id: str) -> int:
    state = query.action_state(ws, action_id)
    data = {k: state[k] for k in ("id", "status", "open", "overdue", "closed", "due_date",
                                  "school_id", "inspection_id")}
    emit(args, data, f"{action_id}: {state['status']}")
    return 0


def cmd_rectify(args) -> int:
    ws = workspace(args)
    actions.rectify(ws, args.id, note=args.note, photos=args.photo)
    return _result(args, ws, args.id)


def cmd_verify(args) -> int:
    ws = workspace(args)
    actions.verify(ws, args.id, verified=args.result == "verified", note=args.note,
                   photos=args.photo, visit_id=args.visit)
    return _result(args, ws, args.id)


def cmd_progress(args) -> int:
    ws = workspace(args)
    actions.move_action(ws, args.id, "in_progress", note=args.note)
    return _result(args, ws, args.id)


def cmd_history(args) -> int:
    ws = workspace(args)
    query.action_state(ws, args.id)                   # a clear "no such action" first
    events = query.action_history(ws, args.id)
    text = "\n".join(f"{e['at']}  {e['actor']} ({e['actor_role']})  {e['from_status']} → "
                     f"{e['to_status']}  {e['note']}  [{len(e['evidence'])} file(s)]"
                     for e in events)
    emit(args, events, text or "no moves yet")
    return 0


def cmd_list(args) -> int:
    from app.cli.core import cmd_list as list_command
    args.what, args.template = "actions", None
    return list_command(args)


def cmd_timezone(args) -> int:
    ws = workspace(args)
    if args.name:
        clock.set_district_timezone(ws, args.name)
    data = {"timezone": clock.district_timezone(ws), "today": clock.today(ws)}
    emit(args, data, f"{data['timezone']} (today is {data['today']})")
    return 0
