"""Start-up work the first screen does not need runs once the window has painted: the
user sees the first rows sooner, and the rest follows a moment later on the same thread.

    after_first_paint(window, window.finish_start)
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, QTimer


class _AfterFirstPaint(QObject):
    def __init__(self, widget, work: Callable[[], None]):
        super().__init__(widget)
        self.widget, self.work = widget, work
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if watched is self.widget and event.type() == QEvent.Type.Paint:
            self.widget.removeEventFilter(self)
            # Queued: runs once this paint (the whole window's) has been delivered.
            QTimer.singleShot(0, self.work)
        return False


def after_first_paint(widget, work: Callable[[], None]) -> None:
    """Call `work()` once, right after `widget` (a top-level window) first painted."""
    _AfterFirstPaint(widget, work)
