"""The inspection's life cycle from the runner: complete (or show what is still open),
reopen, sign off, raise a corrective action, amend a signed inspection, delete a mistaken one.

Amend asks why (the reason goes into the audit log with the signed content it replaces);
the inspection opens for changes and must be signed again. Delete asks first and is offered
only for drafts and inspections in progress (the service refuses anything else too).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QWidget

from app.services import answers as answer_service
from app.services import deletion
from app.services import inspections as inspection_service
from ui.runner.action_dialog import ActionDialog
from ui.runner.signoff_dialog import SignoffDialog
from ui.runner.text import fill
from ui.widgets.form import message_label, ok_cancel, required_text, stack, text_box


def open_keys(result) -> set[str]:
    """Items that stop completion: unanswered, without their photo, or a failure without
    the facts its template asks for (a failed veto always needs a written fact)."""
    return set(result.missing_required) | set(result.missing_photos) | \
        {key for key, _ in result.missing_facts}


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
        self.reason = text_box(self, self.tr("e.g. the fridge reading was typed wrongly "
                                             "(4 °C, not 14 °C)"))
        self.reason.setFixedHeight(90)
        self.error = message_label(self)
        self.reason.textChanged.connect(lambda: self.error.hide())
        stack(self, intro, self.reason, self.error, ok_cancel(self, self.tr("Amend")))

    def accept(self) -> None:
        reason = required_text(self.reason, self.error,
                               self.tr("Say why the signed inspection is amended."))
        if not reason:
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
    """Mixed into InspectionRunner: the header's Complete, Reopen, Sign…, Amend… and
    Delete… commands and the item's Raise action…."""

    amend_dialog: AmendDialog | None = None

    def try_complete(self) -> bool:
        """Complete, or highlight what is missing and open the first missing item."""
        if self.read_only:
            return False
        self.flush()
        self._reload()
        result = self.result
        if not result.complete:
            self.missing = open_keys(result)
            self._refresh()
            first = next(i.key for i in self.items if i.key in self.missing)
            self.show_item(first)
            return False
        changes = self.ctx.operations.run(lambda: inspection_service.complete_inspection(
            self.ctx.ws, self.inspection_id), parent=self, initiator=self)
        self._reload()
        self._refresh(rebuild=True)
        return changes is not None

    def reopen(self) -> None:
        self.ctx.operations.run(lambda: inspection_service.reopen_inspection(
            self.ctx.ws, self.inspection_id), parent=self, initiator=self)
        self._reload()
        self._refresh(rebuild=True)

    def open_signoff(self) -> SignoffDialog:
        """Opens the sign-off dialog (window-modal, without blocking)."""
        self.signoff_dialog = SignoffDialog(self.ctx, self.inspection_id, self.template.kind,
                                            self)
        self.signoff_dialog.finished.connect(lambda _: self._signed())
        self.signoff_dialog.open()
        return self.signoff_dialog

    def _signed(self) -> None:
        self._reload()
        self._refresh(rebuild=True)

    def open_action_dialog(self, key: str | None = None) -> ActionDialog:
        key = key or self.current_key
        self.flush()  # the note typed a moment ago is the starting point of the correction
        note = (answer_service.responses_of(self.ctx.ws, self.inspection_id)
                .get(key, {}).get("note") or "")
        self.action_dialog = ActionDialog(self.ctx, self.inspection_id,
                                          self.template.item(key), self, suggestion=note)
        self.action_dialog.accepted.connect(self._action_raised)
        self.action_dialog.open()
        return self.action_dialog

    def _action_raised(self) -> None:
        self._reload()
        self._refresh(rebuild=self.ethics_view is None)

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
