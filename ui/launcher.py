"""Starts the desktop app: Qt application, bundled fonts, translations, the profile's
workspace and the main window. Reached from `school-inspect` with no command."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.errors import KnownError
from app.workspace import Workspace
from ui.fonts import register_bundled_fonts
from ui.i18n import install_translations
from ui.qt_check import problem


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("School Inspect")
    app.setOrganizationName("School Inspect")
    register_bundled_fonts(app)
    return app


def run(home: str | None = None) -> int:
    missing = problem()
    if missing:  # before Qt: its own message for this is long and cryptic
        sys.stderr.write(missing + "\n")
        return 1
    app = create_application()
    try:
        ws = Workspace.open(home or os.environ.get("SCHOOL_INSPECT_HOME"))
    except KnownError as exc:
        QMessageBox.critical(None, "School Inspect", str(exc))
        return 1
    install_translations(app, ws.profile.language)
    from ui.main_window import MainWindow
    from ui import bench_exit
    window = MainWindow(ws, start_page="inspections" if bench_exit.requested() else None)
    if bench_exit.requested():
        bench_exit.arm(window)
    window.show()
    if not bench_exit.requested():
        # Once the window is up: ask the user's name on first start, offer demo data.
        QTimer.singleShot(0, window.first_start)
    code = app.exec()
    ws.close()
    return code
