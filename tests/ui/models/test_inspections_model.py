"""The inspections model (lazy, keyset-paged) passes pytest-qt's model tester before and
after fetching more rows."""

from __future__ import annotations

from app.services.inspections import start_inspection
from tests.ui.helpers import visit_with_two_actions
from ui.models.inspections_model import InspectionsModel
from ui.state.inspections import InspectionQuery


def test_inspections_model_before_and_after_fetching(ws, data, qtmodeltester):
    model = InspectionsModel(InspectionQuery(ws))
    model.reload()
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 2
    qtmodeltester.check(model)


def test_a_follow_up_visit_is_marked(ws, school_id):
    earlier = visit_with_two_actions(ws, school_id)
    start_inspection(ws, school_id=school_id, template="mini", visit_date="2026-04-01",
                     follow_up_of=earlier)
    model = InspectionsModel(InspectionQuery(ws))
    model.reload()
    while model.canFetchMore():
        model.fetchMore()
    modes = [model.index(r, 3).data() for r in range(model.rowCount())]
    assert sum(1 for m in modes if "·" in m) == 1
