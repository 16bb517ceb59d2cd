"""A principal profile never reads another school's data, by any path (docs/ROLES.md,
"Reading"): the principal of school A holds A's and B's records after a sync; every list,
page query, report, ledger, workbook and bundle gives A's only, and a read of one of B's
records is refused in one line naming the role."""

import json
import zipfile

import openpyxl
import pytest

from app.errors import NotFoundError
from app.reports import documents, ledger, service, summary
from app.security.roles import ROLE_LABELS, RoleError
from app.services import action_query, actions, answers, ethics, evidence, inspections, reads
from app.services import schools
from app.sync.conflicts import list_conflicts
from app.sync.export import export_bundle
from tests.app.scope_world import leaks, world_fixture


world = world_fixture("scope")


@pytest.fixture
def principal(world):
    return world["principal"]


def _refused(call):
    with pytest.raises(RoleError) as refused:
        call()
    message = str(refused.value)
    assert "\n" not in message and message.startswith("Refused:")
    assert ROLE_LABELS["principal"] in message and "other than their own" in message


def test_the_b_records_are_held_here_so_the_scope_is_what_hides_them(world, principal):
    for key in ("visit", "action", "local_ethics"):
        table = "actions" if key == "action" else "inspections"
        assert principal.store.get(table, world["B"][key]) is not None


def test_actions_list_ledger_and_escalation_show_only_the_own_school(world, principal):
    a = world["A"]["school"]
    assert {r["school_id"] for r in actions.list_actions(principal)} == {a}
    assert {r["school_id"] for r in action_query.current_actions(
        principal, heads_only=False)} == {a}
    assert {r["school_id"] for r in actions.list_actions(principal, status="reported")} == {a}
    assert {e["school_id"] for e in action_query.escalation_list(
        principal, today="2027-01-01")} <= {a}
    assert {r["school_id"] for r in actions.list_actions(world["office"])} == \
        {a, world["B"]["school"]}                           # the office sees both


@pytest.mark.parametrize("read", [
    lambda w, p: actions.list_actions(p, school_id=w["B"]["school"]),
    lambda w, p: action_query.action_state(p, w["B"]["action"]),
    lambda w, p: action_query.action_history(p, w["B"]["action"]),
    lambda w, p: actions.actions_of(p, w["B"]["visit"]),
    lambda w, p: inspections.get_inspection(p, w["B"]["visit"]),
    lambda w, p: inspections.get_inspection(p, w["B"]["local_ethics"]),
    lambda w, p: inspections.list_inspections(p, school_id=w["B"]["school"]),
    lambda w, p: schools.get_school(p, w["B"]["school"]),
    lambda w, p: schools.list_teachers(p, w["B"]["school"]),
    lambda w, p: answers.answers_of(p, w["B"]["visit"]),
    lambda w, p: evidence.attachments_of(p, w["B"]["visit"]),
    lambda w, p: reads.evaluate(p, w["B"]["visit"]),
    lambda w, p: reads.evaluate(p, w["B"]["local_ethics"]),
    lambda w, p: ethics.latest_evaluations(p, w["B"]["school"]),
    lambda w, p: ledger.gather_ledger(p, school_id=w["B"]["school"]),
    lambda w, p: service.make_report(p, w["B"]["visit"], sign=False),
    lambda w, p: service.make_report(p, w["B"]["local_ethics"], sign=False),
    lambda w, p: documents.make_document(p, "opinion", w["B"]["visit"], sign=False),
    lambda w, p: documents.make_document(p, "notice", w["B"]["visit"], sign=False),
    lambda w, p: service.batch_reports(p, p.paths.home / "batch", school_id=w["B"]["school"]),
    lambda w, p: export_bundle(p, p.paths.home / "b.sibundle", schools=[w["B"]["school"]]),
    lambda w, p: export_bundle(p, p.paths.home / "b.sibundle", inspections=[w["B"]["visit"]]),
], ids=["actions of B", "action state", "action history", "actions of a visit", "inspection",
        "ethics evaluation", "inspections of B", "school", "teachers of B", "answers",
        "evidence", "score", "ethics score", "ethics results", "ledger of B", "report",
        "ethics report", "opinion letter", "notice", "batch reports", "bundle of B",
        "bundle of a B inspection"])
def test_a_read_of_another_schools_record_is_refused_in_one_line(world, principal, read):
    _refused(lambda: read(world, principal))


def test_lists_of_schools_teachers_inspections_and_districts(world, principal):
    a = world["A"]["school"]
    assert [s["id"] for s in schools.list_schools(principal)] == [a]
    assert [s["id"] for s in schools.list_schools(principal, search="小学")] == [a]
    assert {t["school_id"] for t in schools.list_teachers(principal)} == {a}
    assert {i["school_id"] for i in inspections.list_inspections(principal)} == {a}
    assert {i["school_id"] for i in inspections.list_inspections(principal, search="实验")} \
        <= {a}
    assert schools.districts(principal) == ["青山区"]


def test_a_photo_of_another_school_is_not_given_by_its_hash(world, principal):
    office = world["office"]
    b_photo = evidence.attachments_of(office, world["B"]["visit"])[0]["sha256"]
    a_photo = evidence.attachments_of(principal, world["A"]["visit"])[0]["sha256"]
    assert evidence.evidence_bytes(principal, a_photo)
    if b_photo != a_photo:                  # the same test picture may be in both
        _refused(lambda: evidence.evidence_bytes(principal, b_photo))


def test_an_id_prefix_never_finds_another_schools_inspection(world, principal):
    with pytest.raises(NotFoundError):
        service.resolve_inspection(principal, world["B"]["visit"][:12])
    assert service.resolve_inspection(principal, world["A"]["visit"][:12]) == \
        world["A"]["visit"]
    _refused(lambda: service.resolve_inspection(principal, world["B"]["visit"]))


def test_the_ledger_and_the_results_workbook_hold_only_the_own_school(world, principal,
                                                                      tmp_path):
    made = ledger.gather_ledger(principal)
    assert len(made.rows) == 1 and not leaks(json.dumps(made.rows, ensure_ascii=False), world)
    assert made.scope == world["A"]["name"]
    from app.excel.ledger import write_ledger_xlsx
    from app.excel.results import export_results
    for path in (write_ledger_xlsx(made, tmp_path / "ledger.xlsx"),
                 export_results(principal, tmp_path / "results.xlsx")["path"]):
        book = openpyxl.load_workbook(path)
        cells = " ".join(str(c.value) for sheet in book for row in sheet.iter_rows()
                         for c in row if c.value is not None)
        assert world["A"]["name"] in cells and not leaks(cells, world), path


def test_the_district_summary_is_not_a_principals(world, principal):
    with pytest.raises(RoleError, match="principal"):
        summary.gather_summary(principal, "青山区", "2026-01-01", "2026-12-31")


def test_reports_of_the_own_school_still_work(world, principal, tmp_path):
    assert service.make_report(principal, world["A"]["visit"], sign=False).pdf
    made = service.batch_reports(principal, tmp_path / "all", sign=False)
    assert [p.name.endswith(f"{world['A']['visit'][:8]}.pdf") for p in made] == [True]


def test_conflicts_over_another_schools_record_are_not_listed(world, principal):
    assert principal.store.scalar("select count(*) from conflicts where record_id = ?",
                                  [world["B"]["school"]]) == 1
    assert not leaks(json.dumps(list_conflicts(principal, include_resolved=True),
                                ensure_ascii=False), world)


def test_a_principals_bundle_carries_only_the_own_school(world, principal, tmp_path):
    path = tmp_path / "p.sibundle"
    export_bundle(principal, path, kind="full")
    with zipfile.ZipFile(path) as bundle:
        text = " ".join(bundle.read(n).decode("utf-8", "replace") for n in bundle.namelist())
    assert world["A"]["school"] in text and not leaks(text, world)


def test_the_moves_offered_are_the_role_tables(world):
    """What the Actions page and the follow-up worksheet offer (`allowed_moves`): the office
    and the inspector verify a reported action; the principal never does."""
    reported = {key: action_query.action_state(world["office"], world[key]["action"])
                for key in ("A", "B")}
    assert {"verified", "not_rectified"} <= actions.allowed_moves(world["office"], reported["B"])
    assert {"verified", "not_rectified"} <= actions.allowed_moves(world["inspector"],
                                                                  reported["A"])
    assert not {"verified", "not_rectified"} & actions.allowed_moves(world["principal"],
                                                                     reported["A"])
