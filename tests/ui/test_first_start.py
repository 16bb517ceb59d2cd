"""First start and the Profile menu: the user's name is asked (never taken from the login or
device name), it becomes the signing certificate's holder and the default inspector; the
signing key's password can be set, changed and removed from the menu."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit

from app.security.keys import certificate_name, key_is_protected
from app.services.schools import add_school
from ui.dialogs.new_inspection import NewInspectionDialog
from ui.dialogs.profile_dialog import KeyPasswordDialog, ProfileDialog
from ui.main_window import MainWindow


@pytest.fixture
def fresh(make_workspace):
    """A profile as on first start: no user name, empty database."""
    ws = make_workspace("fresh")
    assert ws.profile.user_name == ""
    return ws


@pytest.fixture
def window_of(qtbot):
    def make(ws) -> MainWindow:
        window = MainWindow(ws)
        window.operations.show_errors = False
        qtbot.addWidget(window)
        return window
    return make


def test_first_start_asks_the_name_and_it_is_used_everywhere(fresh, window_of, qtbot):
    window = window_of(fresh)
    dialog = window.first_start()
    assert isinstance(dialog, ProfileDialog) and dialog.isVisible()
    assert not dialog.ok_button.isEnabled()  # the name is required
    qtbot.keyClicks(dialog.name, "Wang")
    dialog.name.setText("王丽")  # typed through an input method
    dialog.role.setCurrentIndex(dialog.role.findData("principal"))
    dialog.organisation.setText("青山区育才小学")
    assert dialog.offers_demo  # empty database: demo data is offered
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert (fresh.profile.user_name, fresh.profile.role, fresh.profile.organisation) == \
        ("王丽", "principal", "青山区育才小学")
    assert fresh.actor == "王丽"
    assert certificate_name(fresh.signing_identity()[1]) == "王丽"
    assert "王丽" in window.status.profile.text()
    assert NewInspectionDialog(window.ctx, window).inspectors.text() == "王丽"


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


def test_a_known_user_is_not_asked_again(ws, window_of, monkeypatch):
    window = window_of(ws)
    asked = []
    monkeypatch.setattr(window, "profile_dialog", lambda **kw: asked.append(kw))
    add_school(ws, name="青山区朝阳中学", district="青山区")
    window.first_start()
    assert asked == []


def test_my_profile_changes_name_and_certificate(ws, window_of, qtbot):
    window = window_of(ws)
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Profile")
    items = [a.text() for a in menu.actions()]
    assert items == ["My &profile…", "Signing key &password…"]
    dialog = window.profile_dialog()
    qtbot.addWidget(dialog)
    assert dialog.name.text() == "张督学" and not dialog.offers_demo
    dialog.name.setText("李文")
    dialog.ok_button.click()
    assert ws.actor == "李文"
    assert certificate_name(ws.signing_identity()[1]) == "李文"
    assert "李文" in window.status.profile.text()


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
