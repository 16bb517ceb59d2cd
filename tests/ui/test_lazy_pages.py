"""Start-up does only what the first screen needs: pages are built when first shown, data
changes reach only built pages, and SCHOOL_INSPECT_BENCH_EXIT=first-paint exits 0 once the
Inspections list painted its rows (what the start-up benchmark times)."""

from __future__ import annotations

import os
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
