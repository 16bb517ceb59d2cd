"""`SCHOOL_INSPECT_BENCH_EXIT=first-paint`: show the Inspections list and exit with code 0
right after its table painted its first rows (or painted empty when there are none), so a
benchmark or a check can time start-up to the first useful screen in a fresh process."""

from __future__ import annotations

import os

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

VARIABLE = "SCHOOL_INSPECT_BENCH_EXIT"


def requested() -> bool:
    return os.environ.get(VARIABLE, "") == "first-paint"


class _FirstPaint(QObject):
    def __init__(self, model, parent):
        super().__init__(parent)
        self.model = model
        self.done = False

    def eventFilter(self, watched, event) -> bool:
        if not self.done and event.type() == QEvent.Type.Paint and \
                (self.model.rowCount() > 0 or not self.model.canFetchMore()):
            # Exit after this paint has been delivered, not before it.
            self.done = True
            QTimer.singleShot(0, lambda: QApplication.instance().exit(0))
        return False


def arm(window) -> None:
    """Show the Inspections page and exit once its rows are on screen."""
    window.show_page("inspections")
    page = window.pages.get("inspections")
    table = getattr(page, "table", None)
    if table is None:  # the page failed to build: exit rather than hang a benchmark
        QTimer.singleShot(0, lambda: QApplication.instance().exit(1))
        return
    watcher = _FirstPaint(page.model, table)
    table.viewport().installEventFilter(watcher)
