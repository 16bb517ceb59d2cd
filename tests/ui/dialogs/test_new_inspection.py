"""New inspection dialog: templates follow the mode and show one language, a
self-assessment is filled in by the principal, and a verification preselects the newest
finished self-assessment."""

from __future__ import annotations

import pytest

from app.services.inspections import start_inspection
from app.services.schools import add_school
from tests.ui.helpers import visit_with_two_actions
from ui.dialogs.new_inspection import NewInspectionDialog


def template_titles(dialog) -> list[str]:
    return [dialog.template.itemText(i) for i in range(dialog.template.count())]


def test_templates_follow_the_mode_and_show_one_language(ctx, school_id, qtbot):
    dialog = NewInspectionDialog(ctx, school_id=school_id)
    qtbot.addWidget(dialog)
    assert dialog.mode.currentData() == "inspection"
    keys = [dialog.template.itemData(i) for i in range(dialog.template.count())]
    assert "school_comprehensive" in keys and "school_comprehensive_self" not in keys
    title = template_titles(dialog)[keys.index("school_comprehensive")]
    assert "  " not in title and title.endswith(" (v2)") and "·" not in title
    dialog.mode.setCurrentIndex(dialog.mode.findData("self_assessment"))
    keys = [dialog.template.itemData(i) for i in range(dialog.template.count())]
    assert "school_comprehensive_self" in keys and "school_comprehensive" not in keys
    assert "teacher_ethics" not in keys


def test_self_assessment_is_filled_in_by_the_principal(ctx, ws, qtbot):
    school = add_school(ws, name="青山区育英中学", district="青山区", principal="刘校长").created
    dialog = NewInspectionDialog(ctx, school_id=school)
    qtbot.addWidget(dialog)
    label = dialog.form.labelForField(dialog.inspectors)
    assert label.text() == "Inspectors" and dialog.inspectors.text() == ws.actor
    dialog.mode.setCurrentIndex(dialog.mode.findData("self_assessment"))
    assert label.text() == "Filled in by" and dialog.inspectors.text() == "刘校长"
    dialog.mode.setCurrentIndex(dialog.mode.findData("inspection"))
    assert label.text() == "Inspectors" and dialog.inspectors.text() == ws.actor


def test_verifies_preselects_the_newest_finished_self_assessment(ctx, ws, school_id, qtbot):
    def self_assessment(date, status):
        created = start_inspection(ws, school_id=school_id, template="school_comprehensive_self",
                                   mode="self_assessment", visit_date=date).created
        # Test setup: the status a principal reaches by answering every item and completing.
        ws.store.update("inspections", created, {"status": status})
        return created

    older = self_assessment("2026-03-01", "signed")
    newer = self_assessment("2026-05-01", "completed")
    self_assessment("2026-06-01", "draft")  # not finished: not preselected
    dialog = NewInspectionDialog(ctx, school_id=school_id,
                                 template_key="school_comprehensive")
    qtbot.addWidget(dialog)
    assert dialog.verifies.isEnabled()
    assert dialog.verifies.currentData() == newer
    assert dialog.verifies.findData(older) > 0
    other = dialog.template.findData("canteen_food_safety")
    dialog.template.setCurrentIndex(other)  # another checklist: nothing to verify
    assert dialog.verifies.currentData() is None and not dialog.verifies.isEnabled()
    dialog.template.setCurrentIndex(dialog.template.findData("school_comprehensive"))
    dialog.ok_button.click()
    created = dialog.result_changes.created
    assert ws.store.get("inspections", created)["self_assessment_id"] == newer


# The completer's popup on the offscreen platform: harmless platform notes, not our warnings.
@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise", "grabbing the keyboard")
def test_the_school_is_searchable_and_preselected(ctx, ws, school_id, qtbot):
    from PySide6.QtCore import Qt
    ws.set_identity(language="en")
    other = add_school(ws, name="东湖实验中学", name_en="Donghu Experimental Middle School",
                       district="东湖区", level="junior").created
    dialog = NewInspectionDialog(ctx, school_id=school_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.school.currentData() == school_id          # opened from its school
    field = dialog.school.lineEdit()
    field.selectAll()
    qtbot.keyClicks(field, "experim")                        # any part of the name
    completer = dialog.school.completer()
    assert completer.completionCount() == 1
    assert "Donghu" in completer.currentCompletion()
    assert not dialog.ok_button.isEnabled()                  # half a search is no school
    assert "Choose a school from the list." in dialog.error.text()
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)
    assert dialog.school.currentData() == other
    assert dialog.ok_button.isEnabled()


def test_a_school_is_offered_only_the_templates_for_its_level(ctx, ws, school_id, qtbot):
    kindergarten = add_school(ws, name="青山区育才幼儿园", level="kindergarten").created
    dialog = NewInspectionDialog(ctx, school_id=kindergarten)
    qtbot.addWidget(dialog)
    keys = {dialog.template.itemData(i) for i in range(dialog.template.count())}
    assert "kindergarten_conduct" in keys and "canteen_food_safety" in keys
    assert not keys & {"school_comprehensive", "teacher_ethics", "supervisor_monthly"}
    dialog.school.setCurrentIndex(dialog.school.findData(school_id))  # a primary school
    keys = {dialog.template.itemData(i) for i in range(dialog.template.count())}
    assert "school_comprehensive" in keys and "kindergarten_conduct" not in keys


def test_each_earlier_visit_says_how_many_open_actions_it_has(qtbot, ctx, ws, school_id):
    visit_with_two_actions(ws, school_id)
    dialog = NewInspectionDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.school.setCurrentIndex(dialog.school.findData(school_id))
    texts = [dialog.follow_up.itemText(i) for i in range(1, dialog.follow_up.count())]
    assert len(texts) == 1 and "  2 open action" in texts[0], texts
