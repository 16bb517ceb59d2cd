"""The sidebar's Conflicts entry counts the open conflicts after an import and goes plain
again when they are decided."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.services import answers, schools
from app.sync.export import export_bundle
from tests.ui.helpers import send

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def conflicts_entry(window):
    return next(window.nav.item(r) for r in range(window.nav.count())
                if window.nav.item(r).data(Qt.ItemDataRole.UserRole) == "conflicts")


def test_badge_counts_conflicts_after_an_import(window, ws, office, mini_inspection,
                                                school_id, tmp_path, qtbot):
    assert conflicts_entry(window).text() == "Conflicts"
    answers.answer_item(ws, mini_inspection, "a.score", "3")
    send(ws, office, tmp_path / "1.sibundle")
    answers.answer_item(ws, mini_inspection, "a.score", "5")
    answers.answer_item(office, mini_inspection, "a.score", "1")
    schools.edit_school(ws, school_id, phone="0571-111")
    schools.edit_school(office, school_id, phone="0571-222")
    path = tmp_path / "2.sibundle"
    export_bundle(office, path)
    sync = window.pages["sync"]
    sync.import_from(path, trust=True)                       # as the Sync page imports
    qtbot.waitUntil(lambda: conflicts_entry(window).text() == "Conflicts  (2)",
                    timeout=20000)
    assert conflicts_entry(window).font().bold()
    page = window.pages["conflicts"]
    page.reload()
    page.list.setCurrentRow(0)
    page.take_theirs.click()
    assert conflicts_entry(window).text() == "Conflicts  (1)"
    page.list.setCurrentRow(0)
    page.take_ours.click()
    assert conflicts_entry(window).text() == "Conflicts"
    assert not conflicts_entry(window).font().bold()
