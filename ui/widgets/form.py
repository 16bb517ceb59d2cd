"""`ValidatedDialog`: a form dialog whose OK button stays disabled until the form is valid,
with the reason shown inline under the fields (red text), and the save done through
`Operations.run` so a refused save keeps the dialog open with the message."""

from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout,
                               QWidget)


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

