"""Every page fits a 1280×800 laptop screen in both languages with demo data: no page asks
for more width than the window has beside the sidebar, so nothing is pushed off the screen
(buttons, the status bar) and the sidebar is never squeezed."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from app.services.demo import generate_demo
from ui.main_window import PAGE_CLASSES, MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
SCREEN = 1280


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_page_fits_a_laptop_screen(qtbot, ws, lang, request):
    request.getfixturevalue("english" if lang == "en" else "chinese")
    ws.set_identity(language=lang)
    generate_demo(ws, schools=6, inspections=20)
    window = MainWindow(ws)
    window.operations.show_errors = False
    qtbot.add_widget(window)
    window.resize(SCREEN, 800)
    window.show()
    wide = {}
    for key in PAGE_CLASSES:
        window.show_page(key)
        QApplication.processEvents()
        if window.minimumSizeHint().width() > SCREEN or window.width() > SCREEN:
            wide[key] = window.minimumSizeHint().width()
    assert wide == {}
