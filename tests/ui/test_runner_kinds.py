"""The runner on each kind of work: autosave that survives a kill, canteen readings against
their limits, self-assessment verification, teacher-ethics grading, a 50-item template."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.services.answers import answer_item
from app.services.inspections import start_inspection
from app.services.schools import add_teacher
from app.workspace import Workspace
from tests.ui.test_runner_support import answer_every_mini_item, answers_in_database
from tests.ui.test_runner_visit import open_runner
from ui.i18n import install_translations
from ui.runner.item_view import ItemView
from ui.runner.section_list import DIFFERS_BG

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_typed_text_reaches_the_disk_before_the_window_closes(qtbot, ui_ctx, ws,
                                                             mini_inspection):
    runner = open_runner(qtbot, ui_ctx, mini_inspection)
    qtbot.keyClicks(runner.item_view.note, "see photo")
    database = ws.paths.database
    # No focus change, no navigation: the idle save alone must write it, visible to a
    # separate connection as if the app were killed now.
    qtbot.waitUntil(lambda: answers_in_database(database, mini_inspection)
                    .get("a.samples") == (None, "see photo"))
    runner.show_item("b.remarks")
    field = runner.item_view.editor.field
    field.setFocus()
    qtbot.keyClicks(field, "Cold room door seal torn")
    qtbot.waitUntil(lambda: answers_in_database(database, mini_inspection)
                    .get("b.remarks") == ("Cold room door seal torn", ""))
    second = Workspace.open(ws.paths.home)
    try:
        from app.services.answers import answers_of
        assert answers_of(second, mini_inspection)["b.remarks"] == "Cold room door seal torn"
    finally:
        second.close()
    assert runner.isVisible()


def test_number_typed_then_killed_is_saved_by_the_idle_timer(qtbot, ui_ctx, ws,
                                                            mini_inspection):
    runner = open_runner(qtbot, ui_ctx, mini_inspection)
    runner.show_item("b.fridge")
    qtbot.keyClicks(runner.item_view.editor.field, "6.5")
    qtbot.waitUntil(lambda: answers_in_database(ws.paths.database, mini_inspection)
                    .get("b.fridge", (None,))[0] == 6.5)


def test_canteen_reading_out_of_range_is_flagged(qtbot, ui_ctx, ws, school_id):
    inspection = start_inspection(ws, school_id=school_id,
                                  template="canteen_food_safety").created
    runner = open_runner(qtbot, ui_ctx, inspection)
    runner.show_item("store.fridge_temp")
    editor = runner.item_view.editor
    assert "0 – 8 °C" in editor.limit.text()
    qtbot.keyClicks(editor.field, "12")
    assert editor.warning.isVisible() and "0 – 8 °C" in editor.warning.text()
    qtbot.keyClick(runner, Qt.Key.Key_Return)            # Enter saves and moves on
    assert runner.current_key == "store.freezer_temp"
    assert answers_in_database(ws.paths.database, inspection)["store.fridge_temp"][0] == 12
    assert "store.fridge_temp" in runner.result.out_of_limits
    assert "out of limits" in runner.score_panel.open_items.text()
    qtbot.keyClicks(runner.item_view.editor.field, "-18")
    assert not runner.item_view.editor.warning.isVisible()
    runner.show_item("sample.weight_g")
    qtbot.keyClicks(runner.item_view.editor.field, "100")
    assert "≥ 125 克" in runner.item_view.editor.warning.text()
    runner.show_item("cook.kitchen_photo")                # photo-required item
    runner.try_complete()
    assert "cook.kitchen_photo" in runner.missing
    assert "resp.licence_displayed" in runner.missing     # yes_no needing a photo too


@pytest.fixture
def self_assessment(ws, school_id):
    inspection = start_inspection(ws, school_id=school_id,
                                  template="school_comprehensive_self",
                                  mode="self_assessment").created
    answer_item(ws, inspection, "gov.party_led_principal", "yes",
                note="党组织会议纪要齐全")
    answer_item(ws, inspection, "gov.three_important_collective", "yes")
    answer_item(ws, inspection, "gov.risk_point_list", 5)
    return inspection


def test_verification_shows_the_principals_answers_and_the_differences(
        qtbot, ui_ctx, ws, school_id, self_assessment):
    inspection = start_inspection(ws, school_id=school_id, template="school_comprehensive",
                                  self_assessment_id=self_assessment).created
    runner = open_runner(qtbot, ui_ctx, inspection)
    assert runner.current_key == "gov.party_led_principal"
    box = runner.item_view.comparison
    assert "是" in box.answer.text() or "Yes" in box.answer.text()
    assert "党组织会议纪要齐全" in box.note.text()
    qtbot.keyClick(runner, Qt.Key.Key_1)                  # agrees with the principal
    assert not runner.item_view.comparison.different
    qtbot.keyClick(runner, Qt.Key.Key_Return)
    qtbot.keyClick(runner, Qt.Key.Key_2)                  # the inspector finds otherwise
    assert runner.item_view.comparison.different
    row = runner.section_list.rows["gov.three_important_collective"]
    assert row.background(0).color() \
        == DIFFERS_BG
    assert runner.score_panel.own.isVisible() and "100.0" in runner.score_panel.own.text()
    assert "1" in runner.score_panel.own.text().splitlines()[1]   # one difference


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
        assert view.grade.text().startswith("优秀")
        for key, editor in view.editors.items():
            if key.startswith("std.") and hasattr(editor, "buttons") and key not in (
                    "std.commitment_letter", "std.assessment_file"):
                qtbot.mouseClick(editor.buttons["yes"], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(view.editors["std.care"].buttons["no"], Qt.MouseButton.LeftButton)
        assert view.grade.text() == "不合格 — 红线：关心爱护学生"
        assert runner.result.grade.key == "fail"
        runner.show_item("std.practice")                  # keyboard works on the page too
        qtbot.keyClick(runner, Qt.Key.Key_2)
        assert view.grade.text() == "不合格 — 红线：关心爱护学生、规范从教行为"
        assert "红线：关心爱护学生" in runner.score_panel.grade.text()
        assert not runner.try_complete()                  # two yes/no items still open
        assert runner.missing == {"std.commitment_letter", "std.assessment_file"}
        assert view.rows["std.commitment_letter"].property("missing")
        assert runner.current_key == "std.commitment_letter"
    finally:
        install_translations(qapp, "en")


def test_a_fifty_item_template_builds_one_item_at_a_time(qtbot, ui_ctx, ws, school_id):
    inspection = start_inspection(ws, school_id=school_id,
                                  template="school_comprehensive").created
    runner = open_runner(qtbot, ui_ctx, inspection)
    count = len(runner.items)
    assert count >= 50
    for _ in range(count + 3):
        qtbot.keyClick(runner, Qt.Key.Key_PageDown)
    assert runner.current_key == runner.items[-1].key
    qtbot.waitUntil(lambda: len(runner.findChildren(ItemView)) == 1)
    for _ in range(5):
        qtbot.keyClick(runner, Qt.Key.Key_PageUp)
    assert runner.current_key == runner.items[-6].key


def test_a_photo_item_is_answered_by_its_photo(qtbot, ui_ctx, ws, school_id, tmp_path):
    from tests.ui.test_runner_support import write_png
    inspection = start_inspection(ws, school_id=school_id,
                                  template="canteen_food_safety").created
    runner = open_runner(qtbot, ui_ctx, inspection)
    runner.show_item("cook.kitchen_photo")
    runner.item_view.evidence.add_files([write_png(tmp_path / "kitchen.png")])
    saved = answers_in_database(ws.paths.database, inspection)["cook.kitchen_photo"]
    # The finding says to see the photo; the camera's file name means nothing in a report.
    assert saved[0] == "See the photo." and "kitchen" not in saved[0]
    assert "cook.kitchen_photo" not in runner.result.missing_required
    assert "cook.kitchen_photo" not in runner.result.missing_photos


def test_hiding_the_runner_saves_what_was_typed(qtbot, ui_ctx, ws, mini_inspection):
    runner = open_runner(qtbot, ui_ctx, mini_inspection)
    runner.show_item("b.fridge")
    runner.item_view.editor.field.setText("7")   # typed, no signal, no focus change yet
    runner.item_view.note.setText("checked at 10:00")
    runner.hide()                                # the main window switches page
    saved = answers_in_database(ws.paths.database, mini_inspection)["b.fridge"]
    assert saved == (7, "checked at 10:00")


def test_self_assessment_is_signed_by_the_principal_alone(qtbot, ui_ctx, ws, school_id):
    from tests.ui.test_runner_visit import draw_signature
    inspection = start_inspection(ws, school_id=school_id, template="mini",
                                  mode="self_assessment").created
    answer_every_mini_item(ws, inspection)
    runner = open_runner(qtbot, ui_ctx, inspection)
    assert runner.try_complete()
    dialog = runner.open_signoff()
    assert list(dialog.blocks) == ["principal"]
    dialog.blocks["principal"].name.setText("李校长")
    draw_signature(qtbot, dialog.blocks["principal"].pad)
    dialog.accept()
    assert runner.status == "signed" and not runner.sign_button.isVisible()


def test_ethics_is_signed_by_the_panel_and_the_principal(qtbot, ui_ctx, ws, school_id):
    from ui.runner.signoff_dialog import SignoffDialog
    teacher = add_teacher(ws, school_id, name="王丽").created
    inspection = start_inspection(ws, school_id=school_id, template="teacher_ethics",
                                  teacher_id=teacher).created
    dialog = SignoffDialog(ui_ctx, inspection, "ethics")
    qtbot.addWidget(dialog)
    assert list(dialog.blocks) == ["panel", "principal"]
