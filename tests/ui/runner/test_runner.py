"""The inspection runner: a whole visit — answers by keyboard and mouse saved at once, note,
photo (file path and drag and drop), corrective action, completion blocked then done, both
signatures, read-only afterwards — and what is typed reaching the disk, even when the
process is killed with the window open."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLabel, QToolButton

from app.services.actions import actions_of
from app.services.answers import answers_of, responses_of
from app.services.evidence import attachments_of
from app.services.inspections import start_inspection
from app.services.signoff import signatures_of
from app.workspace import Workspace
from tests.ui.helpers import (answer_every_mini_item, answers_in_database, draw_signature,
                              open_runner, write_png)
from ui.runner.evidence import image_mime
from ui.runner.item_view import ItemView
from ui.runner.section_list import MISSING_BG

ROOT = Path(__file__).resolve().parents[3]

# The offscreen platform says this for every top-level window; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def status_of(ws, inspection_id):
    return ws.store.require("inspections", inspection_id, "inspection")["status"]


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



CHILD = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from app.workspace import Workspace
    from ui.context import UiContext
    from ui.operations import Operations
    from ui.runner import InspectionRunner

    app = QApplication([])
    ws = Workspace.open(sys.argv[1])
    operations = Operations()
    operations.show_errors = False
    runner = InspectionRunner(UiContext(ws=ws, operations=operations), sys.argv[2])
    runner.show()
    runner.activateWindow()
    assert QTest.qWaitForWindowActive(runner)
    QTest.keyClick(runner, Qt.Key.Key_1)              # a.samples: yes
    QTest.keyClicks(runner.item_view.note, "photo taken")
    runner.show_item("b.remarks")
    runner.item_view.editor.field.setFocus()
    QTest.keyClicks(runner.item_view.editor.field, "Door seal torn")
    print("typed", flush=True)
    app.exec()                                        # still open when it is killed
""")


def wait_for(condition, timeout: float = 30.0) -> bool:
    """Poll a condition (not a timing assertion: the limit only stops a hung child)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_answers_survive_a_kill_of_the_open_window(ws, mini_inspection):
    home = ws.paths.home
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(home), mini_inspection],
                             cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        def typed_on_disk():
            saved = answers_in_database(ws.paths.database, mini_inspection)
            return saved.get("b.remarks") == ("Door seal torn", "")
        assert wait_for(typed_on_disk), child.stderr.read() if child.poll() else "timeout"
        assert child.poll() is None                      # the window is still open
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    reopened = Workspace.open(home)
    try:
        assert reopened.store.db.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert answers_of(reopened, mini_inspection)["a.samples"] == "yes"
        assert responses_of(reopened, mini_inspection)["a.samples"]["note"] == "photo taken"
        assert answers_of(reopened, mini_inspection)["b.remarks"] == "Door seal torn"
    finally:
        reopened.close()
