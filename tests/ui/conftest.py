"""Fixtures shared by the UI tests: a UiContext on the test workspace whose errors are
recorded instead of shown in modal boxes (a modal box would block a test), and that
remembers which inspections and reports the page asked to open."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import RecordingOperations
from ui.context import UiContext
from ui.i18n import install_translations
from ui.main_window import MainWindow


@pytest.fixture
def opened() -> list[str]:
    """Inspection ids a page asked the main window to open."""
    return []


@pytest.fixture
def ctx(ws, opened, qapp) -> UiContext:
    """The context a page gets; `ctx.reports` lists the reports it asked to open."""
    reports: list[str] = []
    context = UiContext(ws=ws, operations=RecordingOperations(),
                        open_inspection=opened.append, open_report=reports.append)
    context.reports = reports
    return context


@pytest.fixture
def open_page(ctx, qtbot):
    """Factory: a page of the given class on `ctx`, refreshed by the changes saved through
    its operations, as the main window wires it."""
    def make(page_class):
        page = page_class(ctx)
        qtbot.addWidget(page)
        ctx.operations.changed.connect(page.on_changes)
        return page
    return make


@pytest.fixture
def window(ws, qtbot):
    """The main window on the test workspace; errors are logged, not shown in boxes."""
    main_window = MainWindow(ws)
    main_window.operations.show_errors = False
    qtbot.addWidget(main_window)
    return main_window


@pytest.fixture
def ui_ctx(ctx) -> UiContext:
    """The runner tests' name for `ctx`."""
    return ctx


@pytest.fixture
def english(qapp):
    """The English UI with its plural forms installed, as the launcher does."""
    install_translations(QApplication.instance(), "en")
    yield
    install_translations(QApplication.instance(), "en")


@pytest.fixture
def chinese(qapp):
    install_translations(QApplication.instance(), "zh")
    yield
    install_translations(QApplication.instance(), "en")


@pytest.fixture
def office(make_workspace):
    return make_workspace("office")


@pytest.fixture
def fresh(make_workspace):
    """A profile as on first start: no user name, empty database."""
    ws = make_workspace("fresh")
    assert ws.profile.user_name == ""
    return ws
