"""Export and import between two profiles: nothing duplicated, nothing lost."""

import pytest

from app.errors import TrustError
from app.services import answers, inspections, schools, signoff
from app.services.demo import generate_demo
from app.sync.export import export_bundle
from app.sync.importer import import_bundle, verify_bundle
from tests.app.sync.helpers import digest, fill, read_entries, send


def test_two_demo_profiles_exchanging_both_ways_end_equal(make_workspace, tmp_path):
    a, b = make_workspace("a"), make_workspace("b")
    a.set_identity(name="甲督学")
    generate_demo(a, schools=3, inspections=8, seed=1)
    generate_demo(b, schools=2, inspections=6, seed=2)
    assert digest(a) != digest(b)
    first = send(a, b, tmp_path)
    send(b, a, tmp_path)
    # a learnt b's encryption key from b's bundle: its next bundle carries its teacher-ethics
    # evaluations sealed to b too (before, b was not a recipient)
    send(a, b, tmp_path)
    assert digest(a) == digest(b)
    assert first["tables"]["responses"]["added"] > 0
    assert first["tables"]["templates"]["unchanged"] == first["counts"]["templates"]


def test_importing_the_same_bundle_again_changes_nothing_and_says_so(inspector, office,
                                                                      mini_inspection, tmp_path,
                                                                      ws):
    path = tmp_path / "x.sibundle"
    export_bundle(ws, path, kind="full")
    assert import_bundle(office, path, trust=True)["status"] == "imported"
    before = digest(office)
    again = import_bundle(office, path)
    assert again["status"] == "already_imported" and again["tables"] == {}
    assert digest(office) == before


def test_changes_since_last_export_hold_only_new_edits(ws, office, school_id, tmp_path):
    send(ws, office, tmp_path)
    schools.edit_school(ws, school_id, phone="0571-8888")
    path = tmp_path / "changes.sibundle"
    summary = export_bundle(ws, path, kind="changes")
    assert summary["counts"] == {"schools": 1}
    import_bundle(office, path)
    assert office.store.get("schools", school_id)["phone"] == "0571-8888"
    assert export_bundle(ws, tmp_path / "empty.sibundle")["counts"] == {}


def test_relayed_changes_travel_on_in_the_next_changes_bundle(make_workspace, tmp_path):
    a, b, c = (make_workspace(n) for n in "abc")
    school = schools.add_school(a, name="育才小学").created
    send(b, c, tmp_path)                       # b's mark is now set
    send(a, b, tmp_path)                       # a's school reaches b
    send(b, c, tmp_path)                       # and b relays it to c
    assert c.store.get("schools", school)["name"] == "育才小学"


def test_limited_export_brings_the_parents_along(ws, office, mini_inspection, school_id,
                                                 tmp_path):
    answers.answer_item(ws, mini_inspection, "a.samples", "yes")
    schools.add_school(ws, name="另一所学校")
    result = send(ws, office, tmp_path, kind="full", inspections=[mini_inspection])
    assert office.store.get("inspections", mini_inspection) is not None
    assert result["counts"]["schools"] == 1 and office.store.get("schools", school_id)


def test_assignment_sends_schools_templates_and_planned_visits(office, inspector, tmp_path):
    school = schools.add_school(office, name="青山区实验小学").created
    schools.add_teacher(office, school, name="陈老师")
    planned = inspections.start_inspection(office, school_id=school, template="mini").created
    result = send(office, inspector, tmp_path, kind="assignment", schools=[school])
    assert result["tables"]["inspections"]["added"] == 1
    assert inspector.store.get("inspections", planned)["status"] == "draft"
    assert answers.answer_item(inspector, planned, "a.samples", "yes")  # the inspector can work


def test_evidence_and_the_signers_certificate_travel(ws, office, mini_inspection, tmp_path):
    from app.services.evidence import attach_file
    attach_file(ws, mini_inspection, "a.samples", data=b"\x89PNG fake photo", filename="p.png")
    path = tmp_path / "e.sibundle"
    export_bundle(ws, path, kind="full")
    names = list(read_entries(path))
    assert any(n.startswith("attachments/") for n in names)
    assert any(n.startswith("certificates/") for n in names)
    import_bundle(office, path, trust=True)
    assert digest(office) == digest(ws)
    assert list(office.paths.trust_store.glob("*.pem")) == []      # never a root
    trusted = list((office.paths.trust_store / "peers").glob("*.pem"))
    assert [p.stem for p in trusted] == [ws.profile.device_id]
    assert [p.read_bytes() for p in trusted] == [ws.signing_identity()[1].read_bytes()]


def test_a_profile_without_a_name_exports_without_a_certificate(make_workspace, tmp_path):
    anonymous = make_workspace("anon")
    path = tmp_path / "anon.sibundle"
    export_bundle(anonymous, path, kind="full")
    assert not any(n.startswith("certificates/") for n in read_entries(path))


def test_dangerous_looking_text_is_stored_exactly(ws, office, school_id, tmp_path):
    text = "'); DROP TABLE schools; -- \"引号\" 𠀀 \u202e" + "长" * 19_000
    schools.edit_school(ws, school_id, address=text)
    send(ws, office, tmp_path)
    assert office.store.get("schools", school_id)["address"] == text


def test_a_signed_inspection_arrives_signed(ws, office, mini_inspection, tmp_path):
    fill(ws, mini_inspection)
    inspections.complete_inspection(ws, mini_inspection)
    signoff.sign_off(ws, mini_inspection, signer="张督学")
    send(ws, office, tmp_path)
    assert office.store.get("inspections", mini_inspection)["status"] == "signed"
    assert signoff.signatures_of(office, mini_inspection)


def test_verify_bundle_reports_without_importing(ws, office, school_id, tmp_path):
    path = tmp_path / "v.sibundle"
    export_bundle(ws, path, kind="full")
    before = digest(office)
    report = verify_bundle(office, path)
    assert report["signature"] == "valid" and not report["sender_known"]
    assert report["counts"]["schools"] == 1
    assert digest(office) == before


def test_an_unknown_sender_needs_confirmation(ws, office, school_id, tmp_path):
    path = tmp_path / "t.sibundle"
    export_bundle(ws, path)
    before = digest(office)
    with pytest.raises(TrustError) as refused:
        import_bundle(office, path)
    assert refused.value.fingerprint in str(refused.value)
    assert digest(office) == before
    import_bundle(office, path, trust=True)
    export_bundle(ws, path)              # the next one from the same device needs nothing
    assert import_bundle(office, path)["status"] == "imported"


def test_office_principal_inspector_flow(make_workspace, tmp_path):
    """Office → assignment to principal and inspector; the principal's self-assessment reaches
    the inspector and links up for verification; the inspector's results reach the office."""
    office, principal, inspector = (make_workspace(n) for n in ("office", "principal", "insp"))
    school = schools.add_school(office, name="青山区育才小学").created
    planned = inspections.start_inspection(office, school_id=school, template="mini").created
    send(office, principal, tmp_path, kind="assignment", schools=[school])
    send(office, inspector, tmp_path, kind="assignment", schools=[school])
    own = inspections.start_inspection(principal, school_id=school, template="mini",
                                       mode="self_assessment").created
    answers.answer_item(principal, own, "a.score", "5")
    send(principal, inspector, tmp_path)
    inspections.link_self_assessment(inspector, planned, own)
    answers.answer_item(inspector, planned, "a.score", "3")
    send(inspector, office, tmp_path)
    row = office.store.get("inspections", planned)
    assert row["self_assessment_id"] == own and row["status"] == "in_progress"
    assert answers.answers_of(office, own)["a.score"] == 5
    assert answers.answers_of(office, planned)["a.score"] == 3
