"""Verifying a self-assessment: the principal's answers beside the inspector's, and the
differences marked and counted."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.services.answers import answer_item
from app.services.inspections import start_inspection
from tests.ui.helpers import open_runner
from ui.runner.section_list import DIFFERS_BG

# The offscreen platform says this for every top-level window; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def self_assessment(ws, school_id):
    inspection = start_inspection(ws, school_id=school_id,
                                  template="school_comprehensive_self",
                                  mode="self_assessment").created
    answer_item(ws, inspection, "gov.party_led_principal", "yes",
                note="党组织会议纪要齐全")
    answer_item(ws, inspection, "gov.leadership_team", "yes")
    answer_item(ws, inspection, "gov.risk_point_list", 5)
    return inspection


def test_verification_shows_the_principals_answers_and_the_differences(
        qtbot, ui_ctx, ws, school_id, self_assessment):
    inspection = start_inspection(ws, school_id=school_id, template="school_comprehensive",
                                  self_assessment_id=self_assessment).created
    runner = open_runner(qtbot, ui_ctx, inspection)
    assert runner.current_key == "gov.party_led_principal"
    box = runner.item_view.comparison
    assert "符合" in box.answer.text() or "Meets" in box.answer.text()
    assert "党组织会议纪要齐全" in box.note.text()
    qtbot.keyClick(runner, Qt.Key.Key_1)                  # agrees with the principal
    assert not runner.item_view.comparison.different
    qtbot.keyClick(runner, Qt.Key.Key_Return)
    qtbot.keyClick(runner, Qt.Key.Key_2)                  # the inspector finds otherwise
    assert runner.item_view.comparison.different
    row = runner.section_list.rows["gov.leadership_team"]
    assert row.background(0).color() \
        == DIFFERS_BG
    assert runner.score_panel.own.isVisible() and "100.0" in runner.score_panel.own.text()
    assert "1" in runner.score_panel.own.text().splitlines()[1]   # one difference
