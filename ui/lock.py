"""The profile password in the window: asked for at start when the profile is protected, and
asked for again after the window has been left idle (a shared or lost laptop).

Locking first saves what the runner holds, then hides the window's content behind a password
box; the password is checked against the one that opened the profile.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QWidget

from app.errors import PasswordError
from app.workspace import Workspace

LOCK_MINUTES = 10
INPUT_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                QEvent.Type.Wheel)


class ProfileLock(QObject):
    """Translatable texts of the password prompts (Qt context "ProfileLock")."""

    def password_label(self) -> str:
        return self.tr("This profile is protected by a password.\nPassword:")

    def wrong(self) -> str:
        return self.tr("The password is wrong. Try again.\nPassword:")

    def locked(self) -> str:
        return self.tr("School Inspect was locked after %1 minutes without use.\nPassword:")

    def title(self) -> str:
        return self.tr("School Inspect — locked")


def open_with_password(home, ask=None, **options) -> Workspace | None:
    """Open the profile, asking for its password while it is needed; None when cancelled.
    `ask(label) -> str | None` is the question (a dialog by default); `options` go to
    `Workspace.open`."""
    ask = ask or _dialog_question
    prompts, password = ProfileLock(), None
    label = prompts.password_label()
    while True:
        try:
            return Workspace.open(home, password=password, **options)
        except PasswordError as exc:
            if password is not None:
                label = prompts.wrong()
            password = ask(label)
            if password is None:
                del exc
                return None


def _dialog_question(label: str, parent: QWidget | None = None) -> str | None:
    text, ok = QInputDialog.getText(parent, "School Inspect", label,
                                    QLineEdit.EchoMode.Password)
    return text if ok else None


class IdleLock(QObject):
    """Locks `window` after `minutes` without keyboard or mouse input (protected profiles)."""

    def __init__(self, window, minutes: int = LOCK_MINUTES):
        super().__init__(window)
        self.window, self.minutes, self.locked = window, minutes, False
        self.dialog: QInputDialog | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(minutes * 60_000)
        self.timer.timeout.connect(self.lock)
        QApplication.instance().installEventFilter(self)
        self.timer.start()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if not self.locked and event.type() in INPUT_EVENTS:
            self.timer.start()
        return False

    def lock(self) -> None:
        if self.locked:
            return
        self.window.flush_before_lock()
        self.locked = True
        self.window.centralWidget().setVisible(False)
        self.window.menuBar().setEnabled(False)
        prompts = ProfileLock()
        self.dialog = QInputDialog(self.window)
        self.dialog.setWindowTitle(prompts.title())
        self.dialog.setLabelText(prompts.locked().replace("%1", str(self.minutes)))
        self.dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        self.dialog.textValueSelected.connect(self.try_unlock)
        self.dialog.rejected.connect(self._ask_again)
        self.dialog.open()

    def _ask_again(self) -> None:
        if self.locked:
            QTimer.singleShot(0, self.dialog.open)

    def try_unlock(self, password: str) -> bool:
        expected = self.window.ctx.ws.key_password or ""
        import hmac  # at unlocking only
        if not hmac.compare_digest(password.encode(), expected.encode()):
            self.dialog.setLabelText(ProfileLock().wrong())
            QTimer.singleShot(0, self.dialog.open)
            return False
        self.locked = False
        self.window.centralWidget().setVisible(True)
        self.window.menuBar().setEnabled(True)
        self.dialog.hide()
        self.timer.start()
        return True

    def stop(self) -> None:
        self.timer.stop()
        QApplication.instance().removeEventFilter(self)
