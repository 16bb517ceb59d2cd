"""A whole visit in the runner: answer by keyboard and mouse, note, photo (file path and
drag and drop), corrective action, completion blocked then done, both signatures drawn on the
pad, and the inspection read-only afterwards."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLabel, QToolButton

import pytest

from app.services.actions import actions_of
from app.services.answers import answers_of, responses_of
from app.services.evidence import attachments_of
from app.services.signoff import signatures_of
from tests.ui.test_runner_support import answer_every_mini_item, write_png
from ui.runner import InspectionRunner
from ui.runner.evidence import image_mime
from ui.runner.section_list import MISSING_BG

# The offscreen platform says this for every top-level window; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def open_runner(qtbot, ctx, inspection_id):
    runner = InspectionRunner(ctx, inspection_id)
    qtbot.addWidget(runner)
    ctx.operations.changed.connect(runner.on_changes)  # as the main window does
    runner.resize(1280, 800)
    runner.show()
    runner.activateWindow()
    qtbot.waitUntil(runner.isActiveWindow)
    return runner


def status_of(ws, inspection_id):
    return ws.store.require("inspections", inspection_id, "inspection")["status"]


def draw_signature(qtbot, pad):
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(30, 80))
    for x, y in ((60, 50), (90, 100), (130, 40), (170, 90), (220, 60)):
        qtbot.mouseMove(pad, QPoint(x, y))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(240, 70))


def drop_files(widget, paths):
    mime = image_mime(paths)
    point = QPointF(widget.width() / 2, widget.height() / 2)
    enter = QDragEnterEvent(point, Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)


def test_keyboard_and_mouse_answers_are_saved_at_once(qtbot, ui_ctx, ws, mini_inspection):
    runner = open_runner(qtbot, ui_ctx, mini_inspection)
    assert runner.current_key == "a.samples"
    qtbot.keyClick(runner, Qt.Key.Key_1)                       # yes
    assert answers_of(ws, mini_inspection)["a.samples"] == "yes"
    qtbot.keyClick(runner, Qt.Key.Key_J)                       # next item
    assert runner.current_key == "a.score"
    qtbot.keyClick(runner, Qt.Key.Key_4)                       # score 4 of 5
    assert answers_of(ws, mini_inspection)["a.score"] == 4
    qtbot.keyClick(runner, Qt.Key.Key_PageDown)
    qtbot.mouseClick(runner.item_view.editor.buttons["good"], Qt.MouseButton.LeftButton)
    assert answers_of(ws, mini_inspection)["a.rating"] == "good"
    qtbot.keyClick(runner, Qt.Key.Key_Up)                      # back: the score is shown
    assert runner.item_view.editor.buttons["4"].isChecked()
    qtbot.keyClick(runner, Qt.Key.Key_Down)
    qtbot.keyClick(runner, Qt.Key.Key_K)
    assert runner.current_key == "a.score"
    qtbot.keyClick(runner, Qt.Key.Key_2)                       # change it to 2
    assert answers_of(ws, mini_inspection)["a.score"] == 2
    qtbot.keyClick(runner, Qt.Key.Key_N)                       # N: not applicable
    assert answers_of(ws, mini_inspection)["a.score"] == "na"
    qtbot.keyClick(runner, Qt.Key.Key_3)
    assert answers_of(ws, mini_inspection)["a.score"] == 3
    qtbot.keyClick(runner, Qt.Key.Key_Delete)                  # take the answer back
    assert "a.score" not in answers_of(ws, mini_inspection)
    assert not any(b.isChecked() for b in runner.item_view.editor.buttons.values())
    qtbot.keyClick(runner, Qt.Key.Key_3)
    assert runner.score_panel.progress.value() == 3
    assert status_of(ws, mini_inspection) == "in_progress"


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
    qtbot.keyClick(runner, Qt.Key.Key_1)                       # the red line now holds
    assert runner.score_panel.grade.text() == "优秀"
    assert runner.score_panel.grade.property("tone") == "good"
    assert not runner.score_panel.cap.isVisible()


def test_whole_visit_photo_action_completion_and_signatures(qtbot, ui_ctx, ws,
                                                             mini_inspection, tmp_path):
    runner = open_runner(qtbot, ui_ctx, mini_inspection)
    for key in (Qt.Key.Key_1, Qt.Key.Key_Return, Qt.Key.Key_5, Qt.Key.Key_Return,
                Qt.Key.Key_3, Qt.Key.Key_Return):
        qtbot.keyClick(runner, key)
    assert runner.current_key == "b.fridge"
    qtbot.keyClicks(runner.item_view.editor.field, "4")
    qtbot.keyClicks(runner.item_view.note, "Fridge 4C, log kept")
    # Completing now is refused: the fridge photo and the records choice are missing.
    qtbot.keyClick(runner, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert status_of(ws, mini_inspection) == "in_progress"
    assert runner.missing == {"b.fridge", "b.choice"}
    assert runner.current_key == "b.fridge"                    # jumped to the first missing
    assert runner.banner.isVisible()
    assert runner.section_list.rows["b.choice"].background(0).color() == MISSING_BG
    saved = responses_of(ws, mini_inspection)["b.fridge"]
    assert (saved["value"], saved["note"]) == (4, "Fridge 4C, log kept")

    # A photo through the file-dialog path, another by drag and drop onto the item.
    runner.item_view.evidence.add_files([write_png(tmp_path / "fridge.png")])
    drop_files(runner.item_view, [write_png(tmp_path / "log.jpg", (20, 90, 200))])
    assert len(attachments_of(ws, mini_inspection, "b.fridge")) == 2
    assert len(runner.item_view.evidence.attachments) == 2
    thumbnails = [button for button in runner.item_view.evidence.findChildren(QToolButton)
                  if button.objectName() == "photoThumb" and not button.icon().isNull()]
    assert len(thumbnails) == 2                                # pictures, not file names
    assert "b.fridge" not in runner.missing

    dialog = runner.open_action_dialog()
    dialog.description.setPlainText("温度记录表缺少周末记录")
    dialog.responsible.setText("食堂管理员")
    dialog.accept()
    action = actions_of(ws, mini_inspection)[0]
    assert (action["item_key"], action["responsible"]) == ("b.fridge", "食堂管理员")

    qtbot.keyClick(runner, Qt.Key.Key_PageDown)
    qtbot.keyClick(runner, Qt.Key.Key_2)                       # records: partial
    qtbot.keyClick(runner, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert status_of(ws, mini_inspection) == "completed"
    assert not runner.item_view.editor.isEnabled()

    signoff = runner.open_signoff()
    signoff.blocks["principal"].name.setText("李校长")
    signoff.accept()                                           # refused: pads are empty
    assert signoff.error.isVisible() and status_of(ws, mini_inspection) == "completed"
    for block in signoff.blocks.values():
        draw_signature(qtbot, block.pad)
    signoff.accept()
    assert status_of(ws, mini_inspection) == "signed"
    signatures = signatures_of(ws, mini_inspection)
    assert {(s["signer"], s["role"]) for s in signatures} == {("张督学", "inspector"),
                                                              ("李校长", "principal")}
    for signature in signatures:
        assert ws.store.blob(signature["image_sha256"]).startswith(b"\x89PNG")

    # Read-only now: editors disabled, keys do nothing, the banner says so.
    assert runner.read_only and "read-only" in runner.banner.text()
    qtbot.keyClick(runner, Qt.Key.Key_1)
    assert answers_of(ws, mini_inspection)["b.choice"] == "part"
    assert not runner.item_view.editor.isEnabled()
    assert not runner.item_view.evidence.add_button.isEnabled()
    assert not runner.complete_button.isVisible() and not runner.sign_button.isVisible()
    assert ui_ctx.operations.errors == []


def test_report_button_opens_the_report_of_this_inspection(qtbot, ui_ctx, mini_inspection):
    runner = open_runner(qtbot, ui_ctx, mini_inspection)
    qtbot.mouseClick(runner.report_button, Qt.MouseButton.LeftButton)
    assert ui_ctx.reports == [mini_inspection]


def test_signed_elsewhere_meanwhile_turns_read_only_without_a_crash(qtbot, ui_ctx, ws,
                                                                    mini_inspection):
    from app.services.inspections import complete_inspection
    from app.services.signoff import sign_off
    runner = open_runner(qtbot, ui_ctx, mini_inspection)
    answer_every_mini_item(ws, mini_inspection)
    complete_inspection(ws, mini_inspection)
    sign_off(ws, mini_inspection, signer="王督学", role="inspector")
    qtbot.mouseClick(runner.item_view.editor.buttons["no"], Qt.MouseButton.LeftButton)
    assert answers_of(ws, mini_inspection)["a.samples"] == "yes"   # nothing changed
    assert [type(e).__name__ for e in ui_ctx.operations.errors] == ["FrozenError"]
    assert runner.read_only and not runner.item_view.editor.isEnabled()
    assert runner.item_view.editor.buttons["yes"].isChecked()


def test_completed_inspection_can_be_reopened(qtbot, ui_ctx, ws, mini_inspection):
    answer_every_mini_item(ws, mini_inspection)
    runner = open_runner(qtbot, ui_ctx, mini_inspection)
    assert runner.try_complete()
    assert runner.reopen_button.isVisible() and runner.read_only
    qtbot.mouseClick(runner.reopen_button, Qt.MouseButton.LeftButton)
    assert status_of(ws, mini_inspection) == "in_progress"
    assert runner.item_view.editor.isEnabled()
