"""Add or edit a teacher of a school (name, subject, employee number, phone)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from app.services.schools import add_teacher, edit_teacher
from ui.dialogs.school_dialog import PHONE_RE
from ui.widgets.form import ValidatedDialog


class TeacherDialog(ValidatedDialog):
    def __init__(self, ctx, school_id: str, teacher: dict | None = None, parent=None):
        super().__init__(ctx, parent)
        self.school_id, self.teacher = school_id, teacher
        self.setWindowTitle(self.tr("Edit teacher") if teacher else self.tr("Add teacher"))
        self.name = QLineEdit(self)
        self.subject = QLineEdit(self)
        self.employee_no = QLineEdit(self)
        self.phone = QLineEdit(self)
        for label, widget in ((self.tr("Name"), self.name), (self.tr("Subject"), self.subject),
                              (self.tr("Employee no."), self.employee_no),
                              (self.tr("Phone"), self.phone)):
            self.form.addRow(label, widget)
        if teacher:
            for key in ("name", "subject", "employee_no", "phone"):
                getattr(self, key).setText(teacher[key] or "")
        self.watch(self.name.textChanged, self.phone.textChanged)
        self.resize(380, self.sizeHint().height())
        self.revalidate()

    def problems(self) -> list[str]:
        found = []
        if not self.name.text().strip():
            found.append(self.tr("Enter the teacher's name."))
        if not PHONE_RE.match(self.phone.text().strip()):
            found.append(self.tr("The phone number may contain only digits, spaces, "
                                 "'+', '-' and brackets."))
        return found

    def fields(self) -> dict:
        return {"name": self.name.text(), "subject": self.subject.text().strip(),
                "employee_no": self.employee_no.text().strip(),
                "phone": self.phone.text().strip()}

    def save(self):
        if self.teacher:
            return edit_teacher(self.ctx.ws, self.teacher["id"], **self.fields())
        return add_teacher(self.ctx.ws, self.school_id, **self.fields())
