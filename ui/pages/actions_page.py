"""The Corrective actions page (整改) across schools: overdue actions highlighted in red with
a tooltip, filters (status, school, overdue only), and buttons that move the selected action
along its life cycle — in progress, report rectification (note + photos), verify (销号 or 未整改
到位, note + photos) — and show its history. Open and overdue come from the one rule; the list
is paged (ui/models/actions_model.py), so a district's 300,000 actions are never all read."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QStyle, QVBoxLayout, QWidget)

from app.domain.status import ACTION_STATUSES
from app.services.action_list import ActionFilter, ActionQuery
from app.services.actions import allowed_moves, move_action
from app.services.schools import school_choices
from ui.dialogs.action_move import HistoryDialog, MoveDialog
from ui.models.actions_model import ActionsModel
from ui.models.rows_model import Column
from ui.runner.text import fill
from ui.widgets import labels
from ui.widgets.filters import filter_combo, refill_filter
from ui.widgets.table import RowTable

OVERDUE = QColor("#ffcdd2")


class ActionsPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.status = filter_combo(self)
        self.status.addItem(self.tr("All statuses"), None)
        for code in ACTION_STATUSES:
            self.status.addItem(labels.action_status(code), code)
        self.school = filter_combo(self)
        self.overdue_only = QCheckBox(self.tr("Overdue only"), self)
        self.count = QLabel(self)
        # Paged: counts, filters and order in SQL; rows fetched as the user scrolls.
        self.model = ActionsModel(ActionQuery(ctx.ws), self._columns(), self)
        overdue_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        overdue_brush = QBrush(OVERDUE)      # one brush, asked for by every painted cell
        self.model.background = lambda r: overdue_brush if r["overdue"] else None
        self.model.decoration = lambda r: overdue_icon if r["overdue"] else None
        self.model.tooltip = self._tooltip
        self.table = RowTable(self)
        self.table.setModel(self.model)
        # Severity and status fit their longest name ("Rectification reported") in English.
        self.table.set_widths([110, 180, 440, 70, 150, 110])
        self._fit_columns()
        self.table.setToolTip(self.tr("Double-click or Enter opens the inspection the action "
                                      "came from."))
        self.table.activated_row.connect(self.open_inspection_of)
        self.buttons = {}
        bar = QHBoxLayout()
        for widget, stretch in ((self.status, 1), (self.school, 2), (self.overdue_only, 0),
                                (self.count, 1)):
            bar.addWidget(widget, stretch)
        for key, text in (("in_progress", self.tr("Mark in progress")),
                          ("reported", self.tr("Report rectification…")),
                          ("verified", self.tr("Verify…")),
                          ("history", self.tr("History…"))):
            button = QPushButton(text, self)
            button.clicked.connect(lambda _=False, k=key: self.act(k))
            self.buttons[key] = button
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.status.currentIndexChanged.connect(self.reload)
        self.school.currentIndexChanged.connect(self.reload)
        self.overdue_only.toggled.connect(self.reload)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._fill_schools()

    def _columns(self) -> list[Column]:
        return [Column(self.tr("Due"), lambda r: r["due_date"] or ""),
                Column(self.tr("School"), self._school_name),
                Column(self.tr("Action"), lambda r: r["description"]),
                Column(self.tr("Severity"), lambda r: labels.severity(r["severity"])),
                Column(self.tr("Status"), lambda r: labels.action_status(r["status"])),
                Column(self.tr("Responsible"), lambda r: r["responsible"] or ""),
                Column(self.tr("Note"), lambda r: r["note"] or "")]

    def _school_name(self, row: dict) -> str:
        # The English UI shows the English name if set (the rows carry both).
        return labels.school_name(row, self.ctx.lang, key="school_name")

    def _fit_columns(self) -> None:
        """The description takes the width left over (no horizontal scroll bar); long text
        is elided and shown whole, with the note, in the tooltip."""
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(6, 120)  # notes are short or empty; the tooltip has all
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setWordWrap(False)

    def _tooltip(self, row: dict) -> str:
        text = row["description"] + (f"\n{row['note']}" if row["note"] else "")
        if row["overdue"]:
            text = fill(self.tr("Overdue: it was due on %1 and is still %2."), row["due_date"],
                        labels.action_status(row["status"])) + "\n" + text
        return text

    def _fill_schools(self) -> None:
        refill_filter(self.school, self.tr("All schools"),
                      [(labels.school_name(school, self.ctx.lang), school["id"])
                       for school in school_choices(self.ctx.ws)])
        self.reload()

    def reload(self, *_args) -> None:
        selected = self.selected()
        self.model.query.filter = ActionFilter(status=self.status.currentData(),
                                               school_id=self.school.currentData(),
                                               overdue_only=self.overdue_only.isChecked())
        self.model.reload()
        counts = self.model.counts
        self.count.setText(self.tr("%n action(s)", "", counts["total"]) + " "
                           + self.tr("(%n open)", "", counts["open"]) + self.tr(", ")
                           + self.tr("%n overdue", "", counts["overdue"]))
        row = self.model.reach(selected["id"]) if selected else -1
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> dict | None:
        return self.model.row_at(self.table.selected_row())

    def _update_buttons(self, *_args) -> None:
        action = self.selected()
        # The role table decides (docs/ROLES.md): the school reports, the inspector and the
        # office (督导室) verify and close.
        allowed = allowed_moves(self.ctx.ws, action) if action else set()
        for key, button in self.buttons.items():
            button.setEnabled(action is not None if key == "history" else key in allowed)

    def open_inspection_of(self, row: int) -> None:
        action = self.model.row_at(row)
        if action:
            self.ctx.open_inspection(action["inspection_id"])

    def act(self, key: str) -> None:
        action = self.selected()
        if not action:
            return
        if key == "in_progress":
            self.ctx.operations.run(
                lambda: move_action(self.ctx.ws, action["id"], "in_progress"), parent=self)
        elif key == "history":
            self.dialog = HistoryDialog(self.ctx, action, self)
            self.dialog.open()
        else:
            self.dialog = MoveDialog(self.ctx, action, "report" if key == "reported"
                                     else "verify", self)
            self.dialog.open()

    def on_changes(self, changes) -> None:
        if changes.touches("schools"):
            self._fill_schools()
        elif changes.touches("actions", "action_events", "inspections"):
            self.reload()
