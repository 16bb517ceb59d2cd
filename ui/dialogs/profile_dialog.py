"""Who the user is: the welcome dialog on first start (name, role, organisation and the
offer of demo data) and the same form later as "My profile…"; plus the dialog that sets,
changes or removes the password of the report-signing key.

The name matters: it is the default inspector, the runner header, the name in reports and
the holder of the signing certificate — without it the app would fall back to the device
name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit

from app.errors import PasswordError
from app.security.keys import key_is_protected
from app.security.profile import ROLES
from app.services.changes import Changes
from app.sync.revocation import whoami
from ui.widgets.form import ValidatedDialog


class ProfileDialog(ValidatedDialog):
    """Name (required), role, organisation; on first start also "Load demo data"."""

    def __init__(self, ctx, parent=None, *, first_start: bool = False):
        super().__init__(ctx, parent)
        profile = ctx.ws.profile
        self.setWindowTitle(self.tr("Welcome to School Inspect") if first_start
                            else self.tr("My profile"))
        if first_start:
            intro = QLabel(self.tr("Please tell School Inspect who you are. Your name is "
                                   "used as the inspector, in reports and on your signing "
                                   "certificate."), self)
            intro.setWordWrap(True)
            self.form.addRow(intro)
        self.name = QLineEdit(profile.user_name, self)
        self.name.setPlaceholderText(self.tr("e.g. 张明华"))
        self.role = QComboBox(self)
        for code, text in self.role_names().items():
            self.role.addItem(text, code)
        self.role.setCurrentIndex(max(self.role.findData(profile.role), 0))
        self.organisation = QLineEdit(profile.organisation, self)
        self.organisation.setPlaceholderText(self.tr("Optional, e.g. 青山区教育督导室"))
        self.form.addRow(self.tr("Your name"), self.name)
        self.form.addRow(self.tr("Role"), self.role)
        self.form.addRow(self.tr("Organisation"), self.organisation)
        # What a receiver is asked to compare before trusting this laptop's bundles.
        self.fingerprint = QLabel(whoami(ctx.ws)["fingerprint"], self)
        self.fingerprint.setObjectName("ownFingerprint")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setToolTip(self.tr("Read this out when someone importing your "
                                            "bundles asks to compare fingerprints"))
        self.form.addRow(self.tr("Key fingerprint"), self.fingerprint)
        self.demo = QCheckBox(self.tr("Load demo data (12 schools with teachers, inspections "
                                      "and corrective actions) to try School Inspect"), self)
        empty = not ctx.ws.store.scalar("select count(*) from schools where deleted = 0")
        # Demo data is offered only on first start and only into an empty database.
        self.offers_demo = first_start and empty
        if self.offers_demo:
            self.form.addRow(self.demo)
        else:
            self.demo.hide()
        self.watch(self.name.textChanged)
        self.revalidate()
        self.resize(480, self.sizeHint().height())

    def role_names(self) -> dict[str, str]:
        names = {"inspector": self.tr("Inspector"), "principal": self.tr("Principal"),
                 "admin": self.tr("Administrator")}
        return {code: names[code] for code in ROLES}

    def problems(self) -> list[str]:
        if not self.name.text().strip():
            return [self.tr("Enter your name: it appears on inspections and signed "
                            "reports.")]
        return []

    def wants_demo(self) -> bool:
        return self.offers_demo and self.demo.isChecked()

    def save(self) -> Changes:
        self.ctx.ws.set_identity(name=self.name.text().strip(),
                                 role=self.role.currentData(),
                                 organisation=self.organisation.text().strip())
        # Nothing in the database changed; the main window refreshes the status bar itself.
        return Changes()


class KeyPasswordDialog(ValidatedDialog):
    """Set, change or remove the password of the report-signing key."""

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Signing key password"))
        self.protected = key_is_protected(ctx.ws.signing_identity()[0])
        note = QLabel(self.tr("Your signing key is protected by a password. Leave the new "
                              "password empty to remove the protection.") if self.protected
                      else self.tr("Protect your report-signing key with a password: it is "
                                   "then asked for before signing."), self)
        note.setWordWrap(True)
        self.form.addRow(note)
        self.current = self._password_field()
        self.new = self._password_field()
        self.repeat = self._password_field()
        if self.protected:
            self.form.addRow(self.tr("Current password"), self.current)
        else:
            self.current.hide()
        self.form.addRow(self.tr("New password"), self.new)
        self.form.addRow(self.tr("Repeat new password"), self.repeat)
        self.watch(self.current.textChanged, self.new.textChanged, self.repeat.textChanged)
        self.revalidate()
        self.resize(440, self.sizeHint().height())

    def _password_field(self) -> QLineEdit:
        field = QLineEdit(self)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        return field

    def problems(self) -> list[str]:
        found = []
        if self.protected and not self.current.text():
            found.append(self.tr("Enter the current password."))
        if not self.protected and not self.new.text():
            found.append(self.tr("Enter the new password."))
        if self.new.text() != self.repeat.text():
            found.append(self.tr("The two new passwords differ."))
        return found

    def try_accept(self) -> None:
        """A wrong current password is said in the dialog, which stays open."""
        if self.problems():
            return
        try:
            self.ctx.ws.set_key_password(self.current.text() if self.protected else None,
                                         self.new.text() or None)
        except PasswordError as exc:
            self.error.setText(str(exc))
            self.current.selectAll()
            self.current.setFocus()
            return
        self.result_changes = Changes()
        self.accept()
