"""The item view: a completed inspection shows no dead buttons."""

from __future__ import annotations

import pytest

from tests.ui.helpers import open_runner

# The offscreen platform says this for every top-level window; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_a_completed_inspection_shows_no_dead_buttons(qtbot, ui_ctx, ws, mini_inspection):
    runner = open_runner(qtbot, ui_ctx, mini_inspection)
    assert runner.item_view.action_button.isVisible()
    ws.store.update("inspections", mini_inspection, {"status": "completed"})
    runner._reload()
    runner._refresh(rebuild=True)
    assert runner.read_only
    assert not runner.item_view.action_button.isVisible()
    assert not runner.item_view.evidence.add_button.isVisible()
    assert runner.item_view.evidence.hint.text() == "No photos."     # not a blank strip
