"""Teacher ethics page: per school, each teacher's latest evaluation with its grade and the
reason; a red-line violation gives 不合格 whatever the scores; the school summary counts
teachers per grade; "Evaluate teacher" starts an evaluation and opens it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.services.schools import add_teacher
from app.services.templates import get_template
from tests.ui.helpers import evaluate_teacher
from ui.pages.ethics_page import EthicsPage


@pytest.fixture
def teachers(ws, school_id):
    return [add_teacher(ws, school_id, name=name, subject="数学").created
            for name in ("李老师", "王老师")]


@pytest.fixture
def page(open_page, teachers):
    return open_page(EthicsPage)


def row_of(page, teacher_id) -> dict:
    return next(r for r in page.model.rows if r["teacher_id"] == teacher_id)


def test_red_line_gives_fail_with_reason_and_summary(page, ws, school_id, teachers):
    evaluate_teacher(ws, school_id, teachers[0], violated="std.care")
    evaluate_teacher(ws, school_id, teachers[1])
    page.reload()
    failed, good = row_of(page, teachers[0]), row_of(page, teachers[1])
    assert failed["grade"] == "不合格" and failed["total"] > 90
    reason = page.model.index(page.model.row_of_id(teachers[0]), 6).data()
    assert get_template(ws, "teacher_ethics").item("std.care").short_label("zh") in reason
    assert good["grade"] == "优秀"
    assert "优秀: 1" in page.summary.text() and "不合格: 1" in page.summary.text()


def test_evaluate_teacher_starts_an_ethics_evaluation_and_opens_it(page, ws, teachers,
                                                                   opened, qtbot):
    page.table.selectRow(page.model.row_of_id(teachers[1]))
    qtbot.mouseClick(page.evaluate_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1
    row = ws.store.get("inspections", opened[0])
    assert (row["teacher_id"], row["template_key"]) == (teachers[1], "teacher_ethics")
    assert row_of(page, teachers[1])["inspection_id"] == opened[0]


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


def test_english_subjects_and_statuses_fit_their_columns(open_page, ws, english):
    from app.services.names_en import SUBJECTS_EN
    ws.set_identity(language="en")
    page = open_page(EthicsPage)
    metrics = page.table.fontMetrics()
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(page.model.columnCount())]
    subject = headers.index("Subject")
    widest = max(metrics.horizontalAdvance(name) for name in SUBJECTS_EN.values())
    assert widest + 12 <= page.table.columnWidth(subject)
