"""The current item: question, tags (red line, required, photo), the fitting editor, guidance,
source regulation, the principal's self-assessment beside it when verifying, a note, evidence
photos (also by drag and drop onto the item) and "raise corrective action"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from app.domain.templates import Item
from ui.runner.comparison import ComparisonBox, SelfAssessment
from ui.runner.editors import Editor, idle_timer, make_editor
from ui.runner.evidence import EvidenceStrip, image_paths
from ui.runner.text import fill


def tag(text: str, tone: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("tag")
    label.setProperty("tone", tone)
    return label


class ItemView(QFrame):
    """Emits what the user did; the runner saves it."""

    answered = Signal(str, object)     # item key, value (None clears)
    note_edited = Signal(str, str)     # item key, note
    evidence_changed = Signal(object)  # Changes
    action_requested = Signal(str)     # item key
    move = Signal(int)                 # -1 previous, +1 next

    def __init__(self, ctx, inspection_id: str, item: Item, *, position: str,
                 response: dict | None, own: SelfAssessment | None, actions: list[dict],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.item, self.lang = ctx, item, ctx.lang
        self.setObjectName("itemView")
        self.setAcceptDrops(True)
        self.read_only = False
        self.value: Any = (response or {}).get("value")
        self.own = own
        self.editor: Editor = make_editor(item, self.lang, self)
        self.editor.set_value(self.value)
        self.editor.committed.connect(self._committed)
        self.note = QLineEdit((response or {}).get("note") or "", self)
        self.evidence = EvidenceStrip(ctx, inspection_id, item.key, self, item=item)
        self.evidence.changed.connect(self.evidence_changed)
        self.comparison = ComparisonBox(self) if own is not None else None
        if self.comparison is not None:
            self.comparison.show_photos(ctx.ws, own, item, self.lang)
        self._note_saved = self.note.text()
        self._build(position, actions)
        self._refresh_comparison()

    # -- layout ---------------------------------------------------------------------------
    def _build(self, position: str, actions: list[dict]) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 20)
        layout.setSpacing(12)
        crumb = QLabel(position, self)
        crumb.setObjectName("crumb")
        crumb.setWordWrap(True)  # long English section titles must not widen the item
        layout.addWidget(crumb)
        layout.addLayout(self._tags())
        question = QLabel(self.item.text[self.lang], self)
        question.setObjectName("question")
        question.setWordWrap(True)
        question.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(question)
        layout.addWidget(self.editor)
        if self.comparison is not None:
            layout.addWidget(self.comparison)
        layout.addWidget(self._guidance())
        self.note_label = note_label = self._section_label(self.tr("Note  (T)"))
        layout.addWidget(note_label)
        self.note.setPlaceholderText(self.tr("What you saw — saved automatically"))
        self.note.setMinimumHeight(38)
        self._note_idle = idle_timer(self, self.flush_note)
        self.note.textEdited.connect(lambda _: self._note_idle.start())
        self.note.editingFinished.connect(self.flush_note)
        layout.addWidget(self.note)
        # A free-text item is already a note; a second box would only confuse.
        show_note = self.item.type != "text" or bool(self.note.text())
        note_label.setVisible(show_note)
        self.note.setVisible(show_note)
        photo_title = self.tr("Evidence photos")
        if self.item.photo_required:
            photo_title += "  " + self.tr("(at least one required)")
        layout.addWidget(self._section_label(photo_title))
        layout.addWidget(self.evidence)
        layout.addLayout(self._actions_row(actions))
        layout.addStretch(1)
        layout.addLayout(self._navigation())

    def _tags(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        if self.item.veto:
            row.addWidget(tag(self.tr("Veto"), "bad", self))
        elif self.item.cap is not None:
            row.addWidget(tag(self.tr("Grade-limiting item"), "warn", self))
        if self.item.required:
            row.addWidget(tag(self.tr("Required"), "neutral", self))
        if self.item.photo_required:
            row.addWidget(tag(self.tr("Photo required"), "warn", self))
        if self.item.scored and self.item.weight != 1:
            row.addWidget(tag(fill(self.tr("Weight %1"), f"{self.item.weight:g}"), "info", self))
        row.addStretch(1)
        return row

    def _guidance(self) -> QFrame:
        box = QFrame(self)
        box.setObjectName("guidance")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(14, 10, 14, 10)
        if self.item.guidance:
            text = QLabel(fill(self.tr("What to check: %1"), self.item.guidance[self.lang]), box)
            text.setWordWrap(True)
            layout.addWidget(text)
        source = QLabel(fill(self.tr("Source: %1"), self.item.source[self.lang]), box)
        source.setObjectName("source")
        source.setWordWrap(True)
        layout.addWidget(source)
        return box

    def _section_label(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName("fieldHeading")
        return label

    def _actions_row(self, actions: list[dict]) -> QHBoxLayout:
        row = QHBoxLayout()
        self.action_button = QPushButton(self.tr("Raise corrective action…  (A)"), self)
        self.action_button.setObjectName("actionButton")
        self.action_button.setMinimumHeight(40)
        self.action_button.clicked.connect(lambda: self.action_requested.emit(self.item.key))
        row.addWidget(self.action_button)
        if actions:
            listed = "; ".join(self._action_text(a) for a in actions[:3])
            summary = QLabel(fill(self.tr("%n action(s) raised: %1", "", len(actions)), listed),
                             self)
            summary.setObjectName("hint")
            summary.setWordWrap(True)
            row.addWidget(summary, 1)
        else:
            row.addStretch(1)
        return row

    def _action_text(self, action: dict) -> str:
        """An action as listed; one carried over from an earlier visit (回头看) says so."""
        if not action.get("carried_from"):
            return action["description"]
        origin = fill(self.tr("Carried over from the visit of %1"),
                      action.get("carried_date") or "?")
        return fill(self.tr("%1 (%2)", "an action and where it comes from"),
                    action["description"], origin)

    def _navigation(self) -> QHBoxLayout:
        row = QHBoxLayout()
        previous = QPushButton(self.tr("◀ Previous  (PgUp)"), self)
        following = QPushButton(self.tr("Next  (PgDn / Enter) ▶"), self)
        for button, step in ((previous, -1), (following, 1)):
            button.setMinimumHeight(40)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(lambda _=False, s=step: self.move.emit(s))
        self.keys = keys = QLabel(self.tr("Keys: 1 2 3 … answer · N not applicable · "
                                          "Del clear · ↑ ↓ or J K move · "
                                          "Ctrl+Enter complete"), self)
        keys.setObjectName("hint")
        keys.setAlignment(Qt.AlignmentFlag.AlignCenter)
        keys.setWordWrap(True)
        row.addWidget(previous)
        row.addWidget(keys, 1)
        row.addWidget(following)
        return row

    # -- behaviour ------------------------------------------------------------------------
    def _committed(self, value: Any) -> None:
        self.value = value
        self.answered.emit(self.item.key, value)
        self._refresh_comparison()

    def flush_note(self) -> None:
        self._note_idle.stop()
        if self.note.text() != self._note_saved:
            self._note_saved = self.note.text()
            self.note_edited.emit(self.item.key, self._note_saved)

    def flush(self) -> None:
        """Save whatever was typed into the editor or the note."""
        self.editor.flush()
        self.flush_note()

    def show_value(self, value: Any) -> None:
        """Show a value stored elsewhere (e.g. a rejected answer put back)."""
        self.value = value
        self.editor.set_value(value)
        self._refresh_comparison()

    def _refresh_comparison(self) -> None:
        if self.comparison is not None:
            self.comparison.show_for(self.item, self.lang, self.own, self.value)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.editor.set_read_only(read_only)
        self.note.setReadOnly(read_only)
        if read_only:
            self.note.setPlaceholderText("")
        self.evidence.set_read_only(read_only)
        self.action_button.setEnabled(not read_only)
        # A completed or signed inspection is for reading: no dead buttons in the way.
        self.action_button.setVisible(not read_only)
        self.keys.setVisible(not read_only)
        # The key that opens the note for writing is offered only where it can be written.
        self.note_label.setText(self.tr("Note") if read_only else self.tr("Note  (T)"))

    def answer_by_digit(self, digit: int) -> bool:
        return not self.read_only and self.editor.answer_by_digit(digit)

    def dragEnterEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if not self.read_only and image_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = image_paths(event.mimeData())
        if self.read_only or not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.evidence.add_files(paths)
