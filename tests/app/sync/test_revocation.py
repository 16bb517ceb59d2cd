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
