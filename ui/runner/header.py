"""The runner's header: what is being inspected (template, school, date, inspectors, mode),
its status, and the commands that move it along (complete, reopen, sign, report)."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services.signoff import inspectors_of
from ui.runner.text import fill, join_names
from ui.widgets import labels


class RunnerHeader(QWidget):
    def __init__(self, title: str, inspection: dict, verifying: bool, lang: str,
                 commands: dict[str, Callable[[], object]], parent: QWidget | None = None,
                 *, follow_up_date: str = ""):
        super().__init__(parent)
        self.setObjectName("runnerHeader")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.title = heading = QLabel(title, self)
        heading.setObjectName("runnerTitle")
        subtitle = QLabel(self._subtitle(inspection, verifying, lang, follow_up_date), self)
        subtitle.setObjectName("runnerSubtitle")
        self.status_badge = QLabel(self)
        self.status_badge.setObjectName("statusBadge")
        self.complete_button = self._button(self.tr("Complete  (Ctrl+Enter)"),
                                            commands["complete"])
        self.complete_button.setObjectName("completeButton")
        self.reopen_button = self._button(self.tr("Reopen"), commands["reopen"])
        self.sign_button = self._button(self.tr("Sign…"), commands["sign"])
        self.report_button = self._button(self.tr("Report…"), commands["report"])
        self.amend_button = self._button(self.tr("Amend…"), commands["amend"])
        self.amend_button.setToolTip(self.tr("Reopen the signed inspection to correct it; "
                                             "it must be signed again"))
        self.delete_button = self._button(self.tr("Delete…"), commands["delete"])
        self.delete_button.setToolTip(self.tr("Delete this inspection started by mistake"))
        texts = QVBoxLayout()
        texts.addWidget(heading)
        texts.addWidget(subtitle)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 10, 16, 10)
        row.addLayout(texts, 1)
        row.addWidget(self.status_badge)
        for button in (self.delete_button, self.complete_button, self.reopen_button,
                       self.sign_button, self.amend_button, self.report_button):
            row.addWidget(button)

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        # Keep the keyboard focus on the item being answered.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda: slot())
        return button

    def _subtitle(self, inspection: dict, verifying: bool, lang: str,
                  follow_up_date: str) -> str:
        parts = [inspection["visit_date"] or ""]
        inspectors = join_names(inspectors_of(inspection), lang)
        self_assessment = inspection["mode"] == "self_assessment"
        if inspectors:
            # A self-assessment is filled in by the school, not inspected.
            label = self.tr("Filled in by: %1") if self_assessment else self.tr("Inspectors: %1")
            parts.append(fill(label, inspectors))
        if self_assessment:
            parts.append(labels.mode("self_assessment"))
        if verifying:
            parts.append(self.tr("Verifying the school's self-assessment"))
        if inspection.get("follow_up_of"):
            parts.append(fill(self.tr("Follows up the visit of %1"), follow_up_date or "?"))
        return "  ·  ".join(p for p in parts if p)

    def show_status(self, status: str, *, can_sign: bool, may_change: bool = True) -> None:
        self.status_badge.setText(labels.inspection_status(status))
        self.status_badge.setProperty("status", status)
        self.status_badge.style().unpolish(self.status_badge)
        self.status_badge.style().polish(self.status_badge)
        # A role that may not change this inspection is offered none of the moves.
        self.complete_button.setVisible(may_change and status not in ("completed", "signed"))
        self.reopen_button.setVisible(may_change and status == "completed")
        self.sign_button.setVisible(can_sign)
        self.amend_button.setVisible(may_change and status == "signed")
        self.delete_button.setVisible(may_change and status in ("draft", "in_progress"))
