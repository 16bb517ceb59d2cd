"""Move a corrective action along its life cycle with a note and evidence photos: the school's
"Report rectification" (已报告整改), or the inspector's check (已核查销号 / 未整改到位); and the
action's history (who, when, why, with the evidence of each move).

Saved through `app.services.actions.move_action`; a refused move keeps the dialog open with
the service's one-line reason."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QLabel, QListWidget,
                               QPushButton, QRadioButton, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from app.clock import zone
from app.services.action_query import action_history
from app.services.today import district_timezone
from app.services.actions import move_action
from ui.widgets import labels
from ui.widgets.form import message_label, ok_cancel, required_text, stack, text_box

PHOTO_FILTER = "Images (*.png *.jpg *.jpeg *.heic *.webp);;PDF (*.pdf);;All files (*)"


class MoveDialog(QDialog):
    """`mode` "report" (the school) or "verify" (the inspector). Drive it with `note`,
    `add_photo(path)`, `result` buttons and `accept()`."""

    def __init__(self, ctx, action: dict, mode: str, parent: QWidget | None = None,
                 visit_id: str | None = None):
        super().__init__(parent)
        self.ctx, self.action, self.mode, self.visit_id = ctx, action, mode, visit_id
        self.photos: list[str] = []
        self.setWindowTitle(self.tr("Report rectification") if mode == "report"
                            else self.tr("Verify rectification"))
        self.setMinimumWidth(520)
        what = QLabel(action["description"], self)
        what.setWordWrap(True)
        self.note = text_box(self, self.tr("What was done (report) or found (verification)"))
        self.photo_list = QListWidget(self)
        self.photo_list.setMaximumHeight(80)
        add = QPushButton(self.tr("Add photos…"), self)
        add.clicked.connect(self._choose_photos)
        form = QFormLayout()
        form.addRow(self.tr("Action:"), what)
        form.addRow(self.tr("Status:"), QLabel(labels.action_status(action["status"]), self))
        self.verified = QRadioButton(self.tr("Verified: close it (销号)"), self)
        self.not_rectified = QRadioButton(self.tr("Not rectified (未整改到位)"), self)
        if mode == "verify":
            group = QButtonGroup(self)
            for button in (self.verified, self.not_rectified):
                group.addButton(button)
            self.verified.setChecked(True)
            row = QHBoxLayout()
            row.addWidget(self.verified)
            row.addWidget(self.not_rectified)
            form.addRow(self.tr("Result:"), row)
        else:
            self.verified.hide()
            self.not_rectified.hide()
        form.addRow(self.tr("Note:"), self.note)
        form.addRow(self.tr("Evidence:"), self.photo_list)
        form.addRow("", add)
        self.error = message_label(self)
        stack(self, form, self.error, ok_cancel(self, self.tr("Save")))

    def _choose_photos(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Add photos"), "", PHOTO_FILTER)
        for path in paths:
            self.add_photo(path)

    def add_photo(self, path: str) -> None:
        self.photos.append(path)
        self.photo_list.addItem(Path(path).name)

    @property
    def target(self) -> str:
        if self.mode == "report":
            return "reported"
        return "verified" if self.verified.isChecked() else "not_rectified"

    def accept(self) -> None:
        note = required_text(self.note, self.error,
                             self.tr("Write a note: what was done or found."))
        if not note:
            return
        changes = self.ctx.operations.run(lambda: move_action(
            self.ctx.ws, self.action["id"], self.target, note=note, photos=self.photos,
            visit_id=self.visit_id), parent=self)
        if changes is None:
            return
        super().accept()


class HistoryDialog(QDialog):
    """Every move of the action, oldest first: when, who (role), from → to, note, evidence."""

    def __init__(self, ctx, action: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("History of the corrective action"))
        self.resize(760, 360)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("Status"),
                                   self.tr("Note"), self.tr("Evidence")])
        for event in action_history(ctx.ws, action["id"]):
            who = f"{event['actor']} ({labels.role(event['actor_role'])})"
            status = (f"{labels.action_status(event['from_status'])} → "
                      f"{labels.action_status(event['to_status'])}")
            files = ", ".join(e["filename"] or e["sha256"][:12] for e in event["evidence"])
            self.tree.addTopLevelItem(QTreeWidgetItem(
                [_local_time(ctx.ws, event["at"]), who, status, event["note"] or "", files]))
        for column, width in enumerate((150, 140, 200, 200)):
            self.tree.setColumnWidth(column, width)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(action["description"], self))
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)


def _local_time(ws, stamp: str) -> str:
    """A stored UTC time as the district reads it (2026-06-02 00:30, not 06-01 16:30Z)."""
    try:
        instant = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except (AttributeError, ValueError):
        return stamp or ""
    return instant.astimezone(zone(district_timezone(ws))).strftime("%Y-%m-%d %H:%M")
