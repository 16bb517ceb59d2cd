"""The shared parts of the form dialogs: every dialog built from `ok_cancel` names its OK
by what it does and its Cancel in the user's language; `message_label` stays hidden until
there is something to say, and wraps it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from app.services.actions import actions_of, raise_action
from app.services.templates import get_template
from ui.dialogs.action_move import MoveDialog
from ui.runner.action_dialog import ActionDialog
from ui.runner.lifecycle import AmendDialog
from ui.runner.signoff_dialog import SignoffDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _dialogs(ctx, ws, inspection_id):
    template = get_template(ws, ws.store.get("inspections", inspection_id)["template_id"])
    raise_action(ws, inspection_id, description="补齐留样记录", due_date="2030-01-31")
    action = actions_of(ws, inspection_id)[0]
    return {"raise": ActionDialog(ctx, inspection_id, template.items[0]),
            "report": MoveDialog(ctx, action, "report"),
            "verify": MoveDialog(ctx, action, "verify"),
            "sign": SignoffDialog(ctx, inspection_id, template.kind),
            "amend": AmendDialog(ctx, inspection_id)}


def _buttons(dialog) -> tuple[str, str]:
    box = dialog.findChild(QDialogButtonBox)
    return (box.button(QDialogButtonBox.StandardButton.Ok).text(),
            box.button(QDialogButtonBox.StandardButton.Cancel).text())


def test_every_form_dialog_says_cancel_in_chinese(qtbot, ctx, ws, mini_inspection, chinese):
    dialogs = _dialogs(ctx, ws, mini_inspection)
    for dialog in dialogs.values():
        qtbot.add_widget(dialog)
    buttons = {name: _buttons(dialog) for name, dialog in dialogs.items()}
    assert {cancel for _ok, cancel in buttons.values()} == {"取消"}
    assert buttons["raise"][0] == "提出整改" and buttons["sign"][0] == "签名"
    assert buttons["report"][0] == "保存" and buttons["amend"][0] == "修改"


def test_cancel_closes_without_saving_and_a_message_waits_until_needed(qtbot, ctx, ws,
                                                                        mini_inspection):
    dialog = _dialogs(ctx, ws, mini_inspection)["raise"]
    qtbot.add_widget(dialog)
    dialog.show()
    assert not dialog.error.isVisible() and dialog.error.wordWrap()
    dialog.description.setPlainText("")
    dialog.accept()                                    # nothing said: the message shows
    assert dialog.error.isVisible() and dialog.isVisible()
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()
    assert not dialog.isVisible() and len(actions_of(ws, mini_inspection)) == 1


def test_tab_leaves_every_dialogs_text_box(qtbot, ctx, ws, mini_inspection):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QPlainTextEdit
    dialogs = _dialogs(ctx, ws, mini_inspection)
    boxes = 0
    for dialog in dialogs.values():
        qtbot.add_widget(dialog)
        for box in dialog.findChildren(QPlainTextEdit):
            dialog.show()
            dialog.activateWindow()
            qtbot.waitUntil(dialog.isActiveWindow)
            box.setFocus()
            qtbot.keyClick(box, Qt.Key.Key_Tab)
            assert QApplication.focusWidget() is not box and "\t" not in box.toPlainText()
            boxes += 1
        dialog.hide()
    assert boxes == 4                      # raise, report, verify, amend


def test_a_suggested_correction_is_typed_after(qtbot, ctx, ws, mini_inspection):
    from app.services.templates import get_template
    template = get_template(ws, ws.store.get("inspections", mini_inspection)["template_id"])
    dialog = ActionDialog(ctx, mini_inspection, template.items[0], suggestion="Fridge at 12 °C")
    qtbot.add_widget(dialog)
    qtbot.keyClicks(dialog.description, ": repair it")
    assert dialog.description.toPlainText() == "Fridge at 12 °C: repair it"
