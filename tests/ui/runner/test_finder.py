"""Finding items in the runner (Ctrl+F search and the filters) and undoing the last answer
change (Ctrl+Z), through the keyboard as an inspector uses them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

import pytest

from app.services.answers import answer_item, answers_of
from tests.ui.helpers import open_runner

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def open_at_fridge(qtbot, ctx, inspection_id):
    runner = open_runner(qtbot, ctx, inspection_id)
    runner.show_item("b.fridge")
    qtbot.keyClicks(runner.item_view.editor.field, "4")
    runner.item_view.editor.flush()
    return runner


def test_typing_in_search_never_changes_the_current_answer(qtbot, ui_ctx, ws,
                                                           mini_inspection):
    runner = open_at_fridge(qtbot, ui_ctx, mini_inspection)
    field = runner.item_view.editor.field
    assert field.hasFocus() and answers_of(ws, mini_inspection)["b.fridge"] == 4
    qtbot.keyClick(field, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is runner.finder.search
    qtbot.keyClicks(QApplication.focusWidget(), "125 1 2 N")
    assert runner.finder.search.text() == "125 1 2 N"
    assert answers_of(ws, mini_inspection)["b.fridge"] == 4
    assert runner.item_view.editor.field.text() == "4"


def test_search_narrows_the_list_and_enter_opens_the_match(qtbot, ui_ctx, ws,
                                                           mini_inspection):
    runner = open_runner(qtbot, ui_ctx, mini_inspection)
    qtbot.keyClick(runner, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(runner.finder.search, "records")
    assert runner.section_list.visible_keys() == ["b.choice"]
    qtbot.keyClick(runner.finder.search, Qt.Key.Key_Return)
    assert runner.current_key == "b.choice"
    assert answers_of(ws, mini_inspection).get("b.choice") is None
    qtbot.keyClick(runner.finder.search, Qt.Key.Key_Escape)
    assert runner.finder.search.text() == ""
    assert len(runner.section_list.visible_keys()) == len(runner.items)


def test_search_finds_chinese_text_too(qtbot, ui_ctx, mini_inspection):
    runner = open_runner(qtbot, ui_ctx, mini_inspection)
    runner.finder.search.setText("温度")
    assert runner.section_list.visible_keys() == ["b.fridge"]


def test_filters_unanswered_and_failed(qtbot, ui_ctx, ws, mini_inspection):
    answer_item(ws, mini_inspection, "a.samples", "no")      # failed
    answer_item(ws, mini_inspection, "b.fridge", 25)         # out of limits
    answer_item(ws, mini_inspection, "a.score", 5)
    runner = open_runner(qtbot, ui_ctx, mini_inspection)
    combo = runner.finder.filter
    combo.setCurrentIndex(combo.findData("failed"))
    assert runner.section_list.visible_keys() == ["a.samples", "b.fridge"]
    combo.setCurrentIndex(combo.findData("unanswered"))
    assert "a.samples" not in runner.section_list.visible_keys()
    assert "b.choice" in runner.section_list.visible_keys()
    runner.show_item("b.choice")
    qtbot.keyClick(runner, Qt.Key.Key_1)                     # answered: leaves the filter
    assert "b.choice" not in runner.section_list.visible_keys()
    assert combo.findData("differing") == -1                 # no self-assessment here


def test_filter_differing_from_the_self_assessment(qtbot, ui_ctx, ws, school_id):
    from app.services.inspections import start_inspection
    own = start_inspection(ws, school_id=school_id, template="mini",
                           mode="self_assessment").created
    answer_item(ws, own, "a.samples", "yes")
    answer_item(ws, own, "a.score", 5)
    verify = start_inspection(ws, school_id=school_id, template="mini",
                              self_assessment_id=own).created
    answer_item(ws, verify, "a.samples", "no")
    answer_item(ws, verify, "a.score", 5)
    runner = open_runner(qtbot, ui_ctx, verify)
    combo = runner.finder.filter
    combo.setCurrentIndex(combo.findData("differing"))
    assert runner.section_list.visible_keys() == ["a.samples"]
