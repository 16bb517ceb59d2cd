"""One test per merge rule (ARCHITECTURE.md "Sync bundles", step 4)."""

import json

import pytest

from app.clock import Timestamp
from app.errors import FrozenError
from app.services.action_query import action_state
from app.services import actions, answers, evidence, inspections, schools
from app.sync.conflicts import list_conflicts, resolve_conflict
from app.sync.merge import three_way
from tests.app.sync.helpers import digest, send, sign


def _value(ws, inspection_id, item):
    return answers.answers_of(ws, inspection_id).get(item)


def _shared(ws, other, tmp_path, inspection_id):
    answers.answer_item(ws, inspection_id, "a.score", "3")
    send(ws, other, tmp_path)


def test_a_new_record_is_inserted_with_the_senders_rev(ws, office, school_id, tmp_path):
    result = send(ws, office, tmp_path)
    mine, theirs = ws.store.get("schools", school_id), office.store.get("schools", school_id)
    assert result["tables"]["schools"]["added"] == 1
    assert (theirs["rev"], theirs["base_rev"], theirs["device_id"]) == \
        (mine["rev"], mine["base_rev"], ws.profile.device_id)


def test_the_same_rev_is_unchanged(ws, office, school_id, tmp_path):
    send(ws, office, tmp_path)
    result = send(ws, office, tmp_path, kind="full")
    assert result["tables"]["schools"] == {"added": 0, "updated": 0, "unchanged": 1,
                                           "conflicts": 0, "skipped": 0}


def test_an_incoming_edit_of_what_we_hold_is_applied_and_orders_our_clock(ws, office,
                                                                          school_id, tmp_path):
    send(ws, office, tmp_path)
    real = ws.store.hlc._physical_ms
    ws.store.hlc._physical_ms = lambda: real() + 3_600_000   # the sender's clock runs ahead
    schools.edit_school(ws, school_id, principal="周校长")
    result = send(ws, office, tmp_path)
    assert result["tables"]["schools"]["updated"] == 1
    incoming = office.store.get("schools", school_id)["rev"]
    schools.edit_school(office, school_id, phone="123")
    assert Timestamp.parse(office.store.get("schools", school_id)["rev"]) > \
        Timestamp.parse(incoming)


def test_several_edits_between_exports_still_fast_forward(ws, office, school_id, tmp_path):
    send(ws, office, tmp_path)
    for name in ("周校长", "吴校长", "郑校长"):
        schools.edit_school(ws, school_id, principal=name)
    result = send(ws, office, tmp_path)
    assert result["tables"]["schools"]["updated"] == 1
    assert office.store.get("schools", school_id)["principal"] == "郑校长"
    assert not list_conflicts(office)


def test_an_older_version_of_what_we_hold_is_skipped(ws, office, school_id, tmp_path):
    send(ws, office, tmp_path)
    schools.edit_school(office, school_id, principal="周校长")
    result = send(ws, office, tmp_path, kind="full")
    assert result["tables"]["schools"]["skipped"] == 1
    assert office.store.get("schools", school_id)["principal"] == "周校长"


def test_different_fields_changed_on_both_sides_merge_by_themselves(ws, office, school_id,
                                                                    tmp_path):
    send(ws, office, tmp_path)
    schools.edit_school(ws, school_id, principal="周校长")
    schools.edit_school(office, school_id, phone="0571-1234")
    send(ws, office, tmp_path)
    send(office, ws, tmp_path)
    for side in (ws, office):
        row = side.store.get("schools", school_id)
        assert (row["principal"], row["phone"]) == ("周校长", "0571-1234")
    assert not list_conflicts(ws) and not list_conflicts(office)
    assert digest(ws) == digest(office)


def test_answers_to_different_items_merge_without_conflict(ws, colleague, mini_inspection,
                                                           tmp_path):
    _shared(ws, colleague, tmp_path, mini_inspection)
    answers.answer_item(ws, mini_inspection, "a.samples", "yes")
    answers.answer_item(colleague, mini_inspection, "a.rating", "good")
    send(ws, colleague, tmp_path)
    send(colleague, ws, tmp_path)
    assert not list_conflicts(ws) and not list_conflicts(colleague)
    assert digest(ws) == digest(colleague)
    assert _value(ws, mini_inspection, "a.rating") == "good"


def test_the_same_answer_changed_on_both_sides_is_one_conflict(ws, colleague, mini_inspection,
                                                              tmp_path):
    _shared(ws, colleague, tmp_path, mini_inspection)
    answers.answer_item(ws, mini_inspection, "a.score", "5")
    answers.answer_item(colleague, mini_inspection, "a.score", "1")
    result = send(ws, colleague, tmp_path)
    assert result["tables"]["responses"]["conflicts"] == 1
    [conflict] = list_conflicts(colleague)
    assert conflict["fields"] == ["value"]
    assert _value(colleague, mini_inspection, "a.score") == 1          # ours stays current
    assert json.loads(conflict["theirs"]["value"]) == 5             # theirs is kept


def test_a_resolved_conflict_syncs_back_and_both_sides_agree(ws, colleague, mini_inspection,
                                                              tmp_path):
    _shared(ws, colleague, tmp_path, mini_inspection)
    answers.answer_item(ws, mini_inspection, "a.score", "5")
    answers.answer_item(colleague, mini_inspection, "a.score", "1")
    send(ws, colleague, tmp_path)
    [conflict] = list_conflicts(colleague)
    resolve_conflict(colleague, conflict["id"], "theirs")
    assert _value(colleague, mini_inspection, "a.score") == 5
    send(colleague, ws, tmp_path)
    assert _value(ws, mini_inspection, "a.score") == 5
    assert not list_conflicts(ws) and not list_conflicts(colleague)
    assert digest(ws) == digest(colleague)


def test_taking_ours_or_an_edited_value_also_syncs_back(ws, colleague, mini_inspection, tmp_path):
    _shared(ws, colleague, tmp_path, mini_inspection)
    schools_id = ws.store.get("inspections", mini_inspection)["school_id"]
    answers.answer_item(ws, mini_inspection, "a.score", "5")
    answers.answer_item(colleague, mini_inspection, "a.score", "1")
    schools.edit_school(ws, schools_id, phone="111")
    schools.edit_school(colleague, schools_id, phone="222")
    send(ws, colleague, tmp_path)
    by_table = {c["table_name"]: c for c in list_conflicts(colleague)}
    resolve_conflict(colleague, by_table["responses"]["id"], "ours")
    resolve_conflict(colleague, by_table["schools"]["id"], "edited", {"phone": "333"})
    send(colleague, ws, tmp_path)
    assert _value(ws, mini_inspection, "a.score") == 1
    assert ws.store.get("schools", schools_id)["phone"] == "333"
    assert digest(ws) == digest(colleague) and not list_conflicts(ws)


def test_both_sides_resolving_independently_still_converge(ws, colleague, mini_inspection,
                                                           tmp_path):
    _shared(ws, colleague, tmp_path, mini_inspection)
    answers.answer_item(ws, mini_inspection, "a.score", "5")
    answers.answer_item(colleague, mini_inspection, "a.score", "1")
    send(ws, colleague, tmp_path)
    send(colleague, ws, tmp_path)
    for side in (ws, colleague):
        [conflict] = list_conflicts(side)
        resolve_conflict(side, conflict["id"], "theirs")
    for _ in range(2):
        send(ws, colleague, tmp_path)
        send(colleague, ws, tmp_path)
    assert digest(ws) == digest(colleague)


def test_deletes_travel_as_tombstones(ws, office, mini_inspection, tmp_path):
    attached = evidence.attach_file(ws, mini_inspection, "a.samples", data=b"photo",
                                    filename="p.jpg").created
    send(ws, office, tmp_path)
    evidence.remove_attachment(ws, attached)
    send(ws, office, tmp_path)
    assert office.store.get("attachments", attached)["deleted"] == 1
    assert evidence.attachments_of(office, mini_inspection) == []


def test_a_delete_and_an_edit_elsewhere_in_the_record_both_survive(ws, office, school_id,
                                                                   tmp_path):
    teacher = schools.add_teacher(ws, school_id, name="陈老师").created
    send(ws, office, tmp_path)
    with ws.store.atomic():
        ws.store.tombstone("teachers", teacher)
    schools.edit_teacher(office, teacher, subject="数学")
    send(ws, office, tmp_path)
    send(office, ws, tmp_path)
    for side in (ws, office):
        row = side.store.get("teachers", teacher)
        assert (row["deleted"], row["subject"]) == (1, "数学")
    assert digest(ws) == digest(office)


def test_a_change_to_an_inspection_signed_here_is_a_conflict(ws, office, mini_inspection,
                                                             tmp_path):
    sign(ws, mini_inspection)
    send(ws, office, tmp_path)                       # the office holds the signed inspection
    inspections.amend_inspection(ws, mini_inspection, "typo")
    answers.answer_item(ws, mini_inspection, "a.score", "1")
    result = send(ws, office, tmp_path)
    assert result["tables"]["responses"]["conflicts"] == 1
    assert result["tables"]["inspections"]["conflicts"] == 1
    assert office.store.get("inspections", mini_inspection)["status"] == "signed"
    assert _value(office, mini_inspection, "a.score") == 4


def test_a_new_record_for_an_inspection_signed_here_is_a_conflict(ws, office, mini_inspection,
                                                                  tmp_path):
    sign(ws, mini_inspection)
    send(ws, office, tmp_path)
    inspections.amend_inspection(ws, mini_inspection, "add a finding")
    made = actions.raise_action(ws, mini_inspection, item_key="a.samples",
                                description="补充留样记录").created
    send(ws, office, tmp_path)
    assert office.store.get("actions", made) is None
    [conflict] = [c for c in list_conflicts(office) if c["table_name"] == "actions"]
    with pytest.raises(FrozenError, match="signed and frozen.*inspect amend"):
        resolve_conflict(office, conflict["id"], "theirs")     # the freeze holds here too
    assert office.store.get("actions", made) is None
    from app.security import roles
    with roles.training(office):    # the role rules are not what this test is about
        inspections.amend_inspection(office, mini_inspection, "采纳督学补充的整改项")
    resolve_conflict(office, conflict["id"], "theirs")
    assert office.store.get("actions", made)["description"] == "补充留样记录"


def test_three_way_field_rules():
    base = {"id": "1", "rev": "1", "a": 1, "b": 1, "c": 1, "updated_at": "t0"}
    ours = {**base, "rev": "2", "a": 2, "c": 5, "updated_at": "t1"}
    theirs = {**base, "rev": "3", "b": 3, "c": 6, "updated_at": "t2"}
    merged, conflicts = three_way(base, ours, theirs)
    assert (merged["a"], merged["b"], merged["c"]) == (2, 3, 5)
    assert conflicts == ["c"] and merged["updated_at"] == "t2"




def test_rectification_of_a_signed_inspections_actions_still_syncs(ws, office,
                                                                    mini_inspection, tmp_path):
    made = actions.raise_action(ws, mini_inspection, item_key="a.samples",
                                description="每餐留样").created
    sign(ws, mini_inspection)
    send(ws, office, tmp_path)
    actions.set_action_status(ws, made, "in_progress", note="已购置留样柜")
    result = send(ws, office, tmp_path)
    # The move travels as an event; the signed inspection's action row itself is untouched.
    assert result["tables"]["action_events"]["added"] == 1
    assert result["tables"]["actions"]["updated"] == 0
    assert action_state(office, made)["status"] == "in_progress"
    assert not list_conflicts(office)
