"""Kill-safety for real: the runner runs in its own process, an inspector types, the process
is killed with SIGKILL while the window is still open, and what was typed is in the database
afterwards (intact)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from app.services.answers import answers_of, responses_of
from app.workspace import Workspace
from tests.ui.test_runner_support import answers_in_database

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from app.workspace import Workspace
    from ui.context import UiContext
    from ui.operations import Operations
    from ui.runner import InspectionRunner

    app = QApplication([])
    ws = Workspace.open(sys.argv[1])
    operations = Operations()
    operations.show_errors = False
    runner = InspectionRunner(UiContext(ws=ws, operations=operations), sys.argv[2])
    runner.show()
    runner.activateWindow()
    assert QTest.qWaitForWindowActive(runner)
    QTest.keyClick(runner, Qt.Key.Key_1)              # a.samples: yes
    QTest.keyClicks(runner.item_view.note, "photo taken")
    runner.show_item("b.remarks")
    runner.item_view.editor.field.setFocus()
    QTest.keyClicks(runner.item_view.editor.field, "Door seal torn")
    print("typed", flush=True)
    app.exec()                                        # still open when it is killed
""")


def wait_for(condition, timeout: float = 30.0) -> bool:
    """Poll a condition (not a timing assertion: the limit only stops a hung child)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_answers_survive_a_kill_of_the_open_window(ws, mini_inspection):
    home = ws.paths.home
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(home), mini_inspection],
                             cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        def typed_on_disk():
            saved = answers_in_database(ws.paths.database, mini_inspection)
            return saved.get("b.remarks") == ("Door seal torn", "")
        assert wait_for(typed_on_disk), child.stderr.read() if child.poll() else "timeout"
        assert child.poll() is None                      # the window is still open
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    reopened = Workspace.open(home)
    try:
        assert reopened.store.db.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert answers_of(reopened, mini_inspection)["a.samples"] == "yes"
        assert responses_of(reopened, mini_inspection)["a.samples"]["note"] == "photo taken"
        assert answers_of(reopened, mini_inspection)["b.remarks"] == "Door seal torn"
    finally:
        reopened.close()
