"""The import merges set-wise (held rows read per few hundred ids, runs of new records
inserted in one statement): a bundle mixing new, identical, newer, older, both-changed and
conflicting records, and records new here for an inspection signed here, must leave exactly
the database the one-record-at-a-time merge leaves — same rows, revs, history, conflicts,
clock and outcome counts."""

import json
import shutil

from app.security import roles
from app.storage.store import SYNCED_TABLES
from app.services import actions, answers, inspections, schools
from app.sync import importer
from app.sync.export import export_bundle
from app.sync.merge import merge_record
from app.workspace import Workspace
from tests.app.sync.helpers import send, sign



def _one_at_a_time(ctx, table, records):
    for record in records:
        yield merge_record(ctx, table, record)


def _state(ws) -> dict:
    """Everything the merge writes, without conflict ids and times (random and wall-clock)."""
    store = ws.store
    state = {t: store.query(f"select * from [{t}] order by id") for t in SYNCED_TABLES}
    state["history"] = store.query("select * from history order by table_name, record_id, rev")
    state["conflicts"] = store.query(
        "select table_name, record_id, fields, ours, theirs, base, resolved_at, resolution "
        "from conflicts order by table_name, record_id, theirs")
    state["clock"] = store.setting("hlc_last")
    state["blobs"] = store.query("select sha256, size from blobs order by sha256")
    return state


def _shared_then_diverged(ws, office, tmp_path, inspection_id):
    """Records both sides hold, then changed on one side or both; records new to the office
    between them; changes to, and a new record of, an inspection signed on both sides."""
    ids = [schools.add_school(ws, name=f"第{n}小学", district="青山区").created
           for n in range(8)]
    answers.answer_item(ws, inspection_id, "a.score", "3")
    signed = inspections.start_inspection(ws, school_id=ids[5], template="mini").created
    sign(ws, signed)
    send(ws, office, tmp_path, kind="full")
    schools.edit_school(ws, ids[0], principal="周校长")          # newer here: fast-forward
    schools.edit_school(office, ids[1], principal="吴校长")      # older there: skipped
    schools.edit_school(ws, ids[2], principal="甲")              # both, same field: conflict
    schools.edit_school(office, ids[2], principal="乙")
    schools.edit_school(ws, ids[3], phone="123")                 # both, other fields: merged
    schools.edit_school(office, ids[3], address="青山路1号")
    schools.edit_school(ws, ids[4], principal="郑校长")           # equal content both sides
    schools.edit_school(office, ids[4], principal="郑校长")
    answers.answer_item(ws, inspection_id, "a.score", "4")       # both, same answer: conflict
    with roles.training(office):       # the role rules are not what this test is about
        answers.answer_item(office, inspection_id, "a.score", "2")
    for n in range(8, 20):                                       # new, between the others
        schools.add_school(ws, name=f"第{n}小学", district="青山区")
    inspections.amend_inspection(ws, signed, "add a finding")    # frozen at the office:
    answers.answer_item(ws, signed, "a.score", "1")              # a change, and a record
    actions.raise_action(ws, signed, item_key="a.samples",       # new there, are conflicts
                         description="补充留样记录")


def test_set_wise_merge_leaves_the_same_database_as_one_record_at_a_time(
        ws, office, mini_inspection, tmp_path, monkeypatch):
    _shared_then_diverged(ws, office, tmp_path, mini_inspection)
    bundle = tmp_path / "mixed.sibundle"
    export_bundle(ws, bundle, kind="full")
    office.close()
    copy = tmp_path / "office-copy"
    shutil.copytree(office.paths.home, copy)
    batched, single = Workspace.open(office.paths.home), Workspace.open(copy)
    try:
        # Both copies' clocks stand still before the bundle's revs: every rev observed, and
        # the order of observing and ticking, shows in the revs the merge makes.
        still = int(ws.store.scalar("select min(rev) from schools")[:13])
        for receiver in (batched, single):
            receiver.store.hlc._physical_ms = lambda: still
        result = importer.import_bundle(batched, bundle, trust=True)
        monkeypatch.setattr(importer, "merge_records", _one_at_a_time)
        expected = importer.import_bundle(single, bundle, trust=True)
        assert result["tables"] == expected["tables"]
        outcomes = result["tables"]
        assert outcomes["schools"]["added"] == 12 and outcomes["schools"]["conflicts"] == 1
        assert outcomes["schools"]["skipped"] == 1 and outcomes["schools"]["updated"] >= 2
        assert outcomes["responses"]["conflicts"] == 2      # the same answer; a frozen one
        assert outcomes["actions"]["conflicts"] == 1        # new here, of a frozen inspection
        assert _state(batched) == _state(single)
    finally:
        batched.close()
        single.close()


def test_a_bundle_of_new_records_only_is_inserted_as_sent(ws, office, tmp_path):
    """The all-new case (one statement per run): every field, rev and device as sent."""
    for n in range(1200):                        # more than one read chunk of ids
        schools.add_school(ws, name=f"第{n}小学", district="青山区", phone=str(n))
    result = send(ws, office, tmp_path, kind="full")
    assert result["tables"]["schools"]["added"] == 1200
    mine = ws.store.query("select * from schools order by id")
    theirs = office.store.query("select * from schools order by id")
    assert theirs == mine
    assert office.store.last_rev[:19] >= max(r["rev"] for r in mine)[:19]
    assert json.loads(office.store.query(
        "select summary from imported_bundles")[0]["summary"])["schools"]["added"] == 1200
