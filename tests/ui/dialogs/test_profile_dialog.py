"""The profile dialogs: the welcome dialog on first start (role names, the demo-data offer
only for an empty database, Chinese when the UI is Chinese) and the signing key's password
set, changed and removed."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from app.security.keys import key_is_protected
from app.services.schools import add_school
from ui.dialogs.new_inspection import NewInspectionDialog
from ui.dialogs.profile_dialog import KeyPasswordDialog, ProfileDialog


def test_welcome_dialog_role_names_and_demo_offer_only_for_an_empty_database(fresh, qtbot):
    from ui.context import UiContext
    from ui.operations import Operations
    ctx = UiContext(fresh, Operations())
    dialog = ProfileDialog(ctx, first_start=True)
    qtbot.addWidget(dialog)
    assert [dialog.role.itemText(i) for i in range(dialog.role.count())] == \
        ["Inspector", "Principal", "Administrator"]
    assert dialog.offers_demo and not dialog.wants_demo()
    dialog.demo.setChecked(True)
    assert dialog.wants_demo()
    add_school(fresh, name="青山区朝阳中学", district="青山区")
    again = ProfileDialog(ctx, first_start=True)
    qtbot.addWidget(again)
    assert not again.offers_demo and not again.wants_demo()


def key_dialog(ws, qtbot):
    from ui.context import UiContext
    from ui.operations import Operations
    dialog = KeyPasswordDialog(UiContext(ws, Operations()))
    qtbot.addWidget(dialog)
    return dialog


def test_key_password_is_set_changed_and_removed(ws, qtbot):
    key_path = ws.signing_identity()[0]
    dialog = key_dialog(ws, qtbot)
    assert not dialog.protected and dialog.current.isHidden()
    assert dialog.new.echoMode() == QLineEdit.EchoMode.Password
    dialog.new.setText("geheim-1")
    dialog.repeat.setText("geheim-2")
    assert not dialog.ok_button.isEnabled()  # the two passwords differ
    dialog.repeat.setText("geheim-1")
    dialog.ok_button.click()
    assert key_is_protected(key_path)

    change = key_dialog(ws, qtbot)
    assert change.protected and not change.current.isHidden()
    assert change.current.echoMode() == QLineEdit.EchoMode.Password
    change.current.setText("wrong")
    change.new.setText("geheim-3")
    change.repeat.setText("geheim-3")
    change.ok_button.click()
    assert "wrong" in change.error.text()  # the PasswordError's message, dialog stays open
    assert change.result() == 0
    change.current.setText("geheim-1")
    change.ok_button.click()
    assert change.result() == 1

    remove = key_dialog(ws, qtbot)
    remove.current.setText("geheim-3")
    remove.ok_button.click()  # empty new password: protection removed
    assert not key_is_protected(key_path)


def test_new_dialogs_speak_chinese(ctx, ws, qtbot, chinese):
    welcome = ProfileDialog(ctx, first_start=True)
    qtbot.addWidget(welcome)
    assert welcome.windowTitle() == "欢迎使用学校督导"
    assert welcome.role.itemText(0) == "督学"
    school = add_school(ws, name="青山区育英中学", district="青山区", principal="刘校长").created
    dialog = NewInspectionDialog(ctx, school_id=school)
    qtbot.addWidget(dialog)
    dialog.mode.setCurrentIndex(dialog.mode.findData("self_assessment"))
    assert dialog.form.labelForField(dialog.inspectors).text() == "填写人"
