"""The Inspections page: every inspection (teacher-ethics evaluations excluded; they have
their own page) in a lazily loaded table with filters, SQL sorting and search. Enter or
double-click opens the inspection in the runner."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (QCheckBox, QDateEdit, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QVBoxLayout, QWidget)

from app.domain.status import STATUSES
from app.services.schools import list_schools
from ui.models.inspections_model import COLUMNS, SORTABLE, InspectionsModel
from ui.state.inspections import InspectionFilter, InspectionQuery, template_choices
from ui.widgets.filters import filter_combo, refill_filter
from ui.widgets import labels
from ui.widgets.table import RowTable


class InspectionsPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.query = InspectionQuery(ctx.ws)
        self.model = InspectionsModel(self.query, ctx.lang, self)
        # Typing in the search box waits for a pause before querying.
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.apply_filter)
        self.table = RowTable(self)
        self.table.setModel(self.model)
        # Indicator first: enabling sorting then loads the first page once, in this order.
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        # Short columns fit their longest value at 1280×800 in both languages (a follow-up
        # visit, "Mostly meets ⚠"); school and template names share the width left over,
        # elided and whole on hover, so the inspectors column stays on screen.
        self.table.set_widths([96, 250, 280, 156, 86, 56, 116, 120], stretch=(1, 2))
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_changed)
        self.table.activated_row.connect(self.open_row)
        self.count = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(self._filter_bar())
        layout.addLayout(self._second_bar())
        layout.addWidget(self.table, 1)
        self._counting = False
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        # The count (100,000 inspections: longer than reading the first rows) and the
        # school filter's choices follow the first paint when the window is starting.
        ctx.when_started(self._start_counting)

    def _filter_bar(self) -> QHBoxLayout:
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search school, teacher, inspector, template…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda: self._debounce.start())
        self.status = filter_combo(self)
        self.status.addItem(self.tr("All statuses"), None)
        for code in STATUSES:
            self.status.addItem(labels.inspection_status(code), code)
        self.template = filter_combo(self)
        self.template.addItem(self.tr("All templates"), None)
        for key, title in template_choices(self.ctx.ws):
            self.template.addItem(labels.bilingual(title, self.ctx.lang), key)
        self.school = filter_combo(self)
        self.school.addItem(self.tr("All schools"), None)
        self.ctx.when_started(self._fill_schools)
        for combo in (self.status, self.template, self.school):
            combo.currentIndexChanged.connect(self.apply_filter)
        new = QPushButton(self.tr("New inspection…"), self)
        new.clicked.connect(self.new_inspection)
        bar = QHBoxLayout()
        for widget, stretch in ((self.search, 3), (self.status, 1), (self.template, 2),
                                (self.school, 2), (new, 0)):
            bar.addWidget(widget, stretch)
        return bar

    def _second_bar(self) -> QHBoxLayout:
        self.use_dates = QCheckBox(self.tr("Dates from"), self)
        self.date_from = QDateEdit(QDate.currentDate().addMonths(-3), self)
        self.date_to = QDateEdit(QDate.currentDate(), self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self.apply_filter)
        self.use_dates.toggled.connect(self.apply_filter)
        self.inspector = QLineEdit(self)
        self.inspector.setPlaceholderText(self.tr("Inspector"))
        self.inspector.textChanged.connect(lambda: self._debounce.start())
        open_button = QPushButton(self.tr("Open"), self)
        open_button.clicked.connect(lambda: self.open_row(self.table.selected_row()))
        report_button = QPushButton(self.tr("Report…"), self)
        report_button.clicked.connect(self.report_selected)
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        self.delete_button.setToolTip(self.tr("Delete a draft or an inspection in progress "
                                              "started by mistake"))
        self.delete_button.clicked.connect(self.delete_selected)
        bar = QHBoxLayout()
        bar.addWidget(self.use_dates)
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel(self.tr("to"), self))
        bar.addWidget(self.date_to)
        bar.addWidget(self.inspector, 1)
        bar.addWidget(self.count, 2)
        bar.addWidget(open_button)
        bar.addWidget(report_button)
        bar.addWidget(self.delete_button)
        return bar

    def _fill_schools(self) -> None:
        refill_filter(self.school, self.tr("All schools"),
                      [(labels.school_name(school, self.ctx.lang), school["id"])
                       for school in list_schools(self.ctx.ws)])

    # -- filtering ------------------------------------------------------------------------
    def current_filter(self) -> InspectionFilter:
        dates = self.use_dates.isChecked()
        return self.query.filter.with_(
            search=self.search.text(), status=self.status.currentData(),
            template_key=self.template.currentData(), school_id=self.school.currentData(),
            date_from=self.date_from.date().toString("yyyy-MM-dd") if dates else None,
            date_to=self.date_to.date().toString("yyyy-MM-dd") if dates else None,
            inspector=self.inspector.text())

    def apply_filter(self, *_args) -> None:
        self._debounce.stop()
        self.query.filter = self.current_filter()
        self.model.reload()

    def _sort_changed(self, column: int, _order) -> None:
        """Computed columns cannot sort: put the indicator back on the real sort column."""
        if COLUMNS[column] in SORTABLE:
            return
        header = self.table.horizontalHeader()
        current = COLUMNS.index(self.query.filter.order)
        order = Qt.SortOrder.DescendingOrder if self.query.filter.descending \
            else Qt.SortOrder.AscendingOrder
        header.blockSignals(True)
        header.setSortIndicator(current, order)
        header.blockSignals(False)

    def _start_counting(self) -> None:
        self._counting = True
        self._update_count()

    def _update_count(self, *_args) -> None:
        if not self._counting:
            return
        # The status bar counts ethics evaluations too; say where they are.
        self.count.setText(self.tr("%n inspection(s) (teacher-ethics evaluations are on "
                                   "their own page)", "", self.model.total))

    # -- actions --------------------------------------------------------------------------
    def open_row(self, row: int) -> None:
        inspection_id = self.model.id_at(row)
        if inspection_id and self.model.flags(self.model.index(row, 0)) \
                & Qt.ItemFlag.ItemIsEnabled:
            self.ctx.open_inspection(inspection_id)

    def report_selected(self) -> None:
        inspection_id = self.model.id_at(self.table.selected_row())
        if inspection_id:
            self.ctx.open_report(inspection_id)

    def delete_selected(self) -> bool:
        row = self.table.selected_row()
        inspection = self.ctx.ws.store.get("inspections", self.model.id_at(row) or "")
        if inspection is None:
            return False
        title = " — ".join(str(self.model.index(row, c).data() or "") for c in (1, 2))
        from ui.runner.lifecycle import confirm_delete  # the runner: not before it is needed
        return confirm_delete(self.ctx, inspection, title, self)

    def new_inspection(self) -> None:
        from ui.dialogs.new_inspection import NewInspectionDialog
        dialog = NewInspectionDialog(self.ctx, self, school_id=self.school.currentData())
        if dialog.exec() and dialog.result_changes and dialog.result_changes.created:
            self.ctx.open_inspection(dialog.result_changes.created)

    def on_changes(self, changes) -> None:
        if changes.touches("schools"):
            self._fill_schools()
        if changes.touches("schools", "inspections", "templates", "teachers"):
            self.model.reload()
