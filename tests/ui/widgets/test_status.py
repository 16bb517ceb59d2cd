"""The status bar: what a change saved, named in the UI's language, and the counts with
singular and plural forms."""

from __future__ import annotations

from app.services.changes import Changes
from ui.widgets.status import StatusBar


def test_status_bar_names_every_synced_table_in_english(ws, qtbot):
    bar = StatusBar()
    qtbot.addWidget(bar)
    bar.changed(ws, Changes(frozenset({"users", "conflicts", "schools"})))
    assert bar.currentMessage().endswith("saved: conflicts, schools, users")


def test_status_bar_names_tables_in_chinese(ws, qtbot, chinese):
    bar = StatusBar()
    qtbot.addWidget(bar)
    tables = ("schools", "teachers", "users", "templates", "inspections", "responses",
              "attachments", "actions", "signatures", "conflicts", "devices")
    bar.changed(ws, Changes(frozenset(tables)))
    message = bar.currentMessage()
    touched = message.split("：", 1)[-1] if "：" in message else message.split(": ", 1)[-1]
    assert not any(c.isascii() and c.isalpha() for c in touched), message
    assert touched.count("、") == len(tables) - 1


def test_status_bar_counts_use_singular_and_plural(ws, qtbot, english, school_id):
    bar = StatusBar()
    qtbot.addWidget(bar)
    bar.refresh_counts(ws)
    assert bar.counts.text() == "1 school · 0 inspections · 0 open actions"



def test_open_actions_counted_again_when_actions_change_not_on_an_answer(
        ws, qtbot, english, mini_inspection, monkeypatch):
    from app.services.actions import raise_action
    bar = StatusBar()
    qtbot.addWidget(bar)
    bar.refresh_counts(ws)
    assert bar.counts.text().endswith("1 inspection · 0 open actions")
    bar.changed(ws, raise_action(ws, mini_inspection, description="Fire exit blocked"))
    assert bar.counts.text().endswith("1 inspection · 1 open action")
    # An answer save (autosave) leaves the open-action count as counted: reading every
    # action of the district on each keystroke froze a large office's window.
    reads = []
    monkeypatch.setattr(StatusBar, "open_actions", staticmethod(lambda w: reads.append(w)))
    bar.changed(ws, Changes.of("responses", "r1") | Changes.of("inspections", mini_inspection))
    assert reads == [] and bar.counts.text().endswith("1 open action")
