"""SQLite storage: schema migrations (sqlite-utils, loaded when one is applied), the one write
path, the digest."""

import sys


def load_sqlite_utils():
    """The sqlite_utils module, imported on first need (a migration, schema look-ups), not
    at start: opening an up-to-date profile needs only sqlite3.

    sqlite-utils imports numpy and pandas when they are installed, only to convert their
    value types, which this app never passes; importing numpy costs a few hundred ms. Hide
    them while sqlite-utils loads (it then treats them as absent); any later `import numpy`
    elsewhere works as usual."""
    if "sqlite_utils" in sys.modules:
        return sys.modules["sqlite_utils"]
    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # makes `import name` raise ImportError
    try:
        import sqlite_utils
    finally:
        for name in hidden:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]
    return sqlite_utils


from app.storage.store import Store, SYNCED_TABLES  # noqa: E402

__all__ = ["Store", "SYNCED_TABLES", "load_sqlite_utils"]
