"""Labels: a school's English name in the English UI on every page and in the runner's
title, its Chinese name in the Chinese UI, and the Chinese name when it has no English one."""

from __future__ import annotations

import pytest

from app.services import answers, schools
from app.services.inspections import start_inspection
from tests.ui.helpers import make_ctx, runner_widget
from ui.pages.sync_page import SyncPage

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
