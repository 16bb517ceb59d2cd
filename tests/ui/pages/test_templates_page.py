"""Templates page: installed templates with their items, and importing a template file —
a bad file is refused with every problem listed and nothing installed."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.conftest import MINI_TEMPLATE
from ui.context import UiContext
from ui.operations import Operations
from ui.pages.templates_page import TemplatesPage


@pytest.fixture
def ctx(ws):
    """Unlike the shared `ctx`, errors open a real message box: the test reads it."""
    return UiContext(ws, Operations())


@pytest.fixture
def page(open_page):
    return open_page(TemplatesPage)


def test_lists_templates_and_shows_sections_and_items(page):
    keys = [r["key"] for r in page.model.rows]
    assert {"mini", "canteen_food_safety", "teacher_ethics"} <= set(keys)
    page.table.selectRow(keys.index("mini"))
    sections = [page.tree.topLevelItem(i) for i in range(page.tree.topLevelItemCount())]
    assert sum(s.childCount() for s in sections) == 7


def test_importing_a_new_version_adds_it_to_the_list(page, ws, tmp_path):
    body = json.loads(MINI_TEMPLATE.read_text(encoding="utf-8"))
    body["version"] = 2
    path = tmp_path / "mini_v2.json"
    path.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    assert page.import_file(str(path)) is not None
    assert ("mini", 2) in [(r["key"], r["version"]) for r in page.model.rows]


# Showing a message box on the offscreen platform logs a harmless size-hint warning.
@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_bad_template_is_refused_with_all_its_problems_shown(page, ws, tmp_path, qtbot):
    body = json.loads(MINI_TEMPLATE.read_text(encoding="utf-8"))
    body["version"] = 3
    body["sections"][0]["items"][0]["type"] = "guess"
    body["sections"][0]["items"][1]["weight"] = "heavy"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    shown = []

    def read_and_close():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(10, read_and_close)

    QTimer.singleShot(0, read_and_close)
    assert page.import_file(str(path)) is None
    assert shown and "a.samples" in shown[0] and "a.score" in shown[0]
    assert ws.store.scalar("select count(*) from templates where key = 'mini' "
                           "and version = 3") == 0
