"""The UI changes data only through operations (Anki's `aqt/operations`).

`Operations.run` calls a service; quick calls run on the GUI thread, long work (import,
export, report, signing) runs on a worker thread behind a progress dialog with Cancel. Either
way the resulting `Changes` is announced once through `changed`, so each page refreshes only
what the change touched, and errors are shown as messages that say what to do — a
`KnownError` as it is, anything else as a bug report, never as a traceback.
"""

from __future__ import annotations

import logging
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from app.errors import KnownError
from app.services.changes import Changes

log = logging.getLogger(__name__)


def in_own_workspace(ws, job: Callable[[Any], Any]) -> Any:
    """Run `job(worker_ws)` on a workspace of its own for the same profile.

    The GUI thread owns its sqlite connection, so work on a worker thread opens another one
    (and is handed the signing key's password if the user gave it this session)."""
    from app.workspace import Workspace
    worker_ws = Workspace.open(ws.paths.home, load_builtins=False, password=ws.key_password)
    worker_ws.key_password = ws.key_password
    try:
        return job(worker_ws)
    finally:
        worker_ws.close()


class _Worker(QThread):
    done = Signal(object)
    failed = Signal(object)

    def __init__(self, call: Callable[[], Any]):
        super().__init__()
        self._call = call

    def run(self) -> None:
        try:
            self.done.emit(self._call())
        except BaseException as exc:  # handed to the GUI thread, shown there
            self.failed.emit(exc)


class Operations(QObject):
    """Runs service calls for the UI and announces what changed."""

    changed = Signal(object)  # Changes

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._workers: set[_Worker] = set()
        self.show_errors = True

    def run(self, call: Callable[[], Any], *, parent: QWidget | None = None) -> Any:
        """Run a quick call now; returns its result, or None after showing a known error."""
        try:
            result = call()
        except KnownError as exc:
            self.report(exc, parent)
            return None
        self._announce(result)
        return result

    def run_in_background(self, call: Callable[[], Any], *, parent: QWidget | None,
                          title: str, on_done: Callable[[Any], None] | None = None,
                          on_error: Callable[[BaseException], None] | None = None) -> _Worker:
        """Long work off the GUI thread behind a progress dialog; Cancel leaves it to finish
        in its own transaction (all or nothing) and hides the dialog."""
        dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setMinimumDuration(300)
        worker = _Worker(call)
        self._workers.add(worker)

        def finished(result: Any) -> None:
            dialog.reset()
            self._announce(result)
            if on_done:
                on_done(result)

        def failed(exc: BaseException) -> None:
            dialog.reset()
            (on_error or (lambda e: self.report(e, parent)))(exc)

        worker.done.connect(finished)
        worker.failed.connect(failed)
        worker.finished.connect(lambda: self._workers.discard(worker))
        dialog.canceled.connect(dialog.hide)
        worker.start()
        return worker

    def _announce(self, result: Any) -> None:
        if isinstance(result, Changes) and not result.empty:
            self.changed.emit(result)

    def report(self, exc: BaseException, parent: QWidget | None = None) -> None:
        """Known errors as their message; bugs as a short report with details."""
        if isinstance(exc, KnownError):
            log.info("known error: %s", exc)
            if self.show_errors:
                QMessageBox.warning(parent, self.tr("Cannot do that"), str(exc))
            return
        details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        log.error("unexpected error: %s", details)
        if self.show_errors:
            box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Something went wrong"),
                              self.tr("This is a bug in School Inspect; nothing you typed "
                                      "before it was lost. Please send the details below to "
                                      "the district office."), parent=parent)
            box.setDetailedText(details)
            box.exec()
