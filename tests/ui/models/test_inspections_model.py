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


def _all_ids(query: InspectionQuery) -> list[str]:
    ids, after = [], None
    while page := query.ids(2, after):
        ids += [i for i, _ in page]
        after = page[-1]
    return ids


def test_the_count_and_the_pages_agree_for_every_filter(ws, data, school_id):
    from app.services.demo import DemoBuilder
    from ui.state.inspections import InspectionFilter
    builder = DemoBuilder(ws, seed=4)
    school = builder.add_schools(1)[0]
    builder.inspection(school, "teacher_ethics", "inspection", "completed")
    builder.inspection(school, "canteen_food_safety", "inspection", "signed")
    filters = [InspectionFilter(), InspectionFilter(include_ethics=True),
               InspectionFilter(status="draft"), InspectionFilter(template_key="mini"),
               InspectionFilter(school_id=school_id), InspectionFilter(date_from="2021-01-01"),
               InspectionFilter(date_to="2021-01-01", order="school"),
               InspectionFilter(search="光明"), InspectionFilter(search="mini", status="draft"),
               InspectionFilter(inspector=builder.ws.store.query(
                   "select inspectors from inspections where inspectors != '[]' "
                   "limit 1")[0]["inspectors"][2:4], order="template")]
    for flt in filters:
        query = InspectionQuery(ws, flt)
        assert query.count() == len(_all_ids(query)), flt


def test_the_count_without_a_search_reads_only_the_inspections_index(ws, data):
    from ui.state.inspections import InspectionFilter
    plan = {}
    for search in ("", "光明"):
        sql, params = InspectionQuery(ws, InspectionFilter(search=search))._where(counting=True)
        plan[search] = " ".join(r["detail"] for r in ws.store.query(
            f"explain query plan select count(*) {sql}", params))
    assert "COVERING INDEX" in plan[""] and "schools" not in plan[""]
    assert "inspection_scores" not in plan[""] and "teachers" not in plan[""]
    assert "schools" in plan["光明"]          # a search looks into the joined names
