"""The Teacher ethics page (师德考核), kept apart from the general lists: choose a school,
see each teacher's latest evaluation with its grade and why, the school summary by band, and
start an evaluation of a teacher in the runner."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QVBoxLayout,
                               QWidget)

from app.services.inspections import start_inspection
from app.security.roles import may
from app.services.schools import list_schools
from ui.models.rows_model import Column, RowsModel
from ui.runner.text import fill
from ui.state.ethics import ethics_overview, ethics_template
from ui.widgets import labels
from ui.widgets.filters import filter_combo, fit_popup
from ui.widgets.table import RowTable

# Row colour by grade band: green for excellent, amber for basic pass, red for fail; a
# plain pass stays uncoloured.
BAND_COLOURS = {"excellent": QColor("#c8e6c9"), "basic_pass": QColor("#ffe0b2"),
                "fail": QColor("#ffcdd2")}


def band_brush(row: dict) -> QBrush | None:
    colour = BAND_COLOURS.get(row.get("band") or "")
    return QBrush(colour) if colour is not None else None


class EthicsPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.school = filter_combo(self, 20)
        self.school.currentIndexChanged.connect(self.reload)
        self.summary = QLabel(self)
        self.summary.setStyleSheet("font-size: 15px;")
        self.summary.setWordWrap(True)
        self.evaluate_button = QPushButton(self.tr("Evaluate teacher…"), self)
        self.evaluate_button.clicked.connect(self.evaluate_selected)
        self.open_button = QPushButton(self.tr("Open evaluation"), self)
        self.open_button.clicked.connect(self.open_selected)
        self.model = RowsModel(self._columns(), self)
        self.model.background = band_brush
        self.model.tooltip = lambda r: self._reason(r) or None
        self.table = RowTable(self)
        self.table.setModel(self.model)
        # English subjects ("Physical Education and Health") fit their column.
        self.table.set_widths([110, 210, 100, 100, 90, 70])
        self.table.activated_row.connect(lambda row: self.open_selected())
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("School"), self))
        bar.addWidget(self.school, 1)
        bar.addWidget(self.evaluate_button)
        bar.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self._fill_schools()

    def _columns(self) -> list[Column]:
        return [Column(self.tr("Teacher"), lambda r: r["name"]),
                Column(self.tr("Subject"), lambda r: labels.subject(r["subject"], self.ctx.lang)),
                Column(self.tr("Evaluated on"), lambda r: r["visit_date"]),
                Column(self.tr("Status"), lambda r: labels.inspection_status(r["status"])
                       if r["status"] else self.tr("Not evaluated")),
                Column(self.tr("Grade"), lambda r: r["grade"]),
                Column(self.tr("Score"), lambda r: "" if r["total"] is None
                       else f"{r['total']:.1f}", align_right=True),
                Column(self.tr("Reason"), self._reason)]

    def _reason(self, row: dict) -> str:
        if row.get("capped_by"):
            return "；".join(row["capped_by"])  # "一票否决：…": the domain's own sentence
        if row["total"] is not None:
            return self.tr("Weighted score of the rater groups")
        return row.get("reason", "")

    def _fill_schools(self) -> None:
        current = self.school.currentData()
        self.school.blockSignals(True)
        self.school.clear()
        for school in list_schools(self.ctx.ws):
            if not may(self.ctx.ws, "ethics.read", school["id"]):
                continue      # a principal sees their own school's evaluations only
            name = labels.school_name(school, self.ctx.lang)
            self.school.addItem(f"{name} ({labels.district(school['district'], self.ctx.lang)})",
                                school["id"])
        self.school.setCurrentIndex(max(self.school.findData(current), 0))
        self.school.blockSignals(False)
        fit_popup(self.school)
        self.reload()

    def reload(self, *_args) -> None:
        school_id = self.school.currentData()
        overview = ethics_overview(self.ctx.ws, school_id, self.ctx.lang) if school_id else None
        self.model.set_rows(overview.teachers if overview else [])
        self.summary.setText(self._summary_text(overview))
        has_template = ethics_template(self.ctx.ws) is not None
        self.evaluate_button.setEnabled(bool(overview and overview.teachers) and has_template)

    def _summary_text(self, overview) -> str:
        if overview is None:
            return self.tr("Add a school and its teachers on the Schools page first.")
        counts = "　".join(fill(self.tr("%1: %2"), label, n) for label, n in overview.summary)
        text = fill(self.tr("Completed evaluations by grade — %1"), counts)
        if overview.pending:
            text += "　" + self.tr("(%n still in progress)", "", overview.pending)
        return text

    def selected(self) -> dict | None:
        return self.model.row_at(self.table.selected_row())

    def evaluate_selected(self) -> None:
        teacher = self.selected() or self.model.row_at(0)
        template = ethics_template(self.ctx.ws)
        if not teacher or template is None:
            return
        changes = self.ctx.operations.run(lambda: start_inspection(
            self.ctx.ws, school_id=self.school.currentData(), template=template.id,
            teacher_id=teacher["teacher_id"]), parent=self)
        if changes is not None and changes.created:
            self.ctx.open_inspection(changes.created)

    def open_selected(self) -> None:
        teacher = self.selected()
        if teacher and teacher["inspection_id"]:
            self.ctx.open_inspection(teacher["inspection_id"])

    def on_changes(self, changes) -> None:
        if changes.touches("schools"):
            self._fill_schools()
        elif changes.touches("teachers", "inspections", "responses", "templates"):
            self.reload()
