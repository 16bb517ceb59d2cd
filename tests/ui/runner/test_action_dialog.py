"""The corrective action dialog starts from the item's note."""

from __future__ import annotations

import pytest

from app.services.answers import set_note
from tests.ui.helpers import open_runner

# The offscreen platform says this for every top-level window; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_a_corrective_action_starts_from_the_items_note(qtbot, ui_ctx, ws, canteen):
    runner = open_runner(qtbot, ui_ctx, canteen)
    runner.show_item("store.fridge_temp")
    runner.item_view.note.setText("温控器故障，读数12°C")   # typed, not yet saved
    dialog = runner.open_action_dialog()        # the note is saved and offered
    assert dialog.description.toPlainText() == "温控器故障，读数12°C"
    dialog.reject()
    set_note(ws, canteen, "store.freezer_temp", "")
    runner.show_item("store.freezer_temp")      # no note: an empty box with its hint
    assert runner.open_action_dialog().description.toPlainText() == ""
