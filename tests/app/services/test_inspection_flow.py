"""An inspector's visit through the services: start, answer, evidence, actions, complete,
sign, and the frozen result."""

import io

import pytest
from PIL import Image

from app.errors import FrozenError, NotFoundError, StateError, ValidationError
from app.services import actions, answers, evidence, inspections, reads, signoff
from app.services.templates import get_template


def _png(color=(200, 30, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), color).save(buffer, format="PNG")
    return buffer.getvalue()


def _answer_all(ws, inspection_id, **overrides):
    values = {"a.samples": "yes", "a.score": "4", "a.rating": "good", "b.fridge": "5",
              "b.choice": "full", **overrides}
    for key, value in values.items():
        answers.answer_item(ws, inspection_id, key, value)


def test_the_template_version_is_pinned_when_an_inspection_starts(ws, school_id):
    created = inspections.start_inspection(ws, school_id=school_id, template="mini").created
    row = ws.store.get("inspections", created)
    assert (row["template_key"], row["template_version"], row["status"]) == ("mini", 1, "draft")
    assert row["template_id"] == get_template(ws, "mini").id


def test_the_first_answer_moves_a_draft_into_progress(ws, mini_inspection):
    changes = answers.answer_item(ws, mini_inspection, "a.samples", "yes", note="台账齐全")
    assert "responses" in changes.tables
    assert ws.store.get("inspections", mini_inspection)["status"] == "in_progress"
    assert answers.responses_of(ws, mini_inspection)["a.samples"]["note"] == "台账齐全"


def test_answering_the_same_item_again_updates_one_record(ws, mini_inspection):
    answers.answer_item(ws, mini_inspection, "a.score", "2")
    answers.answer_item(ws, mini_inspection, "a.score", "5")
    rows = ws.store.query("select * from responses where inspection_id = ?", [mini_inspection])
    assert len(rows) == 1 and rows[0]["value"] == "5"


def test_bad_answers_are_refused_with_what_is_allowed(ws, mini_inspection):
    with pytest.raises(ValidationError, match="outside 0..5"):
        answers.answer_item(ws, mini_inspection, "a.score", "9")
    with pytest.raises(ValidationError, match="not in this inspection's template"):
        answers.answer_item(ws, mini_inspection, "z.unknown", "yes")


def test_completion_waits_for_required_items_and_photos(ws, mini_inspection):
    _answer_all(ws, mini_inspection)
    with pytest.raises(ValidationError, match="b.fridge \\(photo\\)"):
        inspections.complete_inspection(ws, mini_inspection)
    evidence.attach_file(ws, mini_inspection, "b.fridge", data=_png(), filename="fridge.png")
    inspections.complete_inspection(ws, mini_inspection)
    assert ws.store.get("inspections", mini_inspection)["status"] == "completed"


def test_evidence_is_stored_once_however_often_it_is_attached(ws, mini_inspection):
    photo = _png()
    evidence.attach_file(ws, mini_inspection, "b.fridge", data=photo, filename="a.png")
    evidence.attach_file(ws, mini_inspection, "a.samples", data=photo, filename="b.png")
    assert ws.store.scalar("select count(*) from blobs") == 1
    assert len(evidence.attachments_of(ws, mini_inspection)) == 2


def _signed(ws, inspection_id):
    _answer_all(ws, inspection_id, **{"a.samples": "no"})
    answers.set_note(ws, inspection_id, "a.samples", "当日午餐未留样")  # the failed veto's fact
    evidence.attach_file(ws, inspection_id, "b.fridge", data=_png(), filename="f.png")
    actions.raise_action(ws, inspection_id, item_key="a.samples", description="每餐留样",
                         responsible="食堂负责人", due_date="2099-12-01")
    inspections.complete_inspection(ws, inspection_id)
    signoff.sign_off(ws, inspection_id, signer="张督学", role="inspector", image_png=_png())


def test_a_signed_inspection_is_frozen_but_can_be_countersigned(ws, mini_inspection):
    _signed(ws, mini_inspection)
    row = ws.store.get("inspections", mini_inspection)
    assert row["status"] == "signed" and row["content_sha256"]
    with pytest.raises(FrozenError, match="amendment"):
        answers.answer_item(ws, mini_inspection, "a.samples", "yes")
    with pytest.raises(FrozenError):
        evidence.attach_file(ws, mini_inspection, "b.fridge", data=_png((0, 0, 0)),
                             filename="late.png")
    signoff.sign_off(ws, mini_inspection, signer="李校长", role="principal", image_png=_png())
    assert [s["role"] for s in signoff.signatures_of(ws, mini_inspection)] == \
        ["inspector", "principal"]


def test_an_amendment_needs_signing_again_and_the_audit_log_shows_both(ws, mini_inspection):
    from app.security.audit import entries_for, verify_chain
    _signed(ws, mini_inspection)
    inspections.amend_inspection(ws, mini_inspection, "复核时发现留样记录补齐")
    answers.answer_item(ws, mini_inspection, "a.samples", "yes")
    assert signoff.signatures_of(ws, mini_inspection) == []
    assert len(signoff.signatures_of(ws, mini_inspection, current_only=False)) == 1
    logged = [e["action"] for e in entries_for(ws.store, mini_inspection)]
    assert logged.index("inspection.sign") < logged.index("inspection.amend")
    assert verify_chain(ws.store) is None


def test_signing_needs_a_completed_inspection(ws, mini_inspection):
    with pytest.raises(StateError, match="Complete"):
        signoff.sign_off(ws, mini_inspection, signer="张督学")


def test_a_follow_up_visit_carries_over_the_open_actions(ws, school_id, mini_inspection):
    _signed(ws, mini_inspection)
    follow_up = inspections.start_inspection(ws, school_id=school_id, template="mini",
                                             follow_up_of=mini_inspection).created
    carried = actions.actions_of(ws, follow_up)
    assert [a["description"] for a in carried] == ["每餐留样"]
    actions.rectify(ws, carried[0]["id"], note="已整改")
    actions.verify(ws, carried[0]["id"], verified=True, note="现场核查属实")
    original = actions.actions_of(ws, mini_inspection)[0]
    assert original["status"] == "verified" and original["verified_in"] == follow_up


def test_overdue_actions_are_flagged(ws, mini_inspection):
    actions.raise_action(ws, mini_inspection, description="更换灭火器", due_date="2998-01-01")
    actions.raise_action(ws, mini_inspection, description="补齐台账", due_date="2999-01-01")
    overdue = actions.list_actions(ws, overdue_only=True, today="2998-06-01")
    assert [a["description"] for a in overdue] == ["更换灭火器"]


def test_action_status_follows_its_life_cycle(ws, mini_inspection):
    action = actions.raise_action(ws, mini_inspection, description="补齐台账").created
    with pytest.raises(StateError, match="note"):
        actions.verify(ws, action, verified=True, note=" ")
    actions.verify(ws, action, verified=True, note="现场核查属实")
    with pytest.raises(StateError, match="verified cannot become"):
        actions.rectify(ws, action, note="再次报告")


def test_a_self_assessment_links_to_its_verification(ws, school_id):
    own = inspections.start_inspection(ws, school_id=school_id, template="mini",
                                       mode="self_assessment").created
    check = inspections.start_inspection(ws, school_id=school_id, template="mini",
                                         self_assessment_id=own).created
    assert ws.store.get("inspections", check)["self_assessment_id"] == own


def test_an_ethics_evaluation_needs_a_teacher_of_that_school(ws, school_id):
    from app.services.schools import add_school, add_teacher
    with pytest.raises(ValidationError, match="choose a teacher"):
        inspections.start_inspection(ws, school_id=school_id, template="teacher_ethics")
    other = add_school(ws, name="河西区实验小学").created
    stranger = add_teacher(ws, other, name="赵老师").created
    with pytest.raises(ValidationError, match="another|does not belong"):
        inspections.start_inspection(ws, school_id=school_id, template="teacher_ethics",
                                     teacher_id=stranger)


def test_an_ethics_red_line_makes_the_teacher_fail(ws, school_id):
    from app.services.schools import add_teacher
    teacher = add_teacher(ws, school_id, name="王老师").created
    evaluation = inspections.start_inspection(ws, school_id=school_id, template="teacher_ethics",
                                              teacher_id=teacher).created
    template = get_template(ws, "teacher_ethics")
    for rater in template.raters:
        answers.answer_item(ws, evaluation, rater["item"], "98")
    red_line = next(i for i in template.items if i.veto)
    answers.answer_item(ws, evaluation, red_line.key, "no")
    result = reads.evaluate(ws, evaluation)
    assert result.total >= 90 and result.grade.label["zh"] == "不合格"
    assert result.vetoed_by == (red_line.key,)


def test_unknown_ids_are_clear_errors(ws):
    with pytest.raises(NotFoundError, match="No school"):
        inspections.start_inspection(ws, school_id="missing", template="mini")


@pytest.mark.parametrize("bad", ["2026-02-30", "next week", "01/09/2026"])
def test_every_date_is_checked_by_the_one_validator(ws, school_id, mini_inspection, bad):
    """A visit date and a date answer are refused alike, naming the field and the form."""
    from app.services.inspections import start_inspection
    with pytest.raises(ValidationError, match="^visit date: use a date like 2026-12-31"):
        start_inspection(ws, school_id=school_id, template="mini", visit_date=bad)
    with pytest.raises(ValidationError, match="^item b.date: use a date like 2026-12-31"):
        answers.answer_item(ws, mini_inspection, "b.date", bad)
    assert answers.answers_of(ws, mini_inspection) == {}
