"""The editor contract shared by every item editor, and the idle timer that saves typing
during a pause (so nothing typed is lost if the app is killed)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QWidget

from app.domain.answers import NA
from app.domain.templates import Item

# Typing pauses longer than this are saved even before the field loses focus.
IDLE_SAVE_MS = 600


class Editor(QWidget):
    """Base: shows a stored value, emits `committed` with the value to store."""

    committed = Signal(object)

    def __init__(self, item: Item, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.item, self.lang = item, lang

    def set_value(self, value: Any) -> None:
        """Show a stored value without emitting."""

    def answer_by_digit(self, digit: int) -> bool:
        """Keyboard answer (1/2/3 for yes/no/N-A, the score itself...); False if unused."""
        return False

    def answer_not_applicable(self) -> bool:
        """Keyboard N/A (the N key); False where N/A is not allowed."""
        button = getattr(self, "buttons", {}).get(NA) or getattr(self, "na", None)
        if button is None or not self.isEnabled() or not self.item.na_allowed:
            return False
        button.click()
        return True

    def flush(self) -> None:
        """Commit anything typed but not yet saved."""

    def set_read_only(self, read_only: bool) -> None:
        self.setEnabled(not read_only)


def idle_timer(parent: QWidget, slot) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(IDLE_SAVE_MS)
    timer.timeout.connect(slot)
    return timer
