"""SQLCipher connections for a password-protected profile. They live here because the Store
is the only door to the database (tests/app/test_store_door.py); app/security/vault.py keeps the
password and key-file logic and calls these."""

from __future__ import annotations

from pathlib import Path

from app.errors import PasswordRequiredError, ValidationError, WrongPasswordError
from app.paths import ENV_PROFILE_PASSWORD as PASSWORD_ENV


def _quoted(password: str) -> str:
    if not password or "\x00" in password:
        raise ValidationError("A profile password must be non-empty text.")
    return "'" + password.replace("'", "''") + "'"


def connect(path: Path, password: str | None):
    """A keyed SQLCipher connection, checked: PasswordRequiredError / WrongPasswordError
    otherwise (nothing is written either way)."""
    import sqlcipher3
    if not password:
        raise PasswordRequiredError(
            "This profile is protected by a password: give it with --password-file FILE or "
            f"${PASSWORD_ENV} (in the window: type it when asked). Nothing was changed.")
    conn = sqlcipher3.connect(str(path), check_same_thread=False)
    try:
        # A wrong key is our one-line message, not SQLCipher's log lines on stderr.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {_quoted(password)}")
        conn.execute("select count(*) from sqlite_master").fetchone()
    except sqlcipher3.DatabaseError:
        conn.close()
        raise WrongPasswordError("The profile password is wrong: nothing was opened or "
                                 "changed. Try again.") from None
    return conn


def plain_connect(path: Path):
    import sqlcipher3
    return sqlcipher3.connect(str(path))
