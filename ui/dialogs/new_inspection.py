"""The New inspection dialog: school, template (bilingual title; only the modes it allows),
mode, teacher (for per-teacher templates), date, inspectors, "follow-up of" an earlier
inspection of the school (its open actions are carried over) and "verifies self-assessment"."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit

from app.services.inspections import list_inspections, start_inspection
from app.services.schools import list_schools, list_teachers
from app.services.templates import list_templates
from ui.widgets import labels
from ui.widgets.form import ValidatedDialog


class NewInspectionDialog(ValidatedDialog):
    def __init__(self, ctx, parent=None, *, school_id: str | None = None,
                 template_key: str | None = None, teacher_id: str | None = None):
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("New inspection"))
        lang = ctx.lang
        self.school = QComboBox(self)
        for school in list_schools(ctx.ws):
            self.school.addItem(f"{school['name']} ({school['district'] or ''})", school["id"])
        self.template = QComboBox(self)
        self.templates: dict[str, dict] = {}
        for template in list_templates(ctx.ws):  # newest version of each key first
            self.templates.setdefault(template["key"], template)
        other = "en" if lang == "zh" else "zh"
        for key, template in self.templates.items():
            # Both titles: the district's forms are Chinese, a visitor may read English.
            title = template["title"]
            self.template.addItem(f"{title[lang]} · {title[other]}  (v{template['version']})",
                                  key)
        self.mode = QComboBox(self)
        self.teacher = QComboBox(self)
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.inspectors = QLineEdit(ctx.ws.actor, self)
        self.inspectors.setPlaceholderText(self.tr("Names separated by commas"))
        self.follow_up = QComboBox(self)
        self.verifies = QComboBox(self)
        for label, widget in ((self.tr("School"), self.school),
                              (self.tr("Template"), self.template), (self.tr("Mode"), self.mode),
                              (self.tr("Teacher"), self.teacher), (self.tr("Date"), self.date),
                              (self.tr("Inspectors"), self.inspectors),
                              (self.tr("Follow-up of"), self.follow_up),
                              (self.tr("Verifies self-assessment"), self.verifies)):
            self.form.addRow(label, widget)
        self.school.currentIndexChanged.connect(self._school_changed)
        self.template.currentIndexChanged.connect(self._template_changed)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.watch(self.teacher.currentIndexChanged, self.inspectors.textChanged)
        self._preset(school_id, template_key)
        self._school_changed()
        if teacher_id:
            self.teacher.setCurrentIndex(max(self.teacher.findData(teacher_id), 0))
        self.resize(560, self.sizeHint().height())

    def _preset(self, school_id, template_key) -> None:
        if school_id:
            self.school.setCurrentIndex(max(self.school.findData(school_id), 0))
        if template_key:
            self.template.setCurrentIndex(max(self.template.findData(template_key), 0))
        self._template_changed()

    # -- dependent choices ----------------------------------------------------------------
    def chosen_template(self) -> dict | None:
        return self.templates.get(self.template.currentData())

    def _template_changed(self, *_args) -> None:
        template = self.chosen_template()
        current = self.mode.currentData()
        self.mode.blockSignals(True)
        self.mode.clear()
        for code in (template["modes"] if template else []):
            self.mode.addItem(labels.mode(code), code)
        self.mode.setCurrentIndex(max(self.mode.findData(current), 0))
        self.mode.blockSignals(False)
        self.teacher.setEnabled(bool(template and template["per_teacher"]))
        self._mode_changed()

    def _mode_changed(self, *_args) -> None:
        self.verifies.setEnabled(self.mode.currentData() == "inspection"
                                 and self.verifies.count() > 1)
        self.revalidate()

    def _school_changed(self, *_args) -> None:
        school_id = self.school.currentData()
        self.teacher.clear()
        self.teacher.addItem(self.tr("(choose a teacher)"), None)
        self.follow_up.clear()
        self.follow_up.addItem(self.tr("(not a follow-up visit)"), None)
        self.verifies.clear()
        self.verifies.addItem(self.tr("(none)"), None)
        if school_id:
            self._fill_school_choices(school_id)
        self._template_changed()

    def _fill_school_choices(self, school_id: str) -> None:
        for teacher in list_teachers(self.ctx.ws, school_id):
            self.teacher.addItem(teacher["name"], teacher["id"])
        lang = self.ctx.lang
        for row in list_inspections(self.ctx.ws, school_id=school_id, include_ethics=False):
            title = labels.bilingual({"zh": row["template_title_zh"],
                                      "en": row["template_title_en"]}, lang)
            text = f"{row['visit_date']}  {title}  ({labels.inspection_status(row['status'])})"
            if row["mode"] == "self_assessment":
                self.verifies.addItem(text, row["id"])
            else:
                self.follow_up.addItem(text, row["id"])

    # -- validation and saving ------------------------------------------------------------
    def inspector_names(self) -> list[str]:
        text = self.inspectors.text().replace("，", ",").replace("、", ",")
        return [n.strip() for n in text.split(",") if n.strip()]

    def problems(self) -> list[str]:
        found = []
        if self.school.currentData() is None:
            found.append(self.tr("Add a school first (Schools page), then choose it here."))
        template = self.chosen_template()
        if template is None:
            found.append(self.tr("Choose a template."))
        elif template["per_teacher"] and self.teacher.currentData() is None:
            found.append(self.tr("This template evaluates one teacher: choose the teacher."))
        if not self.inspector_names():
            found.append(self.tr("Enter at least one inspector's name."))
        return found

    def save(self):
        template = self.chosen_template()
        verifies = self.verifies.currentData() if self.verifies.isEnabled() else None
        return start_inspection(
            self.ctx.ws, school_id=self.school.currentData(), template=template["id"],
            mode=self.mode.currentData(),
            teacher_id=self.teacher.currentData() if template["per_teacher"] else None,
            visit_date=self.date.date().toString("yyyy-MM-dd"),
            inspectors=self.inspector_names(), follow_up_of=self.follow_up.currentData(),
            self_assessment_id=verifies)

