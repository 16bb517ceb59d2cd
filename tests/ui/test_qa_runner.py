"""Frictions found by walking through a whole canteen visit in the real window (QA pass):
each test is what a first-time inspector ran into, so it cannot come back unnoticed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QApplication, QLabel, QMessageBox, QStackedWidget,
                               QToolButton)

from app.services.answers import answers_of, set_note
from app.services.inspections import start_inspection
from app.services.schools import add_school, add_teacher
from tests.ui.helpers import RecordingOperations
from tests.ui.test_runner_visit import open_runner
from ui.context import UiContext
from ui.runner import InspectionRunner
from ui.runner.signoff_dialog import SignoffDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def canteen(ws, school_id) -> str:
    return start_inspection(ws, school_id=school_id, template="canteen_food_safety").created


def test_the_missing_count_in_the_banner_goes_down_as_items_are_answered(
        qtbot, ui_ctx, ws, mini_inspection):
    runner = open_runner(qtbot, ui_ctx, mini_inspection)
    qtbot.keyClick(runner, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    before = len(runner.missing)
    assert before > 1 and str(before) in runner.banner.text()
    qtbot.keyClick(runner, Qt.Key.Key_1)        # the first missing item is open: answer it
    assert len(runner.missing) == before - 1
    assert str(before - 1) in runner.banner.text()
    assert str(before) not in runner.banner.text()


def test_n_in_a_reading_field_means_not_applicable(qtbot, ui_ctx, ws, canteen):
    runner = open_runner(qtbot, ui_ctx, canteen)
    runner.show_item("dis.chlorine_mgl")        # heat disinfection: the reading is N/A
    field = runner.item_view.editor.field
    assert field.hasFocus()
    qtbot.keyClick(field, Qt.Key.Key_N)
    assert answers_of(ws, canteen)["dis.chlorine_mgl"] == "na"
    assert field.text() == "" and runner.item_view.editor.na.isChecked()
    qtbot.keyClicks(field, "250")               # a real reading replaces N/A
    runner.flush()
    assert answers_of(ws, canteen)["dis.chlorine_mgl"] == 250


def test_rating_buttons_wrap_instead_of_running_off_a_narrow_window(qtbot, ui_ctx, canteen):
    runner = open_runner(qtbot, ui_ctx, canteen)
    runner.resize(1110, 800)                    # its room in a 1280 main window
    runner.show_item("staff.hygiene")           # four ratings and N/A
    editor = runner.item_view.editor
    qtbot.waitUntil(lambda: editor._columns < editor.max_columns)
    qtbot.waitUntil(lambda: runner.scroll.horizontalScrollBar().maximum() == 0)
    qtbot.waitUntil(lambda: all(editor.rect().contains(button.geometry())  # N/A as well
                                for button in editor.buttons.values()))
    assert editor.height() > 2 * editor.buttons["na"].height()        # on two rows
    runner.resize(1800, 800)                    # room again: back on one row
    qtbot.waitUntil(lambda: editor._columns == editor.max_columns)


def runner_in_shown_window(qtbot, ctx, inspection_id):
    """As in the main window: the runner is made inside an already shown window, then shown.
    Returns (window, runner)."""
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    stack.resize(1110, 800)
    stack.show()
    runner = InspectionRunner(ctx, inspection_id, stack)
    stack.addWidget(runner)
    stack.setCurrentWidget(runner)
    return stack, runner  # the caller keeps the window: qtbot holds it only weakly


def test_a_sections_title_stays_in_sight_when_going_back_to_its_first_item(qtbot, ui_ctx, canteen):
    _window, runner = runner_in_shown_window(qtbot, ui_ctx, canteen)
    section_list = runner.section_list
    qtbot.waitUntil(lambda: section_list.viewport().height() > 300)
    head = section_list.topLevelItem(0)
    assert section_list.viewport().rect().contains(section_list.visualItemRect(head))
    runner.show_item("open.remarks")            # the last item, then back up (PgUp)
    runner.show_item("staff.health_certs")      # to the first of section 2: title shows
    head = runner.section_list.rows["staff.health_certs"].parent()
    assert section_list.viewport().rect().contains(section_list.visualItemRect(head))


def test_signers_are_offered_the_names_the_app_already_knows(qtbot, make_workspace, qapp):
    ws = make_workspace("unnamed")              # nobody has typed a user name on this laptop
    assert not ws.profile.user_name
    school = add_school(ws, name="青山区质检实验小学", district="青山区", level="primary",
                        principal="李校长").created
    inspection = start_inspection(ws, school_id=school, template="canteen_food_safety",
                                  inspectors=["王督学", "赵督学"]).created
    ctx = UiContext(ws=ws, operations=RecordingOperations(), open_report=lambda _: None)
    dialog = SignoffDialog(ctx, inspection, "food_safety")
    qtbot.addWidget(dialog)
    assert dialog.blocks["inspector"].name.text() == "王督学"
    assert dialog.blocks["principal"].name.text() == "李校长"


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


def test_a_long_english_section_title_does_not_push_the_item_sideways(qtbot, ui_ctx, ws,
                                                                       school_id):
    ws.set_identity(language="en")
    inspection = start_inspection(ws, school_id=school_id, template="school_comprehensive",
                                  ).created
    _window, runner = runner_in_shown_window(qtbot, ui_ctx, inspection)
    qtbot.waitUntil(lambda: runner.section_list.viewport().height() > 300)
    qtbot.wait(50)
    assert runner.scroll.horizontalScrollBar().maximum() == 0     # Yes/No/N-A all in sight
    head = runner.section_list.topLevelItem(0)                   # and section 1's title
    assert runner.section_list.viewport().rect().contains(
        runner.section_list.visualItemRect(head))


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


def _answer_next_box(button):
    """Answer the message box that the next click opens (it runs its own event loop)."""
    def answer():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        box.button(button).click()
    QTimer.singleShot(0, answer)


def test_removing_a_photo_asks_first(qtbot, ui_ctx, ws, mini_inspection, tmp_path):
    from app.services.evidence import attachments_of
    from tests.ui.test_runner_support import write_png
    runner = open_runner(qtbot, ui_ctx, mini_inspection)
    runner.show_item("b.fridge")
    evidence = runner.item_view.evidence
    evidence.add_files([write_png(tmp_path / "fridge.png")])
    cross = evidence.findChildren(QToolButton)[0]
    _answer_next_box(QMessageBox.StandardButton.No)
    qtbot.mouseClick(cross, Qt.MouseButton.LeftButton)      # a slip of the mouse…
    assert len(attachments_of(ws, mini_inspection, "b.fridge")) == 1
    cross = evidence.findChildren(QToolButton)[0]
    _answer_next_box(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(cross, Qt.MouseButton.LeftButton)      # …or meant
    assert attachments_of(ws, mini_inspection, "b.fridge") == []


def test_add_photo_opens_where_the_last_photos_came_from(tmp_path, monkeypatch):
    from ui.runner import evidence
    monkeypatch.setattr(evidence, "_last_folder", None)
    assert evidence.start_folder().is_dir()
    assert evidence.start_folder() != Path.cwd() or Path.cwd() == Path.home()
    monkeypatch.setattr(evidence, "_last_folder", tmp_path)
    assert evidence.start_folder() == tmp_path


def test_qt_file_dialog_labels_are_chinese_too(qapp):
    from PySide6.QtWidgets import QFileDialog, QLabel
    from ui.i18n import install_translations
    install_translations(qapp, "zh")
    try:
        dialog = QFileDialog(None, "", str(Path.home()))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        texts = [label.text() for label in dialog.findChildren(QLabel)]
        dialog.deleteLater()
    finally:
        install_translations(qapp, "en")
    assert "查找范围(&L)：" in texts and "文件类型(&T)：" in texts
    assert not any("Look in" in t or "Files of" in t for t in texts)


def test_the_shortened_red_line_item_reads_in_full_on_hover(qtbot, ui_ctx, ws, school_id):
    inspection = start_inspection(ws, school_id=school_id, template="school_comprehensive",
                                  ).created
    runner = open_runner(qtbot, ui_ctx, inspection)
    runner.show_item("fin.no_slush_fund")
    qtbot.keyClick(runner, Qt.Key.Key_2)                     # a veto item: 不符合
    full = runner.template.item("fin.no_slush_fund").text[ui_ctx.lang]
    assert runner.score_panel.cap.isVisible()
    assert full in runner.score_panel.cap.toolTip()


def test_a_self_assessment_names_who_filled_it_in_not_inspectors(qtbot, ui_ctx, ws,
                                                                  school_id):
    inspection = start_inspection(ws, school_id=school_id,
                                  template="school_comprehensive_self", mode="self_assessment",
                                  inspectors=["李校长"]).created
    runner = open_runner(qtbot, ui_ctx, inspection)
    subtitle = runner.header.findChild(QLabel, "runnerSubtitle").text()
    assert "李校长" in subtitle and "Filled in by" in subtitle
    assert "Inspectors" not in subtitle


def test_keys_answer_at_once_when_the_main_window_opens_an_inspection(qtbot, ws,
                                                                      mini_inspection, window):
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.focus_search()                       # the cursor is somewhere on a page
    window.open_inspection(mini_inspection)     # e.g. after the new-inspection dialog
    runner = window.runner
    focused = QApplication.focusWidget()
    assert focused is runner or runner.isAncestorOf(focused)
    qtbot.keyClick(focused, Qt.Key.Key_1)       # no click into the runner needed
    assert answers_of(ws, mini_inspection)["a.samples"] == "yes"


def test_back_to_the_open_inspection_by_the_side_list_keys_answer(qtbot, ws, mini_inspection,
                                                                 window):
    from ui.main_window import RUNNER
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.open_inspection(mini_inspection)
    window.show_page("templates")               # look something up elsewhere…
    row = next(r for r in range(window.nav.count())
               if window.nav.item(r).data(Qt.ItemDataRole.UserRole) == RUNNER)
    rect = window.nav.visualItemRect(window.nav.item(row))
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentWidget() is window.runner   # …and back by mouse
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1)
    assert answers_of(ws, mini_inspection)["a.samples"] == "yes"


def test_the_coloured_dots_are_explained_on_hover(qtbot, ui_ctx, ws, canteen):
    runner = open_runner(qtbot, ui_ctx, canteen)
    qtbot.keyClick(runner, Qt.Key.Key_3)                     # item 1: 不符合 (does not meet)
    runner.show_item("store.fridge_temp")
    qtbot.keyClicks(runner.item_view.editor.field, "12")
    runner.flush()
    rows = runner.section_list.rows
    assert "does not meet the standard" in rows["resp.principal_first"].toolTip(0)
    assert "reading out of range" in rows["store.fridge_temp"].toolTip(0)
    assert "not answered yet" in rows["store.freezer_temp"].toolTip(0)
    assert runner.template.item("store.freezer_temp").text["zh"] in \
        rows["store.freezer_temp"].toolTip(0)


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
