"""The runner's keyboard flow, for inspectors who answer without the mouse: J/K, ↑/↓,
PgUp/PgDn or Ctrl+↑/↓ move between items, Enter moves on, 1/2/3 answer yes/no/N-A (digits
give scores and pick options), N means not applicable, Delete takes an answer back and
Ctrl+Enter completes, Ctrl+F finds an item and Ctrl+Z undoes the last answer change.
T puts the cursor in the item's note (Esc or Enter leaves it), P adds photos, A raises a
corrective action: a whole finding without the mouse.

Plain keys are QShortcuts scoped to the runner: a text or number field that has the focus
takes printable keys and Enter for itself first, so typing is never hijacked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut


class KeyboardFlow:
    """Mixed into InspectionRunner (uses its go, try_complete, editors and views)."""

    def _bind_keys(self) -> None:
        bindings = [("PgDown", lambda: self.go(1)), ("PgUp", lambda: self.go(-1)),
                    ("Ctrl+Down", lambda: self.go(1)), ("Ctrl+Up", lambda: self.go(-1)),
                    ("J", lambda: self.go(1)), ("K", lambda: self.go(-1)),
                    ("Return", lambda: self.go(1)), ("Enter", lambda: self.go(1)),
                    ("Ctrl+Return", self.try_complete), ("Ctrl+Enter", self.try_complete),
                    ("N", self.answer_not_applicable),
                    ("T", self.edit_note), ("P", self.add_photos),
                    ("A", self.raise_action_by_key),
                    (QKeySequence.StandardKey.Find, self.finder.start),
                    (QKeySequence.StandardKey.Undo, self.undo_last)]
        bindings += [(str(d), lambda d=d: self.answer_by_digit(d)) for d in range(10)]
        self.shortcuts = []
        for keys, slot in bindings:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts.append(shortcut)

    def bind_view_keys(self, view) -> None:
        """Esc in the item's note goes back to answering (the note is saved)."""
        leave = QShortcut(QKeySequence(Qt.Key.Key_Escape), view.note)
        leave.setContext(Qt.ShortcutContext.WidgetShortcut)
        leave.activated.connect(lambda: (view.flush_note(), self.setFocus()))

    def edit_note(self) -> None:
        if self.read_only or self.item_view is None:
            return
        # A free-text item has no separate note: its answer is the text.
        note = self.item_view.note
        field = note if not note.isHidden() or not hasattr(self.item_view.editor, "field") \
            else self.item_view.editor.field
        field.setFocus()

    def add_photos(self) -> None:
        if not self.read_only and self.item_view is not None:
            self.item_view.evidence.choose_files()

    def raise_action_by_key(self) -> None:
        if not self.read_only and self.item_view is not None:
            self.open_action_dialog(self.current_key)

    def answer_by_digit(self, digit: int) -> None:
        if self.read_only:
            return
        if self.ethics_view is not None:
            self.ethics_view.answer_by_digit(self.current_key, digit)
        elif self.item_view is not None:
            self.item_view.answer_by_digit(digit)

    def answer_not_applicable(self) -> None:
        if self.read_only:
            return
        if self.ethics_view is not None:
            editor = self.ethics_view.editors.get(self.current_key)
        else:
            editor = self.item_view.editor if self.item_view else None
        if editor is not None:
            editor.answer_not_applicable()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        # Down/Up reach the runner only when the focused field has no use for them (a spin
        # box or a text box keeps its arrows), so they move between items.
        steps = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}
        if event.key() in steps and not event.modifiers():
            self.go(steps[event.key()])
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.item_view:
            self.clear_answer()  # only reached when no text field took the key
            return
        super().keyPressEvent(event)

    def clear_answer(self) -> None:
        """Take back the current item's answer (Delete), e.g. one given by mistake."""
        if self.read_only or self.item_view is None:
            return
        key = self.current_key
        self.item_view.show_value(None)
        self.save_answer(key, None)
