"""Sign-off checks: a single dot is not a signature, and a message shown for a missing name
or signature goes away as soon as it is fixed."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

import pytest

from app.services.inspections import complete_inspection
from app.services.signoff import signatures_of
from tests.ui.test_runner_support import answer_every_mini_item
from tests.ui.test_runner_visit import draw_signature
from ui.runner.signoff_dialog import SignoffDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def dialog(qtbot, ui_ctx, ws, mini_inspection):
    answer_every_mini_item(ws, mini_inspection)
    complete_inspection(ws, mini_inspection)
    signoff = SignoffDialog(ui_ctx, mini_inspection)
    qtbot.addWidget(signoff)
    signoff.show()
    return signoff


def test_a_dot_is_refused_as_a_signature(qtbot, dialog, ws, mini_inspection):
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


def test_the_message_clears_as_each_problem_is_fixed(qtbot, dialog):
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
