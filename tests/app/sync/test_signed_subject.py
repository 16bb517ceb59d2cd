"""What a signed report says about whom it is about is signed too. The school and teacher are
snapshotted at sign-off into the signed content, so a later rename — here, or by a peer with
a valid key — neither changes the signed report nor unsigns the inspection; a relay cannot
change the snapshot (the sign-off stops vouching), and a peer cannot plant a false one for
the receiver to sign (signing takes the names the signer sees)."""

from __future__ import annotations

import json
import uuid

import pytest

from app.errors import BundleError
from app.reports.model import gather
from app.reports.naming import report_file_name
from app.reports.service import make_report
from app.reports.verify import verify_bytes
from app.services import inspections, schools, signoff
from app.sync.export import export_bundle
from app.sync.importer import import_bundle
from tests.app.sync.helpers import (digest, fill, read_entries, records, resign, send,
                                    set_records, sign, write_entries)


@pytest.fixture
def with_teacher(ws, school_id) -> tuple[str, str]:
    """A signed inspection of 陈老师's lessons at 青山区育才小学: (inspection, teacher)."""
    teacher = schools.add_teacher(ws, school_id, name="陈老师").created
    inspection = inspections.start_inspection(ws, school_id=school_id, template="mini",
                                              teacher_id=teacher).created
    sign(ws, inspection)
    return inspection, teacher


def shown(ws, inspection_id) -> tuple[str, str]:
    model = gather(ws, inspection_id, "zh")
    return model.school["name"], model.teacher


def test_a_rename_here_does_not_change_the_signed_report(ws, school_id, with_teacher):
    inspection, teacher = with_teacher
    schools.edit_school(ws, school_id, name="青山区育才实验小学", address="新地址")
    schools.edit_teacher(ws, teacher, name="陈某某")
    assert signoff.is_signed(ws, inspection)
    assert shown(ws, inspection) == ("青山区育才小学", "陈老师")
    assert report_file_name(ws, inspection, "zh").startswith("青山区育才小学_")
    made = make_report(ws, inspection)
    assert made.signed and verify_bytes(ws, made.pdf).content == "match"


def test_a_rename_by_a_peer_does_not_change_it_either(ws, office, school_id, with_teacher,
                                                      tmp_path):
    inspection, _teacher = with_teacher
    send(ws, office, tmp_path, kind="full")
    schools.edit_school(office, school_id, name="被改名的学校")
    send(office, ws, tmp_path, kind="full")
    assert ws.store.get("schools", school_id)["name"] == "被改名的学校"
    assert signoff.is_signed(ws, inspection) and signoff.is_signed(office, inspection)
    assert shown(ws, inspection)[0] == shown(office, inspection)[0] == "青山区育才小学"


def test_the_names_seen_when_signing_are_the_ones_signed(ws, school_id, mini_inspection):
    """Renamed between completion and signing: the report shows the name at signing."""
    fill(ws, mini_inspection)
    inspections.complete_inspection(ws, mini_inspection)
    schools.edit_school(ws, school_id, name="青山区育才实验小学")
    signoff.sign_off(ws, mini_inspection, signer="张督学")
    assert shown(ws, mini_inspection)[0] == "青山区育才实验小学"
    assert json.loads(ws.store.get("inspections", mini_inspection)["subject"])["school"][
        "name"] == "青山区育才实验小学"


def rewrite_subject(ws, tmp_path, inspection_id, subject: str | None) -> object:
    path = tmp_path / f"{uuid.uuid4()}.sibundle"
    export_bundle(ws, path, kind="full")
    entries = read_entries(path)
    rows = records(entries, "inspections")
    for row in rows:
        if row["id"] == inspection_id:
            row.update(subject=subject, base_rev=row["rev"], rev=ws.store.next_rev(),
                       ancestry=[row["rev"]])
    set_records(entries, "inspections", rows)
    return write_entries(path, resign(entries, ws.device_key))


def false_subject(ws, inspection_id) -> str:
    subject = json.loads(ws.store.get("inspections", inspection_id)["subject"])
    subject["school"]["name"] = "另一所学校"
    return json.dumps(subject, ensure_ascii=False)


def test_a_relay_cannot_change_the_names_of_a_signed_inspection(ws, office, with_teacher,
                                                                tmp_path):
    """The receiver has not seen the inspection: the sign-off over the true names does not
    vouch for the changed snapshot, so it arrives unsigned."""
    inspection, _teacher = with_teacher
    result = import_bundle(office, rewrite_subject(ws, tmp_path, inspection,
                                                   false_subject(ws, inspection)), trust=True)
    assert not signoff.is_signed(office, inspection)
    assert office.store.get("inspections", inspection)["status"] == "completed"
    assert any("without a valid sign-off" in n for n in result["notices"])
    assert not make_report(office, inspection).signed


def test_the_names_of_an_inspection_signed_here_stay(ws, office, with_teacher, tmp_path):
    inspection, _teacher = with_teacher
    send(ws, office, tmp_path, kind="full")
    import_bundle(office, rewrite_subject(ws, tmp_path, inspection,
                                          false_subject(ws, inspection)), trust=True)
    assert signoff.is_signed(office, inspection)
    assert shown(office, inspection)[0] == "青山区育才小学"


def test_a_planted_snapshot_is_replaced_when_the_receiver_signs(ws, colleague, school_id,
                                                                mini_inspection, tmp_path):
    """A peer's completed (unsigned) inspection carries names other than the school's: the
    colleague who signs it signs the names they see."""
    fill(ws, mini_inspection)
    inspections.complete_inspection(ws, mini_inspection)
    planted = json.dumps({"school": {"name": "另一所学校", "name_en": None, "district": None,
                                     "code": None, "address": None, "principal": None},
                          "teacher": None}, ensure_ascii=False)
    import_bundle(colleague, rewrite_subject(ws, tmp_path, mini_inspection, planted),
                  trust=True)
    ws_row = colleague.store.get("inspections", mini_inspection)
    assert json.loads(ws_row["subject"])["school"]["name"] == "另一所学校"
    signoff.sign_off(colleague, mini_inspection, signer="赵督学")
    assert shown(colleague, mini_inspection)[0] == "青山区育才小学"
    assert signoff.is_signed(colleague, mini_inspection)


@pytest.mark.parametrize("subject", ["[]", '{"school": "x", "teacher": null}',
                                     '{"school": {"name": 1}, "teacher": null}', "{"])
def test_a_malformed_snapshot_is_refused(ws, office, with_teacher, tmp_path, subject):
    inspection, _teacher = with_teacher
    path = rewrite_subject(ws, tmp_path, inspection, subject)
    before = digest(office)
    with pytest.raises(BundleError, match="subject"):
        import_bundle(office, path, trust=True)
    assert digest(office) == before


def test_the_principals_signature_before_the_inspectors_still_counts(ws, mini_inspection):
    """Completion took the names, so signing in either order vouches for the same content."""
    fill(ws, mini_inspection)
    inspections.complete_inspection(ws, mini_inspection)
    signoff.sign_off(ws, mini_inspection, signer="校长", role="principal")
    signoff.sign_off(ws, mini_inspection, signer="张督学")
    assert [s["role"] for s in signoff.signatures_of(ws, mini_inspection)] == [
        "principal", "inspector"]


def test_the_verified_self_assessment_as_signed(ws, school_id):
    """A verification's report prints the school's own answers beside the inspector's: a
    later change to the self-assessment does not change the signed verification."""
    from app.services import answers
    own = inspections.start_inspection(ws, school_id=school_id, template="mini",
                                       mode="self_assessment").created
    fill(ws, own)
    inspections.complete_inspection(ws, own)
    check = inspections.start_inspection(ws, school_id=school_id, template="mini",
                                         self_assessment_id=own).created
    sign(ws, check)
    before = [(i.key, i.self_answer) for s in gather(ws, check, "zh").sections for i in s.items]
    inspections.reopen_inspection(ws, own)
    answers.answer_item(ws, own, "a.score", "1")
    after = [(i.key, i.self_answer) for s in gather(ws, check, "zh").sections for i in s.items]
    assert after == before and ("a.score", "4 / 5") in after
    assert signoff.is_signed(ws, check)


def test_a_reopened_inspection_shows_the_live_names(ws, school_id, mini_inspection):
    fill(ws, mini_inspection)
    inspections.complete_inspection(ws, mini_inspection)
    inspections.reopen_inspection(ws, mini_inspection)
    schools.edit_school(ws, school_id, name="青山区育才实验小学")
    assert shown(ws, mini_inspection)[0] == "青山区育才实验小学"
