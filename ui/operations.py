"""The UI changes data only through operations (Anki's `aqt/operations`).

`Operations.run` calls a service on the GUI thread; `Operations.run_in_background` runs a
`Job` (a named one-line operation, see `ui/jobs.py`) on a worker thread with a workspace of its
own, behind a progress dialog with Cancel. Either way the resulting `Changes` is announced
once through `changed` together with its initiator — the widget that asked, which refreshes
itself, so the main window does not refresh it a second time — and what a worker changed
behind the GUI workspace's back (the clock's settings row) is resynced here, not by each page.
Errors are shown as messages that say what to do — a `KnownError` as it is, anything else as
a bug report, never as a traceback.
"""

from __future__ import annotations

import logging
import traceback
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from app.errors import KnownError
from app.services.changes import NOTHING, Changes

if TYPE_CHECKING:
    from app.workspace import Workspace

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    """Background work: `run(worker_ws)` on a worker thread with its own workspace, and
    `changes(result)` saying what it changed (nothing, unless told)."""
    run: Callable[[Workspace], Any]
    changes: Callable[[Any], Changes] = field(default=lambda result: NOTHING)


def in_own_workspace(ws: Workspace, job: Callable[[Workspace], Any]) -> Any:
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


def initiated_by(widget: QObject, initiator: QObject | None) -> bool:
    """Whether `widget` asked for a change: it is the initiator or one of its ancestors (a
    dialog is a window of its own, so Qt's isAncestorOf would not see through it)."""
    while initiator is not None:
        if initiator is widget:
            return True
        initiator = initiator.parent()
    return False


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
    """Runs service calls for the UI and announces what changed, and who asked."""

    changed = Signal(object, object)  # (Changes, initiator: the widget that asked, or None)

    def __init__(self, parent: QObject | None = None, *, ws: Workspace | None = None):
        super().__init__(parent)
        self.ws = ws  # the GUI thread's workspace (UiContext sets it when not given here)
        self._workers: set[_Worker] = set()
        self.show_errors = True

    def run(self, call: Callable[[], Any], *, parent: QWidget | None = None,
            initiator: QObject | None = None) -> Any:
        """Run a quick call now; returns its result, or None after showing a known error.
        An `initiator` refreshes itself from the result: it is not told the change again."""
        try:
            result = call()
        except KnownError as exc:
            self.report(exc, parent)
            return None
        if isinstance(result, Changes):
            self.announce(result, initiator)
        return result

    def run_in_background(self, job: Job, *, parent: QWidget | None, title: str,
                          on_done: Callable[[Any], None] | None = None,
                          on_error: Callable[[BaseException], None] | None = None,
                          initiator: QObject | None = None) -> _Worker:
        """Run `job` off the GUI thread on a workspace of its own, behind a progress dialog;
        Cancel leaves it to finish in its own transaction (all or nothing) and hides the
        dialog. When it is done, the GUI workspace catches up with what the worker changed,
        its `Changes` are announced, then `on_done(result)` runs."""
        dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setMinimumDuration(300)
        ws = self.ws
        worker = _Worker(lambda: in_own_workspace(ws, job.run))
        self._workers.add(worker)

        def finished(result: Any) -> None:
            dialog.reset()
            self._resync(ws)
            self.announce(job.changes(result), initiator)
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

    def announce(self, changes: Changes, initiator: QObject | None = None) -> None:
        """Tell every page what changed (nothing is said when nothing changed)."""
        if not changes.empty:
            self.changed.emit(changes, initiator)

    @staticmethod
    def _resync(ws: Workspace) -> None:
        """The worker's clock saw (and stored) newer revs than ours: ours must order after
        them, or an edit made next here could lose to an older one."""
        ws.store.reload_clock()

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
