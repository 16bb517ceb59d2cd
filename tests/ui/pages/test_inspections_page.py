"""Inspections list: starting an inspection through the New inspection dialog, filtering,
opening with Enter, lazy loading of a large list, and rows that cannot be loaded."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QDate, Qt

from app.services.actions import raise_action
from app.services.changes import Changes
from app.services.inspections import start_inspection
from app.services.schools import add_school, add_teacher
from ui.dialogs.new_inspection import NewInspectionDialog
from ui.models.inspections_model import COLUMNS, PAGE
from ui.pages.inspections_page import InspectionsPage


@pytest.fixture
def page(open_page):
    return open_page(InspectionsPage)


def loaded_ids(page) -> list[str]:
    model = page.model
    while model.canFetchMore():
        model.fetchMore()
    return [model.id_at(r) for r in range(model.rowCount())]


def test_new_inspection_dialog_starts_a_follow_up_visit(ctx, ws, school_id, qtbot):
    earlier = start_inspection(ws, school_id=school_id, template="mini",
                               visit_date="2026-03-01").created
    raise_action(ws, earlier, description="冰箱温度超标", item_key="b.fridge")
    dialog = NewInspectionDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.school.setCurrentIndex(dialog.school.findData(school_id))
    dialog.template.setCurrentIndex(dialog.template.findData("mini"))
    assert [dialog.mode.itemData(i) for i in range(dialog.mode.count())] == \
        ["inspection", "self_assessment"]
    dialog.date.setDate(QDate(2026, 9, 1))
    dialog.inspectors.clear()
    qtbot.keyClicks(dialog.inspectors, "Zhang, Li")
    dialog.follow_up.setCurrentIndex(dialog.follow_up.findData(earlier))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    created = dialog.result_changes.created
    row = ws.store.get("inspections", created)
    assert (row["school_id"], row["template_key"], row["mode"], row["visit_date"],
            row["follow_up_of"]) == (school_id, "mini", "inspection", "2026-09-01", earlier)
    assert json.loads(row["inspectors"]) == ["Zhang", "Li"]
    carried = ws.store.query("select * from actions where inspection_id = ?", [created])
    assert [a["description"] for a in carried] == ["冰箱温度超标"]


def test_per_teacher_template_needs_a_teacher_before_ok(ctx, ws, school_id, qtbot):
    teacher = add_teacher(ws, school_id, name="李老师").created
    dialog = NewInspectionDialog(ctx, school_id=school_id, template_key="teacher_ethics")
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    assert "teacher" in dialog.error.text()
    dialog.teacher.setCurrentIndex(dialog.teacher.findData(teacher))
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    row = ws.store.get("inspections", dialog.result_changes.created)
    assert (row["teacher_id"], row["template_key"]) == (teacher, "teacher_ethics")


def test_list_excludes_ethics_and_filters_by_status_school_and_search(page, ws, school_id,
                                                                      qtbot):
    other = add_school(ws, name="河西区光明高级中学", district="河西区").created
    teacher = add_teacher(ws, school_id, name="李老师").created
    first = start_inspection(ws, school_id=school_id, template="mini").created
    second = start_inspection(ws, school_id=other, template="mini",
                              inspectors=["Wang"]).created
    start_inspection(ws, school_id=school_id, template="teacher_ethics", teacher_id=teacher)
    ws.store.update("inspections", second, {"status": "completed"})
    page.on_changes(Changes.of("schools"))
    assert sorted(loaded_ids(page)) == sorted([first, second])
    page.status.setCurrentIndex(page.status.findData("completed"))
    assert loaded_ids(page) == [second]
    page.status.setCurrentIndex(0)
    page.school.setCurrentIndex(page.school.findData(school_id))
    assert loaded_ids(page) == [first]
    page.school.setCurrentIndex(0)
    qtbot.keyClicks(page.inspector, "Wang")
    page.apply_filter()
    assert loaded_ids(page) == [second]
    assert page.count.text().startswith("1")


def test_enter_opens_the_selected_inspection(page, ws, mini_inspection, opened, qtbot):
    page.on_changes(Changes.of("inspections"))
    loaded_ids(page)
    page.table.selectRow(0)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened == [mini_inspection]


def test_sorting_by_school_is_an_sql_order(page, ws, qtbot):
    for name in ("B school", "A school", "C school"):
        school = add_school(ws, name=name, district="X").created
        start_inspection(ws, school_id=school, template="mini")
    page.on_changes(Changes.of("schools"))
    page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    loaded_ids(page)
    shown = [page.model.index(r, 1).data() for r in range(page.model.rowCount())]
    assert shown == ["A school", "B school", "C school"]


def insert_many(ws, school_id: str, count: int) -> None:
    """Direct inserts (no service per row) so a big list is quick to build."""
    template = ws.store.query("select id from templates where key = 'mini'")[0]["id"]
    rows = [{"id": f"bulk-{n:06d}", "rev": f"r{n}", "device_id": "bulk", "deleted": 0,
             "template_id": template, "template_key": "mini", "template_version": 1,
             "school_id": school_id, "mode": "inspection", "status": "draft",
             "visit_date": f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}", "inspectors": "[]",
             "created_at": "2026-01-01"} for n in range(count)]
    ws.store.db["inspections"].insert_all(rows)


def test_large_list_is_fetched_a_window_at_a_time(page, ws, school_id):
    insert_many(ws, school_id, 2000)
    page.model.reload()
    model = page.model
    assert model.total == 2000
    assert model.rowCount() == 0 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == PAGE
    model.fetchMore()
    assert model.rowCount() == 2 * PAGE < 2000
    assert model.index(PAGE + 5, 1).data() == "青山区育才小学"
    # Only the painted block of display rows was loaded, not every row.
    assert len(model.pager.cache) < 2 * PAGE


def test_row_that_cannot_be_loaded_shows_disabled(page, ws, mini_inspection):
    page.on_changes(Changes.of("inspections"))
    loaded_ids(page)
    ws.store.db.execute("delete from inspections where id = ?", [mini_inspection])
    page.model.pager.cache.clear()
    index = page.model.index(0, 1)
    assert index.data() == "(could not be loaded)"
    assert not page.model.flags(index) & Qt.ItemFlag.ItemIsEnabled


def test_paging_through_equal_dates_loses_and_repeats_nothing(page, ws, school_id):
    insert_many(ws, school_id, 1000)  # only 28 × 12 distinct dates: many ties
    for column in (0, 4):
        page.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        ids = loaded_ids(page)
        assert len(ids) == len(set(ids)) == 1000


def test_verification_of_a_self_assessment_is_linked(ctx, ws, school_id, qtbot):
    own = start_inspection(ws, school_id=school_id, template="mini",
                           mode="self_assessment").created
    dialog = NewInspectionDialog(ctx, school_id=school_id, template_key="mini")
    qtbot.addWidget(dialog)
    dialog.mode.setCurrentIndex(dialog.mode.findData("self_assessment"))
    assert not dialog.verifies.isEnabled()  # a self-assessment verifies nothing
    dialog.mode.setCurrentIndex(dialog.mode.findData("inspection"))
    assert dialog.verifies.isEnabled()
    dialog.verifies.setCurrentIndex(dialog.verifies.findData(own))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    row = ws.store.get("inspections", dialog.result_changes.created)
    assert row["self_assessment_id"] == own and row["mode"] == "inspection"


def test_list_shows_score_and_a_capped_grade(page, ws, mini_inspection):
    from app.services.answers import answer_item
    answer_item(ws, mini_inspection, "a.samples", "no")  # a red-line item fails
    answer_item(ws, mini_inspection, "a.score", 5)
    page.on_changes(Changes.of("inspections"))
    loaded_ids(page)
    score, grade = page.model.index(0, 5), page.model.index(0, 6)
    assert score.data() != ""
    assert grade.data() == "不合格 ⚠"
    assert "veto" in grade.data(Qt.ItemDataRole.ToolTipRole)


def test_score_and_grade_columns_sort(page, ws, school_id):
    """Score and grade are stored (issue 13), so clicking their headers sorts in SQL."""
    from app.services.answers import answer_item
    for value in (3, 5, 1):
        inspection = start_inspection(ws, school_id=school_id, template="mini").created
        answer_item(ws, inspection, "a.score", value)
    page.on_changes(Changes.of("inspections"))
    page.table.sortByColumn(5, Qt.SortOrder.AscendingOrder)
    loaded_ids(page)
    shown = [float(page.model.index(row, 5).data()) for row in range(3)]
    assert shown == sorted(shown) and len(set(shown)) == 3
    page.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
    loaded_ids(page)
    assert [float(page.model.index(row, 5).data()) for row in range(3)] == shown[::-1]
    assert page.table.horizontalHeader().sortIndicatorSection() == 5
    page.table.sortByColumn(6, Qt.SortOrder.AscendingOrder)
    assert page.table.horizontalHeader().sortIndicatorSection() == 6


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


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_short_columns_show_their_whole_value_and_long_ones_say_it_on_hover(
        qtbot, ws, ctx, lang, request):
    from app.services.demo import DemoBuilder
    from app.services.templates import get_template
    request.getfixturevalue("english" if lang == "en" else "chinese")
    ws.set_identity(language=lang)
    builder = DemoBuilder(ws, seed=8)
    schools = builder.add_schools(3)
    earlier = builder.inspection(schools[0], "canteen_food_safety", "inspection", "signed")
    builder.inspection(schools[0], "canteen_food_safety", "inspection", "in_progress",
                       follow_up_of=earlier)
    for school in schools:
        for template in ("school_comprehensive", "satisfaction_survey", "canteen_food_safety"):
            if get_template(ws, template).fits_level(school["level"]):
                builder.inspection(school, template, "inspection", "completed")
    page = InspectionsPage(ctx)
    qtbot.add_widget(page)
    page.resize(1110, 760)                     # what a 1280×800 window leaves the page
    page.show()
    loaded_ids(page)
    metrics = page.table.fontMetrics()
    for row in range(page.model.rowCount()):
        for column, key in enumerate(COLUMNS):
            index = page.model.index(row, column)
            text = index.data()
            if key in ("visit_date", "mode", "status", "score", "grade"):
                assert metrics.horizontalAdvance(text) + 12 <= page.table.columnWidth(column), \
                    (key, text)
            elif text:
                assert text in index.data(Qt.ItemDataRole.ToolTipRole), (key, text)


def test_a_sort_shows_rows_another_program_wrote_meanwhile(page, ws, school_id):
    """A new sort order counts the same rows, so the count is kept across sorts, but
    never past a change to the database, whoever made it."""
    import sqlite3
    insert_many(ws, school_id, 3)
    page.on_changes(Changes.of("inspections"))
    assert len(loaded_ids(page)) == page.model.total == 3
    other = sqlite3.connect(ws.store.path)          # another process's connection
    with other:
        other.execute("update inspections set deleted = 1 where id = 'bulk-000000'")
    other.close()
    page.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)
    assert page.model.total == 2 and "bulk-000000" not in loaded_ids(page)
    # This window's own connection, written without telling the page.
    ws.store.db.execute("update inspections set deleted = 0 where id = 'bulk-000000'")
    ws.store.conn.commit()
    page.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    assert page.model.total == 3 and "bulk-000000" in loaded_ids(page)


def test_a_sort_keeps_the_filter_count(page, ws, school_id):
    insert_many(ws, school_id, 5)
    ws.store.db.execute("update inspections set status = 'completed' where id = 'bulk-000001'")
    page.on_changes(Changes.of("inspections"))
    page.status.setCurrentIndex(page.status.findData("completed"))
    for column in (0, 1, 4):
        page.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        assert loaded_ids(page) == ["bulk-000001"] and page.model.total == 1
    page.status.setCurrentIndex(0)
    assert len(loaded_ids(page)) == page.model.total == 5
