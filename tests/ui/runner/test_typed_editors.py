"""Typed editors: a reading against its limits (flagged when out of range), and N in a
reading field meaning not applicable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.services.answers import answers_of
from app.services.inspections import start_inspection
from tests.ui.helpers import answers_in_database, open_runner

# The offscreen platform says this for every top-level window; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


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
