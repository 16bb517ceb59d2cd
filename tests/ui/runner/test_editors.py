"""Option buttons wrap onto more rows instead of running off a narrow window."""

from __future__ import annotations

import pytest

from tests.ui.helpers import open_runner

# The offscreen platform says this for every top-level window; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


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
