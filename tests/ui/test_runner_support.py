"""Shared by the runner tests (imported, not a conftest, so it cannot clash with other
pages' fixtures): a UiContext on the test workspace whose errors are recorded, not shown in
modal boxes (a modal box would block a test)."""

from __future__ import annotations

import pytest

from ui.context import UiContext
from ui.operations import Operations


class RecordingOperations(Operations):
    """Operations that remember reported errors instead of opening message boxes."""

    def __init__(self):
        super().__init__()
        self.show_errors = False
        self.errors: list[BaseException] = []

    def report(self, exc, parent=None) -> None:
        self.errors.append(exc)
        super().report(exc, parent)


@pytest.fixture
def ui_ctx(ws, qapp):
    operations = RecordingOperations()
    reports: list[str] = []
    ctx = UiContext(ws=ws, operations=operations, open_report=reports.append)
    ctx.reports = reports
    yield ctx


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
