"""Confidential at rest: a private profile folder, and an optional profile password that
encrypts the whole database (SQLCipher) and the keys. A wrong or missing password is a clear
error and nothing is written."""

import gc
import sqlite3
import stat

import pytest

from app.errors import PasswordRequiredError, WrongPasswordError
from app.services import schools
from app.workspace import Workspace
from tests.app.cli_support import run, run_json


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def secret(tmp_path):
    path = tmp_path / "pw.txt"
    path.write_text("校长 o'clock pass\n", "utf-8")
    return path


def test_a_profile_is_private_to_its_owner(ws):
    schools.add_school(ws, name="育才小学")
    home = ws.paths.home
    assert _mode(home) == _mode(ws.paths.keys) == 0o700
    for path in (ws.paths.database, ws.paths.profile_file, *ws.paths.keys.glob("*")):
        assert _mode(path) == 0o600, path


def test_a_protected_profile_is_not_sqlite_in_clear(capsys, tmp_path, secret):
    home = tmp_path / "home"
    run_json(capsys, home, "init", "--name", "张督学", "--password-file", str(secret))
    run_json(capsys, home, "school", "add", "--name", "育才小学", "--password-file",
             str(secret))
    data = (home / "school-inspect.db").read_bytes()
    assert not data.startswith(b"SQLite format 3") and "育才".encode() not in data
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(home / "school-inspect.db").execute("select * from schools").fetchall()
    assert b"ENCRYPTED" in (home / "keys" / "device_ed25519.pem").read_bytes()
    assert not list((home / "backups").glob("*"))         # no plaintext copy left behind
    rows = run_json(capsys, home, "list", "schools", "--password-file", str(secret))
    assert [r["name"] for r in rows] == ["育才小学"]


def test_without_or_with_a_wrong_password_nothing_opens_and_nothing_is_written(
        capsys, tmp_path, secret, monkeypatch):
    home = tmp_path / "home"
    run_json(capsys, home, "init", "--password-file", str(secret))
    gc.collect()    # init's connection closes (its WAL folded in) before the files are read
    before = {p.name: p.read_bytes() for p in home.rglob("*") if p.is_file()}
    code, out, err = run(capsys, home, "school", "add", "--name", "x")
    assert code == 1 and out == "" and err.count("\n") == 1 and "password" in err
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("guess\n", "utf-8")
    code, out, err = run(capsys, home, "school", "add", "--name", "x", "--password-file",
                         str(wrong))
    assert code == 1 and "password is wrong" in err and err.count("\n") == 1
    after = {p.name: p.read_bytes() for p in home.rglob("*") if p.is_file()}
    assert after == before
    with pytest.raises(PasswordRequiredError):
        Workspace.open(home)
    with pytest.raises(WrongPasswordError):
        Workspace.open(home, password="guess")
    monkeypatch.setenv("SCHOOL_INSPECT_PASSWORD", "校长 o'clock pass")
    assert run(capsys, home, "list", "schools")[0] == 0


def test_change_and_remove_the_password_with_a_backup_first(capsys, tmp_path, secret):
    home = tmp_path / "home"
    run_json(capsys, home, "init", "--password-file", str(secret))
    run_json(capsys, home, "school", "add", "--name", "育才小学", "--password-file", str(secret))
    new = tmp_path / "new.txt"
    new.write_text("new one\n", "utf-8")
    changed = run_json(capsys, home, "profile-password", "--new-password-file", str(new),
                       "--password-file", str(secret))
    backup = home / "backups" / changed["backup"].rsplit("/", 1)[-1]
    assert backup.exists() and not backup.read_bytes().startswith(b"SQLite format 3")
    assert run(capsys, home, "list", "schools", "--password-file", str(secret))[0] == 1
    run_json(capsys, home, "profile-password", "--remove", "--password-file", str(new))
    assert (home / "school-inspect.db").read_bytes().startswith(b"SQLite format 3")
    assert b"ENCRYPTED" not in (home / "keys" / "device_ed25519.pem").read_bytes()
    rows = run_json(capsys, home, "list", "schools")
    assert [r["name"] for r in rows] == ["育才小学"]


def test_a_protected_profile_exports_and_imports(make_workspace, tmp_path):
    from tests.app.sync.helpers import digest, send
    a, b = make_workspace("a"), make_workspace("b")
    schools.add_school(a, name="育才小学")
    a.set_profile_password("pw-a")
    b.set_profile_password("pw-b")
    send(a, b, tmp_path)
    assert digest(a) == digest(b)
    reopened = Workspace.open(b.paths.home, password="pw-b")
    assert digest(reopened) == digest(a)
    reopened.close()


def test_a_database_error_on_a_protected_profile_reads_like_any_other(make_workspace):
    """SQLCipher's errors are its own classes, caught once it is loaded (a plain profile never
    loads it): a busy encrypted file gets the same one-line advice as a plain one."""
    from app.errors import DatabaseError
    ws = make_workspace("protected")
    ws.set_profile_password("pw")
    ws.close()
    ws = Workspace.open(ws.paths.home, password="pw")
    import sqlcipher3
    other = sqlcipher3.connect(str(ws.paths.database))
    other.execute("pragma key = 'pw'")
    other.execute("begin exclusive")   # a second program holds the file
    ws.store.conn.execute("pragma busy_timeout = 0")
    try:
        with pytest.raises(DatabaseError, match="in use by another program"):
            with ws.store.atomic():
                schools.add_school(ws, name="育才小学")
    finally:
        other.rollback()
        other.close()
        ws.close()
