"""Evidence in the runner: removing a photo asks first; adding opens where the last photos
came from."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QToolButton

from tests.ui.helpers import open_runner, write_png

# The offscreen platform says this for every top-level window; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _answer_next_box(button):
    """Answer the message box that the next click opens (it runs its own event loop)."""
    def answer():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        box.button(button).click()
    QTimer.singleShot(0, answer)


def test_removing_a_photo_asks_first(qtbot, ui_ctx, ws, mini_inspection, tmp_path):
    from app.services.evidence import attachments_of
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
