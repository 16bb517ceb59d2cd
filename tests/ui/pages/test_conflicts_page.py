"""Conflicts page: ours and theirs side by side per field; take ours / theirs / an edited
value writes a decision that syncs back."""

from __future__ import annotations

import json

import pytest

from app.services import answers, schools
from app.sync.conflicts import list_conflicts
from tests.ui.helpers import make_ctx, send
from ui.context import UiContext
from ui.operations import Operations
from ui.pages.conflicts_page import ConflictsPage

# The offscreen platform says this for every top-level window; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def conflicts(ws, office, mini_inspection, school_id, tmp_path):
    answers.answer_item(ws, mini_inspection, "a.score", "3")
    send(ws, office, tmp_path / "1.sibundle")
    answers.answer_item(ws, mini_inspection, "a.score", "5")
    answers.answer_item(office, mini_inspection, "a.score", "1")
    schools.edit_school(ws, school_id, phone="0571-111")
    schools.edit_school(office, school_id, phone="0571-222")
    send(office, ws, tmp_path / "2.sibundle")
    return list_conflicts(ws)


@pytest.fixture
def page(ws, conflicts, qtbot):
    operations = Operations()
    operations.show_errors = False
    page = ConflictsPage(UiContext(ws, operations))
    qtbot.addWidget(page)
    operations.changed.connect(page.on_changes)
    return page


def select(page, table):
    page.list.setCurrentRow([c["table_name"] for c in page.conflicts].index(table))


def cells(page, row):
    return [page.fields.item(row, c).text() for c in range(4)]


def test_both_sides_are_shown_field_by_field(page, conflicts):
    assert page.list.count() == 2 and not page.empty.isVisible()
    texts = sorted(page.list.item(n).text() for n in range(page.list.count()))
    assert texts[0].startswith("Answer: 青山区育才小学 · ")
    assert texts[1] == "School: 青山区育才小学"
    select(page, "responses")
    assert cells(page, 0) == ["Answer", "5 / 5", "1 / 5", "5 / 5"]   # scores in words
    select(page, "schools")
    assert cells(page, 0) == ["Phone", "0571-111", "0571-222", "0571-111"]


def test_take_theirs_and_edited_value_resolve_and_sync_back(page, ws, office,
                                                            mini_inspection, school_id,
                                                            tmp_path):
    select(page, "responses")
    page.take_theirs.click()
    assert answers.answers_of(ws, mini_inspection)["a.score"] == 1
    assert page.list.count() == 1
    page.list.setCurrentRow(0)
    page.fields.item(0, 3).setText("0571-333")
    page.save_edited.click()
    assert ws.store.get("schools", school_id)["phone"] == "0571-333"
    assert page.list.count() == 0 and not page.empty.isHidden()
    send(ws, office, tmp_path / "3.sibundle")
    assert office.store.get("schools", school_id)["phone"] == "0571-333"
    assert json.loads(office.store.get(
        "responses", answers.response_id(mini_inspection, "a.score"))["value"]) == 1
    assert not list_conflicts(office)


def test_keep_ours(page, ws, mini_inspection):
    select(page, "responses")
    page.take_ours.click()
    assert answers.answers_of(ws, mini_inspection)["a.score"] == 5
    assert len(list_conflicts(ws)) == 1


@pytest.fixture
def deletion_conflict(ws, office, mini_inspection, tmp_path) -> dict:
    """The office removed a photo of an inspection that was signed here meanwhile."""
    from tests.app.sync.helpers import fill, png
    from app.services import evidence, inspections, signoff
    fill(ws, mini_inspection)
    send(ws, office, tmp_path / "1.sibundle")
    photo = evidence.attachments_of(office, mini_inspection)[0]["id"]
    evidence.remove_attachment(office, photo)
    inspections.complete_inspection(ws, mini_inspection)
    signoff.sign_off(ws, mini_inspection, signer="张督学", image_png=png((0, 0, 0)))
    send(office, ws, tmp_path / "2.sibundle")
    return next(c for c in list_conflicts(ws) if c["table_name"] == "attachments")


def conflicts_page(ws, qtbot, lang="en"):
    page = ConflictsPage(make_ctx(ws, lang))
    qtbot.addWidget(page)
    return page


def deleted_row(page, conflict) -> list[str]:
    page.list.setCurrentRow([c["id"] for c in page.conflicts].index(conflict["id"]))
    row = conflict["fields"].index("deleted")
    return [page.fields.item(row, c).text() for c in range(4)]


def test_a_deletion_conflict_reads_deleted_and_present(ws, deletion_conflict, qtbot):
    page = conflicts_page(ws, qtbot)
    assert deleted_row(page, deletion_conflict) == ["Deleted", "present", "deleted", "present"]


def test_a_deletion_conflict_in_chinese(ws, deletion_conflict, qtbot, chinese):
    page = conflicts_page(ws, qtbot, "zh")
    assert deleted_row(page, deletion_conflict)[1:3] == ["存在", "已删除"]


def resolve_deleted_as(page, conflict, typed: str) -> None:
    """Type `typed` as the edited value of Deleted and keep it."""
    deleted_row(page, conflict)
    page.fields.item(conflict["fields"].index("deleted"), 3).setText(typed)
    page.resolve("edited")


def test_typing_deleted_as_the_edited_value_deletes(ws, deletion_conflict, qtbot,
                                                    mini_inspection):
    from app.services.inspections import amend_inspection
    # The photo belongs to an inspection signed here: only an amendment lets the edit in.
    amend_inspection(ws, mini_inspection, "采纳督导室删除的照片")
    resolve_deleted_as(conflicts_page(ws, qtbot), deletion_conflict, "deleted")
    assert ws.store.get("attachments", deletion_conflict["record_id"])["deleted"] == 1
    assert not list_conflicts(ws)


def test_deleting_a_signed_photo_through_the_conflict_editor_is_refused(
        ws, deletion_conflict, qtbot):
    resolve_deleted_as(conflicts_page(ws, qtbot), deletion_conflict, "deleted")
    assert ws.store.get("attachments", deletion_conflict["record_id"])["deleted"] == 0
    assert len(list_conflicts(ws)) == 1


def test_an_unknown_edited_deleted_value_is_refused(ws, deletion_conflict, qtbot):
    resolve_deleted_as(conflicts_page(ws, qtbot), deletion_conflict, "maybe")
    assert len(list_conflicts(ws)) == 1
    assert ws.store.get("attachments", deletion_conflict["record_id"])["deleted"] == 0


# -- a clerk can decide: context, who and when, values in words, only valid values ----------
@pytest.fixture
def action_conflict(ws, office, mini_inspection, tmp_path) -> dict:
    """Both laptops changed the severity of the same corrective action."""
    from app.services.actions import edit_action, raise_action
    office.set_identity(name="王主任")
    action = raise_action(ws, mini_inspection, description="公示收费标准",
                          item_key="a.samples", severity="high").created
    send(ws, office, tmp_path / "1.sibundle")
    edit_action(ws, action, severity="medium")
    edit_action(office, action, severity="low")
    send(office, ws, tmp_path / "2.sibundle")
    return next(c for c in list_conflicts(ws) if c["table_name"] == "actions")


def test_an_action_conflict_names_school_inspection_item_and_action(ws, action_conflict,
                                                                    qtbot):
    page = conflicts_page(ws, qtbot)
    page.list.setCurrentRow([c["id"] for c in page.conflicts].index(action_conflict["id"]))
    item = page.list.currentItem().text()
    assert item.startswith("Corrective action: 青山区育才小学 · 公示收费标准")
    assert "fin." not in item and "a.samples" not in item
    about = page.about.text()
    assert "School: 青山区育才小学" in about and "Item: Samples kept" in about
    assert "Inspection: Mini check of 20" in about and "(Draft)" in about
    assert "Corrective action: 公示收费标准" in about
    from ui.widgets import labels
    row = action_conflict["fields"].index("severity")
    assert [page.fields.item(row, c).text() for c in range(3)] == [
        "Severity", labels.severity("medium"), labels.severity("low")]   # words, not codes
    sides = page.sides.text().splitlines()
    assert sides[0].startswith("Ours: changed by 张督学 (this device) at 20")
    assert sides[1].startswith("Theirs: changed by ") and "this device" not in sides[1]


def test_the_editor_offers_only_valid_values(ws, action_conflict, qtbot):
    from PySide6.QtWidgets import QAbstractItemDelegate, QComboBox
    from app.domain.status import ACTION_SEVERITIES
    page = conflicts_page(ws, qtbot)
    page.show()
    page.list.setCurrentRow([c["id"] for c in page.conflicts].index(action_conflict["id"]))
    row = action_conflict["fields"].index("severity")
    page.fields.editItem(page.fields.item(row, 3))
    combo = page.fields.findChild(QComboBox, "conflictChoice")
    assert combo is not None and not combo.isEditable()
    from ui.widgets import labels
    assert [combo.itemText(i) for i in range(combo.count())] == [
        labels.severity(code) for code in ACTION_SEVERITIES]      # exactly the valid ones
    combo.setCurrentIndex(combo.findText(labels.severity("high")))
    page.fields.commitData(combo)
    page.fields.closeEditor(combo, QAbstractItemDelegate.EndEditHint.NoHint)
    assert page.fields.item(row, 3).text() == labels.severity("high")
    page.save_edited.click()
    assert ws.store.get("actions", action_conflict["record_id"])["severity"] == "high"
    assert not [c for c in list_conflicts(ws) if c["table_name"] == "actions"]


def test_a_typed_value_outside_the_list_is_refused(ws, action_conflict, qtbot):
    page = conflicts_page(ws, qtbot)
    page.list.setCurrentRow([c["id"] for c in page.conflicts].index(action_conflict["id"]))
    row = action_conflict["fields"].index("severity")
    page.fields.item(row, 3).setText("catastrophic")
    page.resolve("edited")
    assert ws.store.get("actions", action_conflict["record_id"])["severity"] == "medium"
    assert [c for c in list_conflicts(ws) if c["table_name"] == "actions"]
