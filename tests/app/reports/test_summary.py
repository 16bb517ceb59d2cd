"""The district summary counts what the district office asks for."""

from __future__ import annotations

from app.reports.summary import gather_summary
from app.services.actions import list_actions


def test_summary_counts_inspections_grades_failures_and_overdue_actions(demo_ws):
    district = demo_ws.cases["district"]
    summary = gather_summary(demo_ws, district, "2000-01-01", "2099-12-31", "zh",
                             today="2099-12-31")
    done = demo_ws.store.query(
        "select count(*) as n from inspections i join schools s on s.id = i.school_id "
        "where s.district = ? and i.status in ('completed', 'signed')", [district])[0]["n"]
    assert summary.done == done > 0
    assert sum(n for _, n in summary.grades) == done
    assert sum(n for _, n in summary.by_template) == done
    assert summary.most_failed and all(n >= 1 for *_, n in summary.most_failed)
    counts = [n for _, n, _, _ in summary.overdue]
    # The summary counts what the Actions page shows as overdue: the one rule, one "today".
    overdue = list_actions(demo_ws, district=district, overdue_only=True, today="2099-12-31")
    assert sum(counts) == len(overdue) > 0
    assert all(a["status"] in ("pending", "in_progress", "not_rectified") for a in overdue)


def test_period_without_inspections_is_empty(demo_ws):
    summary = gather_summary(demo_ws, demo_ws.cases["district"], "1990-01-01", "1990-12-31",
                             "en", today="1990-12-31")
    assert summary.done == 0 and summary.grades == [] and summary.overdue == []
