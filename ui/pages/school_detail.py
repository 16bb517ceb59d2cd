"""A school's page: who and where it is, its last grade, the inspection history, open and
overdue corrective actions, and the findings that repeat across visits."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QGroupBox, QHBoxLayout, QLabel, QPushButton, QSplitter,
                               QVBoxLayout, QWidget)

from ui.models.rows_model import Column, RowsModel
from ui.runner.text import fill
from ui.state.schools import school_detail
from ui.widgets import labels
from ui.widgets.table import RowTable

OVERDUE = QColor("#ffcdd2")


class SchoolDetailPage(QWidget):
    back = Signal()

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.school_id: str | None = None
        self.detail = None
        back = QPushButton(self.tr("← All schools"), self)
        back.clicked.connect(self.back.emit)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.grade = QLabel(self)
        self.grade.setStyleSheet("font-size: 15px;")
        self.history = RowsModel(self._history_columns(), self)
        self.history.tooltip = lambda r: (self.tr("A veto item failed or a grade-limiting "
                                                  "item is not met.") if r.get("capped")
                                          else None)
        self.actions = RowsModel(self._action_columns(), self)
        self.actions.background = lambda r: QBrush(OVERDUE) if r["overdue"] else None
        self.actions.tooltip = lambda r: (self.tr("Overdue since %s") % r["due_date"]
                                          if r["overdue"] else None)
        self.repeated = RowsModel([
            Column(self.tr("Item"), lambda r: r["text"]),
            Column(self.tr("Template"), lambda r: r["template"]),
            Column(self.tr("Failed"), lambda r: self.tr("%n time(s)", "", r["times"])),
            Column(self.tr("Visits"), lambda r: labels.join(r["dates"]))], self)
        self.history_view = self._table(self.history, [100, 260, 90, 90, 70])
        self.history_view.activated_row.connect(self._open_inspection)
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(back)
        head.addWidget(self.title, 1)
        new = QPushButton(self.tr("New inspection of this school…"), self)
        new.clicked.connect(self.new_inspection)
        head.addWidget(new)
        layout.addLayout(head)
        layout.addWidget(self.facts)
        layout.addWidget(self.grade)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self._box(self.tr("Inspection history"), self.history_view))
        actions_view = self._table(self.actions, [90, 330, 70, 100])
        actions_view.activated_row.connect(self._open_action)
        split.addWidget(self._box(self.tr("Open and overdue corrective actions"),
                                  actions_view))
        split.addWidget(self._box(self.tr("Findings that repeat across visits"),
                                  self._table(self.repeated, [430, 260, 80])))
        layout.addWidget(split, 1)

    def _history_columns(self) -> list[Column]:
        lang = self.ctx.lang
        return [Column(self.tr("Date"), lambda r: r["visit_date"]),
                Column(self.tr("Template"), lambda r: labels.bilingual(
                    {"zh": r["template_title_zh"], "en": r["template_title_en"]}, lang)),
                Column(self.tr("Status"), lambda r: labels.inspection_status(r["status"])),
                Column(self.tr("Score"), lambda r: "" if r["total"] is None
                       else f"{r['total']:.1f}", align_right=True),
                Column(self.tr("Grade"), lambda r: r["grade"] + (" ⚠" if r.get("capped")
                                                                 else "")),
                Column(self.tr("Mode"), lambda r: labels.mode(r["mode"]))]

    def _action_columns(self) -> list[Column]:
        return [Column(self.tr("Due"), lambda r: r["due_date"] or ""),
                Column(self.tr("Action"), lambda r: r["description"]),
                Column(self.tr("Severity"), lambda r: labels.severity(r["severity"])),
                Column(self.tr("Status"), lambda r: labels.action_status(r["status"])),
                Column(self.tr("Responsible"), lambda r: r["responsible"] or "")]

    def _table(self, model, widths) -> RowTable:
        view = RowTable(self)
        view.setModel(model)
        view.set_widths(widths)
        return view

    def _box(self, title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title, self)
        QVBoxLayout(box).addWidget(widget)
        return box

    # -- data -----------------------------------------------------------------------------
    def show_school(self, school_id: str) -> None:
        self.school_id = school_id
        self.reload()

    def reload(self) -> None:
        if not self.school_id:
            return
        detail = self.ctx.operations.run(
            lambda: school_detail(self.ctx.ws, self.school_id, self.ctx.lang), parent=self)
        if detail is None:
            return
        self.detail = detail
        school = detail.school
        english = self.ctx.lang == "en" and school.get("name_en")
        self.title.setText(f"{school['name_en']} · {school['name']}" if english
                           else school["name"])
        self.facts.setText(" · ".join(p for p in (
            labels.district(school["district"], self.ctx.lang), labels.level(school["level"]),
            self.tr("Principal: %s") % school["principal"] if school["principal"] else "",
            self.tr("%n student(s)", "", school["student_count"] or 0),
            school["address"] or "") if p))
        self.grade.setText(self._grade_text(detail))
        self.history.set_rows(detail.history)
        self.actions.set_rows(detail.actions)
        self.repeated.set_rows(detail.repeated)

    def _grade_text(self, detail) -> str:
        last = detail.last_grade
        text = (fill(self.tr("Last grade: %1 (%2, %3)"), last["grade"], f"{last['total']:.1f}",
                     last["visit_date"])
                if last else self.tr("No completed inspection yet."))
        return text + "   " + fill(self.tr("Open actions: %1 · overdue: %2"),
                                   len(detail.actions), detail.overdue_count)

    def new_inspection(self) -> None:
        from ui.dialogs.new_inspection import NewInspectionDialog
        dialog = NewInspectionDialog(self.ctx, self, school_id=self.school_id)
        if dialog.exec() and dialog.result_changes and dialog.result_changes.created:
            self.ctx.open_inspection(dialog.result_changes.created)

    def _open_action(self, row: int) -> None:
        action = self.actions.row_at(row)
        if action:
            self.ctx.open_inspection(action["inspection_id"])

    def _open_inspection(self, row: int) -> None:
        record = self.history.row_at(row)
        if record:
            self.ctx.open_inspection(record["id"])

    def on_changes(self, changes) -> None:
        if self.school_id and changes.touches("schools", "inspections", "responses",
                                              "actions", "templates"):
            self.reload()
