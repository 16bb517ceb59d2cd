"""Operations, the one way the UI changes data: a quick call or a background job announces
its `Changes` once, with the widget that asked; a job runs on a workspace of its own and the
window's clock catches up with what it stored; known errors become messages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject

from app.errors import ValidationError
from app.services.changes import Changes
from app.services.schools import add_school
from app.storage.store import HLC_SETTING
from tests.ui.helpers import RecordingOperations
from ui.operations import Job, Operations, initiated_by


@pytest.fixture
def operations(ws, qapp) -> RecordingOperations:
    recording = RecordingOperations()
    recording.ws = ws
    return recording


@pytest.fixture
def announced(operations) -> list:
    heard: list = []
    operations.changed.connect(lambda changes, initiator: heard.append((changes, initiator)))
    return heard


def test_a_quick_call_announces_its_changes_once_with_who_asked(operations, announced):
    asker = QObject()
    changes = operations.run(lambda: Changes.of("schools", "s1"), initiator=asker)
    assert changes == Changes.of("schools", "s1")
    assert announced == [(changes, asker)]


def test_nothing_changed_is_not_announced(operations, announced):
    assert operations.run(lambda: Changes()) == Changes()
    assert operations.run(lambda: "not a change") == "not a change"
    assert announced == []


def test_a_known_error_is_reported_and_nothing_announced(operations, announced):
    def refused():
        raise ValidationError("name: required.")
    assert operations.run(refused) is None
    assert [str(e) for e in operations.errors] == ["name: required."]
    assert announced == []


def test_a_job_runs_on_its_own_workspace_and_the_window_catches_up(ws, operations, announced,
                                                                   qtbot):
    seen, done, asker = {}, [], QObject()

    def run(worker_ws):
        seen["home"], seen["same"] = worker_ws.paths.home, worker_ws is ws
        return add_school(worker_ws, name="青山区朝阳中学", district="青山区")

    with qtbot.waitSignal(operations.changed, timeout=30000):
        worker = operations.run_in_background(Job(run, changes=lambda result: result),
                                              parent=None, title="…", on_done=done.append,
                                              initiator=asker)
    worker.wait()
    assert seen == {"home": ws.paths.home, "same": False}
    assert done[0].created and announced == [(done[0], asker)]
    # The worker's revs are on record here too: this window's next edit orders after them.
    assert ws.store.hlc.last == ws.store.setting(HLC_SETTING)


def test_a_failed_job_goes_to_its_error_handler_and_announces_nothing(operations, announced,
                                                                      qtbot):
    failures = []

    def run(worker_ws):
        raise ValidationError("bundle: not a School Inspect bundle.")

    worker = operations.run_in_background(Job(run, changes=lambda _: Changes.of("schools")),
                                          parent=None, title="…", on_error=failures.append)
    qtbot.waitUntil(lambda: failures != [], timeout=30000)
    worker.wait()
    assert [str(e) for e in failures] == ["bundle: not a School Inspect bundle."]
    assert announced == []


def test_a_widget_asked_when_it_or_a_child_or_its_dialog_did(qapp):
    from PySide6.QtWidgets import QDialog, QWidget
    page, other = QWidget(), QWidget()
    child, dialog = QWidget(page), QDialog(page)
    assert initiated_by(page, page) and initiated_by(page, child) and initiated_by(page, dialog)
    assert not initiated_by(page, other) and not initiated_by(page, None)
    for widget in (page, other):
        widget.deleteLater()


def test_operations_without_a_workspace_get_the_contexts(ws, qapp):
    from ui.context import UiContext
    operations = Operations()
    assert UiContext(ws, operations).operations.ws is ws
