"""Sign-offs made before they carried a device signature (a profile signed with an older
version): on the first open with this version, this device vouches for the ones it captured
itself, so a signed inspection stays signed and its report still verifies; legacy rows of
other devices (or rows no capture here explains) stay unsigned and do not count."""

from __future__ import annotations

import json
import sqlite3
import uuid

from app.reports.service import make_report
from app.reports.verify import verify_bytes
from app.security.signoffs import DeviceKeys
from app.services import inspections, signoff
from app.workspace import Workspace
from tests.app.cli_support import run
from tests.app.sync.helpers import fill, png, sign

OTHER = "0b7e2b9c-legacy-peer"


def downgrade(ws, edits: list[tuple[str, list]]) -> None:
    """Make the closed profile look as an older version left it: sign-offs without device
    signatures (and the edits given), never opened by this version."""
    ws.close()
    with sqlite3.connect(ws.paths.database) as conn:
        conn.execute("update signatures set captured_by = null, device_sig = null")
        for sql, params in edits:
            conn.execute(sql, params)
    profile = json.loads(ws.paths.profile_file.read_text(encoding="utf-8"))
    profile.pop("signoffs_backfilled", None)
    ws.paths.profile_file.write_text(json.dumps(profile), encoding="utf-8")


def other_device_rev(rev: str) -> str:
    return rev.rsplit(".", 1)[0] + "." + OTHER


def second_signed(ws, school_id) -> str:
    other = inspections.start_inspection(ws, school_id=school_id, template="mini").created
    sign(ws, other)
    return other


def test_own_legacy_signoff_still_signs_and_the_report_verifies(ws, mini_inspection):
    sign(ws, mini_inspection)
    downgrade(ws, [])
    again = Workspace.open(ws.paths.home)
    try:
        assert again.notices == []
        assert signoff.is_signed(again, mini_inspection)
        assert again.store.get("inspections", mini_inspection)["status"] == "signed"
        row = again.store.query("select * from signatures")[0]
        assert row["captured_by"] == again.profile.device_id and row["device_sig"]
        assert DeviceKeys.of(again).valid(row)
        made = make_report(again, mini_inspection)
        assert made.signed
        check = verify_bytes(again, made.pdf)
        assert check.verdict == "intact_trusted" and check.content == "match"
        assert again.profile.signoffs_backfilled
    finally:
        again.close()


def test_a_legacy_signoff_of_another_device_does_not_count(ws, mini_inspection, school_id):
    sign(ws, mini_inspection)
    other = second_signed(ws, school_id)
    rev = ws.store.query("select rev from signatures where inspection_id = ?", [other])[0]["rev"]
    downgrade(ws, [("update signatures set device_id = ?, rev = ? where inspection_id = ?",
                    [OTHER, other_device_rev(rev), other])])
    again = Workspace.open(ws.paths.home)
    try:
        assert signoff.is_signed(again, mini_inspection)
        assert not signoff.is_signed(again, other)
        assert again.store.get("inspections", other)["status"] == "completed"
        assert not make_report(again, other).signed
        assert len(again.notices) == 1 and other in again.notices[0]
        assert "does not count" in again.notices[0]
    finally:
        again.close()


def test_a_legacy_row_in_our_name_that_was_never_captured_here_does_not_count(
        ws, mini_inspection):
    """A row naming this device that no capture here explains (no `inspection.sign` entry in
    our audit log): it arrived from elsewhere, so this device does not vouch for it."""
    fill(ws, mini_inspection)
    inspections.complete_inspection(ws, mini_inspection)
    digest = signoff.content_sha256(ws, mini_inspection)
    rev = ws.store.next_rev()
    downgrade(ws, [("insert into signatures (id, rev, device_id, deleted, inspection_id, "
                    "signer, role, signed_at, content_sha256) values (?, ?, ?, 0, ?, ?, "
                    "'inspector', '2026-11-20T08:00:00Z', ?)",
                    [str(uuid.uuid4()), rev, ws.profile.device_id, mini_inspection,
                     "冒名督学", digest]),
                   ("update inspections set status = 'signed' where id = ?",
                    [mini_inspection])])
    again = Workspace.open(ws.paths.home)
    try:
        assert not signoff.is_signed(again, mini_inspection)
        assert again.store.get("inspections", mini_inspection)["status"] == "completed"
        assert again.notices and "does not count" in again.notices[0]
    finally:
        again.close()


def test_the_backfill_runs_once_per_profile(ws, mini_inspection, school_id):
    """A legacy-looking row put in later (with sqlite3, without the key) is never signed."""
    sign(ws, mini_inspection)
    downgrade(ws, [])
    Workspace.open(ws.paths.home).close()                  # the upgrade: backfilled once
    with sqlite3.connect(ws.paths.database) as conn:
        conn.execute("update signatures set captured_by = null, device_sig = null")
    again = Workspace.open(ws.paths.home)
    try:
        assert not signoff.is_signed(again, mini_inspection)
        assert again.store.query("select device_sig from signatures")[0]["device_sig"] is None
    finally:
        again.close()


def test_the_command_line_says_which_old_signoffs_no_longer_count(capsys, ws, mini_inspection,
                                                                   school_id):
    sign(ws, mini_inspection)
    other = second_signed(ws, school_id)
    rev = ws.store.query("select rev from signatures where inspection_id = ?", [other])[0]["rev"]
    downgrade(ws, [("update signatures set device_id = ?, rev = ? where inspection_id = ?",
                    [OTHER, other_device_rev(rev), other])])
    code, out, err = run(capsys, ws.paths.home, "list", "inspections", "--json")
    assert code == 0
    assert err.startswith("note: sign-off") and other in err and err.count("\n") == 1
    statuses = {r["id"]: r["status"] for r in json.loads(out)}
    assert statuses[mini_inspection] == "signed" and statuses[other] == "completed"
    code, _out, err = run(capsys, ws.paths.home, "list", "inspections")
    assert code == 0 and err == ""                        # said once


def test_a_countersignature_captured_here_counts_again_too(ws, mini_inspection):
    sign(ws, mini_inspection)
    signoff.sign_off(ws, mini_inspection, signer="校长", role="principal", image_png=png())
    downgrade(ws, [])
    again = Workspace.open(ws.paths.home)
    try:
        rows = again.store.query("select * from signatures order by role")
        assert [r["role"] for r in rows] == ["inspector", "principal"]
        assert all(DeviceKeys.of(again).valid(r) for r in rows)
    finally:
        again.close()


def test_a_signed_status_written_with_sqlite3_is_dropped_at_open(ws, mini_inspection):
    """Someone with sqlite3 but not the key marks an inspection signed: the next open
    re-derives it, so lists do not call it signed (and the report is not signed)."""
    fill(ws, mini_inspection)
    inspections.complete_inspection(ws, mini_inspection)
    ws.close()
    with sqlite3.connect(ws.paths.database) as conn:
        conn.execute("update inspections set status = 'signed', content_sha256 = 'x' "
                     "where id = ?", [mini_inspection])
    again = Workspace.open(ws.paths.home)
    try:
        assert again.store.get("inspections", mini_inspection)["status"] == "completed"
        assert inspections.list_inspections(again, status="signed") == []
        assert not make_report(again, mini_inspection).signed
    finally:
        again.close()


def test_a_sign_off_withdrawn_with_sqlite3_is_found_at_open(ws, mini_inspection, school_id):
    """The other way to forge the same claim: keep the status, take away what founds it
    (the sign-off marked deleted, or its device signature cleared). Each is re-derived at the
    next open; an inspection with two founded sign-offs, one of them withdrawn, stays signed."""
    sign(ws, mini_inspection)
    both = second_signed(ws, school_id)
    cleared = second_signed(ws, school_id)
    signoff.sign_off(ws, both, signer="王校长", role="principal", image_png=png((0, 0, 0)))
    ws.close()
    with sqlite3.connect(ws.paths.database) as conn:
        conn.execute("update signatures set deleted = 1 where inspection_id = ?",
                     [mini_inspection])
        conn.execute("update signatures set device_sig = null where inspection_id = ?",
                     [cleared])
        conn.execute("update signatures set deleted = 1 where rowid = (select min(rowid) "
                     "from signatures where inspection_id = ?)", [both])
    again = Workspace.open(ws.paths.home)
    try:
        status = {i: again.store.get("inspections", i)["status"]
                  for i in (mini_inspection, cleared, both)}
        assert status == {mini_inspection: "completed", cleared: "completed",
                          both: "signed"}
    finally:
        again.close()


def test_the_check_at_open_reads_the_signed_inspections_only(ws):
    """It runs at every start: it must search the status index, never walk every live
    inspection (160 ms per start at 100,000 inspections), and read indexes only, no table
    row (a random disk read per signed inspection: 6.8 s of a cold start at 100,000). Both
    lists come from their indexes in id order and are merged, not probed one by one."""
    from app.workspace import UNFOUNDED_SIGNED_SQL
    plan = " ".join(row["detail"] for row in
                    ws.store.query(f"explain query plan {UNFOUNDED_SIGNED_SQL}"))
    assert "MERGE (EXCEPT)" in plan, plan
    assert "SEARCH inspections USING COVERING INDEX idx_inspections_status" in plan, plan
    assert "SCAN signatures USING COVERING INDEX idx_signatures_founded" in plan, plan
    assert "TEMP B-TREE" not in plan, plan


def test_a_deleted_inspection_claiming_signed_does_not_stop_the_open(ws, mini_inspection):
    """The check reads indexes only, so it finds deleted claims too; they are left alone
    (nothing lists them) and the profile still opens."""
    fill(ws, mini_inspection)
    inspections.complete_inspection(ws, mini_inspection)
    ws.close()
    with sqlite3.connect(ws.paths.database) as conn:
        conn.execute("update inspections set status = 'signed', deleted = 1 where id = ?",
                     [mini_inspection])
    again = Workspace.open(ws.paths.home)
    try:
        assert again.store.get("inspections", mini_inspection)["status"] == "signed"
    finally:
        again.close()
