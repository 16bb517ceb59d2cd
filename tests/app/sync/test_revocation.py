"""Trust you can check: `trust whoami` shows this device's fingerprint (the one a receiver
is asked to compare), and a revoked device's later bundles are refused, --trust or not."""

from __future__ import annotations

import pytest

from app.errors import TrustError, ValidationError
from app.security.keys import fingerprint
from app.services.schools import add_school
from app.storage.digest import stats
from app.sync.importer import import_bundle
from app.sync.revocation import revoke_device, whoami
from app.sync.trust import list_devices
from tests.app.cli_support import run, run_json
from tests.app.sync.helpers import send


def test_whoami_is_the_fingerprint_a_receiver_sees(ws, make_workspace, tmp_path):
    me = whoami(ws)
    assert set(me) >= {"device_id", "name", "role", "fingerprint"}
    assert me["device_id"] == ws.profile.device_id and me["role"] == "inspector"
    office = make_workspace("office")
    send(ws, office, tmp_path)
    seen = next(d for d in list_devices(office) if d["id"] == me["device_id"])
    assert seen["fingerprint"] == me["fingerprint"] == fingerprint(me["public_key"])


def test_whoami_cli(capsys, ws):
    data = run_json(capsys, ws.paths.home, "trust", "whoami")
    assert data["fingerprint"] == whoami(ws)["fingerprint"]
    code, out, _err = run(capsys, ws.paths.home, "trust", "whoami")
    assert code == 0 and whoami(ws)["fingerprint"] in out


def test_later_bundles_from_a_revoked_device_are_refused(ws, make_workspace, tmp_path):
    office = make_workspace("office")
    send(ws, office, tmp_path)                                  # trusted, imported
    revoke_device(office, ws.profile.device_id)
    add_school(ws, name="后来的学校", district="青山区", level="primary")
    before = stats(office.store)["digest"]
    from app.sync.export import export_bundle
    path = tmp_path / "later.sibundle"
    export_bundle(ws, path)
    with pytest.raises(TrustError, match="revoked"):
        import_bundle(office, path, trust=True)                # offering trust again: no
    assert stats(office.store)["digest"] == before
    row = next(d for d in list_devices(office) if d["id"] == ws.profile.device_id)
    assert row["trusted"] == 0 and row["revoked_at"]


def test_revoke_cli_and_its_errors(capsys, ws, make_workspace, tmp_path):
    office = make_workspace("office")
    send(ws, office, tmp_path)
    data = run_json(capsys, office.paths.home, "trust", "revoke", ws.profile.device_id)
    assert data["device_id"] == ws.profile.device_id and data["revoked_at"]
    code, _out, err = run(capsys, office.paths.home, "trust", "revoke", "no-such-device")
    assert code == 1 and "No device" in err and err.count("\n") == 1
    with pytest.raises(ValidationError, match="own device"):
        revoke_device(office, office.profile.device_id)


# -- a revoked device's sign-offs stop counting (issue 8 leftover) ---------------------------
def signed_by_colleague(make_workspace, tmp_path, via=None):
    """An inspection the colleague signed, received by the office (from `via(colleague,
    inspection)` when given, which returns the sender); returns (colleague, office,
    inspection id)."""
    from app.services.inspections import complete_inspection, start_inspection
    from app.services.signoff import sign_off
    from tests.app.sync.helpers import fill
    colleague = make_workspace("colleague")
    colleague.set_identity(name="赵督学", role="inspector")
    school = add_school(colleague, name="青山区育才小学", district="青山区",
                        level="primary").created
    inspection = start_inspection(colleague, school_id=school, template="mini").created
    fill(colleague, inspection)
    complete_inspection(colleague, inspection)
    sign_off(colleague, inspection, signer="赵督学")
    office = make_workspace("office")
    office.set_identity(name="区督导室王主任", role="admin")
    sender = via(colleague, inspection) if via else colleague
    send(sender, office, tmp_path, kind="full")
    return colleague, office, inspection


def test_revoking_a_device_unsigns_what_only_it_signed(make_workspace, tmp_path):
    from app.reports.service import make_report
    from app.services import signoff
    from app.services.guard import is_frozen
    colleague, office, inspection = signed_by_colleague(make_workspace, tmp_path)
    assert signoff.is_signed(office, inspection) and is_frozen(office, inspection)
    result = revoke_device(office, colleague.profile.device_id)
    assert result["unsigned"] == [inspection]
    row = office.store.get("inspections", inspection)
    assert row["status"] == "completed" and row["signed_at"] is None
    assert not signoff.is_signed(office, inspection) and not is_frozen(office, inspection)
    assert not make_report(office, inspection).signed


def test_revoking_keeps_an_inspection_another_trusted_device_signed(make_workspace, ws,
                                                                   tmp_path):
    """The colleague signed; this inspector countersigned on their own laptop: revoking the
    colleague leaves the countersignature, so the inspection stays signed."""
    from app.services import signoff

    def countersigned_here(colleague, inspection):
        send(colleague, ws, tmp_path, kind="full")
        signoff.sign_off(ws, inspection, signer="张督学", role="inspector")
        return ws
    colleague, office, inspection = signed_by_colleague(make_workspace, tmp_path,
                                                        countersigned_here)
    send(colleague, office, tmp_path, kind="full")       # the colleague trusted too
    assert len(signoff.valid_signoffs(office, inspection)) == 2
    assert revoke_device(office, colleague.profile.device_id)["unsigned"] == []
    assert office.store.get("inspections", inspection)["status"] == "signed"
    assert [r["captured_by"] for r in signoff.valid_signoffs(office, inspection)] == [
        ws.profile.device_id]


def test_trust_revoke_cli_names_the_inspections_no_longer_signed(capsys, make_workspace,
                                                                 tmp_path):
    colleague, office, inspection = signed_by_colleague(make_workspace, tmp_path)
    code, out, err = run(capsys, office.paths.home, "trust", "revoke",
                         colleague.profile.device_id)
    assert code == 0 and err == ""
    assert f"no longer signed: inspection {inspection}" in out
    data = run_json(capsys, office.paths.home, "list", "inspections")
    assert [r["status"] for r in data if r["id"] == inspection] == ["completed"]


def test_a_revoked_device_no_longer_makes_its_reports_trusted(make_workspace, tmp_path):
    from app.reports.service import make_report
    from app.reports.verify import verify_bytes
    colleague, office, inspection = signed_by_colleague(make_workspace, tmp_path)
    pdf = make_report(colleague, inspection).pdf
    assert verify_bytes(office, pdf).verdict == "intact_trusted"
    revoke_device(office, colleague.profile.device_id)
    check = verify_bytes(office, pdf)
    assert check.verdict == "untrusted" and check.exit_code == 2
