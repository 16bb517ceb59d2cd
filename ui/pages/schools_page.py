"""The Schools page: the list with search and district/level filters, the teachers of the
selected school, add/edit dialogs, and the school's own page (history, grade, actions)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QGroupBox, QHBoxLayout, QLineEdit, QPushButton,
                               QSplitter, QStackedWidget, QVBoxLayout, QWidget)

from app.security.roles import may
from app.services.schools import LEVELS, districts, list_teachers
from ui.dialogs.school_dialog import SchoolDialog
from ui.dialogs.teacher_dialog import TeacherDialog
from ui.models.rows_model import Column, RowsModel
from ui.pages.school_detail import SchoolDetailPage
from ui.state.schools import SchoolFilter, school_rows
from ui.widgets.filters import refill_filter
from ui.widgets import labels
from ui.widgets.table import RowTable


class SchoolsPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._list_page())
        self.detail = SchoolDetailPage(ctx, self)
        self.detail.back.connect(lambda: self.stack.setCurrentIndex(0))
        self.stack.addWidget(self.detail)
        QVBoxLayout(self).addWidget(self.stack)
        self._fill_districts()
        self.reload()

    # -- building -------------------------------------------------------------------------
    def _list_page(self) -> QWidget:
        page = QWidget(self)
        self.search = QLineEdit(page)
        self.search.setPlaceholderText(self.tr("Search name, code or principal…"))
        self.search.setClearButtonEnabled(True)
        self.district = QComboBox(page)
        self.level = QComboBox(page)
        self.level.addItem(self.tr("All levels"), None)
        for code in LEVELS:
            self.level.addItem(labels.level(code), code)
        add = QPushButton(self.tr("Add school…"), page)
        add.setVisible(may(self.ctx.ws, "school.add"))     # not a principal's (docs/ROLES.md)
        self.edit_button = QPushButton(self.tr("Edit…"), page)
        self.open_button = QPushButton(self.tr("Open school page"), page)
        self.search.textChanged.connect(self.reload)
        self.district.currentIndexChanged.connect(self.reload)
        self.level.currentIndexChanged.connect(self.reload)
        add.clicked.connect(self.add_school)
        self.edit_button.clicked.connect(self.edit_school)
        self.open_button.clicked.connect(self.open_selected)
        bar = QHBoxLayout()
        for widget, stretch in ((self.search, 2), (self.district, 1), (self.level, 1),
                                (add, 0), (self.edit_button, 0), (self.open_button, 0)):
            bar.addWidget(widget, stretch)
        self.model = RowsModel(self._columns(), self)
        # The tooltip carries the name the list does not show.
        self.model.tooltip = lambda r: " · ".join(p for p in (
            r["name"] if self.school_name(r) != r["name"] else r["name_en"], r["address"],
            r["phone"]) if p) or None
        self.table = RowTable(page)
        self.table.setModel(self.model)
        # "Qingshan District" fits; the name takes what is left (elided, whole on hover).
        self.table.set_widths([230, 120, 120, 90, 90, 70, 70], stretch=(0,))
        self.table.activated_row.connect(lambda row: self.open_school(row))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        split = QSplitter(Qt.Orientation.Horizontal, page)
        split.addWidget(self.table)
        split.addWidget(self._teachers_box(page))
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        return page

    def _columns(self) -> list[Column]:
        return [Column(self.tr("Name"), self.school_name),
                Column(self.tr("District"), lambda r: labels.district(r["district"], self.ctx.lang)),
                Column(self.tr("Level"), lambda r: labels.level(r["level"])),
                Column(self.tr("Code"), lambda r: r["code"]),
                Column(self.tr("Principal"), lambda r: r["principal"]),
                Column(self.tr("Inspections"), lambda r: r["inspections"], align_right=True),
                Column(self.tr("Open actions"), lambda r: r["open_actions"], align_right=True)]

    def school_name(self, row: dict) -> str:
        """The English name in the English UI when the school has one."""
        return labels.school_name(row, self.ctx.lang)

    def _teachers_box(self, parent) -> QGroupBox:
        box = QGroupBox(self.tr("Teachers"), parent)
        self.teachers = RowsModel([Column(self.tr("Name"), lambda r: r["name"]),
                                   Column(self.tr("Subject"),
                                          lambda r: labels.subject(r["subject"], self.ctx.lang))],
                                  self)
        self.teacher_table = RowTable(box)
        self.teacher_table.setModel(self.teachers)
        self.teacher_table.set_widths([110])
        self.teacher_table.activated_row.connect(lambda row: self.edit_teacher())
        self.add_teacher_button = QPushButton(self.tr("Add teacher…"), box)
        self.edit_teacher_button = QPushButton(self.tr("Edit teacher…"), box)
        self.add_teacher_button.clicked.connect(self.add_teacher)
        self.edit_teacher_button.clicked.connect(self.edit_teacher)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_teacher_button)
        buttons.addWidget(self.edit_teacher_button)
        layout = QVBoxLayout(box)
        layout.addWidget(self.teacher_table)
        layout.addLayout(buttons)
        return box

    # -- data -----------------------------------------------------------------------------
    def _fill_districts(self) -> None:
        refill_filter(self.district, self.tr("All districts"),
                      [(labels.district(name, self.ctx.lang), name)
                       for name in districts(self.ctx.ws)])

    def current_filter(self) -> SchoolFilter:
        return SchoolFilter(self.search.text(), self.district.currentData(),
                            self.level.currentData())

    def reload(self) -> None:
        selected = self.selected_school()
        self.model.set_rows(school_rows(self.ctx.ws, self.current_filter()))
        if selected:
            self.select_school(selected["id"])
        self._selection_changed()

    def select_school(self, school_id: str) -> None:
        row = self.model.row_of_id(school_id)
        if row >= 0:
            self.table.selectRow(row)

    def selected_school(self) -> dict | None:
        return self.model.row_at(self.table.selected_row())

    def _selection_changed(self, *_args) -> None:
        school = self.selected_school()
        for button in (self.edit_button, self.open_button, self.add_teacher_button):
            button.setEnabled(school is not None)
        self.teachers.set_rows(list_teachers(self.ctx.ws, school["id"]) if school else [])
        self.edit_teacher_button.setEnabled(bool(self.teachers.rows))

    # -- actions --------------------------------------------------------------------------
    def add_school(self) -> None:
        dialog = SchoolDialog(self.ctx, parent=self)
        if dialog.exec() and dialog.result_changes:
            self.reload()
            self.select_school(dialog.result_changes.created)

    def edit_school(self) -> None:
        school = self.selected_school()
        if school:
            SchoolDialog(self.ctx, school, parent=self).exec()

    def add_teacher(self) -> None:
        school = self.selected_school()
        if school:
            TeacherDialog(self.ctx, school["id"], parent=self).exec()

    def edit_teacher(self) -> None:
        school = self.selected_school()
        teacher = self.teachers.row_at(self.teacher_table.selected_row()) or \
            self.teachers.row_at(0)
        if school and teacher:
            TeacherDialog(self.ctx, school["id"], teacher, parent=self).exec()

    def open_selected(self) -> None:
        self.open_school(self.table.selected_row())

    def open_school(self, row: int) -> None:
        school = self.model.row_at(row)
        if school:
            self.show_school(school["id"])

    def show_school(self, school_id: str) -> None:
        self.detail.show_school(school_id)
        self.stack.setCurrentWidget(self.detail)

    def on_changes(self, changes) -> None:
        if changes.touches("schools", "teachers", "inspections", "actions"):
            if changes.touches("schools"):
                self._fill_districts()
            self.reload()
        self.detail.on_changes(changes)
