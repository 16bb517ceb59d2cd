"""Starts the desktop app: Qt application, bundled fonts, translations, the profile's
workspace and the main window. Reached from `school-inspect` with no command."""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QApplication

from app.errors import KnownError
from ui.after_paint import after_first_paint
from ui.fonts import register_bundled_fonts
from ui.i18n import install_translations
from ui.lock import open_with_password
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
        # Built-in templates and the signing certificate: after the first paint
        # (MainWindow.finish_start).
        ws = open_with_password(home or os.environ.get("SCHOOL_INSPECT_HOME"),
                                identity=False, load_builtins=False)
    except KnownError as exc:
        from PySide6.QtWidgets import QMessageBox
        QMessageBox.critical(None, "School Inspect", str(exc))
        return 1
    if ws is None:         # the password was not given
        return 1
    install_translations(app, ws.profile.language)
    from ui.main_window import MainWindow
    from ui import bench_exit
    window = MainWindow(ws, start_page="inspections" if bench_exit.requested() else None,
                        defer_start=True)
    if bench_exit.requested():
        bench_exit.arm(window)
    else:
        # Once the window has painted: the rest of the start-up, then ask the user's name
        # on first start and offer demo data.
        after_first_paint(window, window.finish_start)
    window.show()
    code = app.exec()
    ws.close()
    return code
