"""A trusted peer relabelling what a record is about: the template under an inspection, its
mode, school or teacher; a photo's file; an action's school; a teacher's school; a template's
title, kind or existence. No edit path of the app does any of this, so each bundle is refused
before anything is written, naming the record and field (digest and integrity unchanged)."""

from __future__ import annotations

import uuid

import pytest

from app.errors import BundleError
from app.services import actions, evidence, schools
from app.services.inspections import start_inspection
from app.services.templates import get_template
from app.sync.export import export_bundle
from app.sync.importer import import_bundle
from tests.app.sync.helpers import (digest, fill, png, read_entries, records, resign, send,
                                    set_records, sign, write_entries)


def refused(receiver, path, match):
    before = digest(receiver), receiver.store.scalar("PRAGMA integrity_check")
    with pytest.raises(BundleError, match=match) as caught:
        import_bundle(receiver, path, trust=True)
    assert "\n" not in str(caught.value)
    assert (digest(receiver), receiver.store.scalar("PRAGMA integrity_check")) == before


def changed(ws, tmp_path, table, record_id, **fields):
    """A full bundle of `ws` in which record `record_id` of `table` carries `fields` as a new
    version (a newer rev made by ws), re-signed with ws's key."""
    path = tmp_path / f"{uuid.uuid4()}.sibundle"
    export_bundle(ws, path, kind="full")
    entries = read_entries(path)
    rows = records(entries, table)
    for row in rows:
        if row["id"] == record_id:
            row.update(fields, base_rev=row["rev"], rev=ws.store.next_rev(),
                       device_id=ws.profile.device_id, ancestry=[row["rev"]])
    set_records(entries, table, rows)
    return write_entries(path, resign(entries, ws.device_key))


@pytest.fixture
def held(ws, office, mini_inspection, tmp_path):
    """The office already holds the inspector's inspection (filled, with a photo)."""
    fill(ws, mini_inspection)
    send(ws, office, tmp_path, kind="full")
    return mini_inspection


def test_the_template_under_an_inspection_cannot_be_swapped(ws, office, held, tmp_path):
    other = get_template(ws, "term_start_safety")
    path = changed(ws, tmp_path, "inspections", held, template_id=other.id,
                   template_key=other.key, template_version=other.version)
    refused(office, path, f"record {held} changes template_id .*keeps its template")


def test_the_template_under_a_signed_inspection_cannot_be_swapped(ws, office, mini_inspection,
                                                                 tmp_path):
    sign(ws, mini_inspection)
    send(ws, office, tmp_path, kind="full")
    other = get_template(ws, "term_start_safety")
    path = changed(ws, tmp_path, "inspections", mini_inspection, template_id=other.id,
                   template_key=other.key, template_version=other.version)
    refused(office, path, "changes template_id")


def test_a_template_key_that_is_not_its_template_ids(ws, office, mini_inspection, tmp_path):
    """A new inspection listed under another template's name (lists filter by the key)."""
    path = changed(ws, tmp_path, "inspections", mini_inspection,
                   template_key="canteen_food_safety", template_version=2)
    refused(office, path, "names template 'canteen_food_safety' v2, but its template id is "
                          "mini v1")


def test_the_mode_cannot_change(ws, office, held, tmp_path):
    path = changed(ws, tmp_path, "inspections", held, mode="self_assessment")
    refused(office, path, "changes mode")


def test_a_mode_the_template_does_not_allow(ws, office, school_id, tmp_path):
    survey = start_inspection(ws, school_id=school_id, template="satisfaction_survey").created
    path = changed(ws, tmp_path, "inspections", survey, mode="self_assessment")
    refused(office, path, "mode 'self_assessment' is not one its template allows")


def test_an_inspection_cannot_move_to_another_school(ws, office, held, tmp_path):
    other = schools.add_school(ws, name="另一所学校", district="青山区", level="primary").created
    path = changed(ws, tmp_path, "inspections", held, school_id=other)
    refused(office, path, "changes school_id")


def test_a_teacher_of_another_school(ws, office, school_id, tmp_path):
    other = schools.add_school(ws, name="另一所学校", district="青山区", level="primary").created
    teacher = schools.add_teacher(ws, other, name="陈老师").created
    inspection = start_inspection(ws, school_id=school_id, template="mini").created
    path = changed(ws, tmp_path, "inspections", inspection, teacher_id=teacher)
    refused(office, path, "its teacher belongs to another school")


def test_a_teacher_cannot_move_to_another_school(ws, office, school_id, tmp_path):
    teacher = schools.add_teacher(ws, school_id, name="陈老师").created
    send(ws, office, tmp_path, kind="full")
    other = schools.add_school(ws, name="另一所学校", district="青山区", level="primary").created
    path = changed(ws, tmp_path, "teachers", teacher, school_id=other)
    refused(office, path, "changes school_id .*a teacher keeps their school")


def test_a_photo_of_a_signed_inspection_cannot_be_replaced(ws, office, mini_inspection,
                                                          tmp_path):
    sign(ws, mini_inspection)
    send(ws, office, tmp_path, kind="full")
    photo = ws.store.query("select id from attachments")[0]["id"]
    evidence.attach_file(ws, _scratch(ws), "b.fridge", data=png((1, 2, 3)),
                         filename="other.png")
    other_sha = ws.store.query("select sha256 from attachments where id != ?",
                               [photo])[0]["sha256"]
    path = changed(ws, tmp_path, "attachments", photo, sha256=other_sha)
    refused(office, path, f"record {photo} changes sha256 .*a new photo is a new record")


def _scratch(ws) -> str:
    """Another inspection of the same school, to carry a second photo file."""
    school = ws.store.query("select id from schools")[0]["id"]
    return start_inspection(ws, school_id=school, template="mini").created


def test_an_action_cannot_move_to_another_school(ws, office, mini_inspection, tmp_path):
    action = actions.raise_action(ws, mini_inspection, item_key="a.samples",
                                  description="补留样", severity="high",
                                  responsible="食堂", due_date="2030-01-01").created
    send(ws, office, tmp_path, kind="full")
    other = schools.add_school(ws, name="另一所学校", district="青山区", level="primary").created
    path = changed(ws, tmp_path, "actions", action, school_id=other)
    refused(office, path, "changes school_id .*a corrective action keeps")


def test_a_template_cannot_be_retitled(ws, office, mini_inspection, tmp_path):
    template = ws.store.get("inspections", mini_inspection)["template_id"]
    path = changed(ws, tmp_path, "templates", template, title_zh="优秀学校认定")
    refused(office, path, "its kind or title differs from its body's")


def test_a_template_cannot_be_deleted(ws, office, mini_inspection, tmp_path):
    template = ws.store.get("inspections", mini_inspection)["template_id"]
    path = changed(ws, tmp_path, "templates", template, deleted=1)
    refused(office, path, "changes deleted .*never deleted")


def test_an_honest_bundle_still_imports(ws, office, held, tmp_path):
    """The checks refuse relabels, not ordinary work: answers, a photo, an action, a new
    teacher and a school rename travel as before."""
    evidence.attach_file(ws, held, "a.samples", data=png((9, 9, 9)), filename="x.png")
    school = ws.store.get("inspections", held)["school_id"]
    schools.add_teacher(ws, school, name="陈老师")
    schools.edit_school(ws, school, name="青山区育才实验小学")
    result = send(ws, office, tmp_path, kind="full")
    assert result["status"] == "imported"
    assert office.store.get("schools", school)["name"] == "青山区育才实验小学"


def amended(ws, inspection_id, reason="补充照片"):
    from app.services.inspections import amend_inspection
    sign(ws, inspection_id)
    amend_inspection(ws, inspection_id, reason)


def test_an_amendment_cannot_be_undone_by_a_bundle(ws, office, mini_inspection, tmp_path):
    """Signed, then amended: a bundle taking the amendment back (content as signed) would
    make the old signature vouch again for an inspection its author unfroze."""
    from app.services import signoff
    amended(ws, mini_inspection)
    send(ws, office, tmp_path, kind="full")
    assert not signoff.is_signed(office, mini_inspection)
    path = changed(ws, tmp_path, "inspections", mini_inspection, amendment=None,
                   amendment_reason=None, status="signed")
    refused(office, path, "takes amendment 1 back to 'null'; amendments only count up")
    assert not signoff.is_signed(office, mini_inspection)


def test_a_later_amendment_travels(ws, office, mini_inspection, tmp_path):
    from app.services.inspections import amend_inspection, complete_inspection
    from app.services.signoff import sign_off
    amended(ws, mini_inspection)
    send(ws, office, tmp_path, kind="full")
    complete_inspection(ws, mini_inspection)
    sign_off(ws, mini_inspection, signer="张督学")
    amend_inspection(ws, mini_inspection, "再次修改")
    assert send(ws, office, tmp_path)["status"] == "imported"
    row = office.store.get("inspections", mini_inspection)
    assert (row["amendment"], row["amendment_reason"]) == (2, "再次修改")


def test_the_conflict_editor_cannot_take_an_amendment_back(ws, office, mini_inspection,
                                                           tmp_path):
    """Both devices amended the inspection (the inspector twice): the lower count is not a
    value anyone may choose when the conflict is resolved."""
    from app.errors import ValidationError
    from app.services.inspections import amend_inspection, complete_inspection, set_summary
    from app.services.signoff import sign_off
    from app.sync.conflicts import list_conflicts, resolve_conflict
    office.set_identity(role="inspector")
    sign(ws, mini_inspection)
    send(ws, office, tmp_path, kind="full")
    amend_inspection(office, mini_inspection, "办公室修改")
    set_summary(office, mini_inspection, "办公室的总结")
    amend_inspection(ws, mini_inspection, "督学修改")
    complete_inspection(ws, mini_inspection)
    sign_off(ws, mini_inspection, signer="张督学")
    amend_inspection(ws, mini_inspection, "督学再改")
    set_summary(ws, mini_inspection, "督学的总结")
    send(ws, office, tmp_path)
    conflict = next(c for c in list_conflicts(office) if c["table_name"] == "inspections")
    assert "amendment" in conflict["fields"]
    assert office.store.get("inspections", mini_inspection)["amendment"] == 1
    others = {f: conflict["ours"][f] for f in conflict["fields"] if f != "amendment"}
    with pytest.raises(ValidationError, match="amendments only count up"):
        resolve_conflict(office, conflict["id"], "edited", {"amendment": 0, **others})
    resolve_conflict(office, conflict["id"], "theirs")
    assert office.store.get("inspections", mini_inspection)["amendment"] == 2


def test_a_completed_status_from_a_peer_does_not_make_an_incomplete_one_signable(
        ws, colleague, mini_inspection, tmp_path):
    """A peer marks an inspection completed with required items still open: signing it here
    checks completeness itself, not the status it was given."""
    from app.errors import StateError
    from app.services import answers
    from app.services.signoff import sign_off
    answers.answer_item(ws, mini_inspection, "a.samples", "yes")
    path = changed(ws, tmp_path, "inspections", mini_inspection, status="completed")
    import_bundle(colleague, path, trust=True)
    assert colleague.store.get("inspections", mini_inspection)["status"] == "completed"
    with pytest.raises(StateError, match="cannot be signed yet: .*required item"):
        sign_off(colleague, mini_inspection, signer="赵督学")
    assert colleague.store.query("select * from signatures") == []


@pytest.mark.parametrize("fields", [{"amendment": 1, "amendment_reason": None},
                                    {"amendment": 1, "amendment_reason": "  "},
                                    {"amendment": -1, "amendment_reason": "x"}])
def test_an_amendment_without_its_rules(ws, office, mini_inspection, tmp_path, fields):
    """An amendment arrives counted from 1 and with its reason, as `inspect amend` makes it."""
    sign(ws, mini_inspection)
    path = changed(ws, tmp_path, "inspections", mini_inspection, status="in_progress",
                   **fields)
    refused(office, path, "without a reason, or not a count")
