"""The score panel: the live grade capped by a failed red line (shown in full on hover), and
the open items counted in singular and plural (one form in Chinese)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.services.inspections import start_inspection
from tests.ui.helpers import make_ctx, open_runner, plural, runner_widget

# The offscreen platform says this for every top-level window; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_a_failed_red_line_caps_the_live_grade(qtbot, ui_ctx, ws, mini_inspection):
    runner = open_runner(qtbot, ui_ctx, mini_inspection)
    qtbot.mouseClick(runner.item_view.editor.buttons["no"], Qt.MouseButton.LeftButton)
    qtbot.keyClick(runner, Qt.Key.Key_Return)
    qtbot.keyClick(runner, Qt.Key.Key_5)
    assert runner.score_panel.total.text() == "33.3"   # (no·2 + 5/5·1) / 3
    assert runner.score_panel.grade.text() == "不合格"
    assert runner.score_panel.grade.property("tone") == "bad"          # shown in red
    assert runner.score_panel.cap.isVisible()
    assert "留样" in runner.score_panel.cap.text()
    qtbot.keyClick(runner, Qt.Key.Key_K)
    qtbot.keyClick(runner, Qt.Key.Key_1)                       # the veto item now holds
    # Two of five required items answered: no grade yet (尚未评定), however good the total.
    assert runner.score_panel.grade.text() == "not graded yet"
    assert runner.score_panel.grade.property("tone") == "neutral"
    assert not runner.score_panel.cap.isVisible()


def test_the_shortened_red_line_item_reads_in_full_on_hover(qtbot, ui_ctx, ws, school_id):
    inspection = start_inspection(ws, school_id=school_id, template="school_comprehensive",
                                  ).created
    runner = open_runner(qtbot, ui_ctx, inspection)
    runner.show_item("fin.no_slush_fund")
    qtbot.keyClick(runner, Qt.Key.Key_2)                     # a veto item: 不符合
    full = runner.template.item("fin.no_slush_fund").text[ui_ctx.lang]
    assert runner.score_panel.cap.isVisible()
    assert full in runner.score_panel.cap.toolTip()


def test_runner_counts_open_items_in_singular_and_plural(ws, mini_inspection, qtbot, english):
    runner = runner_widget(qtbot, make_ctx(ws), mini_inspection)
    text = runner.score_panel.open_items.text()
    assert "(s)" not in text
    result = runner.result
    assert plural(len(result.missing_required), "required item open",
                  "required items open") in text


def test_runner_count_is_one_form_in_chinese(ws, mini_inspection, qtbot, chinese):
    runner = runner_widget(qtbot, make_ctx(ws, "zh"), mini_inspection)
    text = runner.score_panel.open_items.text()
    assert f"{len(runner.result.missing_required)} " in text and "(s)" not in text
    assert not any(c.isascii() and c.isalpha() for c in text), text
