"""Helpers shared by the runner tests: answers as a crashed app leaves them on disk, and a
small photo file. The recording UiContext fixture lives in tests/ui/conftest.py."""

from __future__ import annotations

from tests.ui.conftest import RecordingOperations, ui_ctx

# RecordingOperations and ui_ctx moved to conftest; re-exported for modules importing them here.
__all__ = ["RecordingOperations", "ui_ctx", "answers_in_database", "write_png"]


def answers_in_database(path, inspection_id: str) -> dict:
    """Read answers through a SEPARATE sqlite3 connection, as a crashed app would leave
    them on disk."""
    import json
    import sqlite3
    connection = sqlite3.connect(str(path))
    try:
        rows = connection.execute(
            "select item_key, value, note from responses where inspection_id = ? "
            "and deleted = 0", [inspection_id]).fetchall()
    finally:
        connection.close()
    return {key: (json.loads(value) if value else None, note) for key, value, note in rows}


def write_png(path, colour=(200, 40, 40)):
    from PIL import Image
    Image.new("RGB", (64, 48), colour).save(path)
    return path
