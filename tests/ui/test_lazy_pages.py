"""Start-up does only what the first screen needs: pages are built when first shown, data
changes reach only built pages, and SCHOOL_INSPECT_BENCH_EXIT=first-paint exits 0 once the
Inspections list painted its rows (what the start-up benchmark times)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.services.changes import Changes
from app.services.inspections import start_inspection

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_only_the_page_shown_is_built(window):
    window.show_page("schools")
    built = {key for key in ("schools", "inspections", "actions", "reports")
             if window.pages.is_built(key)}
    assert built == {"schools"}
    window.show_page("actions")
    assert window.pages.is_built("actions")
    assert window.stack.currentWidget() is window.pages["actions"]
    assert not window.pages.is_built("reports")


def test_changes_reach_built_pages_only_and_a_later_page_reads_fresh_data(window, ws,
                                                                          school_id):
    window.show_page("schools")
    window.route_changes(Changes({"inspections"}))
    assert not window.pages.is_built("inspections")
    template = ws.store.scalar("select id from templates where kind = 'inspection' limit 1")
    start_inspection(ws, school_id=school_id, template=template)
    page = window.pages["inspections"]  # asking for a page builds it, with today's data
    assert page.model.total == 1


def test_bench_exit_quits_with_0_after_the_list_painted(ws, school_id):
    template = ws.store.scalar("select id from templates where kind = 'inspection' limit 1")
    start_inspection(ws, school_id=school_id, template=template)
    home = ws.paths.home
    ws.close()
    environment = {**os.environ, "SCHOOL_INSPECT_HOME": str(home),
                   "SCHOOL_INSPECT_BENCH_EXIT": "first-paint", "QT_QPA_PLATFORM": "offscreen",
                   "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", "import sys; from app.cli import main; "
                           "sys.exit(main([]))"], env=environment, timeout=120,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


# Run in a fresh process: the modules loaded at the moment the list has painted its rows.
PAINTED_PROBE = """
import sys
import ui.bench_exit as bench_exit
decide = bench_exit._FirstPaint.eventFilter
def spy(self, watched, event):
    was = self.done
    result = decide(self, watched, event)
    if self.done and not was:
        print("LOADED " + " ".join(sorted(sys.modules)))
    return result
bench_exit._FirstPaint.eventFilter = spy
from app.cli import main
sys.exit(main([]))
"""

# Needed later, if at all: the runner, the other pages and dialogs, demo data, sqlite-utils
# (migrations), cryptography (keys and the signing certificate: read when first used), the
# template catalogue (built-in versions are installed after the first paint), SQLCipher (an
# encrypted profile only) and the package metadata (the UI is started by name).
NOT_BEFORE_FIRST_PAINT = {
    "sqlcipher3", "importlib.metadata",
    "sqlite_utils", "cryptography", "ui.runner.runner", "ui.pages.actions_page",
    "ui.pages.schools_page", "ui.pages.reports_page", "ui.pages.sync_page",
    "ui.pages.conflicts_page", "ui.pages.ethics_page", "ui.pages.templates_page",
    "ui.dialogs.new_inspection", "ui.dialogs.profile_dialog", "app.services.demo",
    "app.services.templates", "reportlab", "PIL"}


def test_the_first_painted_rows_need_no_other_page_runner_or_certificate(ws, school_id):
    from ui.state.inspections import InspectionQuery
    template = ws.store.scalar("select id from templates where kind = 'inspection' limit 1")
    start_inspection(ws, school_id=school_id, template=template)
    InspectionQuery(ws).count()   # stored scores up to date, as a list shown before left them
    home = ws.paths.home
    ws.close()
    environment = {**os.environ, "SCHOOL_INSPECT_HOME": str(home),
                   "SCHOOL_INSPECT_BENCH_EXIT": "first-paint", "QT_QPA_PLATFORM": "offscreen",
                   "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", PAINTED_PROBE], env=environment,
                          timeout=120, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    line = next(line for line in done.stdout.splitlines() if line.startswith("LOADED "))
    loaded = set(line.split()[1:])
    assert "ui.pages.inspections_page" in loaded   # the probe saw the list's paint
    assert loaded & NOT_BEFORE_FIRST_PAINT == set()


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_after_the_first_paint_the_rest_of_the_start_up_runs(prepared_db, tmp_path, qtbot,
                                                             monkeypatch):
    """The launcher opens the profile without installing built-in templates or checking
    its signing certificate, and builds the window without the status bar's counts; all
    follow once the window has painted, then the first-start questions."""
    from app.services.schools import add_school
    from app.workspace import Workspace
    from ui.after_paint import after_first_paint
    from ui.main_window import MainWindow
    home = tmp_path / "profile"
    home.mkdir()
    shutil.copy(prepared_db, home / "school-inspect.db")
    ws = Workspace.open(home, identity=False, load_builtins=False)
    add_school(ws, name="青山区育才小学", district="青山区")
    newest = "school_comprehensive"   # a built-in template this profile lacks (an update)
    ws.store.conn.execute("delete from templates where key = ? and version = "
                          "(select max(version) from templates where key = ?)",
                          [newest, newest])
    ws.store.conn.commit()
    missing = ws.store.scalar("select count(*) from templates")
    certificate = ws.paths.keys / "signing_cert.pem"
    assert not certificate.exists()
    window = MainWindow(ws, defer_start=True)
    qtbot.addWidget(window)
    asked = []
    monkeypatch.setattr(window, "first_start", lambda: asked.append(True))
    assert window.status.counts.text() == ""
    after_first_paint(window, window.finish_start)
    window.show()
    qtbot.waitUntil(lambda: asked == [True], timeout=10_000)
    assert ws.store.scalar("select count(*) from templates") == missing + 1
    assert certificate.exists()
    assert window.status.counts.text().startswith("1 school")
    ws.close()


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_list_count_and_school_choices_follow_the_first_paint(ws, school_id, qtbot,
                                                                  monkeypatch):
    """At start the Inspections page paints its rows first; its count and the school
    filter's choices (hundreds in a district) come right after the window painted."""
    from ui.after_paint import after_first_paint
    from ui.main_window import MainWindow
    start_inspection(ws, school_id=school_id, template="mini")
    window = MainWindow(ws, start_page="inspections", defer_start=True)
    qtbot.addWidget(window)
    monkeypatch.setattr(window, "first_start", lambda: None)
    page = window.pages["inspections"]
    assert page.count.text() == "" and page.school.count() == 1
    done = []
    after_first_paint(window, lambda: (window.finish_start(), done.append(True)))
    window.show()
    qtbot.waitUntil(lambda: done == [True], timeout=10_000)
    assert page.count.text().startswith("1 inspection")
    assert page.school.findData(school_id) > 0
    page.school.setCurrentIndex(page.school.findData(school_id))
    assert page.model.total == 1
