"""Form dialogs. `ValidatedDialog`: a form dialog whose OK button stays disabled until the form
is valid, with the reason shown inline under the fields (red text), and the save done through
`Operations.run` so a refused save keeps the dialog open with the message.

The parts the runner's and the actions' dialogs share: `text_box` (free text that Tab
leaves), `message_label` (the red line saying
what to fix), `ok_cancel` (the action-named OK and Cancel) and `stack` (fields, message,
buttons, top to bottom). Cancel is translated once, in the "DialogButtons" context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLayout,
                               QPlainTextEdit, QVBoxLayout, QWidget)


def text_box(parent: QWidget, placeholder: str, *, height: int = 90,
             text: str = "") -> QPlainTextEdit:
    """A few lines of free text in a dialog. Tab moves on to the next field (a tab character
    in a finding helps nobody, and a keyboard user would be stuck in the box); a suggested
    text starts with the cursor at its end, so typing adds to it."""
    box = QPlainTextEdit(parent)
    box.setPlaceholderText(placeholder)
    box.setMinimumHeight(height)
    box.setTabChangesFocus(True)
    if text:
        box.setPlainText(text)
        box.moveCursor(QTextCursor.MoveOperation.End)
    return box


def message_label(parent: QWidget) -> QLabel:
    """The line under a form that says what is still wrong; hidden until there is something."""
    label = QLabel(parent)
    label.setObjectName("limitWarning")
    label.setWordWrap(True)
    label.hide()
    return label


def ok_cancel(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    """OK named by what it does ("Save", "Sign"…) and Cancel, wired to the dialog."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("DialogButtons", "Cancel"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def required_text(editor, message: QLabel, why: str) -> str:
    """The editor's text, trimmed; when empty, `why` is shown and the cursor put there."""
    text = editor.toPlainText().strip()
    if not text:
        message.setText(why)
        message.show()
        editor.setFocus()
    return text


def stack(dialog: QDialog, *parts: QWidget | QLayout) -> QVBoxLayout:
    """The dialog's parts top to bottom (a layout, such as a form, or a widget)."""
    layout = QVBoxLayout(dialog)
    for part in parts:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)
    return layout


class ValidatedDialog(QDialog):
    """Subclasses add rows to `self.form`, implement `problems()` and `save()`."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.form = QFormLayout()
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b71c1c;")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.result_changes = None

    @property
    def ok_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def problems(self) -> list[str]:
        return []

    def save(self):
        raise NotImplementedError

    def revalidate(self, *_args) -> None:
        problems = self.problems()
        self.error.setText("\n".join(problems))
        self.ok_button.setEnabled(not problems)

    def try_accept(self) -> None:
        if self.problems():
            return
        changes = self.ctx.operations.run(self.save, parent=self)
        if changes is not None:
            self.result_changes = changes
            self.accept()

    def watch(self, *signals) -> None:
        for signal in signals:
            signal.connect(self.revalidate)

