"""Add or edit a school: name, English name, code, district, level, principal and contact.
Problems are shown under the form as they are typed; OK is enabled only for a valid form."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox

from app.services.schools import LEVELS, add_school, districts, edit_school
from ui.widgets import labels
from ui.widgets.form import ValidatedDialog

CODE_RE = re.compile(r"^[0-9A-Za-z-]*$")
PHONE_RE = re.compile(r"^[0-9+\- ()]*$")


class SchoolDialog(ValidatedDialog):
    def __init__(self, ctx, school: dict | None = None, parent=None):
        super().__init__(ctx, parent)
        self.school = school
        self.setWindowTitle(self.tr("Edit school") if school else self.tr("Add school"))
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("e.g. 青山区育才小学"))
        self.name_en = QLineEdit(self)
        self.code = QLineEdit(self)
        self.district = QComboBox(self)
        self.district.setEditable(True)
        self.district.addItems(districts(ctx.ws))
        self.level = QComboBox(self)
        for code in LEVELS:
            self.level.addItem(labels.level(code), code)
        self.principal = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.address = QLineEdit(self)
        self.students = QSpinBox(self)
        self.students.setRange(0, 100000)
        self.boarding = QCheckBox(self.tr("Boarding school"), self)
        for label, widget in ((self.tr("Name"), self.name),
                              (self.tr("English name"), self.name_en),
                              (self.tr("School code"), self.code),
                              (self.tr("District"), self.district),
                              (self.tr("Level"), self.level),
                              (self.tr("Principal"), self.principal),
                              (self.tr("Phone"), self.phone),
                              (self.tr("Address"), self.address),
                              (self.tr("Students"), self.students), ("", self.boarding)):
            self.form.addRow(label, widget)
        self.watch(self.name.textChanged, self.code.textChanged, self.phone.textChanged,
                   self.district.currentTextChanged)
        if school:
            self._fill(school)
        else:
            self.district.setCurrentIndex(-1)  # the user chooses; no silent default
            self.level.setCurrentIndex(-1)
        self.resize(440, self.sizeHint().height())
        self.revalidate()

    def _fill(self, school: dict) -> None:
        self.name.setText(school["name"] or "")
        self.name_en.setText(school["name_en"] or "")
        self.code.setText(school["code"] or "")
        self.district.setCurrentText(school["district"] or "")
        index = self.level.findData(school["level"])
        self.level.setCurrentIndex(max(index, 0))
        self.principal.setText(school["principal"] or "")
        self.phone.setText(school["phone"] or "")
        self.address.setText(school["address"] or "")
        self.students.setValue(school["student_count"] or 0)
        self.boarding.setChecked(bool(school["boarding"]))

    def problems(self) -> list[str]:
        found = []
        if not self.name.text().strip():
            found.append(self.tr("Enter the school's name."))
        if not self.district.currentText().strip():
            found.append(self.tr("Enter or choose the district."))
        if not CODE_RE.match(self.code.text().strip()):
            found.append(self.tr("The school code may contain only letters, digits and '-'."))
        if not PHONE_RE.match(self.phone.text().strip()):
            found.append(self.tr("The phone number may contain only digits, spaces, "
                                 "'+', '-' and brackets."))
        return found

    def fields(self) -> dict:
        return {"name": self.name.text(), "name_en": self.name_en.text(),
                "code": self.code.text(), "district": self.district.currentText(),
                "level": self.level.currentData(), "principal": self.principal.text(),
                "phone": self.phone.text(), "address": self.address.text(),
                "student_count": self.students.value(), "boarding": self.boarding.isChecked()}

    def save(self):
        if self.school:
            return edit_school(self.ctx.ws, self.school["id"], **self.fields())
        return add_school(self.ctx.ws, **self.fields())
