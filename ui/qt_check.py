"""Before Qt starts on a Linux desktop: are the system libraries its X11 (xcb) platform
plugin needs installed? Without them Qt prints a long, cryptic "could not load the Qt
platform plugin xcb" message and aborts; this says in one line which Debian/Ubuntu packages
to install instead. Imports no Qt (it runs before Qt is loaded)."""

from __future__ import annotations

import os
import sys
from typing import Callable

# Libraries Qt 6's xcb plugin and QtGui link against (ldd libqxcb.so) → the Debian / Ubuntu
# package that ships each.
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def uses_xcb(environ=os.environ, platform: str = sys.platform) -> bool:
    """Qt will pick its X11 plugin: Linux, and no other platform asked for."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    return chosen == "" or chosen.startswith("xcb")


def _load_library(name: str) -> object:
    import ctypes  # only where Qt would use X11 (not, say, offscreen)
    return ctypes.CDLL(name)


def missing_packages(load: Callable[[str], object] = _load_library) -> list[str]:
    """Debian packages whose library cannot be loaded, in a stable order."""
    missing = []
    for library, package in XCB_LIBRARIES.items():
        try:
            load(library)
        except OSError:
            missing.append(package)
    return missing


def problem(environ=os.environ, platform: str = sys.platform,
            load: Callable[[str], object] = _load_library) -> str | None:
    """The one-line message to show instead of starting Qt, or None when all is there."""
    if not uses_xcb(environ, platform):
        return None
    missing = missing_packages(load)
    if not missing:
        return None
    return ("School Inspect cannot open its window: system libraries for Qt are missing. "
            f"Install them with: sudo apt install {' '.join(missing)}")
