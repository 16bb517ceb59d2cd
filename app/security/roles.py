"""Who may do what: one declarative table, checked by every mutating service.

Three roles (ARCHITECTURE.md "Trust rules"): the inspector (督学), the principal (校长/园长,
bound to their school(s)) and the district office (督导室, `admin`). Each action in `RULES`
names, per role, whether it is allowed everywhere (`ANY`), only for the principal's own
schools (`OWN`), or not at all (absent). docs/ROLES.md prints the same table.

The services call `require(ws, action, school_id=…)`; a refusal is a `RoleError` with one line
naming the role and the action. The importer uses the same table for records that arrive from
another device (`app/sync/scope.py`), judged against the sender's recorded role and scope.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterator

from app.domain.actions import SCHOOL_MOVES
from app.domain.status import USER_ROLES
from app.errors import KnownError

ROLES = USER_ROLES
ANY, OWN = "any", "own"

# action: {role: ANY | OWN}. OWN = only for a school in the principal's scope.
RULES: dict[str, dict[str, str]] = {
    # schools and teachers: the office curates, an inspector adds what is met in the field
    # (a principal's "own" add is only ever their school's own record arriving in a bundle:
    # a school added on a device has a new id, never in anyone's scope)
    "school.add": {"inspector": ANY, "principal": OWN, "admin": ANY},
    "school.edit": {"inspector": ANY, "principal": OWN, "admin": ANY},
    "teacher.add": {"inspector": ANY, "principal": OWN, "admin": ANY},
    "teacher.edit": {"inspector": ANY, "principal": OWN, "admin": ANY},
    "template.import": {"admin": ANY},
    "roster.edit": {"inspector": ANY, "admin": ANY},
    # an inspection (inspection mode, incl. teacher-ethics evaluations); the office plans
    # visits as drafts (assignments) but never fills them in
    "inspection.start": {"inspector": ANY, "admin": ANY},
    "inspection.edit": {"inspector": ANY},
    "inspection.sign": {"inspector": ANY},
    # the school's own self-assessment; an inspector may transcribe a paper one
    "self_assessment.start": {"inspector": ANY, "principal": OWN},
    "self_assessment.edit": {"inspector": ANY, "principal": OWN},
    # the principal's countersignature: on their own device, or drawn on the inspector's pad
    "countersign": {"inspector": ANY, "principal": OWN},
    # corrective actions: reports of rectification by the school, verification by inspectors
    "action.rectify": {"inspector": ANY, "principal": OWN, "admin": ANY},
    "action.verify": {"inspector": ANY, "admin": ANY},
    # reading teacher-ethics results and reports
    "ethics.read": {"inspector": ANY, "principal": OWN, "admin": ANY},
    "results.read": {"inspector": ANY, "principal": OWN, "admin": ANY},
    # the office's work
    "conflict.resolve": {"inspector": ANY, "principal": OWN, "admin": ANY},
    "trust.set_role": {"admin": ANY},
    "district.summary": {"inspector": ANY, "admin": ANY},
}

ACTION_LABELS = {
    "school.add": "add a school", "school.edit": "edit a school's details",
    "teacher.add": "add a teacher", "teacher.edit": "edit a teacher",
    "template.import": "import a template", "roster.edit": "change the list of users",
    "inspection.start": "start an inspection",
    "inspection.edit": "change an inspection's findings",
    "inspection.sign": "sign an inspection as inspector",
    "self_assessment.start": "start a self-assessment",
    "self_assessment.edit": "change a self-assessment", "countersign": "countersign",
    "action.rectify": "report a rectification", "action.verify": "verify a corrective action",
    "ethics.read": "read teacher-ethics results", "results.read": "read inspection results",
    "conflict.resolve": "resolve this conflict", "trust.set_role": "record a device's role",
    "district.summary": "make a district summary",
}
ROLE_LABELS = {"inspector": "an inspector (督学)", "principal": "a principal (校长/园长)",
               "admin": "the district office (督导室)"}
# Action statuses a school may report; anything else (verify, reopen, …) is the inspector's.
RECTIFY_STATUSES = (*SCHOOL_MOVES, "resolved")


class RoleError(KnownError):
    """An action the current role (or a sender device's role) may not do."""


@dataclass(frozen=True)
class Actor:
    """Who acts: a role and, for a principal, the schools they are bound to."""

    role: str
    schools: frozenset = field(default_factory=frozenset)
    unrestricted: bool = False     # demo data (a training profile): every rule waived

    def may(self, action: str, school_id: str | None = None) -> bool:
        if self.unrestricted:
            return True
        grant = RULES[action].get(self.role)
        if grant == ANY:
            return True
        return grant == OWN and school_id is not None and school_id in self.schools


def actor_of(ws) -> Actor:
    """The acting role of an open workspace (its profile, or the demo's training waiver)."""
    override = getattr(ws, "acting", None)
    if override is not None:
        return override
    return Actor(ws.profile.role, frozenset(ws.profile.schools or ()))


def may(ws, action: str, school_id: str | None = None) -> bool:
    return actor_of(ws).may(action, school_id)


def require(ws, action: str, school_id: str | None = None) -> None:
    """Raise a one-line RoleError unless this profile's role may do `action`."""
    actor = actor_of(ws)
    if not actor.may(action, school_id):
        raise RoleError(refusal(actor, action, school_id))


def refusal(actor: Actor, action: str, school_id: str | None = None) -> str:
    where = ""
    if RULES[action].get(actor.role) == OWN:
        where = " for a school other than their own"
    return (f"Refused: {ROLE_LABELS.get(actor.role, actor.role)} may not "
            f"{ACTION_LABELS.get(action, action)}{where}.")


@contextmanager
def training(ws) -> Iterator[None]:
    """Demo data is a training profile's content, made by the real services with every role
    rule waived (ARCHITECTURE: `demo` is every role's)."""
    before = getattr(ws, "acting", None)
    ws.acting = Actor(actor_of(ws).role, actor_of(ws).schools, unrestricted=True)
    try:
        yield
    finally:
        ws.acting = before


# -- rules that depend on the record ---------------------------------------------------------
def inspection_edit_action(inspection: dict) -> str:
    return "self_assessment.edit" if inspection.get("mode") == "self_assessment" \
        else "inspection.edit"


def require_inspection_edit(ws, inspection: dict) -> None:
    require(ws, inspection_edit_action(inspection), inspection.get("school_id"))


def action_status_action(status: str) -> str:
    return "action.rectify" if status in RECTIFY_STATUSES else "action.verify"


def signature_action(role: str, inspection: dict) -> str:
    """Which permission a sign-off with `role` needs on this inspection."""
    if role == "principal":
        return "countersign"
    if inspection.get("mode") == "self_assessment":
        return "self_assessment.edit"
    return "inspection.sign"


def require_sign_off(ws, inspection: dict, role: str, signer: str) -> None:
    """An inspector signs as themselves or as a member of the inspection's team drawing on
    the pad; a principal countersigns only for their own school."""
    action = signature_action(role, inspection)
    require(ws, action, inspection.get("school_id"))
    if action == "inspection.sign" and not actor_of(ws).unrestricted:
        import json
        team = set(json.loads(inspection.get("inspectors") or "[]")) | {ws.actor}
        if signer.strip() not in team:
            raise RoleError(f"Refused: {signer.strip()} is not on this inspection's team "
                            f"({', '.join(sorted(team))}); only its inspectors sign it.")


def require_report_role(ws, role: str) -> None:
    """A report is signed digitally in the profile's own role: a principal's key never signs
    as an inspector."""
    own = actor_of(ws).role
    allowed = {"inspector": ("inspector", "panel"), "principal": ("principal",),
               "admin": ()}.get(own, ())
    if role not in allowed:
        raise RoleError(f"Refused: {ROLE_LABELS.get(own, own)} may not sign a report as "
                        f"{role}.")


def may_sign_reports(ws) -> bool:
    return actor_of(ws).role in ("inspector", "principal")


# -- reading: the one scope rule ---------------------------------------------------------------
# Every read of school data (lists, pages, reports, ledgers, workbooks, bundles) goes through
# `read_scope` (a query), `require_read` (a school) or `require_record_read` /
# `require_scope_of` (one record): a principal reads their own school(s) only, by any path.
def visible_schools(ws) -> frozenset | None:
    """The schools whose results this profile may read; None means every school."""
    actor = actor_of(ws)
    if actor.unrestricted or RULES["results.read"].get(actor.role) == ANY:
        return None
    return actor.schools


def require_read(ws, school_id: str | None, *, ethics: bool = False) -> None:
    """Refuse (one line naming the role) a read of a school outside this profile's scope."""
    require(ws, "ethics.read" if ethics else "results.read", school_id)


def read_scope(ws, column: str, school_id: str | None = None) -> tuple[str, list]:
    """SQL (`" and <column> in (…)"`, params) keeping a query to the schools this profile may
    read; ("", []) for every school. A filter naming a school outside the scope is refused
    rather than answered with an empty list."""
    if school_id:
        require_read(ws, school_id)
    visible = visible_schools(ws)
    if visible is None:
        return "", []
    return f" and {column} in ({','.join('?' * len(visible)) or 'null'})", sorted(visible)


def readable(ws, rows, key: str = "school_id") -> list:
    """Rows (dicts) whose school this profile may read."""
    visible = visible_schools(ws)
    return list(rows) if visible is None else [r for r in rows if r.get(key) in visible]


# The school a record belongs to, per synced table (one SQL each, by record id).
SCHOOL_OF = {
    "schools": "select id from schools where id = ?",
    "teachers": "select school_id from teachers where id = ?",
    "inspections": "select school_id from inspections where id = ?",
    "actions": "select school_id from actions where id = ?",
    "action_events": "select a.school_id from action_events e join actions a "
                     "on a.id = e.action_id where e.id = ?",
    "action_evidence": "select a.school_id from action_evidence v join action_events e on "
                       "e.id = v.event_id join actions a on a.id = e.action_id where v.id = ?",
    **{table: f"select i.school_id from {table} x join inspections i on "
              f"i.id = x.inspection_id where x.id = ?"
       for table in ("responses", "attachments", "signatures")},
}


def require_record_read(ws, table: str, record_id: str, what: str | None = None) -> dict:
    """The record (or a one-line not-found), refused when its school is outside the scope."""
    row = ws.store.require(table, record_id, what)
    require_scope_of(ws, table, record_id, ethics=table == "inspections"
                     and bool(row.get("teacher_id")))
    return row


def row_school(ws, table: str, row: dict) -> str | None:
    """The school a row (as held, or as it arrives) belongs to, None for none (templates,
    users): its own school_id, else that of its inspection, action or life-cycle event."""
    if table == "schools":
        return row.get("id")
    if row.get("school_id"):
        return row["school_id"]
    for column, parent in (("inspection_id", "inspections"), ("action_id", "actions"),
                           ("event_id", "action_events")):
        if row.get(column):
            return ws.store.scalar(SCHOOL_OF[parent], [row[column]])
    return None


def require_scope_of(ws, table: str, record_id: str | None, *, ethics: bool = False) -> None:
    """Refuse reading what belongs to record `record_id` of `table` when its school is outside
    the scope (nothing to check for an every-school profile, or an id that is not there)."""
    if not record_id or visible_schools(ws) is None:
        return
    school = ws.store.scalar(SCHOOL_OF[table], [record_id])
    if school is not None:
        require_read(ws, school, ethics=ethics)


def markdown_table() -> str:
    """The role table as docs/ROLES.md prints it (a test keeps the two equal)."""
    mark = {ANY: "yes", OWN: "own school", None: "—"}
    lines = ["| action | what | inspector 督学 | principal 校长/园长 | admin 督导室 |",
             "| --- | --- | --- | --- | --- |"]
    for action, grants in RULES.items():
        cells = " | ".join(mark[grants.get(role)] for role in ROLES)
        lines.append(f"| `{action}` | {ACTION_LABELS[action]} | {cells} |")
    return "\n".join(lines)


def startable_modes(ws) -> list[str]:
    """The modes this profile may start an inspection in (the New inspection dialog)."""
    return [mode for mode, action in (("inspection", "inspection.start"),
                                      ("self_assessment", "self_assessment.start"))
            if RULES[action].get(actor_of(ws).role) or actor_of(ws).unrestricted]


def may_edit_inspection(ws, inspection: dict) -> bool:
    return may(ws, inspection_edit_action(inspection), inspection.get("school_id"))
