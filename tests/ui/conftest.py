"""Fixtures shared by the UI tests: a UiContext on the test workspace whose errors are
recorded instead of shown in modal boxes (a modal box would block a test), and that
remembers which inspections and reports the page asked to open."""

from __future__ import annotations

import pytest

from tests.ui.helpers import RecordingOperations
from ui.context import UiContext


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
    from ui.main_window import MainWindow
    main_window = MainWindow(ws)
    main_window.operations.show_errors = False
    qtbot.addWidget(main_window)
    return main_window


@pytest.fixture
def ui_ctx(ctx) -> UiContext:
    """The runner tests' name for `ctx`."""
    return ctx
