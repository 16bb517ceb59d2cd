"""Undoing the last answer change (Ctrl+Z) in the runner, through the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt

import pytest

from app.services.answers import answers_of
from tests.ui.helpers import open_runner

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_ctrl_z_undoes_the_last_answer_change(qtbot, ui_ctx, ws, mini_inspection):
    runner = open_runner(qtbot, ui_ctx, mini_inspection)
    qtbot.keyClick(runner, Qt.Key.Key_1)                     # a.samples yes
    qtbot.keyClick(runner, Qt.Key.Key_J)
    qtbot.keyClick(runner, Qt.Key.Key_3)                     # a.score 3
    qtbot.keyClick(runner, Qt.Key.Key_4)                     # a.score 4 (changed mind)
    qtbot.keyClick(runner, Qt.Key.Key_J)                     # on to the rating
    qtbot.keyClick(runner, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert runner.current_key == "a.score"                   # shows what was undone
    assert answers_of(ws, mini_inspection)["a.score"] == 3
    assert runner.item_view.editor.buttons["3"].isChecked()
    qtbot.keyClick(runner, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "a.score" not in answers_of(ws, mini_inspection)
    qtbot.keyClick(runner, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "a.samples" not in answers_of(ws, mini_inspection)
    assert runner.undo_last() is False                       # nothing left to undo
