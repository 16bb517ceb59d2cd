"""The New inspection dialog: school, mode, template (title in the UI language; only the
templates that allow the mode), teacher (for per-teacher templates), date, inspectors (for a
self-assessment: who fills it in, the principal by default), "follow-up of" an earlier
inspection of the school (its open actions are carried over) and "verifies self-assessment"
(the newest finished self-assessment of the same checklist preselected)."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QDateEdit, QLineEdit

from app.services.actions import actions_of
from app.services.inspections import list_inspections, start_inspection
from app.security.roles import may, startable_modes
from app.services.schools import list_schools, list_teachers
from app.services.templates import get_template, list_templates
from ui.widgets import labels
from ui.widgets.form import ValidatedDialog


class NewInspectionDialog(ValidatedDialog):
    def __init__(self, ctx, parent=None, *, school_id: str | None = None,
                 template_key: str | None = None, teacher_id: str | None = None):
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("New inspection"))
        lang = ctx.lang
        self.school = QComboBox(self)
        # Only what this role may start (docs/ROLES.md): a principal, their own school's
        # self-assessment; the office, planned inspections.
        modes = startable_modes(ctx.ws)
        self.schools = {s["id"]: s for s in list_schools(ctx.ws)
                        if any(may(ctx.ws, f"{m}.start", s["id"]) for m in modes)}
        for school in self.schools.values():
            name = labels.school_name(school, lang)
            self.school.addItem(f"{name} ({labels.district(school['district'], lang)})",
                                school["id"])
        self._make_searchable(self.school)
        self.template = QComboBox(self)
        self.templates: dict[str, dict] = {}
        for template in list_templates(ctx.ws):  # newest version of each key first
            self.templates.setdefault(template["key"], template)
        self.base_keys = {key: self._base_key(t) for key, t in self.templates.items()}
        self.mode = QComboBox(self)
        for code in modes:
            self.mode.addItem(labels.mode(code), code)
        self.teacher = QComboBox(self)
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.inspectors = QLineEdit(ctx.ws.actor, self)
        self._default_names = ctx.ws.actor  # replaced on a mode change unless edited
        self.inspectors.setPlaceholderText(self.tr("Names separated by commas"))
        self.follow_up = QComboBox(self)
        self.verifies = QComboBox(self)
        self._self_assessments: list[dict] = []  # of the chosen school, newest first
        for label, widget in ((self.tr("School"), self.school), (self.tr("Mode"), self.mode),
                              (self.tr("Template"), self.template),
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
        if teacher_id:
            self.teacher.setCurrentIndex(max(self.teacher.findData(teacher_id), 0))
        # Wide enough for "date  template title (status)" entries in either language.
        self.resize(720, self.sizeHint().height())

    def _make_searchable(self, combo: QComboBox) -> None:
        """Type any part of a school's name or district to narrow the list (hundreds of
        schools do not fit a drop-down); only a school from the list can be chosen."""
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.lineEdit().setPlaceholderText(self.tr("Type to search schools"))
        combo.lineEdit().textEdited.connect(lambda _: self.revalidate())

    def _school_typed(self) -> bool:
        """The text in the school field names the chosen school (not half a search)."""
        return self.school.currentIndex() >= 0 and \
            self.school.currentText() == self.school.itemText(self.school.currentIndex())

    def _base_key(self, template: dict) -> str:
        """The checklist a template belongs to: a self-assessment variant names its base in
        `based_on`; a template used in both modes is its own base."""
        body = get_template(self.ctx.ws, template["id"]).body
        based_on = body.get("based_on") if isinstance(body, dict) else None
        return based_on.get("key", template["key"]) if isinstance(based_on, dict) \
            else template["key"]

    def _preset(self, school_id, template_key) -> None:
        self.school.blockSignals(True)
        if school_id:
            self.school.setCurrentIndex(max(self.school.findData(school_id), 0))
        self.school.blockSignals(False)
        preset = self.templates.get(template_key or "")
        if preset and "inspection" not in preset["modes"]:
            self.mode.setCurrentIndex(max(self.mode.findData(preset["modes"][0]), 0))
        self._fill_templates(template_key)
        self._school_changed()

    def _fill_templates(self, keep: str | None = None) -> None:
        """The templates that allow the chosen mode and are for the chosen school's level
        (a kindergarten is offered kindergarten checklists), titled in the UI language."""
        keep = keep or self.template.currentData()
        mode = self.mode.currentData()
        level = (self.schools.get(self.school.currentData()) or {}).get("level")
        self.template.blockSignals(True)
        self.template.clear()
        for key, template in self.templates.items():
            levels = template.get("levels") or []
            if mode in template["modes"] and (not levels or not level or level in levels):
                title = labels.bilingual(template["title"], self.ctx.lang)
                self.template.addItem(f"{title} (v{template['version']})", key)
        self.template.setCurrentIndex(max(self.template.findData(keep), 0))
        self.template.blockSignals(False)

    # -- dependent choices ----------------------------------------------------------------
    def chosen_template(self) -> dict | None:
        return self.templates.get(self.template.currentData())

    def _template_changed(self, *_args) -> None:
        template = self.chosen_template()
        self.teacher.setEnabled(bool(template and template["per_teacher"]))
        self._fill_verifies()
        self.revalidate()

    def _mode_changed(self, *_args) -> None:
        self._fill_templates()
        self_assessment = self.mode.currentData() == "self_assessment"
        self.form.labelForField(self.inspectors).setText(
            self.tr("Filled in by") if self_assessment else self.tr("Inspectors"))
        self._set_default_names()
        self._template_changed()

    def _set_default_names(self) -> None:
        """The inspector by default; the school's principal fills in a self-assessment (on a
        principal's own profile: themselves)."""
        school = self.schools.get(self.school.currentData()) or {}
        default = (school.get("principal") or "") \
            if self.mode.currentData() == "self_assessment" and \
            self.ctx.ws.profile.role != "principal" else self.ctx.ws.actor
        if self.inspectors.text() == self._default_names:
            self.inspectors.setText(default)
        self._default_names = default

    def _fill_verifies(self) -> None:
        """Self-assessments of the school on the same checklist; the newest completed or
        signed one is preselected."""
        self.verifies.clear()
        self.verifies.addItem(self.tr("(none)"), None)
        template = self.chosen_template()
        if template is not None and self.mode.currentData() == "inspection":
            base = self.base_keys[template["key"]]
            preselect = 0
            for row in self._self_assessments:
                if self.base_keys.get(row["template_key"], row["template_key"]) != base:
                    continue
                self.verifies.addItem(self._inspection_text(row), row["id"])
                if not preselect and row["status"] in ("completed", "signed"):
                    preselect = self.verifies.count() - 1
            self.verifies.setCurrentIndex(preselect)
        self.verifies.setEnabled(self.verifies.count() > 1)

    def _school_changed(self, *_args) -> None:
        school_id = self.school.currentData()
        self.teacher.clear()
        self.teacher.addItem(self.tr("(choose a teacher)"), None)
        self.follow_up.clear()
        self.follow_up.addItem(self.tr("(not a follow-up visit)"), None)
        self._self_assessments = []
        if school_id:
            self._fill_school_choices(school_id)
        self._mode_changed()

    def _fill_school_choices(self, school_id: str) -> None:
        for teacher in list_teachers(self.ctx.ws, school_id):
            self.teacher.addItem(teacher["name"], teacher["id"])
        # Newest first (visit date, then creation).
        for row in list_inspections(self.ctx.ws, school_id=school_id, include_ethics=False):
            if row["mode"] == "self_assessment":
                self._self_assessments.append(row)
            else:
                still_open = sum(1 for a in actions_of(self.ctx.ws, row["id"]) if a["open"])
                self.follow_up.addItem(self._inspection_text(row) + "  " + self.tr(
                    "%n open action(s)", "", still_open), row["id"])

    def _inspection_text(self, row: dict) -> str:
        title = labels.bilingual({"zh": row["template_title_zh"],
                                  "en": row["template_title_en"]}, self.ctx.lang)
        return f"{row['visit_date']}  {title}  ({labels.inspection_status(row['status'])})"

    # -- validation and saving ------------------------------------------------------------
    def inspector_names(self) -> list[str]:
        text = self.inspectors.text().replace("，", ",").replace("、", ",")
        return [n.strip() for n in text.split(",") if n.strip()]

    def problems(self) -> list[str]:
        found = []
        if self.school.currentData() is None:
            found.append(self.tr("Add a school first (Schools page), then choose it here."))
        elif not self._school_typed():
            found.append(self.tr("Choose a school from the list."))
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

