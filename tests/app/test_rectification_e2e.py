"""整改闭环 end to end across three profiles, by bundles only: the office assigns a visit, the
inspector inspects, raises an action and signs, the principal reports the rectification with a
photo, the inspector verifies it in a 回头看, and the office sees the ledger closed."""

from __future__ import annotations

from openpyxl import load_workbook

from app.excel.ledger import write_ledger_xlsx
from app.reports.ledger import gather_ledger
from app.services import actions, answers, inspections, signoff
from app.services.action_query import action_history
from app.services.schools import add_school
from tests.app.sync.helpers import fill, send


def test_office_inspector_principal_round_trip(make_workspace, tmp_path):
    office = make_workspace("office")
    office.set_identity(name="王主任", role="admin", organisation="青山区教育督导室")
    inspector = make_workspace("inspector")
    inspector.set_identity(name="李督学", role="inspector")
    principal = make_workspace("principal")

    # The office plans the visit and sends it as an assignment.
    school = add_school(office, name="青山区育才小学", district="青山区", level="primary").created
    visit = inspections.start_inspection(office, school_id=school, template="mini",
                                         visit_date="2026-03-01").created
    send(office, inspector, tmp_path, kind="assignment", schools=[school])

    # The inspector inspects, finds a problem, raises the action and signs.
    fill(inspector, visit)
    answers.answer_item(inspector, visit, "a.samples", "no", note="未按规定留样")
    action = actions.raise_action(inspector, visit, item_key="a.samples",
                                  description="每餐留样不少于125克", responsible="食堂负责人",
                                  due_date="2026-03-31").created
    inspections.complete_inspection(inspector, visit)
    signoff.sign_off(inspector, visit, signer="李督学")
    principal.set_identity(name="赵校长", role="principal")
    send(inspector, principal, tmp_path, kind="full")

    # The principal sees the school's open action and reports the rectification.
    assert [a["id"] for a in actions.list_actions(principal, school_id=school)
            if a["open"]] == [action]
    actions.rectify(principal, action, note="已购置留样柜，每餐留样125克以上",
                    photos=[("留样柜.jpg", b"\xff\xd8\xff\xe0 sample cabinet")])
    send(principal, inspector, tmp_path)

    # The inspector's 回头看 carries the action over and verifies it on the spot.
    follow_up = inspections.start_inspection(inspector, school_id=school, template="mini",
                                             visit_date="2026-04-10",
                                             follow_up_of=visit).created
    [carried] = actions.actions_of(inspector, follow_up)
    assert carried["status"] == "reported" and carried["carried_from"] == action
    actions.verify(inspector, carried["id"], verified=True, note="现场核查，留样规范",
                   photos=[("复查.jpg", b"\xff\xd8\xff\xe0 checked")], visit_id=follow_up)
    send(inspector, office, tmp_path)

    # The office's ledger shows the item closed, with the school's evidence and the check.
    ledger = gather_ledger(office, school_id=school)
    assert (len(ledger.rows), ledger.closed, ledger.overdue) == (1, 1, 0)
    write_ledger_xlsx(ledger, tmp_path / "ledger.xlsx")
    [row] = list(load_workbook(tmp_path / "ledger.xlsx").worksheets[0]
                 .iter_rows(min_row=2, values_only=True))
    assert row[4] == "每餐留样不少于125克" and row[11] == "已销号"
    assert "已购置留样柜" in row[9] and row[10].startswith("李督学")
    history = action_history(office, action)
    assert [(e["actor"], e["to_status"]) for e in history] == \
        [("赵校长", "reported"), ("李督学", "verified")]
    assert history[1]["visit_id"] == follow_up
    assert office.store.blob(history[0]["evidence"][0]["sha256"]).endswith(b"cabinet")
