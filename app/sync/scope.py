"""Received changes judged against the sender's role and school scope (ARCHITECTURE.md,
"Trust rules": roles are enforced, for received changes, against the sender device's recorded
role and school scope).

Each record a bundle would add or change maps to one action of the role table
(app/security/roles.py) and a school; the sender's `Actor` must be allowed it for the record as
we hold it *and* as it arrives (moving a self-assessment to another school needs both). The
office (admin) is the hub that relays and resolves everything, so it may write any record.

A device whose role no admin (nor the person who confirmed it) has recorded is treated by what
it declares only within its own data: new records, or records it created itself.

A refusal names the sender, its role, the table and record; the whole bundle is refused (the
importer calls `check_bundle` before its transaction), so the database is never half-changed.
"""

from __future__ import annotations

import json

from app.errors import BundleError
from app.sync.records import chunked, content_fields
from app.security.roles import (ROLE_LABELS, ROLES, Actor, action_status_action,
                                inspection_edit_action, signature_action)

ACTION_STATUS_ONLY = {"status", "note", "updated_at", "resolved_at", "verified_at",
                      "verified_in"}
UNCHANGED = object()


def sender_actor(device: dict | None, declared: dict) -> tuple[Actor, bool]:
    """(the sender's actor, whether its role is recorded here). `device` is the devices row
    (None for our own key); `declared` the manifest's sender block."""
    if device is not None and device.get("role") in ROLES:
        return Actor(device["role"], frozenset(json.loads(device.get("schools") or "[]"))), True
    role = declared.get("role") if declared.get("role") in ROLES else "inspector"
    schools = declared.get("schools") if isinstance(declared.get("schools"), list) else []
    return Actor(role, frozenset(s for s in schools if isinstance(s, str))), device is None


def check_bundle(store, bundle, actor: Actor, recorded: bool, sender_id: str) -> None:
    """Refuse the bundle when any record it adds or changes is beyond the sender's role."""
    if actor.role == "admin" and recorded:
        return
    # The bundle's records by id, each made into a dict only when asked for.
    incoming = {t: rows.view() for t, rows in bundle.records.items()}
    reads = _ParentReads(store)
    for table, rows in bundle.records.items():
        # The records as held here, a few hundred per query (nothing is written until the
        # whole bundle passed).
        for chunk in chunked(rows):
            held = store.get_many(table, [r["id"] for r in chunk])
            for row in chunk:
                _check_row(reads, incoming, table, row, held.get(row["id"]), actor,
                           recorded, sender_id)


def _check_row(store, incoming, table, row, ours, actor: Actor, recorded: bool,
               sender_id: str) -> None:
    if _already_held(store, table, ours, row):
        return
    problem = _refusal(store, incoming, table, row, ours, actor)
    if problem is None and not recorded and ours is not None \
            and creator_of(store, table, ours) != sender_id:
        problem = "changes a record another device created (its role is not recorded)"
    if problem:
        raise BundleError(
            f"Refused: the sender is {ROLE_LABELS.get(actor.role, actor.role)}"
            f"{_scope_text(actor)} and the bundle {problem}: {table} {row['id']}. "
            "Nothing was imported.")


class _ParentReads:
    """The store for the checks, remembering the parents read (an inspection, an action,
    an event: many records share one) while the bundle is judged; nothing is written
    meanwhile, so a remembered row is what the store holds."""

    PARENTS = ("inspections", "actions", "action_events")

    def __init__(self, store):
        self._store = store
        self._rows: dict[tuple[str, str], dict | None] = {}

    def get(self, table: str, record_id: str) -> dict | None:
        if table not in self.PARENTS:
            return self._store.get(table, record_id)
        key = (table, record_id)
        if key not in self._rows:
            self._rows[key] = self._store.get(table, record_id)
        return self._rows[key]

    def __getattr__(self, name):
        return getattr(self._store, name)


def _scope_text(actor: Actor) -> str:
    if actor.role != "principal":
        return ""
    return f" of school(s) {', '.join(sorted(actor.schools)) or '(none)'}"


def _already_held(store, table: str, ours: dict | None, row: dict) -> bool:
    """Relayed records we already hold, or the same content under another rev (a built-in
    template installed on each device), are no change, whoever sends them."""
    if ours is None:
        return False
    if ours["rev"] == row["rev"] or content_fields(ours) == content_fields(
            {k: v for k, v in row.items() if k in ours}):
        return True
    return bool(store.scalar("select 1 from history where table_name = ? and record_id = ? "
                             "and rev = ?", [table, row["id"], row["rev"]]))


def _refusal(store, incoming, table, row, ours, actor: Actor) -> str | None:
    for version in filter(None, (ours, row)):
        action, school = record_action(store, incoming, table, version, ours, row)
        if action is None:
            continue
        if not actor.may(action, school):
            return f"would {_verb(action)}"
    return None


def _verb(action: str) -> str:
    from app.security.roles import ACTION_LABELS
    return ACTION_LABELS.get(action, action)


def record_action(store, incoming, table, version, ours, row) -> tuple[str | None, str | None]:
    """Which role-table action writing this record needs, and for which school."""
    if table == "schools":
        return ("school.edit" if ours else "school.add"), version["id"]
    if table == "teachers":
        return ("teacher.edit" if ours else "teacher.add"), version.get("school_id")
    if table in ("users", "templates"):
        return ("template.import" if table == "templates" else "roster.edit"), None
    if table == "inspections":
        if ours is None and version.get("mode") != "self_assessment" \
                and version.get("status") == "draft":
            return "inspection.start", version.get("school_id")
        return inspection_edit_action(version), version.get("school_id")
    if table in ("action_events", "action_evidence"):
        event = version if table == "action_events" else \
            _held_or_incoming(store, incoming, "action_events", version.get("event_id"))
        action = _held_or_incoming(store, incoming, "actions", event.get("action_id"))
        # the school of the action itself, not what the event claims
        return action_status_action(event.get("to_status")), action.get("school_id")
    parent = _parent(store, incoming, version.get("inspection_id"))
    if table == "signatures":
        return signature_action(version.get("role"), parent), parent.get("school_id")
    if table == "actions" and ours is not None and _status_only(ours, row):
        return action_status_action(row.get("status")), version.get("school_id")
    return inspection_edit_action(parent), parent.get("school_id")


def _parent(store, incoming, inspection_id) -> dict:
    """The stricter view of a child's inspection: ours if we hold it, else the incoming one
    (an incoming change of the parent itself is judged on its own)."""
    return store.get("inspections", inspection_id) or \
        incoming.get("inspections", {}).get(inspection_id) or {}


def _held_or_incoming(store, incoming, table: str, record_id) -> dict:
    return (record_id and store.get(table, record_id)) or \
        incoming.get(table, {}).get(record_id) or {}


def _status_only(ours: dict, theirs: dict) -> bool:
    changed = {k for k in theirs if k not in ("rev", "base_rev", "device_id", "ancestry")
               and theirs.get(k) != ours.get(k)}
    return bool(changed) and changed <= ACTION_STATUS_ONLY


def creator_of(store, table: str, row: dict) -> str:
    """The device of the earliest version we know of a record (revs end in the device id)."""
    revs = [r["rev"] for r in store.query(
        "select rev from history where table_name = ? and record_id = ?", [table, row["id"]])]
    earliest = min(revs + [row["rev"]])
    return earliest.split(".", 2)[2]


def check_resolution(ws, table: str, row: dict) -> None:
    """Resolving a conflict writes the record: the same rules as changing it directly."""
    from app.security.roles import RoleError, actor_of, refusal
    actor = actor_of(ws)
    if actor.unrestricted or actor.role == "admin":
        return
    ours = ws.store.get(table, row["id"])
    for version in filter(None, (ours, row)):
        action, school = record_action(ws.store, {}, table, version, ours, row)
        if action and not actor.may(action, school):
            raise RoleError(refusal(actor, action, school))
