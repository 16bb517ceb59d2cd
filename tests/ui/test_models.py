"""Every Qt item model of the main window passes pytest-qt's model tester (with rows, empty,
and after a lazy fetch)."""

from __future__ import annotations

import pytest

from app.services.actions import raise_action
from app.services.inspections import start_inspection
from app.services.schools import add_school
from ui.models.inspections_model import InspectionsModel
from ui.models.rows_model import Column, RowsModel
from ui.pages.actions_page import ActionsPage
from ui.pages.ethics_page import EthicsPage
from ui.pages.schools_page import SchoolsPage
from ui.pages.templates_page import TemplatesPage
from ui.state.inspections import InspectionQuery


@pytest.fixture
def data(ws, school_id, mini_inspection):
    add_school(ws, name="河西区光明高级中学", district="河西区", level="senior")
    start_inspection(ws, school_id=school_id, template="mini", visit_date="2026-01-05")
    ws.store.update("inspections", mini_inspection, {"visit_date": "2020-01-02"})
    raise_action(ws, mini_inspection, description="补齐留样记录", due_date="2020-01-31")


def test_rows_model_empty_and_filled(qtmodeltester):
    model = RowsModel([Column("Name", lambda r: r["name"]),
                       Column("N", lambda r: r["n"], align_right=True)])
    qtmodeltester.check(model)
    model.set_rows([{"id": "1", "name": "甲", "n": 1}, {"id": "2", "name": "乙", "n": None}])
    qtmodeltester.check(model)


def test_inspections_model_before_and_after_fetching(ws, data, qtmodeltester):
    model = InspectionsModel(InspectionQuery(ws))
    model.reload()
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 2
    qtmodeltester.check(model)


@pytest.mark.parametrize("page_class", [SchoolsPage, ActionsPage, EthicsPage, TemplatesPage])
def test_page_models(ctx, data, page_class, qtbot, qtmodeltester):
    page = page_class(ctx)
    qtbot.addWidget(page)
    assert page.model.rowCount() > 0 or page_class is EthicsPage
    qtmodeltester.check(page.model)


def test_school_detail_models(ctx, data, school_id, qtbot, qtmodeltester):
    page = SchoolsPage(ctx)
    qtbot.addWidget(page)
    page.show_school(school_id)
    for model in (page.detail.history, page.detail.actions, page.detail.repeated,
                  page.teachers):
        qtmodeltester.check(model)
