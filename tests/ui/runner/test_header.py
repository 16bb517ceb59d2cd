"""The runner's header: a self-assessment names who filled it in, not inspectors."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from app.services.inspections import start_inspection
from tests.ui.helpers import open_runner

# The offscreen platform says this for every top-level window; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_a_self_assessment_names_who_filled_it_in_not_inspectors(qtbot, ui_ctx, ws,
                                                                  school_id):
    inspection = start_inspection(ws, school_id=school_id,
                                  template="school_comprehensive_self", mode="self_assessment",
                                  inspectors=["李校长"]).created
    runner = open_runner(qtbot, ui_ctx, inspection)
    subtitle = runner.header.findChild(QLabel, "runnerSubtitle").text()
    assert "李校长" in subtitle and "Filled in by" in subtitle
    assert "Inspectors" not in subtitle
