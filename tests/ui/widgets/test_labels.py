"""Labels: a school's English name in the English UI on every page and in the runner's
title, its Chinese name in the Chinese UI, and the Chinese name when it has no English one;
district and subject names in English where the data has them (never a guess); statuses,
modes and severities as on the report."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.services import answers, schools
from app.services.inspections import start_inspection
from app.services.names_en import SUBJECTS_EN, district_en
from tests.ui.helpers import make_ctx, runner_widget
from ui.pages.sync_page import SyncPage
from ui.widgets import labels

# The offscreen platform says this for every top-level window; it is not our warning.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def named_school(ws) -> str:
    """A school with an English name, visited once, with an action raised."""
    from app.services.actions import raise_action
    school = schools.add_school(ws, name="青山区实验小学", name_en="Qingshan Experimental "
                                "Primary School", district="青山区").created
    inspection = start_inspection(ws, school_id=school, template="mini",
                                  visit_date="2026-05-01").created
    answers.answer_item(ws, inspection, "a.score", "3")
    raise_action(ws, inspection, description="补齐留样记录")
    return school


ENGLISH_NAME = "Qingshan Experimental Primary School"


def combo_texts(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def school_name_views(ws, qtbot, lang) -> dict[str, list[str]]:
    """What each page shows for the school, page by page."""
    from ui.pages.actions_page import ActionsPage
    from ui.pages.ethics_page import EthicsPage
    from ui.pages.reports_page import ReportsPage
    ctx = make_ctx(ws, lang)
    actions, ethics, sync, reports = (ActionsPage(ctx), EthicsPage(ctx), SyncPage(ctx),
                                      ReportsPage(ctx))
    for page in (actions, ethics, sync, reports):
        qtbot.addWidget(page)
    model = actions.model
    return {"actions": [model.index(r, 1).data() for r in range(model.rowCount())],
            "actions filter": combo_texts(actions.school)[1:],
            "ethics": combo_texts(ethics.school),
            "sync": [sync.schools.item(i).text() for i in range(sync.schools.count())],
            "reports": combo_texts(reports.inspection)}


def runner_title(ws, qtbot, lang) -> str:
    from PySide6.QtWidgets import QLabel
    inspection = ws.store.query("select id from inspections")[0]["id"]
    runner = runner_widget(qtbot, make_ctx(ws, lang), inspection)
    return runner.header.findChild(QLabel, "runnerTitle").text()


def test_the_english_ui_shows_english_school_names(ws, named_school, qtbot, english):
    views = school_name_views(ws, qtbot, "en")
    for page, texts in views.items():
        assert len(texts) == 1 and ENGLISH_NAME in texts[0], (page, texts)
        assert "青山区实验小学" not in texts[0], (page, texts)
    assert runner_title(ws, qtbot, "en").endswith("— " + ENGLISH_NAME)


def test_the_chinese_ui_keeps_chinese_school_names(ws, named_school, qtbot, chinese):
    for page, texts in school_name_views(ws, qtbot, "zh").items():
        assert len(texts) == 1 and "青山区实验小学" in texts[0], (page, texts)
    assert runner_title(ws, qtbot, "zh").endswith("— 青山区实验小学")


def test_without_an_english_name_the_english_ui_shows_the_chinese_one(ws, school_id, qtbot,
                                                                     english):
    start_inspection(ws, school_id=school_id, template="mini")
    assert runner_title(ws, qtbot, "en").endswith("— 青山区育才小学")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_statuses_modes_and_severities_read_as_on_the_report(qapp, lang):
    from app.reports.labels import labels_for
    from ui.i18n import install_translations
    from ui.widgets import labels
    install_translations(qapp, lang)
    try:
        report = labels_for(lang)
        assert labels.inspection_status("in_progress") == report["status_in_progress"]
        assert labels.mode("self_assessment") == report["mode_self_assessment"]
        assert [labels.severity(s) for s in ("low", "medium", "high")] == \
            [report["severity_low"], report["severity_medium"], report["severity_high"]]
    finally:
        install_translations(qapp, "en")
    assert labels.severity("high") == "High"


def test_action_statuses_read_as_on_the_report_in_chinese(qapp):
    from app.domain.status import ACTION_STATUSES
    from app.reports.labels import labels_for
    from ui.i18n import install_translations
    from ui.widgets import labels
    install_translations(qapp, "zh")
    try:
        assert [labels.action_status(s) for s in ACTION_STATUSES] == \
            [labels_for("zh")[f"action_{s}"] for s in ACTION_STATUSES]
    finally:
        install_translations(qapp, "en")
    assert labels.action_status("in_progress") == "Rectifying"   # not the inspection's word


def test_districts_and_subjects_read_english_in_the_english_ui():
    assert labels.district("青山区", "en") == "Qingshan District"
    assert labels.district("青山区", "zh") == "青山区"
    assert labels.subject("数学", "en") == "Mathematics"
    assert labels.subject("数学", "zh") == "数学"


def test_unknown_names_stay_as_they_are():
    assert district_en("不存在区") is None
    assert labels.district("不存在区", "en") == "不存在区"
    assert labels.subject("书法", "en") == "书法"
    assert labels.district(None, "en") == "" and labels.subject(None, "en") == ""
    assert all(name.isascii() for name in SUBJECTS_EN.values())


def test_the_schools_page_shows_english_district_and_subject(ctx, ws, qtbot):
    from app.services.schools import add_school, add_teacher
    from ui.pages.schools_page import SchoolsPage
    ws.set_identity(language="en")
    school = add_school(ws, name="青山区育才小学", name_en="Qingshan Yucai Primary",
                        district="青山区", level="primary").created
    add_teacher(ws, school, name="王芳", subject="数学")
    page = SchoolsPage(ctx)
    qtbot.addWidget(page)
    model = page.table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert model.index(0, headers.index("District")).data() == "Qingshan District"
    assert page.district.findText("Qingshan District") > 0     # the filter too
    page.table.selectRow(0)                                      # its teachers are listed
    assert page.teachers.index(0, 1).data() == "Mathematics"
