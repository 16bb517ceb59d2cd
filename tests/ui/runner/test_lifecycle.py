"""Amend, delete and resume from the window: a signed inspection is amended with a reason
and must be signed again; a mistaken draft is deleted from the runner or the Inspections
page (asked first, never a signed one); a draft reopens at its first unanswered item."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

import pytest

from app.services.answers import answer_item
from app.services.inspections import complete_inspection
from app.services.signoff import sign_off
from tests.ui.helpers import answer_every_mini_item
from ui.main_window import RUNNER

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def answer_next_box(button):
    """Answer the message box that the next click opens (it runs its own event loop)."""
    def answer():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        box.button(button).click()
    QTimer.singleShot(0, answer)


def signed(ws, inspection_id):
    answer_every_mini_item(ws, inspection_id)
    complete_inspection(ws, inspection_id)
    sign_off(ws, inspection_id, signer="张督学", role="inspector")
    sign_off(ws, inspection_id, signer="李校长", role="principal")
    return inspection_id


def test_amend_a_signed_inspection_from_the_runner(window, ws, qtbot, mini_inspection):
    window.ctx.open_inspection(signed(ws, mini_inspection))
    header = window.runner.header
    assert header.amend_button.isVisibleTo(window) and not header.delete_button.isVisibleTo(
        window)
    qtbot.mouseClick(header.amend_button, Qt.MouseButton.LeftButton)
    dialog = window.runner.amend_dialog
    dialog.accept()                                          # no reason: refused
    assert dialog.error.isVisibleTo(dialog) and dialog.result() == 0
    qtbot.keyClicks(dialog.reason, "fridge reading typed wrongly")
    assert not dialog.error.isVisibleTo(dialog)              # the message clears
    dialog.accept()
    row = ws.store.get("inspections", mini_inspection)
    assert row["status"] == "in_progress"
    audit = ws.store.query("select detail from audit_log where action = 'inspection.amend'")
    assert "fridge reading typed wrongly" in audit[0]["detail"]
    assert not window.runner.read_only and header.complete_button.isVisibleTo(window)
    answer_item(ws, mini_inspection, "b.fridge", 4)          # changes are possible again


def test_delete_a_draft_from_the_runner(window, ws, qtbot, mini_inspection):
    window.ctx.open_inspection(mini_inspection)
    header = window.runner.header
    assert header.delete_button.isVisibleTo(window) and not header.amend_button.isVisibleTo(
        window)
    answer_next_box(QMessageBox.StandardButton.No)
    qtbot.mouseClick(header.delete_button, Qt.MouseButton.LeftButton)
    assert ws.store.get("inspections", mini_inspection) is not None
    answer_next_box(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(header.delete_button, Qt.MouseButton.LeftButton)
    assert ws.store.get("inspections", mini_inspection) is None
    assert window.runner is None and window.current_page_key() == "inspections"
    assert window.pages["inspections"].model.total == 0


def test_delete_from_the_inspections_page_refuses_a_signed_one(window, ws, qtbot,
                                                               mini_inspection):
    signed(ws, mini_inspection)
    window.show_page("inspections")
    window.show()
    qtbot.waitExposed(window)
    page = window.pages["inspections"]
    page.model.fetchMore()                                   # as the view does when painted
    page.table.selectRow(0)
    errors = []
    window.operations.report = lambda exc, parent=None: errors.append(str(exc))
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)   # no question asked
    assert ws.store.get("inspections", mini_inspection)["status"] == "signed"
    assert "cannot be deleted" in errors[-1]


def test_a_draft_reopens_at_its_first_unanswered_item(window, ws, mini_inspection):
    for key, value in (("a.samples", "yes"), ("a.score", 3), ("b.fridge", 4)):
        answer_item(ws, mini_inspection, key, value)
    window.ctx.open_inspection(mini_inspection)
    assert window.current_page_key() == RUNNER
    assert window.runner.current_key == "a.rating"
    assert window.runner.section_list.currentItem().data(0, Qt.ItemDataRole.UserRole) == \
        "a.rating"
