"""The sign-off dialog: who signs each kind of work, and the names the app already knows
offered to the signers."""

from __future__ import annotations

import pytest

from app.services.inspections import start_inspection
from app.services.schools import add_school, add_teacher
from tests.ui.helpers import (RecordingOperations, answer_every_mini_item, draw_signature,
                              open_runner)
from ui.context import UiContext
from ui.runner.signoff_dialog import SignoffDialog

# The offscreen platform says this for every top-level window; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_signers_are_offered_the_names_the_app_already_knows(qtbot, make_workspace, qapp):
    ws = make_workspace("unnamed")              # nobody has typed a user name on this laptop
    assert not ws.profile.user_name
    school = add_school(ws, name="青山区质检实验小学", district="青山区", level="primary",
                        principal="李校长").created
    inspection = start_inspection(ws, school_id=school, template="canteen_food_safety",
                                  inspectors=["王督学", "赵督学"]).created
    ctx = UiContext(ws=ws, operations=RecordingOperations(), open_report=lambda _: None)
    dialog = SignoffDialog(ctx, inspection, "food_safety")
    qtbot.addWidget(dialog)
    assert dialog.blocks["inspector"].name.text() == "王督学"
    assert dialog.blocks["principal"].name.text() == "李校长"


def test_self_assessment_is_signed_by_the_principal_alone(qtbot, ui_ctx, ws, school_id):
    inspection = start_inspection(ws, school_id=school_id, template="mini",
                                  mode="self_assessment").created
    answer_every_mini_item(ws, inspection)
    runner = open_runner(qtbot, ui_ctx, inspection)
    assert runner.try_complete()
    dialog = runner.open_signoff()
    assert list(dialog.blocks) == ["principal"]
    dialog.blocks["principal"].name.setText("李校长")
    draw_signature(qtbot, dialog.blocks["principal"].pad)
    dialog.accept()
    assert runner.status == "signed" and not runner.sign_button.isVisible()


def test_ethics_is_signed_by_the_panel_and_the_principal(qtbot, ui_ctx, ws, school_id):
    teacher = add_teacher(ws, school_id, name="王丽").created
    inspection = start_inspection(ws, school_id=school_id, template="teacher_ethics",
                                  teacher_id=teacher).created
    dialog = SignoffDialog(ui_ctx, inspection, "ethics")
    qtbot.addWidget(dialog)
    assert list(dialog.blocks) == ["panel", "principal"]
