"""A signing key protected by a password: a wrong or missing password is a clear error and
nothing is signed; the right one signs."""

import pytest

from app.errors import PasswordRequiredError, WrongPasswordError
from app.reports.service import make_report
from tests.app.cli_support import run, run_json


@pytest.fixture
def signed_inspection(ws, school_id):
    from tests.app.services.test_inspection_flow import _signed
    from app.services.inspections import start_inspection
    inspection = start_inspection(ws, school_id=school_id, template="mini").created
    _signed(ws, inspection)
    return inspection


def test_a_protected_key_needs_its_password_to_sign(ws, signed_inspection):
    ws.set_key_password(None, "督学-2026")
    ws.key_password = None  # a new session: the password is not remembered
    with pytest.raises(PasswordRequiredError, match="nothing was signed"):
        make_report(ws, signed_inspection, lang="en")
    ws.key_password = "wrong"
    with pytest.raises(WrongPasswordError, match="wrong"):
        make_report(ws, signed_inspection, lang="en")
    ws.key_password = "督学-2026"
    assert make_report(ws, signed_inspection, lang="en").signed


def test_the_key_on_disk_is_encrypted(ws):
    ws.set_key_password(None, "secret")
    key_path, _ = ws.signing_identity()
    assert b"ENCRYPTED PRIVATE KEY" in key_path.read_bytes()
    ws.set_key_password("secret", None)
    assert b"ENCRYPTED" not in key_path.read_bytes()


def test_the_command_line_reads_the_password_from_a_file(capsys, tmp_path):
    home = tmp_path / "home"
    (tmp_path / "pw").write_text("s3cret\n", "utf-8")
    (tmp_path / "bad").write_text("guess\n", "utf-8")
    run_json(capsys, home, "init", "--name", "张明华")
    run_json(capsys, home, "key-password", "--new-password-file", str(tmp_path / "pw"))
    run_json(capsys, home, "demo", "--schools", "2", "--inspections", "6", "--seed", "2")
    signed = next(r["id"] for r in run_json(capsys, home, "list", "inspections")
                  if r["status"] == "signed")
    out = tmp_path / "r.pdf"
    code, _, err = run(capsys, home, "report", signed, "--out", str(out))
    assert code == 1 and "password" in err and not out.exists()
    code, _, err = run(capsys, home, "report", signed, "--out", str(out),
                       "--password-file", str(tmp_path / "bad"))
    assert code == 1 and "wrong" in err and not out.exists()
    code, _, err = run(capsys, home, "report", signed, "--out", str(out),
                       "--password-file", str(tmp_path / "pw"))
    assert code == 0, err
    assert out.read_bytes().startswith(b"%PDF")
