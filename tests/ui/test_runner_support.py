"""Helpers shared by the runner tests: answers as a crashed app leaves them on disk, and a
small photo file. The recording UiContext fixture lives in tests/ui/conftest.py."""

from __future__ import annotations

from tests.ui.conftest import ui_ctx
from tests.ui.helpers import RecordingOperations

# RecordingOperations (now in helpers.py) and ui_ctx (conftest.py): re-exported for modules importing them here.
__all__ = ["RecordingOperations", "ui_ctx", "answer_every_mini_item", "answers_in_database",
           "write_png"]


def answer_every_mini_item(ws, inspection_id: str) -> None:
    """Answer every item of the mini template and attach its required photo, so that the
    inspection can be completed."""
    from app.services.answers import answer_item
    from app.services.evidence import attach_file
    for key, value in (("a.samples", "yes"), ("a.score", 5), ("a.rating", "good"),
                       ("b.fridge", 3), ("b.choice", "full")):
        answer_item(ws, inspection_id, key, value)
    attach_file(ws, inspection_id, "b.fridge", data=b"\x89PNG fake", filename="f.png")


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
