"""SQLite storage through sqlite-utils: schema migrations, the one write path, the digest."""

import sys


def _import_sqlite_utils() -> None:
    """sqlite-utils imports numpy and pandas when they are installed, only to convert their
    value types, which this app never passes; importing numpy costs a few hundred ms at
    every start. Hide them while sqlite-utils loads (it then treats them as absent); any
    later `import numpy` elsewhere works as usual."""
    if "sqlite_utils" in sys.modules:
        return
    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # makes `import name` raise ImportError
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]


_import_sqlite_utils()

from app.storage.store import Store, SYNCED_TABLES  # noqa: E402

__all__ = ["Store", "SYNCED_TABLES"]
