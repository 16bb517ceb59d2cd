"""The teacher-ethics page of the runner: raters' scores and red lines give the grade with
its reason, and the English page fits its window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.services.inspections import start_inspection
from app.services.schools import add_teacher
from tests.ui.helpers import answers_in_database, open_runner, runner_in_shown_window
from ui.i18n import install_translations

# The offscreen platform says this for every top-level window; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_ethics_red_line_answered_no_gives_fail_with_its_reason(qtbot, ui_ctx, ws, school_id,
                                                               qapp):
    teacher = add_teacher(ws, school_id, name="王丽").created
    inspection = start_inspection(ws, school_id=school_id, template="teacher_ethics",
                                  teacher_id=teacher).created
    install_translations(qapp, "zh")
    try:
        runner = open_runner(qtbot, ui_ctx, inspection)
        view = runner.ethics_view
        assert view is not None and "王丽" in view.title.text()
        from PySide6.QtWidgets import QLabel
        assert "王丽" in runner.header.findChild(QLabel, "runnerTitle").text()  # whose file
        assert runner.current_key == "rater.self"
        spin = view.editors["rater.self"].spin
        assert spin.hasFocus()                            # type the score straight away
        qtbot.keyClicks(spin, "95")
        qtbot.keyClick(spin, Qt.Key.Key_Return)           # saved, and on to the next group
        assert runner.current_key == "rater.peers"
        assert answers_in_database(ws.paths.database, inspection)["rater.self"][0] == 95
        for key in ("rater.peers", "rater.students", "rater.parents", "rater.panel"):
            view.editors[key].spin.setValue(95)
        assert runner.score_panel.total.text() == "95.0"
        assert view.grade.text().startswith("尚未评定")     # the standards are not checked yet
        for key, editor in view.editors.items():
            if key.startswith("std.") and hasattr(editor, "buttons") and key not in (
                    "std.commitment_letter", "std.assessment_file"):
                qtbot.mouseClick(editor.buttons["yes"], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(view.editors["std.care"].buttons["no"], Qt.MouseButton.LeftButton)
        assert view.grade.text() == "不合格 — 一票否决：关心爱护学生"
        assert runner.result.grade.key == "fail"
        runner.show_item("std.practice")                  # keyboard works on the page too
        qtbot.keyClick(runner, Qt.Key.Key_2)
        assert view.grade.text() == "不合格 — 一票否决：关心爱护学生；规范从教行为"
        assert "一票否决：关心爱护学生" in runner.score_panel.grade.text()
        assert not runner.try_complete()      # two items open, two vetoes without their facts
        assert runner.missing == {"std.commitment_letter", "std.assessment_file",
                                  "std.care", "std.practice"}
        assert view.rows["std.commitment_letter"].property("missing")
        assert runner.current_key == "std.care"          # the first item still open
    finally:
        install_translations(qapp, "en")


def test_the_english_ethics_page_fits_its_window(qtbot, ui_ctx, ws, school_id):
    ws.set_identity(language="en")
    teacher = add_teacher(ws, school_id, name="何秀英").created
    inspection = start_inspection(ws, school_id=school_id, template="teacher_ethics",
                                  teacher_id=teacher).created
    _window, runner = runner_in_shown_window(qtbot, ui_ctx, inspection)
    qtbot.waitUntil(lambda: runner.ethics_view.width() > 300)
    qtbot.wait(50)
    # The commitment-letter standard's long name used to widen the page past the window.
    assert runner.scroll.horizontalScrollBar().maximum() == 0
