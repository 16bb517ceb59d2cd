"""SQLite's errors as messages that say what to do (a full disk, a busy or read-only file, a
damaged database), for SQLite and SQLCipher connections alike."""

from __future__ import annotations

import shutil
import sqlite3
import sys
from pathlib import Path

from app.errors import DatabaseError

def db_errors() -> tuple:
    """The errors a database call may raise: sqlite3's, and SQLCipher's (an encrypted profile)
    once SQLCipher is loaded. Asked when an error is caught, so a plain profile never loads
    SQLCipher (8 ms of every start): without it loaded, no SQLCipher connection exists."""
    cipher = sys.modules.get("sqlcipher3")
    return (sqlite3.Error, cipher.Error) if cipher is not None else (sqlite3.Error,)


# Below this much free space, an I/O error while writing is taken to be a full disk: SQLite
# reports some out-of-space writes (WAL, journal) as a plain "disk I/O error".
LOW_SPACE = 8 << 20


def translate_sqlite_error(exc: Exception, path: Path | None = None) -> DatabaseError:
    """Turn what the environment caused into a message that says what to do."""
    text = str(exc).lower()
    name = getattr(exc, "sqlite_errorname", "") or ""
    if "full" in text or name == "SQLITE_FULL" or \
            (("i/o" in text or name.startswith("SQLITE_IOERR")) and _low_space(path)):
        where = f" ({path.parent})" if path is not None and str(path) != ":memory:" else ""
        return DatabaseError(f"The disk is full{where}: free some space (for example delete "
                             "old exports, reports or backups) and try again. Nothing was "
                             "saved by the failed step.")
    if "locked" in text or "busy" in text:
        return DatabaseError("The database is in use by another program: close the other "
                             "School Inspect window and try again.")
    if "readonly" in text or "read-only" in text:
        return DatabaseError("The database file is read-only: check the folder's permissions.")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return DatabaseError("The database file is damaged: restore it from a backup or a "
                             "bundle. The damaged file was not changed.")
    return DatabaseError(f"Database error: {exc}")


def _low_space(path: Path | None) -> bool:
    if path is None or str(path) == ":memory:":
        return False
    try:
        return shutil.disk_usage(path.parent).free < LOW_SPACE
    except OSError:
        return False
