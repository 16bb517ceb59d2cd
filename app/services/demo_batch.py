"""The demo generator's batched path: what the services would write for each step of an
inspection, made in memory (`demo_rows.RowSink`) and written per table with executemany.

Every method mirrors one service call of `demo_ops.ServiceOps` and makes the same rows in the
same order: the same ids (the Store's seeded id factory is called where the service calls
it), the same clock readings (the demo's FixedClock moves one second per reading, so even
the readings a service makes only to know "today" are made here too), the same revs,
history rows and audit entries, the same device signature on each sign-off over the same
content hash (`app.security.signoffs`), the same scores (`app.domain.scoring`) and the same
action states (`action_query.with_state`, the one rule). What the services check that demo
data could break (answers, due dates, moves, completeness) is checked with their rules; the
role rules are waived for demo data either way (`roles.training`).

State kept between inspections is what later steps read: each inspection's visit date,
school, status and template key; every action and action event of each school (a follow-up
carries open actions over, a sign-off moves them); signed visits with actions.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import math
import mimetypes
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from app.clock import local_date
from app.domain import actions as rule
from app.domain.answers import normalise_answer
from app.domain.limits import check_date
from app.domain.scoring import Result, score, with_actions
from app.domain.status import EDITABLE
from app.domain.templates import canonical_json
from app.errors import StateError, ValidationError
from app.security.signoffs import (AMENDMENT_FIELDS, AUTHOR_ROLES, CONTENT_FIELDS,
                                   sign_row, subject_json)
from app.services import photos, schools
from app.services.action_query import with_state
from app.services.answers import response_id
from app.services.demo_images import signature_png
from app.services.demo_rows import RowSink
from app.services.inspections import missing_text
from app.services.today import district_timezone
from app.storage.scores import score_row

if TYPE_CHECKING:
    from app.workspace import Workspace

# json.dumps(…, ensure_ascii=False), as answers.answer_item stores a value, built once.
_JSON = json.JSONEncoder(ensure_ascii=False).encode


def value_json(value) -> str:
    """`_JSON(value)`; a whole or finite number is its repr, which is what json writes for
    it, without the encoder's general path (half the demo's answers are numbers)."""
    kind = type(value)
    if kind is int:
        return int.__repr__(value)
    if kind is float and math.isfinite(value):
        return float.__repr__(value)
    return _JSON(value)


FLUSH_EVERY = 250   # inspections made in memory between two bulk writes (bounded memory)
KEPT = ("school_id", "visit_date", "mode", "status", "template_key")


class Visit:
    """An inspection being made: its row (updated in place) and its children."""

    def __init__(self, row: dict):
        self.row = row
        self.responses: dict[str, dict] = {}
        self.values: dict[str, object] = {}
        self.evidence: list[dict] = []
        self.actions: list[dict] = []
        self.result: Result | None = None   # scored since the last answer or file


class BatchOps:
    def __init__(self, ws: Workspace, templates: dict):
        self.ws, self.store = ws, ws.store
        self.sink = RowSink(ws.store, ws.actor)
        self.templates = {t.id: t for t in templates.values()}
        self.device_key = ws.device_key
        self.keep_originals = photos.keep_originals(ws.store)
        self.zone = district_timezone(ws)
        self.visits: dict[str, Visit] = {}                  # being made
        self.made: dict[str, dict] = {}                     # finished: the KEPT fields
        # Actions by logical action (a chain of carried copies, keyed by its first row):
        # a chain's state depends on its own rows and events only.
        self.root_of: dict[str, str] = {}
        self.chain_rows: dict[str, list] = defaultdict(list)
        self.chain_events: dict[str, list] = defaultdict(list)
        self.visit_actions: dict[str, list] = defaultdict(list)
        self.signed_with_actions: dict[tuple, list] = defaultdict(list)
        self._teachers: dict[str, list] = {}
        self._prepared: dict = {}
        self._unanswered: dict[str, Result] = {}   # template id → score of a blank visit
        self.scores: list[tuple] = []
        self.count = 0

    # -- reads ----------------------------------------------------------------------------
    def teachers(self, school_id: str) -> list[dict]:
        if school_id not in self._teachers:   # written by the services before this path
            self._teachers[school_id] = schools.list_teachers(self.ws, school_id)
        return self._teachers[school_id]

    def visit_date(self, inspection_id: str) -> str:
        return self._kept(inspection_id)["visit_date"]

    def _kept(self, inspection_id: str) -> dict:
        visit = self.visits.get(inspection_id)
        return visit.row if visit else self.made[inspection_id]

    def _editable(self, inspection_id: str) -> Visit:
        visit = self.visits[inspection_id]
        if visit.row["status"] not in EDITABLE:
            raise StateError(f"demo: inspection {inspection_id} is {visit.row['status']}.")
        return visit

    # -- inspections.start_inspection -----------------------------------------------------
    def start(self, school_id: str, template, mode: str, teacher_id: str | None, day: str,
              who: list[str], follow_up_of: str | None, self_assessment_id: str | None) -> str:
        visit_date = check_date(day, "visit date")
        now = self.store.clock_iso()
        row = self.sink.insert("inspections", {
            "template_id": template.id, "template_key": template.key,
            "template_version": template.version, "school_id": school_id,
            "teacher_id": teacher_id, "mode": mode, "status": "draft",
            "visit_date": visit_date,
            "inspectors": json.dumps(who or [self.ws.actor], ensure_ascii=False),
            "follow_up_of": None, "self_assessment_id": None, "summary": "",
            "created_at": now, "updated_at": now})
        visit = self.visits[row["id"]] = Visit(row)
        if follow_up_of:
            self._carry_over(visit, follow_up_of)
        if self_assessment_id:
            own = self._kept(self_assessment_id)
            if own["mode"] != "self_assessment" or own["school_id"] != school_id:
                raise ValidationError("demo: a verification pairs a self-assessment of its "
                                      "school.")
            self.sink.update("inspections", row, {"self_assessment_id": self_assessment_id,
                                                  "updated_at": self.store.clock_iso()})
        self.sink.audit("inspection.start", "inspections", row["id"],
                        {"template": f"{template.key}@{template.version}", "mode": mode,
                         "school_id": school_id})
        return row["id"]

    def _carry_over(self, visit: Visit, earlier_id: str) -> None:
        """actions.carry_over_actions: the earlier visit's open actions, copied."""
        if self._kept(earlier_id)["school_id"] != visit.row["school_id"]:
            raise ValidationError("demo: a follow-up visit must be to the same school.")
        self.sink.update("inspections", visit.row, {"follow_up_of": earlier_id})
        for action in self.open_actions(earlier_id):
            copy = {k: action[k] for k in ("item_key", "school_id", "description", "severity",
                                           "responsible", "due_date", "status")}
            row = self.sink.insert("actions", {
                **copy, "inspection_id": visit.row["id"], "carried_from": action["id"],
                "note": "", "created_at": self.store.clock_iso(),
                "updated_at": self.store.clock_iso()})
            self._add_action(visit, row)

    def _touch(self, visit: Visit, status: str) -> None:
        """guard.touch, with the status the service read before it wrote."""
        if status == "draft":
            self.sink.update("inspections", visit.row, {"status": "in_progress"})

    # -- answers and evidence -------------------------------------------------------------
    def answer(self, inspection_id: str, item, value, note: str | None) -> None:
        visit = self._editable(inspection_id)
        status = visit.row["status"]
        stored = normalise_answer(item, value)
        if item.key in visit.responses:
            raise ValidationError(f"demo: item {item.key} answered twice.")
        row = self.sink.insert("responses", {
            "inspection_id": inspection_id, "item_key": item.key,
            "value": None if stored is None else value_json(stored), "note": note or "",
            "answered_by": self.ws.actor, "answered_at": self.store.clock_iso()},
            record_id=response_id(inspection_id, item.key))
        visit.responses[item.key] = row
        visit.result = None
        if row["value"]:   # as reads.evaluate reads it back (JSON keeps a scalar as it is)
            visit.values[item.key] = stored if type(stored) in (str, int, float) \
                else json.loads(row["value"])
        self._touch(visit, status)

    def attach(self, inspection_id: str, item, data: bytes, filename: str,
               caption: str) -> None:
        visit = self._editable(inspection_id)
        status = visit.row["status"]
        prepared, sha, mime = self._prepare(data, filename)
        if prepared.changed and self.keep_originals:
            self.store.keep_original(sha, data, filename)
        self.sink.blob(sha, prepared.data, mime)
        row = self.sink.insert("attachments", {
            "inspection_id": inspection_id, "item_key": item.key, "sha256": sha,
            "filename": prepared.filename, "mime": mime, "size": len(prepared.data),
            "caption": caption, "created_at": self.store.clock_iso()})
        visit.evidence.append(row)
        visit.result = None
        self._touch(visit, status)
        self.sink.audit("evidence.attach", "attachments", row["id"],
                        {"sha256": sha, "item": item.key})

    def _prepare(self, data: bytes, filename: str):
        """evidence.attach_file's preparation, once per distinct file."""
        key = (data, filename)
        if key not in self._prepared:
            prepared = photos.prepare(data, filename)
            mime = prepared.mime or mimetypes.guess_type(prepared.filename or "")[0] or \
                "application/octet-stream"
            self._prepared[key] = (prepared, hashlib.sha256(prepared.data).hexdigest(), mime)
        return self._prepared[key]

    # -- reads.evaluate and inspections.complete_inspection -------------------------------
    def evaluate(self, inspection_id: str) -> Result:
        """reads.evaluate. Scored once after the last answer or file: raising actions
        changes only which facts are missing (scoring.with_actions)."""
        visit = self.visits[inspection_id]
        actions = Counter(a["item_key"] for a in visit.actions if a["item_key"] is not None)
        if visit.result is None:
            evidence = Counter(r["item_key"] for r in visit.evidence)
            visit.result = score(self.templates[visit.row["template_id"]], visit.values,
                                 evidence, actions=actions,
                                 notes={k: r["note"] or "" for k, r in visit.responses.items()})
        return with_actions(visit.result, actions)

    def complete(self, inspection_id: str) -> None:
        visit = self._editable(inspection_id)
        result = self.evaluate(inspection_id)
        if not result.complete:
            raise ValidationError(missing_text(result))
        self.sink.update("inspections", visit.row, {
            "status": "completed", "completed_at": self.store.clock_iso(),
            "updated_at": self.store.clock_iso(), "subject": self._subject(visit.row)})
        self.sink.audit("inspection.complete", "inspections", inspection_id,
                        {"total": result.total,
                         "grade": result.grade.key if result.grade else None})

    def _subject(self, row: dict) -> str:
        """signoffs.subject_now from the rows in memory (schools and teachers were written
        by the services before this path; a verified self-assessment may still be here)."""
        teacher = next((t for t in self.teachers(row["school_id"])
                        if t["id"] == row["teacher_id"]), None) if row["teacher_id"] else None
        own_id = row.get("self_assessment_id")
        if not own_id:
            return subject_json(self.store.get("schools", row["school_id"]), teacher, None,
                                None)
        made = self.visits.get(own_id)
        values = made.values if made else self.made[own_id]["values"]
        return subject_json(self.store.get("schools", row["school_id"]), teacher,
                            self._kept(own_id)["visit_date"], dict(values))

    # -- signoff.sign_off -----------------------------------------------------------------
    def sign_off(self, inspection_id: str, signer: str, role: str, stroke: list) -> None:
        """signoff.sign_off: the drawn signature's image (checked as the service checks
        it) and the device signature over the row, which covers the image's hash."""
        visit = self.visits[inspection_id]
        row = visit.row
        if row["status"] not in ("completed", "signed"):
            raise StateError("Complete the inspection before signing it.")
        png = signature_png(stroke)
        if not png.startswith(b"\x89PNG"):
            raise ValidationError("The drawn signature must be a PNG image.")
        image_sha256 = hashlib.sha256(png).hexdigest()
        self.sink.blob(image_sha256, png, "image/png")
        digest = self.content_sha256(visit)
        now = self.store.clock_iso()
        fields = {"id": self.store.new_id(), "inspection_id": inspection_id,
                  "signer": signer.strip(), "role": role, "signed_at": now,
                  "image_sha256": image_sha256, "content_sha256": digest,
                  "captured_by": self.ws.profile.device_id, "device_sig": None}
        signature = self.sink.insert("signatures", fields)
        signature["device_sig"] = sign_row(signature, self.device_key)
        if row["status"] != "signed" and role in AUTHOR_ROLES.get(row["mode"], ("inspector",)):
            self.sink.update("inspections", row, {"status": "signed", "signed_at": now,
                                                  "content_sha256": digest,
                                                  "updated_at": now})
        self.sink.audit("inspection.sign", "inspections", inspection_id,
                        {"signer": signer, "role": role, "content_sha256": digest})

    def content_sha256(self, visit: Visit) -> str:
        """signoffs.content_sha256 from the rows in memory (the same queries' orders)."""
        row = visit.row
        own = {k: row[k] for k in CONTENT_FIELDS}
        if row.get("amendment"):
            own.update({k: row[k] for k in AMENDMENT_FIELDS})
        if row.get("subject"):
            own["subject"] = row["subject"]
        responses = [{"item_key": r["item_key"], "value": r["value"], "note": r["note"]}
                     for _, r in sorted(visit.responses.items())]
        evidence = [{"item_key": k, "sha256": s, "caption": c} for k, s, c in sorted(
            (r["item_key"], r["sha256"], r["caption"]) for r in visit.evidence)]
        actions = [{k: a[k] for k in ("id", "item_key", "description", "severity",
                                      "responsible", "due_date")}
                   for a in sorted(visit.actions, key=lambda a: a["id"])]
        content = {"inspection": own, "responses": responses, "evidence": evidence,
                   "actions": actions}
        return hashlib.sha256(canonical_json(content).encode()).hexdigest()

    # -- corrective actions ---------------------------------------------------------------
    def raise_action(self, inspection_id: str, item_key: str, *, description: str,
                     severity: str, responsible: str, due_date: str) -> None:
        visit = self._editable(inspection_id)
        problem = rule.due_problem(due_date, visit.row["visit_date"])
        if problem or not description.strip():
            raise ValidationError(problem or "description: say what must be corrected.")
        now = self.store.clock_iso()
        row = self.sink.insert("actions", {
            "inspection_id": inspection_id, "item_key": item_key,
            "school_id": visit.row["school_id"], "description": description.strip(),
            "severity": severity, "responsible": responsible.strip(), "due_date": due_date,
            "status": "pending", "created_at": now, "updated_at": now, "note": ""})
        self.sink.audit("action.raise", "actions", row["id"], {"inspection_id": inspection_id})
        self._add_action(visit, row)

    def _add_action(self, visit: Visit, row: dict) -> None:
        visit.actions.append(row)
        root = self.root_of.get(row["carried_from"], row["id"])
        self.root_of[row["id"]] = root
        self.chain_rows[root].append(row)
        self.visit_actions[row["inspection_id"]].append(row)

    def _state(self, action_rows: list[dict]) -> list[dict]:
        """action_query.current_actions for these rows of one school, as its full query
        would give them (state from the rule in action_query.with_state, created order): the
        chains they belong to are all a row's state depends on. Reading "today" moves the
        demo clock, as the query does."""
        # services.today.today, with the district's zone read once (nothing in the demo's
        # transaction changes it): the same clock reading, the same day.
        today = local_date(self.store.clock.now(), self.zone).isoformat()
        roots = dict.fromkeys(self.root_of[a["id"]] for a in action_rows)
        rows = sorted((dict(a) for root in roots for a in self.chain_rows[root]),
                      key=lambda a: (a["created_at"], a["rev"]))
        events = sorted((e for root in roots for e in self.chain_events[root]),
                        key=lambda e: e["rev"])
        return with_state(rows, events, today)

    def open_actions(self, inspection_id: str) -> list[dict]:
        """actions.open_actions_of."""
        return [a for a in self._state(self.visit_actions[inspection_id])
                if a["inspection_id"] == inspection_id and a["open"]]

    def move(self, action_id: str, status: str, note: str) -> None:
        """actions.move_action, as a training profile (role rules waived: admin)."""
        root = self.root_of[action_id]
        state = next(a for a in self._state(self.chain_rows[root]) if a["id"] == action_id)
        problem = rule.move_problem(state["status"], status, "admin", note)
        if problem:
            raise StateError(problem[0].upper() + problem[1:])
        visit_id = state["inspection_id"] if status in rule.CHECKER_MOVES and \
            state["carried_from"] else None
        event = self.sink.insert("action_events", {
            "action_id": action_id, "school_id": state["school_id"],
            "from_status": state["status"], "to_status": status, "note": note.strip(),
            "actor": self.ws.actor, "actor_role": self.ws.profile.role,
            "at": self.store.clock_iso(), "visit_id": visit_id})
        self.sink.audit(f"action.{status}", "actions", action_id,
                        {"event": event["id"], "from": state["status"], "evidence": 0,
                         "visit": visit_id})
        self.chain_events[root].append(event)

    def earlier_with_open_actions(self, school_id: str, key: str) -> str | None:
        for inspection_id in self.signed_with_actions[(school_id, key)]:
            if self.open_actions(inspection_id):
                return inspection_id
        return None

    # -- bookkeeping ----------------------------------------------------------------------
    def done(self, inspection_id: str) -> None:
        """The inspection is finished: keep what later steps read, write in batches."""
        visit = self.visits.pop(inspection_id)
        row = visit.row
        self.scores.append(self._score_row(visit))
        self.made[inspection_id] = {k: row[k] for k in KEPT}
        if row["mode"] == "self_assessment":     # a verification's snapshot prints them
            self.made[inspection_id]["values"] = dict(visit.values)
        if row["status"] == "signed" and visit.actions:
            bisect.insort(self.signed_with_actions[(row["school_id"], row["template_key"])],
                          inspection_id)
        self.count += 1
        if self.count % FLUSH_EVERY == 0:
            self.flush()

    def _score_row(self, visit: Visit) -> tuple:
        """The inspection's stored score, from its final answers and files (the list would
        otherwise rescore every demo inspection when it first opens)."""
        template = self.templates[visit.row["template_id"]]
        if visit.result is None and not visit.responses and not visit.evidence:
            if template.id not in self._unanswered:
                self._unanswered[template.id] = score(template, {}, {})
            visit.result = self._unanswered[template.id]
        elif visit.result is None:
            self.evaluate(visit.row["id"])
        return score_row(visit.row["id"], template, visit.result)

    def flush(self) -> None:
        self.sink.flush()
        self.store.put_scores(self.scores)   # after the triggers marked them dirty
        self.scores = []

    def finish(self) -> None:
        self.flush()
        self.store.save_clock()

    def close(self) -> None:
        """Nothing to release."""
