"""A missing Qt system library on Linux becomes one line naming the Debian packages, before
Qt starts (and no check when Qt is not going to use X11)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ui.qt_check import XCB_LIBRARIES, missing_packages, problem


def loader_without(*absent):
    def load(name):
        if name in absent:
            raise OSError(f"{name}: cannot open shared object file")
        return object()
    return load


def test_missing_libraries_are_named_by_their_debian_packages():
    load = loader_without("libxcb-cursor.so.0", "libxcb-icccm.so.4")
    message = problem({}, "linux", load)
    assert message.endswith("sudo apt install libxcb-cursor0 libxcb-icccm4")
    assert "\n" not in message


def test_nothing_to_say_when_all_is_there_or_qt_will_not_use_x11():
    everything_missing = loader_without(*XCB_LIBRARIES)
    assert problem({}, "linux", loader_without()) is None
    assert problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", everything_missing) is None
    assert problem({"QT_QPA_PLATFORM": "wayland"}, "linux", everything_missing) is None
    assert problem({}, "win32", everything_missing) is None
    assert problem({"QT_QPA_PLATFORM": "xcb"}, "linux", everything_missing) is not None


def test_the_real_check_agrees_with_what_this_machine_has(tmp_path):
    """Run the app's start with the xcb platform in a child process: either Qt can load its
    libraries, or the one line appears and the exit code is 1 (never Qt's abort)."""
    if not missing_packages():
        pytest.skip("every library Qt's xcb plugin needs is installed here")
    if True:
        code = ("import sys; from ui.launcher import run; sys.exit(run(%r))" % str(tmp_path))
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                env={"QT_QPA_PLATFORM": "xcb", "PATH": "/usr/bin:/bin",
                                     "PYTHONPATH": ":".join(sys.path)}, timeout=60)
        assert result.returncode == 1
        assert result.stderr.strip().count("\n") == 0
        assert "sudo apt install" in result.stderr and "libxcb" in result.stderr
