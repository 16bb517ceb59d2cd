"""The section list: a section's title stays in sight, long English titles do not push the
item sideways, and the coloured dots are explained on hover."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.services.inspections import start_inspection
from tests.ui.helpers import open_runner, runner_in_shown_window

# The offscreen platform says this for every top-level window; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


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


def test_a_red_item_says_on_hover_what_it_still_needs(qtbot, ui_ctx, canteen):
    runner = open_runner(qtbot, ui_ctx, canteen)
    runner.show_item("staff.health_certs")
    qtbot.keyClick(runner, Qt.Key.Key_3)        # does not meet: needs a note and an action
    qtbot.keyClick(runner, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    rows = runner.section_list.rows
    failed, unanswered = rows["staff.health_certs"].toolTip(0), rows["staff.hygiene"].toolTip(0)
    assert "facts of the failure" in failed and "needs an answer" not in failed
    assert "needs an answer" in unanswered and "facts" not in unanswered
    assert "facts of a failure" in runner.banner.text()
