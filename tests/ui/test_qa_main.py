"""QA walk-through of the main window and list pages as a first-time user: status bar
wording, list separators and plurals, page counts, colours, columns."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.services.actions import raise_action, set_action_status
from app.services.changes import Changes
from app.services.inspections import start_inspection
from app.services.schools import add_school, add_teacher
from tests.ui.helpers import evaluate_teacher
from ui.dialogs.new_inspection import NewInspectionDialog
from ui.i18n import install_translations
from ui.models.inspections_model import COLUMNS
from ui.pages.actions_page import ActionsPage
from ui.pages.ethics_page import EthicsPage
from ui.pages.inspections_page import InspectionsPage
from ui.pages.schools_page import SchoolsPage
from ui.widgets.status import StatusBar


@pytest.fixture
def chinese(qapp):
    install_translations(QApplication.instance(), "zh")
    yield
    install_translations(QApplication.instance(), "en")


def test_status_bar_names_every_synced_table_in_english(ws, qtbot):
    bar = StatusBar()
    qtbot.addWidget(bar)
    bar.changed(ws, Changes(frozenset({"users", "conflicts", "schools"})))
    assert bar.currentMessage().endswith("saved: conflicts, schools, users")


def test_status_bar_names_tables_in_chinese(ws, qtbot, chinese):
    bar = StatusBar()
    qtbot.addWidget(bar)
    tables = ("schools", "teachers", "users", "templates", "inspections", "responses",
              "attachments", "actions", "signatures", "conflicts", "devices")
    bar.changed(ws, Changes(frozenset(tables)))
    message = bar.currentMessage()
    touched = message.split("：", 1)[-1] if "：" in message else message.split(": ", 1)[-1]
    assert not any(c.isascii() and c.isalpha() for c in touched), message
    assert touched.count("、") == len(tables) - 1


@pytest.fixture
def english(qapp):
    """English with its plural forms ("1 school", "2 schools")."""
    install_translations(QApplication.instance(), "en")
    yield


def test_status_bar_counts_use_singular_and_plural(ws, qtbot, english, school_id):
    bar = StatusBar()
    qtbot.addWidget(bar)
    bar.refresh_counts(ws)
    assert bar.counts.text() == "1 school · 0 inspections · 0 open actions"


# -- New inspection dialog --------------------------------------------------------------------
def test_ctrl_n_on_the_schools_page_preselects_the_selected_school(ws, window):
    first = add_school(ws, name="青山区第一小学", district="青山区").created
    second = add_school(ws, name="青山区第二小学", district="青山区").created
    window.operations.changed.emit(Changes.of("schools"))
    window.show_page("schools")
    schools = window.pages["schools"]
    schools.select_school(second)
    dialog = window.new_inspection_dialog()
    assert dialog.school.currentData() == second
    schools.select_school(first)
    assert window.new_inspection_dialog().school.currentData() == first


def template_titles(dialog) -> list[str]:
    return [dialog.template.itemText(i) for i in range(dialog.template.count())]


def test_templates_follow_the_mode_and_show_one_language(ctx, school_id, qtbot):
    dialog = NewInspectionDialog(ctx, school_id=school_id)
    qtbot.addWidget(dialog)
    assert dialog.mode.currentData() == "inspection"
    keys = [dialog.template.itemData(i) for i in range(dialog.template.count())]
    assert "school_comprehensive" in keys and "school_comprehensive_self" not in keys
    title = template_titles(dialog)[keys.index("school_comprehensive")]
    assert "  " not in title and title.endswith(" (v2)") and "·" not in title
    dialog.mode.setCurrentIndex(dialog.mode.findData("self_assessment"))
    keys = [dialog.template.itemData(i) for i in range(dialog.template.count())]
    assert "school_comprehensive_self" in keys and "school_comprehensive" not in keys
    assert "teacher_ethics" not in keys


def test_self_assessment_is_filled_in_by_the_principal(ctx, ws, qtbot):
    school = add_school(ws, name="青山区育英中学", district="青山区", principal="刘校长").created
    dialog = NewInspectionDialog(ctx, school_id=school)
    qtbot.addWidget(dialog)
    label = dialog.form.labelForField(dialog.inspectors)
    assert label.text() == "Inspectors" and dialog.inspectors.text() == ws.actor
    dialog.mode.setCurrentIndex(dialog.mode.findData("self_assessment"))
    assert label.text() == "Filled in by" and dialog.inspectors.text() == "刘校长"
    dialog.mode.setCurrentIndex(dialog.mode.findData("inspection"))
    assert label.text() == "Inspectors" and dialog.inspectors.text() == ws.actor


def test_verifies_preselects_the_newest_finished_self_assessment(ctx, ws, school_id, qtbot):
    def self_assessment(date, status):
        created = start_inspection(ws, school_id=school_id, template="school_comprehensive_self",
                                   mode="self_assessment", visit_date=date).created
        # Test setup: the status a principal reaches by answering every item and completing.
        ws.store.update("inspections", created, {"status": status})
        return created

    older = self_assessment("2026-03-01", "signed")
    newer = self_assessment("2026-05-01", "completed")
    self_assessment("2026-06-01", "draft")  # not finished: not preselected
    dialog = NewInspectionDialog(ctx, school_id=school_id,
                                 template_key="school_comprehensive")
    qtbot.addWidget(dialog)
    assert dialog.verifies.isEnabled()
    assert dialog.verifies.currentData() == newer
    assert dialog.verifies.findData(older) > 0
    other = dialog.template.findData("canteen_food_safety")
    dialog.template.setCurrentIndex(other)  # another checklist: nothing to verify
    assert dialog.verifies.currentData() is None and not dialog.verifies.isEnabled()
    dialog.template.setCurrentIndex(dialog.template.findData("school_comprehensive"))
    dialog.ok_button.click()
    created = dialog.result_changes.created
    assert ws.store.get("inspections", created)["self_assessment_id"] == newer


# -- list pages ---------------------------------------------------------------------------------
def sort_arrow_points_down(table) -> bool:
    """Look at the pixels of the header's sort arrow: wider at the top means ▼."""
    header = table.horizontalHeader()
    column = header.sortIndicatorSection()
    image = header.grab().toImage()
    left = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    right = header.sectionViewportPosition(column) + header.sectionSize(column)
    widths = []
    for y in range(image.height()):
        dark = sum(1 for x in range(left, right) if image.pixelColor(x, y).lightness() < 110)
        if dark:
            widths.append(dark)
    assert len(widths) >= 2, "no sort arrow drawn"
    return widths[0] > widths[-1]


def test_inspections_sort_arrow_and_count_say_what_the_list_shows(ctx, ws, school_id,
                                                                  qtbot, english):
    start_inspection(ws, school_id=school_id, template="mini", visit_date="2026-01-05",
                     inspectors=["张督学", "李督学"])
    start_inspection(ws, school_id=school_id, template="mini", visit_date="2026-02-05")
    page = InspectionsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1000, 300)
    page.show()
    qtbot.waitExposed(page)
    while page.model.canFetchMore():
        page.model.fetchMore()
    assert page.query.filter.descending
    assert [page.model.index(r, 0).data() for r in range(2)] == ["2026-02-05", "2026-01-05"]
    assert sort_arrow_points_down(page.table)  # newest first: ▼
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    while page.model.canFetchMore():
        page.model.fetchMore()
    assert not sort_arrow_points_down(page.table)
    assert page.count.text() == ("2 inspections (teacher-ethics evaluations are on their "
                                 "own page)")
    inspectors = page.model.index(1 if page.query.filter.descending else 0,
                                  COLUMNS.index("inspectors")).data()
    assert inspectors == "张督学, 李督学"


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


def test_ethics_rows_are_coloured_by_grade(ctx, ws, school_id, qtbot):
    teachers = {band: add_teacher(ws, school_id, name=name).created for band, name in
                (("excellent", "甲老师"), ("basic_pass", "乙老师"), ("fail", "丙老师"))}
    evaluate_teacher(ws, school_id, teachers["excellent"], 95)
    evaluate_teacher(ws, school_id, teachers["basic_pass"], 65)
    evaluate_teacher(ws, school_id, teachers["fail"], 95, violated="std.care")
    page = EthicsPage(ctx)
    qtbot.addWidget(page)
    colours = {}
    for band, teacher in teachers.items():
        row = next(n for n, r in enumerate(page.model.rows) if r["teacher_id"] == teacher)
        assert page.model.rows[row]["band"] == band
        colours[band] = page.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole).color()
    assert colours["excellent"].hue() in range(80, 160)    # green
    assert colours["basic_pass"].hue() in range(25, 50)    # amber
    assert colours["fail"].hue() in range(0, 15) or colours["fail"].hue() > 340  # red
    assert colours["basic_pass"] != colours["fail"]


def test_actions_count_and_columns_fit(ctx, ws, mini_inspection, qtbot, english):
    raise_action(ws, mini_inspection, description="补齐留样记录" * 20, due_date="2020-01-31")
    done = raise_action(ws, mini_inspection, description="更换灭火器").created
    set_action_status(ws, done, "resolved")
    page = ActionsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1000, 300)
    page.show()
    qtbot.waitExposed(page)
    assert page.count.text() == "2 actions (1 open), 1 overdue"
    assert not page.table.horizontalScrollBar().isVisible()
    long_row = next(n for n, r in enumerate(page.model.rows) if r["overdue"])
    assert "补齐留样记录" * 20 in page.model.index(long_row, 2).data(
        Qt.ItemDataRole.ToolTipRole)


def test_new_dialogs_speak_chinese(ctx, ws, qtbot, chinese):
    from ui.dialogs.profile_dialog import ProfileDialog
    welcome = ProfileDialog(ctx, first_start=True)
    qtbot.addWidget(welcome)
    assert welcome.windowTitle() == "欢迎使用学校督导"
    assert welcome.role.itemText(0) == "督学"
    school = add_school(ws, name="青山区育英中学", district="青山区", principal="刘校长").created
    dialog = NewInspectionDialog(ctx, school_id=school)
    qtbot.addWidget(dialog)
    dialog.mode.setCurrentIndex(dialog.mode.findData("self_assessment"))
    assert dialog.form.labelForField(dialog.inspectors).text() == "填写人"


def test_inspections_list_shows_the_english_school_name_in_english(ctx, ws, qtbot):
    school = add_school(ws, name="青山区实验小学", name_en="Qingshan Experimental Primary",
                        district="青山区").created
    start_inspection(ws, school_id=school, template="mini")
    ws.set_identity(language="en")
    page = InspectionsPage(ctx)
    qtbot.addWidget(page)
    while page.model.canFetchMore():
        page.model.fetchMore()
    assert page.model.index(0, COLUMNS.index("school")).data() == \
        "Qingshan Experimental Primary"
