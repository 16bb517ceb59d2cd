"""Deleting a mistaken inspection: removed outright while it never left this device, a
tombstone that syncs once it may be elsewhere, never a signed one — from the service and the
`inspect delete` command."""

from __future__ import annotations

import pytest

from app.errors import StateError
from app.services.actions import move_action, raise_action
from app.services.answers import answer_item
from app.services.deletion import delete_inspection, only_here
from app.services.evidence import attach_file
from app.services.inspections import complete_inspection, start_inspection
from app.services.signoff import sign_off
from app.sync.export import export_bundle
from tests.app.cli_support import run, run_json
from tests.app.sync.helpers import send


def rows_of(ws, inspection_id):
    return {t: ws.store.query(f"select id, deleted from [{t}] where inspection_id = ?",
                              [inspection_id]) for t in ("responses", "attachments")}


def test_a_draft_never_exported_is_removed_with_its_answers(ws, mini_inspection):
    answer_item(ws, mini_inspection, "a.samples", "yes")
    attach_file(ws, mini_inspection, "a.samples", data=b"\x89PNG x", filename="x.png")
    assert only_here(ws, ws.store.get("inspections", mini_inspection))
    changes = delete_inspection(ws, mini_inspection)
    assert changes.touches("inspections", "responses", "attachments")
    assert ws.store.get("inspections", mini_inspection) is None
    assert rows_of(ws, mini_inspection) == {"responses": [], "attachments": []}
    assert not ws.store.query("select 1 from history where record_id = ?", [mini_inspection])
    audit = ws.store.query("select detail from audit_log where action = 'inspection.delete'")
    assert '"removed"' in audit[0]["detail"]


def test_a_draft_never_exported_is_removed_with_its_actions_and_their_moves(ws,
                                                                          mini_inspection):
    """An action moved along its life cycle (an event, a photo) goes with the draft; the
    event referring to the action used to make the whole delete fail."""
    made = raise_action(ws, mini_inspection, description="补充留样记录").created
    move_action(ws, made, "in_progress")
    move_action(ws, made, "reported", note="已整改", photos=[("x.png", b"\x89PNG y")])
    assert ws.store.scalar("select count(*) from action_evidence") == 1
    changes = delete_inspection(ws, mini_inspection)
    assert changes.touches("actions")
    for table in ("actions", "action_events", "action_evidence"):
        assert ws.store.scalar(f"select count(*) from {table}") == 0, table


def test_after_an_export_the_delete_is_a_tombstone_that_syncs(ws, make_workspace, tmp_path,
                                                             mini_inspection):
    answer_item(ws, mini_inspection, "a.samples", "yes")
    office = make_workspace("office")
    send(ws, office, tmp_path)
    assert office.store.get("inspections", mini_inspection)["deleted"] == 0
    assert not only_here(ws, ws.store.get("inspections", mini_inspection))
    delete_inspection(ws, mini_inspection)
    assert ws.store.get("inspections", mini_inspection)["deleted"] == 1
    assert all(r["deleted"] for r in rows_of(ws, mini_inspection)["responses"])
    send(ws, office, tmp_path)
    assert office.store.get("inspections", mini_inspection)["deleted"] == 1
    assert all(r["deleted"] for r in rows_of(office, mini_inspection)["responses"])


def test_a_filtered_export_counts_as_having_left(ws, tmp_path, mini_inspection):
    export_bundle(ws, tmp_path / "one.sibundle", kind="full", inspections=[mini_inspection])
    assert not only_here(ws, ws.store.get("inspections", mini_inspection))
    later = start_inspection(ws, school_id=ws.store.get("inspections", mini_inspection)
                             ["school_id"], template="mini").created
    assert only_here(ws, ws.store.get("inspections", later))   # started after the export


def test_an_inspection_received_from_another_device_is_tombstoned(ws, make_workspace,
                                                                  tmp_path, school_id):
    colleague = make_workspace("colleague")
    send(ws, colleague, tmp_path, kind="full")
    theirs = start_inspection(colleague, school_id=school_id, template="mini").created
    send(colleague, ws, tmp_path)
    assert not only_here(ws, ws.store.get("inspections", theirs))
    delete_inspection(ws, theirs)
    assert ws.store.get("inspections", theirs)["deleted"] == 1


def test_signed_and_completed_inspections_are_refused(ws, mini_inspection):
    from tests.ui.helpers import answer_every_mini_item
    answer_every_mini_item(ws, mini_inspection)
    complete_inspection(ws, mini_inspection)
    with pytest.raises(StateError, match="reopen"):
        delete_inspection(ws, mini_inspection)
    sign_off(ws, mini_inspection, signer="张督学", role="inspector")
    with pytest.raises(StateError, match="signed inspection is a record"):
        delete_inspection(ws, mini_inspection)
    assert ws.store.get("inspections", mini_inspection)["deleted"] == 0


def test_a_self_assessment_being_verified_is_refused(ws, school_id):
    own = start_inspection(ws, school_id=school_id, template="mini",
                           mode="self_assessment").created
    start_inspection(ws, school_id=school_id, template="mini", self_assessment_id=own)
    with pytest.raises(StateError, match="builds on this one"):
        delete_inspection(ws, own)


def test_cli_delete(capsys, ws, mini_inspection):
    home = ws.paths.home
    data = run_json(capsys, home, "inspect", "delete", mini_inspection)
    assert data == {"id": mini_inspection, "deleted": "removed"}
    code, _out, err = run(capsys, home, "inspect", "delete", mini_inspection)
    assert code == 1 and err.count("\n") == 1
