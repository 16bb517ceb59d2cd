"""The sign-off dialog: who signs each kind of work, and the names the app already knows
offered to the signers; a dot is not a signature, and a message goes as soon as it is fixed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from app.services.inspections import complete_inspection, start_inspection
from app.services.signoff import signatures_of
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


# -- checks: a dot is not a signature; messages clear when fixed --------------------------
@pytest.fixture
def checked_dialog(qtbot, ui_ctx, ws, mini_inspection):
    answer_every_mini_item(ws, mini_inspection)
    complete_inspection(ws, mini_inspection)
    signoff = SignoffDialog(ui_ctx, mini_inspection)
    qtbot.addWidget(signoff)
    signoff.show()
    return signoff


def test_a_dot_is_refused_as_a_signature(qtbot, checked_dialog, ws, mini_inspection):
    dialog = checked_dialog
    block = dialog.blocks["inspector"]
    block.name.setText("张督学")
    qtbot.mouseClick(block.pad, Qt.MouseButton.LeftButton, pos=QPoint(60, 60))
    assert not block.pad.is_empty and block.pad.too_short
    dialog.blocks["principal"].name.setText("李校长")
    draw_signature(qtbot, dialog.blocks["principal"].pad)
    dialog.accept()
    assert "too short" in dialog.error.text() and dialog.error.isVisible()
    assert signatures_of(ws, mini_inspection) == []
    block.pad.clear()
    draw_signature(qtbot, block.pad)
    assert not dialog.error.isVisible()                     # fixed: the message is gone
    dialog.accept()
    assert {s["role"] for s in signatures_of(ws, mini_inspection)} == {"inspector",
                                                                       "principal"}


def test_the_message_clears_as_each_problem_is_fixed(qtbot, checked_dialog):
    dialog = checked_dialog
    inspector, principal = dialog.blocks["inspector"], dialog.blocks["principal"]
    inspector.name.clear()
    principal.name.clear()
    dialog.accept()
    assert dialog.error.text().count("type the signer's name") == 2
    qtbot.keyClicks(inspector.name, "Zhang")                # now only the pad is missing
    assert dialog.error.text().count("type the signer's name") == 1
    assert "Inspector: sign on the pad." in dialog.error.text()
    draw_signature(qtbot, inspector.pad)
    assert dialog.error.text() == "Principal: type the signer's name."
    qtbot.keyClicks(principal.name, "Li")
    draw_signature(qtbot, principal.pad)
    assert not dialog.error.isVisible()
