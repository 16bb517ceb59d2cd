"""Amending a signed inspection and deleting a mistaken one, from the runner's header.

Amend asks why (the reason goes into the audit log with the signed content it replaces);
the inspection opens for changes and must be signed again. Delete asks first and is offered
only for drafts and inspections in progress (the service refuses anything else too).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QMessageBox,
                               QPlainTextEdit, QVBoxLayout, QWidget)

from app.services import deletion
from app.services import inspections as inspection_service
from ui.runner.text import fill


class AmendDialog(QDialog):
    """Type the reason, then `accept()` amends; the dialog stays open on an error."""

    def __init__(self, ctx, inspection_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.inspection_id = ctx, inspection_id
        self.setWindowTitle(self.tr("Amend the signed inspection"))
        self.setMinimumWidth(520)
        intro = QLabel(self.tr("An amendment reopens the signed inspection for changes. The "
                               "signatures given so far stay on record for the old content; "
                               "the inspection must be signed again. Say why it is amended:"),
                       self)
        intro.setWordWrap(True)
        self.reason = QPlainTextEdit(self)
        self.reason.setPlaceholderText(self.tr("e.g. the fridge reading was typed wrongly "
                                               "(4 °C, not 14 °C)"))
        self.reason.setFixedHeight(90)
        self.error = QLabel(self)
        self.error.setObjectName("limitWarning")
        self.error.hide()
        self.reason.textChanged.connect(lambda: self.error.hide())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Amend"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.reason, self.error, buttons):
            layout.addWidget(widget)

    def accept(self) -> None:
        reason = self.reason.toPlainText().strip()
        if not reason:
            self.error.setText(self.tr("Say why the signed inspection is amended."))
            self.error.show()
            return
        changes = self.ctx.operations.run(lambda: inspection_service.amend_inspection(
            self.ctx.ws, self.inspection_id, reason), parent=self)
        if changes is not None:
            super().accept()


def confirm_delete(ctx, inspection: dict, title: str, parent: QWidget) -> bool:
    """Ask, then delete; True when it was deleted. One that may not be deleted (signed,
    completed, built upon) gets the reason at once instead of a question."""
    if not ctx.operations.run(lambda: deletion.check_deletable(ctx.ws, inspection),
                              parent=parent):
        return False
    local = deletion.only_here(ctx.ws, inspection)
    where = (QCoreApplication.translate("InspectionLifecycle", "It has never left this computer and is removed completely.")
             if local else
             QCoreApplication.translate("InspectionLifecycle", "It may already be on another computer: the delete is sent "
                            "with the next bundle."))
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("InspectionLifecycle", "Delete inspection"),
        fill(QCoreApplication.translate("InspectionLifecycle", "Delete %1, with its answers, photos and actions? %2"), title,
             where),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    return ctx.operations.run(lambda: deletion.delete_inspection(
        ctx.ws, inspection["id"]), parent=parent) is not None


class LifecycleFlow:
    """Mixed into InspectionRunner: the header's Amend… and Delete… commands."""

    amend_dialog: AmendDialog | None = None

    def open_amend(self) -> AmendDialog:
        """Opens the amendment dialog (window-modal, without blocking)."""
        self.amend_dialog = AmendDialog(self.ctx, self.inspection_id, self)
        self.amend_dialog.accepted.connect(self._signed)
        self.amend_dialog.open()
        return self.amend_dialog

    def delete_inspection(self) -> bool:
        """Ask and delete; the main window closes the runner when the delete arrives."""
        self.flush()
        title = self.header.title.text()
        return confirm_delete(self.ctx, self.inspection, title, self)
