"""Roles travel with trust (docs/ROLES.md): what a device may change in others' databases is
judged against its recorded role and scope, not against what its bundle claims. Hostile cases
change the sender's own database the way `sqlite3` on the file would, then export: one short
test per case, each asserting the refusal and an unchanged digest."""

import json

import pytest

from app.errors import BundleError
from app.security import roles
from app.security.roles import RoleError
from app.services import actions, answers, inspections, schools
from app.sync import device_roles
from app.sync.export import export_bundle
from app.sync.importer import import_bundle
from tests.app.sync.helpers import digest, read_entries, resign, send, write_entries


@pytest.fixture
def school(office):
    return schools.add_school(office, name="青山区育才小学").created


@pytest.fixture
def other_school(office):
    return schools.add_school(office, name="青山区实验小学").created


@pytest.fixture
def principal(make_workspace, office, inspector, school, other_school, tmp_path):
    """The principal of `school`, known to the office and holding the office's data."""
    ws = make_workspace("principal")
    ws.set_identity(name="王校长", role="principal", schools=[school])
    send(office, ws, tmp_path, kind="full")
    send(ws, office, tmp_path)              # the office confirms the principal's device
    return ws


def _device(ws, other) -> dict:
    return next(d for d in device_roles.list_devices(ws)
                if d["device_id"] == other.profile.device_id)


def _refused(dst, src, tmp_path, match: str):
    before = digest(dst)
    path = tmp_path / "hostile.sibundle"
    # A hostile device sends what its database holds: the honest export's own read scope
    # (a principal sends their school only) is waived, so the receiver's check is tested.
    with roles.training(src):
        export_bundle(src, path, kind="changes")
    with pytest.raises(BundleError, match=match):
        import_bundle(dst, path, trust=True)
    assert digest(dst) == before


def _finding(inspector, office, school, tmp_path) -> str:
    send(office, inspector, tmp_path, kind="full")
    iid = inspections.start_inspection(inspector, school_id=school, template="mini").created
    answers.answer_item(inspector, iid, "a.score", "4")
    send(inspector, office, tmp_path)
    return iid


def test_confirming_a_device_records_its_declared_role_and_school(office, principal, school):
    row = _device(office, principal)
    assert (row["role"], row["schools"], row["role_source"]) == \
        ("principal", [school], "confirmed")


def test_a_principal_bundle_cannot_change_an_inspectors_finding(office, inspector, principal,
                                                                school, tmp_path):
    iid = _finding(inspector, office, school, tmp_path)
    send(office, principal, tmp_path, kind="full")
    principal.store.update("responses", answers.response_id(iid, "a.score"), {"value": "0"})
    _refused(office, principal, tmp_path, "principal .* change an inspection's findings")
    assert answers.answers_of(office, iid)["a.score"] == 4


def test_a_principal_bundle_cannot_forge_an_inspectors_signature(office, inspector, principal,
                                                                 school, tmp_path):
    iid = _finding(inspector, office, school, tmp_path)
    send(office, principal, tmp_path, kind="full")
    principal.store.insert("signatures", {"inspection_id": iid, "signer": "李督学",
                                          "role": "inspector", "signed_at": "2026-01-01",
                                          "content_sha256": "0" * 64})
    _refused(office, principal, tmp_path, "sign an inspection as inspector")


def test_a_principal_bundle_cannot_touch_another_school(office, principal, other_school,
                                                        tmp_path):
    principal.store.update("schools", other_school, {"phone": "110"})
    _refused(office, principal, tmp_path, "edit a school's details: schools " + other_school)


def _other_schools_action(office, inspector, principal, other_school, tmp_path) -> str:
    """An inspector's corrective action at the other school, held by the principal."""
    send(office, inspector, tmp_path, kind="full")
    iid = inspections.start_inspection(inspector, school_id=other_school, template="mini",
                                       visit_date="2026-03-01").created
    aid = actions.raise_action(inspector, iid, description="更换灭火器").created
    send(inspector, office, tmp_path)
    send(office, principal, tmp_path, kind="full")
    return aid


def test_a_principal_bundle_cannot_report_for_another_schools_action(office, inspector,
                                                                   principal, other_school,
                                                                   tmp_path):
    aid = _other_schools_action(office, inspector, principal, other_school, tmp_path)
    with pytest.raises(RoleError, match="other than their own"):
        actions.rectify(principal, aid, note="已整改")           # refused at home …
    with roles.training(principal):                          # … so written around it
        actions.rectify(principal, aid, note="已整改")
    _refused(office, principal, tmp_path, "report a rectification")
    assert actions.list_actions(office, school_id=other_school)[0]["status"] == "pending"


def test_a_principal_bundle_cannot_close_another_schools_action(office, inspector, principal,
                                                                other_school, tmp_path):
    aid = _other_schools_action(office, inspector, principal, other_school, tmp_path)
    principal.store.update("actions", aid, {"status": "verified", "note": "已销号"})
    _refused(office, principal, tmp_path, "verify a corrective action")


def test_a_principal_bundle_cannot_start_an_inspection(office, principal, school, tmp_path):
    with roles.training(principal):
        inspections.start_inspection(principal, school_id=school, template="mini")
    principal.store.db.execute("update inspections set status = 'in_progress'")
    _refused(office, principal, tmp_path, "change an inspection's findings")


def test_a_principal_self_assessment_and_rectification_are_accepted(office, inspector,
                                                                    principal, school,
                                                                    tmp_path):
    own = inspections.start_inspection(principal, school_id=school, template="mini",
                                       mode="self_assessment").created
    answers.answer_item(principal, own, "a.score", "5")
    result = send(principal, office, tmp_path)
    assert result["status"] == "imported"
    assert answers.answers_of(office, own)["a.score"] == 5


def test_a_peer_trusted_as_inspector_that_claims_admin_stays_an_inspector(office, inspector,
                                                                          tmp_path):
    send(inspector, office, tmp_path)
    inspector.set_identity(role="admin")                       # now claims the office's role
    body = json.loads((__import__("tests.conftest", fromlist=["x"]).MINI_TEMPLATE)
                      .read_text("utf-8"))
    body.update(key="forged_template", version=1)
    from app.services.templates import store_template_body
    with inspector.store.atomic():
        store_template_body(inspector, body)
    _refused(office, inspector, tmp_path, "an inspector .* import a template")
    assert _device(office, inspector)["role"] == "inspector"


def test_only_the_office_records_roles(inspector, office, tmp_path):
    send(office, inspector, tmp_path)
    with pytest.raises(RoleError, match="may not record a device's role"):
        device_roles.set_role(inspector, office.profile.device_id, "inspector")


def test_the_offices_role_record_travels_and_wins_over_a_declaration(make_workspace, office,
                                                                     inspector, school,
                                                                     tmp_path):
    newcomer = make_workspace("newcomer")
    newcomer.set_identity(name="新校长", role="inspector")     # declares itself an inspector
    send(newcomer, office, tmp_path)
    device_roles.set_role(office, newcomer.profile.device_id, "principal", [school])
    send(office, inspector, tmp_path, kind="full")             # relayed before they meet
    send(newcomer, inspector, tmp_path)
    row = _device(inspector, newcomer)
    assert (row["role"], row["schools"]) == ("principal", [school])
    assert row["role_source"] == f"admin:{office.profile.device_id}"


def test_a_role_record_signed_by_a_non_admin_is_ignored(office, inspector, principal, school,
                                                        tmp_path):
    send(office, inspector, tmp_path, kind="full")
    send(principal, inspector, tmp_path)
    forged = {"device_id": principal.profile.device_id, "role": "admin", "schools": "[]",
              "issuer_id": inspector.profile.device_id,
              "issuer_key": __import__("app.security.keys", fromlist=["x"]).public_key_b64(
                  inspector.device_key), "issued_rev": inspector.store.hlc.tick()}
    import base64
    forged["signature"] = base64.b64encode(inspector.device_key.sign(
        device_roles._payload(forged))).decode()
    inspector.store.db["role_records"].insert(forged, replace=True)
    send(inspector, office, tmp_path)
    assert _device(office, principal)["role"] == "principal"


def test_a_tampered_office_role_record_is_refused(office, inspector, principal, school,
                                                  tmp_path):
    send(office, inspector, tmp_path)
    device_roles.set_role(office, principal.profile.device_id, "principal", [school])
    path = tmp_path / "roles.sibundle"
    export_bundle(office, path, kind="full")
    entries = read_entries(path)
    records = json.loads(entries["roles.json"])
    records[0]["role"] = "admin"                        # a principal made office in transit
    entries["roles.json"] = json.dumps(records).encode()
    hostile = write_entries(tmp_path / "h.sibundle", resign(entries, office.device_key))
    before = digest(inspector)
    with pytest.raises(BundleError, match="valid signature"):
        import_bundle(inspector, hostile)
    assert digest(inspector) == before


def test_a_device_with_no_recorded_role_changes_only_its_own_records(office, inspector, school,
                                                                     tmp_path):
    send(office, inspector, tmp_path, kind="full")
    send(inspector, office, tmp_path)
    office.store.db.execute("update devices set role = null where id = ?",
                            [inspector.profile.device_id])       # trusted before roles
    own = schools.add_school(inspector, name="路上遇到的学校").created
    assert send(inspector, office, tmp_path)["status"] == "imported"
    schools.edit_school(inspector, own, phone="1")
    assert send(inspector, office, tmp_path)["status"] == "imported"
    schools.edit_school(inspector, school, phone="2")
    _refused(office, inspector, tmp_path, "another device created")


def test_trust_list_shows_recorded_roles(office, principal, school, capsys):
    from tests.app.cli_support import run_json
    rows = run_json(capsys, office.paths.home, "trust", "list")
    [row] = [r for r in rows if r["device_id"] == principal.profile.device_id]
    assert row["role"] == "principal" and row["schools"] == [school]


def test_the_same_content_under_another_rev_is_no_change(make_workspace, tmp_path):
    """Built-in templates are installed on each device with its own rev: a non-office sender
    relaying them changes nothing and is not refused for it."""
    a, b = make_workspace("fresh_a", copy_db=False), make_workspace("fresh_b", copy_db=False)
    a.set_identity(name="甲", role="inspector")
    b.set_identity(name="乙", role="principal", schools=["s-1"])
    schools.add_school(a, name="育才小学")
    assert send(a, b, tmp_path, kind="full")["status"] == "imported"
    assert send(b, a, tmp_path, kind="full")["status"] == "imported"
