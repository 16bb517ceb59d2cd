"""What the demo generator does to an inspection, through the real services one call at a
time: the reference path (`DemoBuilder` uses it unless told otherwise, and tests compare
the batched path in `demo_batch.py` with it).

Each method is one service call with the arguments the builder decided; the builder owns
every random choice, so both paths draw the same numbers in the same order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.services import actions, answers, evidence, inspections, reads, schools, signoff
from app.services.demo_images import signature_png

if TYPE_CHECKING:
    from app.domain.scoring import Result
    from app.workspace import Workspace


class ServiceOps:
    def __init__(self, ws: Workspace):
        self.ws = ws

    def teachers(self, school_id: str) -> list[dict]:
        return schools.list_teachers(self.ws, school_id)

    def visit_date(self, inspection_id: str) -> str:
        return self.ws.store.get("inspections", inspection_id)["visit_date"]

    def start(self, school_id: str, template, mode: str, teacher_id: str | None, day: str,
              who: list[str], follow_up_of: str | None, self_assessment_id: str | None) -> str:
        return inspections.start_inspection(
            self.ws, school_id=school_id, template=template.id, mode=mode,
            teacher_id=teacher_id, visit_date=day, inspectors=who, follow_up_of=follow_up_of,
            self_assessment_id=self_assessment_id).created

    def answer(self, inspection_id: str, item, value, note: str | None) -> None:
        answers.answer_item(self.ws, inspection_id, item.key, value,
                            note=note if note else answers._UNSET)

    def attach(self, inspection_id: str, item, data: bytes, filename: str,
               caption: str) -> None:
        evidence.attach_file(self.ws, inspection_id, item.key, data=data, filename=filename,
                             caption=caption)

    def evaluate(self, inspection_id: str) -> Result:
        return reads.evaluate(self.ws, inspection_id)

    def raise_action(self, inspection_id: str, item_key: str, *, description: str,
                     severity: str, responsible: str, due_date: str) -> None:
        actions.raise_action(self.ws, inspection_id, item_key=item_key,
                             description=description, severity=severity,
                             responsible=responsible, due_date=due_date)

    def complete(self, inspection_id: str) -> None:
        inspections.complete_inspection(self.ws, inspection_id)

    def sign_off(self, inspection_id: str, signer: str, role: str, stroke: list) -> None:
        signoff.sign_off(self.ws, inspection_id, signer=signer, role=role,
                         image_png=signature_png(stroke))

    def open_actions(self, inspection_id: str) -> list[dict]:
        return actions.open_actions_of(self.ws, inspection_id)

    def move(self, action_id: str, status: str, note: str) -> None:
        actions.move_action(self.ws, action_id, status, note=note)

    def earlier_with_open_actions(self, school_id: str, key: str) -> str | None:
        """The first signed visit (by id) of this school with this template whose actions
        are not all closed: the visit a follow-up looks back at."""
        rows = self.ws.store.query(
            "select i.id from inspections i where i.school_id = ? and i.template_key = ? and "
            "i.status = 'signed' and exists (select 1 from actions a where "
            "a.inspection_id = i.id and a.deleted = 0) order by i.id", [school_id, key])
        return next((r["id"] for r in rows if self.open_actions(r["id"])), None)

    def done(self, inspection_id: str) -> None:
        """Nothing to do: every call above has already written its rows."""

    def finish(self) -> None:
        """Nothing to do: every call above has already written its rows."""

    def close(self) -> None:
        """Nothing to release."""
