"""A whole finding without the mouse: answer, T for the note (Esc back to answering),
P for photos, A for a corrective action whose text box Tab leaves; none of it on a
completed (read-only) inspection."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from app.services.actions import actions_of
from app.services.answers import responses_of
from app.services.evidence import attachments_of
from tests.ui.helpers import open_runner, write_png

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

ITEM = "staff.health_certs"      # a failure needs a note and a corrective action


def test_a_finding_is_written_by_keyboard(qtbot, ui_ctx, ws, canteen):
    runner = open_runner(qtbot, ui_ctx, canteen)
    runner.show_item(ITEM)
    qtbot.keyClick(runner, Qt.Key.Key_3)                         # does not meet
    qtbot.keyClick(runner, Qt.Key.Key_T)
    note = runner.item_view.note
    assert QApplication.focusWidget() is note
    qtbot.keyClicks(note, "Two cooks without certificate")
    qtbot.keyClick(note, Qt.Key.Key_Escape)                      # back to answering
    assert QApplication.focusWidget() is runner
    assert responses_of(ws, canteen)[ITEM]["note"] == "Two cooks without certificate"
    qtbot.keyClick(runner, Qt.Key.Key_A)
    dialog = runner.action_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    dialog.description.setFocus()
    qtbot.keyClicks(dialog.description, "; renew both")          # added after the note
    qtbot.keyClick(dialog.description, Qt.Key.Key_Tab)           # Tab leaves the box
    assert QApplication.focusWidget() is not dialog.description
    assert "\t" not in dialog.description.toPlainText()
    dialog.responsible.setFocus()
    qtbot.keyClicks(dialog.responsible, "Canteen manager")
    dialog.accept()
    action = actions_of(ws, canteen)[0]
    assert action["description"] == "Two cooks without certificate; renew both"
    assert action["item_key"] == ITEM and action["responsible"] == "Canteen manager"


def test_p_adds_photos_to_the_item(qtbot, ui_ctx, ws, canteen, tmp_path, monkeypatch):
    photo = write_png(tmp_path / "fridge.png")
    # The system file dialog is the one part not driven here: it answers with a real file.
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([str(photo)], "")))
    runner = open_runner(qtbot, ui_ctx, canteen)
    runner.show_item(ITEM)
    qtbot.keyClick(runner, Qt.Key.Key_P)
    assert [a["filename"] for a in attachments_of(ws, canteen, ITEM)] == ["fridge.png"]


def test_the_keys_write_nothing_on_a_read_only_inspection(qtbot, ui_ctx, ws, canteen):
    ws.store.update("inspections", canteen, {"status": "completed"})
    runner = open_runner(qtbot, ui_ctx, canteen)
    runner.show_item(ITEM)
    for key in (Qt.Key.Key_T, Qt.Key.Key_A):
        qtbot.keyClick(runner, key)
    assert runner.action_dialog is None and QApplication.focusWidget() is not \
        runner.item_view.note


def test_typing_on_a_stored_reading_replaces_it_instead_of_appending(qtbot, ui_ctx, ws,
                                                                     canteen):
    runner = open_runner(qtbot, ui_ctx, canteen)
    runner.show_item("store.fridge_temp")
    qtbot.keyClicks(runner.item_view.editor.field, "4")
    qtbot.keyClick(runner.item_view.editor.field, Qt.Key.Key_Return)    # on to the freezer
    qtbot.keyClicks(runner.item_view.editor.field, "-20")
    qtbot.keyClick(runner.item_view.editor.field, Qt.Key.Key_Return)
    qtbot.keyClick(runner, Qt.Key.Key_K)                                # back to the freezer
    field = runner.item_view.editor.field
    assert QApplication.focusWidget() is field and field.selectedText() == "-20"
    qtbot.keyClicks(field, "-18")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    values = {k: r["value"] for k, r in responses_of(ws, canteen).items()}
    assert values["store.freezer_temp"] == -18 and values["store.fridge_temp"] == 4


def test_a_read_only_item_offers_no_writing_keys(qtbot, ui_ctx, ws, canteen, chinese):
    runner = open_runner(qtbot, ui_ctx, canteen)
    assert runner.item_view.note_label.text() == "备注  (T)"
    ws.store.update("inspections", canteen, {"status": "completed"})
    other = open_runner(qtbot, ui_ctx, canteen)
    assert other.item_view.note_label.text() == "备注"
    assert not other.item_view.action_button.isVisible()
