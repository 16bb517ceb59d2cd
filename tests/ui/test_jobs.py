"""The named background jobs: each runs its service on the workspace it is given and says
what it changed — an import every synced table, conflicts and devices; an export or a report
nothing."""

from __future__ import annotations

from app.services.schools import add_school
from tests.app.sync.helpers import fill
from ui import jobs


def no_progress(done: int, total: int, stage: str) -> None:
    pass


def test_export_then_import_say_what_they_changed(ws, make_workspace, school_id, tmp_path):
    add_school(ws, name="青山区朝阳中学", district="青山区")
    export = jobs.export_bundle(tmp_path / "out.sibundle", kind="full", schools=(),
                                progress=no_progress)
    summary = export.run(ws)
    assert (tmp_path / "out.sibundle").exists() and export.changes(summary).empty
    office = make_workspace("office")
    imported = jobs.import_bundle(tmp_path / "out.sibundle", trust=True, progress=no_progress)
    result = imported.run(office)
    assert result["tables"]["schools"]["added"] == 2
    assert imported.changes(result) == jobs.IMPORTED
    # The actions' stored state was brought up to date on the worker, not left to the GUI.
    assert office.store.scalar("select count(*) from action_dirty") == 0
    assert jobs.IMPORTED.touches("schools", "responses", "conflicts", "devices")


def test_a_report_is_made_and_changes_nothing(ws, mini_inspection):
    fill(ws, mini_inspection)
    job = jobs.make_report(mini_inspection, "en")
    made = job.run(ws)
    assert made.pdf.startswith(b"%PDF") and job.changes(made).empty


def test_demo_data_changes_every_table_the_pages_show(ws):
    job = jobs.load_demo_data(schools=1, inspections=2)
    job.run(ws)
    assert job.changes(None) == jobs.DEMO_DATA
    assert ws.store.scalar("select count(*) from action_state") > 0
    assert ws.store.scalar("select count(*) from action_dirty") == 0
    assert ws.store.scalar("select count(*) from schools where deleted = 0") == 1
