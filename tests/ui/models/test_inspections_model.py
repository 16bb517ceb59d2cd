"""The inspections model (lazy, keyset-paged) passes pytest-qt's model tester before and
after fetching more rows."""

from __future__ import annotations

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
