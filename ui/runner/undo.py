"""Undo of answer changes (Ctrl+Z): the runner remembers what each answer was before it
changed and puts the last one back, opening its item so the user sees what was undone.

Text fields keep their own Ctrl+Z (Qt gives a focused line edit the key first), so this only
answers when no typing is being undone.
"""

from __future__ import annotations

from typing import Any

MAX_STEPS = 50


class UndoFlow:
    """Mixed into InspectionRunner (uses responses, save_answer, show_item, item_view)."""

    undo_steps: list[tuple[str, Any]]

    def remember_answer(self, key: str, new_value: Any) -> None:
        """Called before an answer is saved; ignores saves that change nothing."""
        old = (self.responses.get(key) or {}).get("value")
        if old == new_value or getattr(self, "_undoing", False):
            return
        self.undo_steps.append((key, old))
        del self.undo_steps[:-MAX_STEPS]

    def undo_last(self) -> bool:
        """Put the last changed answer back; False when there is nothing to undo."""
        if self.read_only or not self.undo_steps:
            return False
        key, value = self.undo_steps.pop()
        self.show_item(key)
        self._undoing = True
        try:
            if self.item_view is not None and self.item_view.item.key == key:
                self.item_view.show_value(value)
            editor = self.ethics_view.editors.get(key) if self.ethics_view else None
            if editor is not None:
                editor.set_value(value)
            self.save_answer(key, value)
        finally:
            self._undoing = False
        return True
