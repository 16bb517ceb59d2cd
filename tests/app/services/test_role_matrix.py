"""The role matrix: every mutating service driven as each role — an inspector, the principal
of the school concerned, the principal of another school, and the district office — and
either allowed or refused with one line naming the role and the action (docs/ROLES.md)."""

import itertools

import pytest

from app.security import roles
from app.security.roles import RoleError
from app.services import actions, answers, deletion, evidence, inspections, schools
from app.services import signoff
from app.services import templates as templates_service
from app.services.ethics import latest_evaluations
from app.sync.conflicts import list_conflicts, resolve_conflict
from tests.app.sync.helpers import fill, png, send
from tests.conftest import MINI_TEMPLATE, open_profile

ACTORS = ("inspector", "principal", "other_principal", "admin")
_names = itertools.count()


class World:
    """One profile; each case builds its own records with the rules waived, then acts."""

    def __init__(self, ws, peer, tmp):
        self.ws, self.peer, self.tmp = ws, peer, tmp
        with roles.training(ws):
            self.school = schools.add_school(ws, name="育才小学").created
            self.other = schools.add_school(ws, name="实验小学").created
            self.teacher = schools.add_teacher(ws, self.school, name="陈老师").created

    def become(self, actor: str) -> None:
        role = "principal" if "principal" in actor else actor
        school = self.other if actor == "other_principal" else self.school
        self.ws.set_identity(name="张督学", role=role,
                             schools=[school] if role == "principal" else [])

    def inspection(self, mode="inspection", status="in_progress") -> str:
        with roles.training(self.ws):
            iid = inspections.start_inspection(self.ws, school_id=self.school, template="mini",
                                               mode=mode, inspectors=["张督学"]).created
            answers.answer_item(self.ws, iid, "a.samples", "yes")
            if status in ("completed", "signed"):
                fill(self.ws, iid)
                inspections.complete_inspection(self.ws, iid)
            if status == "signed":
                signoff.sign_off(self.ws, iid, signer="张督学", image_png=png())
        return iid

    def action(self, reported: bool) -> str:
        iid = self.inspection()
        with roles.training(self.ws):
            aid = actions.raise_action(self.ws, iid, description="补齐台账").created
            if reported:
                actions.rectify(self.ws, aid, note="已整改")
        return aid

    def conflict(self) -> str:
        """A real conflict: the same answer changed here and on a second laptop."""
        iid = self.inspection()
        with roles.training(self.ws):
            send(self.ws, self.peer, self.tmp, kind="full")
            answers.answer_item(self.peer, iid, "a.score", "1")
            answers.answer_item(self.ws, iid, "a.score", "4")
            send(self.peer, self.ws, self.tmp)
        return next(c["id"] for c in list_conflicts(self.ws) if c["record_id"] ==
                    answers.response_id(iid, "a.score"))


def _template_copy(w) -> str:
    path = w.tmp / f"t{next(_names)}.json"
    path.write_text(MINI_TEMPLATE.read_text("utf-8"), "utf-8")
    return str(path)


# case name → (set up and return a call, the actors allowed)
CASES = {
    "add school": (lambda w: lambda: schools.add_school(w.ws, name="新学校"),
                   {"inspector", "admin"}),
    "edit school": (lambda w: lambda: schools.edit_school(w.ws, w.school, phone="1"),
                    {"inspector", "principal", "admin"}),
    "add teacher": (lambda w: lambda: schools.add_teacher(w.ws, w.school, name="李老师"),
                    {"inspector", "principal", "admin"}),
    "edit teacher": (lambda w: lambda: schools.edit_teacher(w.ws, w.teacher, subject="语文"),
                     {"inspector", "principal", "admin"}),
    "import template": (lambda w: (lambda p: lambda: templates_service.import_template(
        w.ws, p))(_template_copy(w)), {"admin"}),
    "start inspection": (lambda w: lambda: inspections.start_inspection(
        w.ws, school_id=w.school, template="mini"), {"inspector", "admin"}),
    "start self-assessment": (lambda w: lambda: inspections.start_inspection(
        w.ws, school_id=w.school, template="mini", mode="self_assessment"),
        {"inspector", "principal"}),
    "answer a finding": (lambda w: (lambda i: lambda: answers.answer_item(
        w.ws, i, "a.score", "2"))(w.inspection()), {"inspector"}),
    "answer the self-assessment": (lambda w: (lambda i: lambda: answers.answer_item(
        w.ws, i, "a.score", "2"))(w.inspection("self_assessment")), {"inspector", "principal"}),
    "note on a finding": (lambda w: (lambda i: lambda: answers.set_note(
        w.ws, i, "a.score", "x"))(w.inspection()), {"inspector"}),
    "summary of a finding": (lambda w: (lambda i: lambda: inspections.set_summary(
        w.ws, i, "x"))(w.inspection()), {"inspector"}),
    "attach evidence": (lambda w: (lambda i: lambda: evidence.attach_file(
        w.ws, i, "b.fridge", data=png(), filename="p.png"))(w.inspection()), {"inspector"}),
    "remove evidence": (lambda w: (lambda a: lambda: evidence.remove_attachment(w.ws, a))(
        _attached(w)), {"inspector"}),
    "raise action": (lambda w: (lambda i: lambda: actions.raise_action(
        w.ws, i, description="整改"))(w.inspection()), {"inspector"}),
    "edit action": (lambda w: (lambda a: lambda: actions.edit_action(
        w.ws, a, description="改"))(_open_action(w)), {"inspector"}),
    "report rectification": (lambda w: (lambda a: lambda: actions.rectify(
        w.ws, a, note="已整改"))(w.action(False)), {"inspector", "principal", "admin"}),
    "note on an action": (lambda w: (lambda a: lambda: actions.edit_action(
        w.ws, a, note="已联系"))(_open_action(w)), {"inspector", "principal", "admin"}),
    "mark an action in progress": (lambda w: (lambda a: lambda: actions.move_action(
        w.ws, a, "in_progress"))(_open_action(w)), {"inspector", "principal", "admin"}),
    "verify action": (lambda w: (lambda a: lambda: actions.verify(
        w.ws, a, verified=True, note="已核查"))(w.action(True)), {"inspector", "admin"}),
    "complete": (lambda w: (lambda i: lambda: inspections.complete_inspection(w.ws, i))(
        _filled(w)), {"inspector"}),
    "reopen": (lambda w: (lambda i: lambda: inspections.reopen_inspection(w.ws, i))(
        w.inspection(status="completed")), {"inspector"}),
    "amend": (lambda w: (lambda i: lambda: inspections.amend_inspection(w.ws, i, "typo"))(
        w.inspection(status="signed")), {"inspector"}),
    "sign as inspector": (lambda w: (lambda i: lambda: signoff.sign_off(
        w.ws, i, signer="张督学"))(w.inspection(status="completed")), {"inspector"}),
    "countersign as principal": (lambda w: (lambda i: lambda: signoff.sign_off(
        w.ws, i, signer="王校长", role="principal"))(w.inspection(status="signed")),
        {"inspector", "principal"}),
    "link a self-assessment": (lambda w: (lambda i, s: lambda: inspections.link_self_assessment(
        w.ws, i, s))(w.inspection(), w.inspection("self_assessment")), {"inspector"}),
    "resolve a conflict over a finding": (lambda w: (lambda c: lambda: resolve_conflict(
        w.ws, c, "theirs"))(w.conflict()), {"inspector", "admin"}),
    "delete an inspection": (lambda w: (lambda i: lambda: deletion.delete_inspection(
        w.ws, i))(w.inspection()), {"inspector"}),
    "delete a self-assessment": (lambda w: (lambda i: lambda: deletion.delete_inspection(
        w.ws, i))(w.inspection("self_assessment")), {"inspector", "principal"}),
    "read ethics results": (lambda w: lambda: latest_evaluations(w.ws, w.school),
                            {"inspector", "principal", "admin"}),
}


def _attached(w) -> str:
    iid = w.inspection()
    with roles.training(w.ws):
        return evidence.attach_file(w.ws, iid, "b.fridge", data=png(), filename="p.png").created


def _open_action(w) -> str:
    iid = w.inspection()
    with roles.training(w.ws):
        return actions.raise_action(w.ws, iid, description="补齐台账").created


def _filled(w) -> str:
    iid = w.inspection()
    with roles.training(w.ws):
        fill(w.ws, iid)
    return iid


@pytest.fixture(scope="module")
def world(prepared_db, tmp_path_factory):
    root = tmp_path_factory.mktemp("roles")
    ws, peer = open_profile(prepared_db, root / "a"), open_profile(prepared_db, root / "b")
    yield World(ws, peer, root)
    ws.close()
    peer.close()


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("case", list(CASES))
def test_every_mutating_service_as_every_role(world, case, actor):
    make, allowed = CASES[case]
    world.become("inspector")
    call = make(world)
    world.become(actor)
    if actor in allowed:
        call()
        return
    with pytest.raises(RoleError) as refused:
        call()
    message = str(refused.value)
    role = "principal" if "principal" in actor else actor
    assert "\n" not in message and message.startswith("Refused:")
    assert roles.ROLE_LABELS[role] in message


def test_an_inspector_signs_only_as_a_member_of_the_team(world):
    world.become("inspector")
    iid = world.inspection(status="completed")
    with pytest.raises(RoleError, match="not on this inspection's team"):
        signoff.sign_off(world.ws, iid, signer="冒名者")
    signoff.sign_off(world.ws, iid, signer="张督学")


def test_demo_data_is_every_roles(make_workspace):
    from app.services.demo import generate_demo
    ws = make_workspace("principal")
    ws.set_identity(role="principal", schools=["0000-not-yet-known"])
    generate_demo(ws, schools=2, inspections=3, seed=3)
    assert ws.store.scalar("select count(*) from schools where deleted = 0") == 2
    assert schools.list_schools(ws) == []       # made, but not this principal's to read


def test_docs_print_the_table_the_services_use():
    from pathlib import Path
    doc = (Path(__file__).parents[3] / "docs" / "ROLES.md").read_text("utf-8")
    assert roles.markdown_table() in doc
