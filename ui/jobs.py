"""The background operations of the window, one named line each (as Anki's `CollectionOp`):
what runs on the worker's own workspace and what it changes. `Operations.run_in_background`
runs them; the pages only say which one and what to do with its result.

The heavy modules (reportlab, pyHanko, the bundle code) are imported when a job runs, not
when the window starts."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from app.services.changes import Changes
from app.services.demo import generate_demo
from app.storage.store import SYNCED_TABLES
from ui.operations import Job

Progress = Callable[[int, int, str], None]

# A bundle may bring any synced record, conflicts and a newly trusted device.
IMPORTED = Changes(frozenset(SYNCED_TABLES) | {"conflicts", "devices"})
# Demo data fills every table the pages show.
DEMO_DATA = Changes(frozenset({"schools", "teachers", "users", "templates", "inspections",
                               "responses", "attachments", "actions", "action_events",
                               "action_evidence", "signatures"}))


def settled(ws, result):
    """`result`, once the state stored per corrective action is brought up to date for the
    schools the job touched (app/storage/action_state.py): here, on the worker, and not on
    the GUI thread at the Actions page's or the status bar's next read (a district import
    touching 500 schools recomputes 300,000 actions, seconds of work)."""
    ws.store.refresh_action_state()
    return result


def load_demo_data(schools: int, inspections: int) -> Job:
    return Job(lambda ws: settled(ws, generate_demo(ws, schools=schools,
                                                    inspections=inspections)),
               changes=lambda _: DEMO_DATA)


def export_bundle(path: Path, *, kind: str, schools: Iterable[str], progress: Progress) -> Job:
    def run(ws):
        from app.sync.export import export_bundle as export
        return export(ws, path, kind=kind, schools=schools, progress=progress)
    return Job(run)


def import_bundle(path: Path, *, trust: bool, progress: Progress) -> Job:
    def run(ws):
        from app.sync.importer import import_bundle as import_
        return settled(ws, import_(ws, path, trust=trust, progress=progress))
    return Job(run, changes=lambda _: IMPORTED)


def make_report(inspection_id: str, lang: str) -> Job:
    def run(ws):
        from app.reports.service import make_report as make
        return make(ws, inspection_id, lang=lang)
    return Job(run)


def district_summary(district: str, start: str, end: str, lang: str) -> Job:
    def run(ws):
        from app.reports.summary import build_summary
        return build_summary(ws, district, start, end, lang)
    return Job(run)


def make_document(kind: str, inspection_id: str, lang: str) -> Job:
    """督导意见书 or 整改通知书 of an inspection (signed when the inspection is)."""
    def run(ws):
        from app.reports.documents import make_document as make
        return make(ws, kind, inspection_id, lang=lang)
    return Job(run)


def rectification_ledger(lang: str) -> Job:
    """The 整改台账 of every school as a PDF."""
    def run(ws):
        from app.reports.ledger import gather_ledger, render_ledger
        return render_ledger(gather_ledger(ws, lang=lang))
    return Job(run)
