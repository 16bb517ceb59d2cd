"""SQLite storage through sqlite-utils: schema migrations, the one write path, the digest."""

from app.storage.store import Store, SYNCED_TABLES

__all__ = ["Store", "SYNCED_TABLES"]
