"""The 整改 life cycle: every move stored with who, when, why and evidence, audited, synced;
old statuses and old bundles still read; the escalation list in the district summary."""

from __future__ import annotations

import json

import pytest

from app.errors import BundleError
from app.reports.summary import gather_summary
from app.security.audit import entries_for, verify_chain
from app.services import actions, inspections
from app.services.action_query import action_history, action_state, escalation_list
from app.sync.importer import import_bundle
from tests.app.sync.helpers import (read_entries, records, resign, send, set_records,
                                    write_entries)


@pytest.fixture
def action(ws, school_id):
    visit = inspections.start_inspection(ws, school_id=school_id, template="mini",
                                         visit_date="2026-03-01").created
    return actions.raise_action(ws, visit, description="更换灭火器", due_date="2026-03-10",
                                responsible="总务主任").created


def test_every_move_is_stored_audited_and_synced_with_its_evidence(ws, action, make_workspace,
                                                                   tmp_path):
    actions.rectify(ws, action, note="已更换", photos=[("after.jpg", b"\xff\xd8 after")])
    actions.verify(ws, action, verified=False, note="压力不足")
    [first, second] = action_history(ws, action)
    assert (first["actor"], first["actor_role"], first["to_status"]) == \
        ("张督学", "inspector", "reported")
    assert first["at"] and first["evidence"][0]["filename"] == "after.jpg"
    assert second["from_status"] == "reported" and second["note"] == "压力不足"
    logged = [e["action"] for e in entries_for(ws.store, action)]
    # what people did; the row writes are logged too (one entry per synced write)
    assert [a for a in logged if not a.endswith(".write")] == \
        ["action.raise", "action.reported", "action.not_rectified"]
    assert "actions.write" in logged
    assert verify_chain(ws.store) is None
    office = make_workspace("office")
    send(ws, office, tmp_path, kind="full")
    assert action_state(office, action)["status"] == "not_rectified"
    theirs = action_history(office, action)
    assert [e["note"] for e in theirs] == ["已更换", "压力不足"]
    assert office.store.blob(theirs[0]["evidence"][0]["sha256"]) == b"\xff\xd8 after"


def test_moves_made_on_two_laptops_both_count(ws, action, make_workspace, tmp_path):
    """The school reports on its laptop while the office records progress on another: both
    moves survive the exchange, newest last, no conflict."""
    office = make_workspace("office")
    office.set_identity(name="王主任", role="admin")
    send(ws, office, tmp_path, kind="full")
    actions.move_action(office, action, "in_progress", note="电话督促")
    actions.rectify(ws, action, note="已更换")
    send(office, ws, tmp_path)
    send(ws, office, tmp_path)
    for side in (ws, office):
        assert [e["to_status"] for e in action_history(side, action)] == \
            ["in_progress", "reported"]
        assert action_state(side, action)["status"] == "reported"
    assert not office.store.query("select * from conflicts")


def test_an_old_bundle_with_old_statuses_still_imports(ws, action, make_workspace, tmp_path):
    path = tmp_path / "old.sibundle"
    from app.sync.export import export_bundle
    export_bundle(ws, path, kind="full")
    entries = read_entries(path)
    rows = records(entries, "actions")
    rows[0]["status"] = "resolved"          # what an older version wrote
    set_records(entries, "actions", rows)
    for name in [n for n in entries if n.startswith("records/action_")]:
        del entries[name]                   # older versions had no history tables
    write_entries(path, resign(entries, ws.device_key))
    office = make_workspace("office")
    import_bundle(office, path, trust=True)
    assert office.store.get("actions", action)["status"] == "reported"
    assert action_state(office, action)["overdue"] is False


def test_an_event_for_an_unknown_action_is_refused(ws, action, make_workspace, tmp_path):
    actions.rectify(ws, action, note="已更换")
    path = tmp_path / "b.sibundle"
    from app.sync.export import export_bundle
    export_bundle(ws, path, kind="full")
    entries = read_entries(path)
    events = records(entries, "action_events")
    events[0]["action_id"] = "no-such-action"
    set_records(entries, "action_events", events)
    write_entries(path, resign(entries, ws.device_key))
    office = make_workspace("office")
    with pytest.raises(BundleError, match="refers to actions"):
        import_bundle(office, path, trust=True)
    assert office.store.scalar("select count(*) from action_events") == 0


def test_repeatedly_not_rectified_or_long_overdue_schools_are_escalated(ws, school_id, action):
    actions.verify(ws, action, verified=False, note="未整改")
    assert escalation_list(ws, "青山区", today="2026-03-20") == []
    actions.rectify(ws, action, note="已整改")
    actions.verify(ws, action, verified=False, note="仍未到位")
    [entry] = escalation_list(ws, "青山区", today="2026-03-20")
    assert (entry["school"], entry["not_rectified"], entry["long_overdue"]) == \
        ("青山区育才小学", 1, 0)
    # 41 days overdue also counts; the summary prints the list.
    summary = gather_summary(ws, "青山区", "2026-01-01", "2026-12-31", today="2026-04-20")
    assert summary.escalation == [("青山区育才小学", 1, 1, 41)]
    actions.verify(ws, action, verified=True, note="已整改到位")
    assert escalation_list(ws, "青山区", today="2026-04-20") == []


@pytest.mark.parametrize("change", [{"note": "改写的说明"}, {"deleted": 1},
                                    {"to_status": "verified"}])
def test_a_peer_cannot_rewrite_or_delete_the_history(ws, action, make_workspace, tmp_path,
                                                      change):
    actions.rectify(ws, action, note="已更换")
    office = make_workspace("office")
    send(ws, office, tmp_path, kind="full")
    path = tmp_path / "rewritten.sibundle"
    from app.sync.export import export_bundle
    export_bundle(ws, path, kind="full")
    entries = read_entries(path)
    events = records(entries, "action_events")
    events[0].update(change)
    set_records(entries, "action_events", events)
    write_entries(path, resign(entries, ws.device_key))
    with pytest.raises(BundleError, match="append-only"):
        import_bundle(office, path, trust=True)
    assert [e["note"] for e in action_history(office, action)] == ["已更换"]
    assert action_state(office, action)["status"] == "reported"
