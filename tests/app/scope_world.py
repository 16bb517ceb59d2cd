"""A district of two schools as a principal's device holds it after a sync (for the read-scope
tests of services, the command line and the window).

The office (admin) keeps schools A and B; an inspector inspects both (answers, a photo, an
overdue corrective action with a reported rectification, signed) and evaluates one teacher
of each; the office's full bundle then reaches the principal of A. B's ethics evaluation is
sealed away from that principal, so one more is made on the principal's own database with
the rules waived — data held locally from before, or a demo — which no read may show either.
Last, the office and the inspector change B's telephone number differently: both bundles
reach the principal, whose device records a conflict over B's record.
"""

from __future__ import annotations

import pytest

from app.security import roles
from app.services import actions, inspections, schools, signoff
from app.services.answers import answer_item
from app.services.templates import get_template
from tests.app.sync.helpers import fill, png, send
from tests.conftest import open_profile


def evaluate(ws, school_id: str, teacher_id: str) -> str:
    """A completed teacher-ethics evaluation (every item answered)."""
    template = get_template(ws, "teacher_ethics")
    evaluation = inspections.start_inspection(ws, school_id=school_id, template="teacher_ethics",
                                              teacher_id=teacher_id).created
    for item in template.items:
        if item.type == "score":
            answer_item(ws, evaluation, item.key, 95)
        elif item.type == "yes_no":
            answer_item(ws, evaluation, item.key, "yes")
    inspections.complete_inspection(ws, evaluation)
    return evaluation


def _visit(ws, school_id: str, name: str) -> dict:
    visit = inspections.start_inspection(ws, school_id=school_id, template="mini",
                                         visit_date="2026-03-01").created
    fill(ws, visit)
    action = actions.raise_action(ws, visit, description=f"{name}：更换灭火器",
                                  due_date="2026-03-05").created
    inspections.complete_inspection(ws, visit)
    signoff.sign_off(ws, visit, signer="张督学", image_png=png((0, 0, 0)))
    return {"visit": visit, "action": action}


def build(prepared_db, root) -> dict:
    """The profiles (open; the caller closes them) and the ids, keyed A/B."""
    office = open_profile(prepared_db, root / "office")
    office.set_identity(name="区督导室王主任", role="admin")
    inspector = open_profile(prepared_db, root / "inspector")
    inspector.set_identity(name="张督学", role="inspector")
    principal = open_profile(prepared_db, root / "principal")
    ids: dict = {}
    for key, name in (("A", "育才小学"), ("B", "实验小学")):
        ids[key] = {"school": schools.add_school(office, name=name, name_en=f"School {key}",
                                                 district="青山区", level="primary",
                                                 code=f"CODE-{key}").created,
                    "name": name}
        ids[key]["teacher"] = schools.add_teacher(office, ids[key]["school"],
                                                  name=f"{key}老师").created
    principal.set_identity(name="王校长", role="principal", schools=[ids["A"]["school"]])
    send(principal, office, root)                  # the office meets the principal's device
    send(office, inspector, root, kind="full")
    for key in ("A", "B"):
        ids[key].update(_visit(inspector, ids[key]["school"], ids[key]["name"]))
        ids[key]["ethics"] = evaluate(inspector, ids[key]["school"], ids[key]["teacher"])
    for key in ("A", "B"):
        actions.rectify(inspector, ids[key]["action"], note=f"{key}：已更换",
                        photos=[("after.png", png((0, 90, 0)))])
    send(inspector, office, root)
    send(office, principal, root, kind="full")
    with roles.training(principal):                 # held here from before: never shown
        ids["B"]["local_ethics"] = evaluate(principal, ids["B"]["school"], ids["B"]["teacher"])
    schools.edit_school(office, ids["B"]["school"], phone="110")
    schools.edit_school(inspector, ids["B"]["school"], phone="120")
    send(office, principal, root)
    send(inspector, principal, root)
    return {"office": office, "inspector": inspector, "principal": principal, **ids}


def world_fixture(folder: str):
    """A module-scoped `world` fixture: the district built once per test module, its three
    profiles closed after it."""
    @pytest.fixture(scope="module")
    def world(prepared_db, tmp_path_factory):
        found = build(prepared_db, tmp_path_factory.mktemp(folder))
        yield found
        for key in ("office", "inspector", "principal"):
            found[key].close()
    return world


def leaks(text: str, world: dict) -> list[str]:
    """Which of B's ids, names or notes appear in `text` (a page, a file, an output)."""
    b = world["B"]
    marks = [b["school"], b["teacher"], b["visit"], b["action"], b["ethics"],
             b["local_ethics"], b["name"], "School B", "CODE-B", "B老师", "B："]
    return [m for m in marks if m in text]
