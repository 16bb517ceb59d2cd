"""`actions rectify|verify|history` and `timezone` on the command line."""

from __future__ import annotations

from app.services import actions, inspections
from app.services.schools import add_school
from tests.app.cli_support import run, run_json


def _action(ws):
    school = add_school(ws, name="青山区育才小学", district="青山区", level="primary").created
    visit = inspections.start_inspection(ws, school_id=school, template="mini",
                                         visit_date="2026-03-01").created
    return actions.raise_action(ws, visit, description="更换灭火器",
                                due_date="2026-03-10").created


def test_rectify_then_verify_with_photos_and_history(ws, capsys, tmp_path):
    action = _action(ws)
    photo = tmp_path / "after.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 new extinguisher")
    home = ws.paths.home
    data = run_json(capsys, home, "actions", "rectify", action, "--note", "已更换",
                    "--photo", str(photo))
    assert (data["status"], data["overdue"], data["open"]) == ("reported", False, True)
    data = run_json(capsys, home, "actions", "verify", action, "--result", "verified",
                    "--note", "现场核查属实", "--photo", str(photo))
    assert (data["status"], data["closed"]) == ("verified", True)
    history = run_json(capsys, home, "actions", "history", action)
    assert [(e["from_status"], e["to_status"]) for e in history] == \
        [("pending", "reported"), ("reported", "verified")]
    assert history[0]["evidence"][0]["filename"] == "after.jpg"
    assert history[1]["actor"] == "张督学" and history[1]["note"] == "现场核查属实"
    listed = {r["id"]: r for r in run_json(capsys, home, "list", "actions")}
    assert listed[action]["status"] == "verified" and listed[action]["overdue"] is False


def test_bad_moves_fail_in_one_line(ws, capsys, tmp_path):
    action = _action(ws)
    home = ws.paths.home
    code, _, err = run(capsys, home, "actions", "verify", action, "--result", "verified",
                       "--note", " ")
    assert code == 1 and "note is needed" in err and err.count("\n") == 1
    code, _, err = run(capsys, home, "actions", "rectify", "no-such-id", "--note", "x")
    assert code == 1 and "No corrective action" in err
    code, _, err = run(capsys, home, "actions", "rectify", action, "--note", "x",
                       "--photo", str(tmp_path / "missing.jpg"))
    assert code == 1 and "Cannot read" in err
    assert actions.list_actions(ws)[0]["status"] == "pending"      # nothing half-done
    ws.set_identity(role="principal")
    code, _, err = run(capsys, home, "actions", "verify", action, "--result", "verified",
                       "--note", "自己核查")
    assert code == 1 and "principal" in err


def test_timezone_setting(ws, capsys):
    assert run_json(capsys, ws.paths.home, "timezone")["timezone"] == "Asia/Shanghai"
    assert run_json(capsys, ws.paths.home, "timezone", "UTC")["timezone"] == "UTC"
    code, _, err = run(capsys, ws.paths.home, "timezone", "Nowhere/Land")
    assert code == 1 and "unknown time zone" in err
