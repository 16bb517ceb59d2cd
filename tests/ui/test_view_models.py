"""Every item view on every page — our own models and the list/table models inside Qt's
convenience widgets — passes pytest-qt's model tester, on demo data."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractItemView

from app.services.demo import generate_demo
from app.services.inspections import list_inspections
from ui.main_window import PAGE_CLASSES


@pytest.fixture
def demo(ws):
    generate_demo(ws, schools=3, inspections=12, seed=4)
    return ws


def _page(name: str, ctx):
    if name == "runner":
        from ui.runner import InspectionRunner
        started = next(r["id"] for r in list_inspections(ctx.ws)
                       if r["status"] == "in_progress")
        return InspectionRunner(ctx, started)
    return PAGE_CLASSES[name](ctx)


@pytest.mark.parametrize("name", [*PAGE_CLASSES, "runner"])
def test_every_item_view_model_passes_the_model_tester(name, demo, ui_ctx, qtbot,
                                                       qtmodeltester):
    page = _page(name, ui_ctx)
    qtbot.addWidget(page)
    page.show()
    views = page.findChildren(QAbstractItemView)
    assert views, f"{name} shows no item view"
    for view in views:
        model = view.model()
        # QTreeWidget's private QTreeModel answers rowCount() for every column of a parent,
        # which the tester's heuristics reject; it is Qt's own model, not ours, and is left out.
        if model is not None and model.metaObject().className() != "QTreeModel":
            qtmodeltester.check(model)
