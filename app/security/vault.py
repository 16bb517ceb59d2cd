"""The optional profile password: the whole database encrypted with SQLCipher (through the
`sqlcipher3-wheels` package), and the device, encryption and signing keys encrypted with the
same password, for shared and lost laptops.

Opening checks the password before anything is written. Setting, changing or removing it
copies the database aside first (`backups/`), writes the re-keyed copy with
`sqlcipher_export`, checks that it opens with the new password, and only then puts it in place
and re-encrypts the keys.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

from app.paths import ENV_PROFILE_PASSWORD as PASSWORD_ENV  # noqa: F401 (the CLI reads it)


# SQLCipher connections live in app/storage (the Store is the only door); imported when used,
# so that `--help`, which reads PASSWORD_ENV, loads no database library.
def connect(path: Path, password: str | None):
    from app.storage.cipher import connect as keyed
    return keyed(path, password)


def plain_connect(path: Path):
    from app.storage.cipher import plain_connect as plain
    return plain(path)


def _quoted(password: str) -> str:
    from app.storage.cipher import _quoted as quoted
    return quoted(password)

PLAIN_HEADER = b"SQLite format 3\x00"
KEY_FILES = ("device_ed25519.pem", "device_x25519.pem", "signing_key.pem")


def is_encrypted(path: Path) -> bool:
    """A non-empty database file that is not plain SQLite is an encrypted one (or damaged,
    which opening then says)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
    except FileNotFoundError:
        return False
    return len(head) > 0 and head != PLAIN_HEADER


def backup(paths) -> Path:
    """A copy of the database as it is now (owner-only), before it is re-keyed."""
    folder = paths.home / "backups"
    folder.mkdir(exist_ok=True)
    os.chmod(folder, 0o700)
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S%f")
    target = folder / f"school-inspect-{stamp}.db"
    shutil.copy2(paths.database, target)
    os.chmod(target, 0o600)
    return target


def rekey(paths, old: str | None, new: str | None) -> Path:
    """Write the database under `new` (None: plain SQLite); returns the backup made first.
    The caller has closed its connection (and checkpointed the WAL)."""
    if new is not None:
        _quoted(new)
    made = backup(paths)
    source = connect(paths.database, old) if is_encrypted(paths.database) else \
        plain_connect(paths.database)
    target = paths.database.with_name(paths.database.name + ".rekey")
    target.unlink(missing_ok=True)
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT, 0o600))
    try:
        source.execute("ATTACH DATABASE ? AS target KEY ?", [str(target), new or ""])
        source.execute("select sqlcipher_export('target')")
        version = source.execute("PRAGMA user_version").fetchone()[0]
        source.execute(f"PRAGMA target.user_version = {int(version)}")
        source.execute("DETACH DATABASE target")
    finally:
        source.close()
    _check(target, new)
    for suffix in ("-wal", "-shm"):
        paths.database.with_name(paths.database.name + suffix).unlink(missing_ok=True)
    os.replace(target, paths.database)
    return made


def _check(target: Path, new: str | None) -> None:
    conn = connect(target, new) if new else plain_connect(target)
    try:
        conn.execute("select count(*) from _sqlite_migrations").fetchone()
    finally:
        conn.close()


def rekey_keys(keys_dir: Path, old: str | None, new: str | None) -> None:
    """The device, encryption and signing keys under the new password (None: none)."""
    from cryptography.hazmat.primitives import serialization

    from app.security.keys import load_private_key, write_private
    for name in KEY_FILES:
        path = keys_dir / name
        if not path.exists():
            continue
        key = load_private_key(path, old)
        encryption = serialization.BestAvailableEncryption(new.encode()) if new else \
            serialization.NoEncryption()
        write_private(path, key.private_bytes(serialization.Encoding.PEM,
                                              serialization.PrivateFormat.PKCS8, encryption))
