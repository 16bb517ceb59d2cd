"""Schools page: a user adds a school through the dialog and finds it in the list, filters
by district and searches, adds a teacher, and opens the school's page with its history."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from app.services.actions import raise_action
from app.services.answers import answer_item
from app.services.changes import Changes
from app.services.inspections import start_inspection
from app.services.schools import add_school
from ui.dialogs.school_dialog import SchoolDialog
from ui.dialogs.teacher_dialog import TeacherDialog
from ui.pages.schools_page import SchoolsPage


@pytest.fixture
def page(open_page):
    return open_page(SchoolsPage)


def type_chinese(widget, text: str) -> None:
    """Chinese arrives through the input method (qtbot.keyClicks handles ASCII only)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def names(page) -> list[str]:
    return [row["name"] for row in page.model.rows]


def test_add_school_through_dialog_then_find_it_in_the_list(ctx, page, qtbot, ws):
    dialog = SchoolDialog(ctx, parent=page)
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    assert "name" in dialog.error.text()
    type_chinese(dialog.name, "河西区实验小学")
    type_chinese(dialog.district.lineEdit(), "河西区")
    qtbot.keyClicks(dialog.code, "33020002")
    dialog.level.setCurrentIndex(dialog.level.findData("primary"))
    type_chinese(dialog.principal, "王艳")
    assert dialog.ok_button.isEnabled() and dialog.error.text() == ""
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    row = ws.store.query("select * from schools where name = '河西区实验小学'")[0]
    assert (row["district"], row["level"], row["code"]) == ("河西区", "primary", "33020002")
    assert "河西区实验小学" in names(page)


def test_dialog_shows_problems_inline_and_keeps_ok_disabled(ctx, qtbot):
    dialog = SchoolDialog(ctx)
    qtbot.addWidget(dialog)
    type_chinese(dialog.name, "育才小学")
    type_chinese(dialog.district.lineEdit(), "青山区")
    qtbot.keyClicks(dialog.phone, "call me")
    assert not dialog.ok_button.isEnabled()
    assert "phone" in dialog.error.text().lower()
    dialog.phone.clear()
    qtbot.keyClicks(dialog.phone, "027-8888 1234")
    assert dialog.ok_button.isEnabled()


def test_search_and_district_filter(page, ws, qtbot):
    add_school(ws, name="青山区育才小学", district="青山区", level="primary")
    add_school(ws, name="青山区朝阳中学", district="青山区", level="junior")
    add_school(ws, name="河西区光明高级中学", district="河西区", level="senior")
    page.on_changes(Changes.of("schools"))
    assert len(names(page)) == 3
    page.district.setCurrentIndex(page.district.findData("河西区"))
    assert names(page) == ["河西区光明高级中学"]
    page.district.setCurrentIndex(0)
    type_chinese(page.search, "朝阳")
    assert names(page) == ["青山区朝阳中学"]
    page.search.clear()
    page.level.setCurrentIndex(page.level.findData("primary"))
    assert names(page) == ["青山区育才小学"]


def test_add_teacher_to_the_selected_school(ctx, page, ws, school_id, qtbot):
    page.reload()
    page.select_school(school_id)
    assert page.add_teacher_button.isEnabled()
    dialog = TeacherDialog(ctx, school_id, parent=page)
    qtbot.addWidget(dialog)
    type_chinese(dialog.name, "李老师")
    type_chinese(dialog.subject, "数学")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert [t["name"] for t in page.teachers.rows] == ["李老师"]


def test_school_page_shows_history_open_actions_and_repeated_findings(page, ws, school_id,
                                                                      qtbot):
    visits = []
    for day in ("2026-03-01", "2026-06-01"):
        inspection = start_inspection(ws, school_id=school_id, template="mini",
                                      visit_date=day).created
        answer_item(ws, inspection, "a.samples", "no")
        visits.append(inspection)
    raise_action(ws, visits[0], description="完善留样记录", due_date="2026-03-15")
    page.reload()
    page.select_school(school_id)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert page.stack.currentWidget() is page.detail
    detail = page.detail
    assert detail.title.text() == "青山区育才小学"
    assert detail.history.rowCount() == 2
    assert [a["description"] for a in detail.actions.rows] == ["完善留样记录"]
    assert detail.actions.rows[0]["overdue"]
    repeated = detail.repeated.rows
    assert [(r["item_key"], r["times"]) for r in repeated] == [("a.samples", 2)]


def test_edit_school_keeps_other_fields_and_updates_the_list(ctx, page, ws, school_id,
                                                             qtbot):
    page.reload()
    school = page.model.rows[page.model.row_of_id(school_id)]
    dialog = SchoolDialog(ctx, school, parent=page)
    qtbot.addWidget(dialog)
    assert dialog.name.text() == "青山区育才小学"
    dialog.name.clear()
    assert not dialog.ok_button.isEnabled()
    type_chinese(dialog.name, "青山区育才实验小学")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    row = ws.store.get("schools", school_id)
    assert (row["name"], row["district"], row["level"]) == ("青山区育才实验小学", "青山区",
                                                          "primary")
    assert "青山区育才实验小学" in names(page)


def test_schools_list_shows_the_english_name_in_english(ctx, ws, qtbot):
    add_school(ws, name="青山区实验小学", name_en="Qingshan Experimental Primary School",
               district="青山区")
    add_school(ws, name="青山区第三小学", district="青山区")
    ws.set_identity(language="en")
    page = SchoolsPage(ctx)
    qtbot.addWidget(page)
    names = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    assert "Qingshan Experimental Primary School" in names and "青山区第三小学" in names
    ws.set_identity(language="zh")
    page = SchoolsPage(ctx)
    qtbot.addWidget(page)
    assert "青山区实验小学" in [page.model.index(r, 0).data()
                          for r in range(page.model.rowCount())]
