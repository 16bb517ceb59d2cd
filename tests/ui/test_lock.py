"""The profile password in the window: asked for at start, and again after idle time."""

import pytest

from app.services import schools
from ui.lock import open_with_password
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def protected(ws):
    schools.add_school(ws, name="育才小学")
    ws.set_profile_password("窗口 password")
    return ws


def test_the_password_is_asked_until_right_or_cancelled(protected):
    home = protected.paths.home
    answers = iter(["wrong", "窗口 password"])
    asked = []
    opened = open_with_password(home, ask=lambda label: asked.append(label) or next(answers))
    assert opened is not None and [s["name"] for s in schools.list_schools(opened)] == ["育才小学"]
    assert len(asked) == 2 and "wrong" in asked[1]
    opened.close()
    assert open_with_password(home, ask=lambda label: None) is None


def test_the_window_locks_when_idle_and_opens_with_the_password(protected, qtbot):
    window = MainWindow(protected)
    window.operations.show_errors = False
    qtbot.addWidget(window)
    window.show()
    lock = window.idle_lock
    lock.timer.setInterval(50)
    lock.timer.start()
    qtbot.waitUntil(lambda: lock.locked, timeout=3000)
    assert not window.centralWidget().isVisible() and not window.menuBar().isEnabled()
    assert not lock.try_unlock("guess") and lock.locked
    assert lock.try_unlock("窗口 password")
    assert window.centralWidget().isVisible() and not lock.locked
    window.close()


def test_an_unprotected_profile_has_no_lock(ws, qtbot):
    window = MainWindow(ws)
    qtbot.addWidget(window)
    assert window.idle_lock is None
