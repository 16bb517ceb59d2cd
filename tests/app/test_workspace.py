"""A profile folder: created on first use with its device id and keys, private to the owner."""

import stat

from cryptography import x509

from app.security.keys import certificate_name
from app.workspace import Workspace


def test_first_use_creates_device_id_keys_and_certificate(tmp_path):
    ws = Workspace.open(tmp_path / "profile")
    keys = tmp_path / "profile" / "keys"
    assert ws.profile.device_id
    for name in ("device_ed25519.pem", "signing_key.pem"):
        mode = stat.S_IMODE((keys / name).stat().st_mode)
        assert mode & 0o077 == 0, f"{name} is readable by others: {oct(mode)}"
    assert x509.load_pem_x509_certificate((keys / "signing_cert.pem").read_bytes())
    ws.close()


def test_the_certificate_follows_the_users_name(tmp_path):
    ws = Workspace.open(tmp_path)
    ws.set_identity(name="王静怡", role="principal")
    _, cert = ws.signing_identity()
    assert certificate_name(cert) == "王静怡"
    again = Workspace.open(tmp_path)
    assert (again.profile.user_name, again.profile.role) == ("王静怡", "principal")
    assert again.profile.device_id == ws.profile.device_id


def test_the_home_can_come_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("SCHOOL_INSPECT_HOME", str(tmp_path / "env-home"))
    ws = Workspace.open()
    assert ws.paths.home == (tmp_path / "env-home").resolve()
    assert ws.paths.database.exists()
