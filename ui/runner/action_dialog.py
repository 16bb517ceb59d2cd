"""Raise a corrective action (整改) from an item: what must be corrected, how serious, who is
responsible and by when. Saved through `app.services.actions.raise_action` on OK."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QFormLayout, QLabel, QLineEdit,
                               QWidget)

from app.domain.status import ACTION_SEVERITIES
from app.domain.templates import Item
from app.services.actions import raise_action
from ui.widgets import labels
from ui.widgets.form import message_label, ok_cancel, required_text, stack, text_box

DEFAULT_DAYS = 30


class ActionDialog(QDialog):
    """Drive it with `description`, `severity`, `responsible`, `due` and `accept()`."""

    def __init__(self, ctx, inspection_id: str, item: Item | None,
                 parent: QWidget | None = None, suggestion: str = ""):
        super().__init__(parent)
        self.ctx, self.inspection_id, self.item = ctx, inspection_id, item
        self.created: str | None = None
        self.setWindowTitle(self.tr("Raise corrective action"))
        self.setMinimumWidth(520)
        # The item's note usually says what is wrong: start from it rather than a blank box.
        self.description = text_box(self, self.tr("What must be corrected"),
                                    text=suggestion.strip())
        self.severity = QComboBox(self)
        for key in ACTION_SEVERITIES:
            self.severity.addItem(labels.severity(key), key)
        self.severity.setCurrentIndex(2 if item is not None and item.critical else 1)
        self.responsible = QLineEdit(self)
        self.responsible.setPlaceholderText(self.tr("e.g. the principal, the canteen manager"))
        self.due = QDateEdit(QDate.currentDate().addDays(DEFAULT_DAYS), self)
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.error = message_label(self)
        form = QFormLayout()
        if item is not None:
            finding = QLabel(item.text[ctx.lang], self)
            finding.setWordWrap(True)
            form.addRow(self.tr("Item:"), finding)
        form.addRow(self.tr("Correction:"), self.description)
        form.addRow(self.tr("Severity:"), self.severity)
        form.addRow(self.tr("Responsible:"), self.responsible)
        form.addRow(self.tr("Due date:"), self.due)
        stack(self, form, self.error, ok_cancel(self, self.tr("Raise action")))

    def accept(self) -> None:
        """Save the action; the dialog stays open with a message if something is missing."""
        text = required_text(self.description, self.error,
                             self.tr("Say what must be corrected."))
        if not text:
            return
        changes = self.ctx.operations.run(lambda: raise_action(
            self.ctx.ws, self.inspection_id, description=text,
            item_key=self.item.key if self.item is not None else None,
            severity=self.severity.currentData(), responsible=self.responsible.text(),
            due_date=self.due.date().toString("yyyy-MM-dd")), parent=self, initiator=self)
        if changes is None:
            return
        self.created = changes.created
        super().accept()
