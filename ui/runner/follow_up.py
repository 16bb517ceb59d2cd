"""The 回头看 worksheet at the top of a follow-up visit: the corrective actions carried over
from the earlier visit, each with its status, due date and the school's last report, verified
or found not rectified on the spot with a note and photos (recorded in this visit)."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.domain.actions import CHECKER_MOVES
from app.services.actions import actions_of, allowed_moves
from ui.dialogs.action_move import HistoryDialog, MoveDialog
from ui.models.rows_model import Column, RowsModel
from ui.runner.text import fill
from ui.widgets import labels
from ui.widgets.table import RowTable

OVERDUE = QColor("#ffcdd2")
CLOSED = QColor("#d7f0dd")


class FollowUpPanel(QGroupBox):
    """Listens to `Operations.changed` itself, so the runner needs no code to refresh it."""

    def __init__(self, ctx, inspection_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.inspection_id = ctx, inspection_id
        self.dialog = None
        self.model = RowsModel([
            Column(self.tr("Carried-over action"), lambda r: r["description"]),
            Column(self.tr("Due"), lambda r: r["due_date"] or ""),
            Column(self.tr("Status"), lambda r: labels.action_status(r["status"])),
            Column(self.tr("School's report"), lambda r: r["report_note"] or "")], self)
        self.model.background = lambda r: (QBrush(CLOSED) if r["closed"] else
                                           QBrush(OVERDUE) if r["overdue"] else None)
        self.table = RowTable(self)
        self.table.setModel(self.model)
        self.table.set_widths([380, 100, 130, 300])
        self.table.setMaximumHeight(150)
        self.buttons = {}
        bar = QHBoxLayout()
        for key, text in (("verified", self.tr("Verified on the spot…")),
                          ("not_rectified", self.tr("Not rectified…")),
                          ("history", self.tr("History…"))):
            button = QPushButton(text, self)
            button.clicked.connect(lambda _=False, k=key: self.act(k))
            self.buttons[key] = button
            bar.addWidget(button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(bar)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        ctx.operations.changed.connect(self.on_changes)
        self.reload()

    def reload(self) -> None:
        rows = [a for a in actions_of(self.ctx.ws, self.inspection_id) if a["carried_from"]]
        self.model.set_rows(rows)
        done = sum(1 for r in rows if r["closed"])
        self.setTitle(fill(self.tr("Follow-up: %1 carried-over action(s), %2 verified and "
                                   "closed"), len(rows), done))
        self.setVisible(bool(rows))
        self._update_buttons()

    def selected(self) -> dict | None:
        return self.model.row_at(self.table.selected_row())

    def _update_buttons(self, *_args) -> None:
        action = self.selected()
        allowed = allowed_moves(self.ctx.ws, action) if action else set()
        for key, button in self.buttons.items():
            button.setEnabled(action is not None if key == "history"
                              else key in allowed and key in CHECKER_MOVES)

    def act(self, key: str) -> None:
        action = self.selected()
        if not action:
            return
        if key == "history":
            self.dialog = HistoryDialog(self.ctx, action, self)
        else:
            self.dialog = MoveDialog(self.ctx, action, "verify", self,
                                     visit_id=self.inspection_id)
            (self.dialog.verified if key == "verified" else
             self.dialog.not_rectified).setChecked(True)
        self.dialog.open()

    def on_changes(self, changes) -> None:
        if changes.touches("actions", "action_events"):
            self.reload()
