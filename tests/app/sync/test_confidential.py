"""Teacher-ethics evaluations travel sealed to the devices entitled to read them: every bundle
entry, decompressed, shows none of an evaluation's notes, answers or evidence; the recipient
imports and reads it; a device that is not a recipient imports the rest and says so."""

import json

import pytest

from app.services import answers, evidence, schools
from app.services.templates import get_template
from app.sync.export import export_bundle
from app.sync.importer import import_bundle
from tests.app.sync.helpers import digest, png, read_entries, send

NOTE = "课堂上讽刺学生，家长投诉三次"
PHOTO = png((1, 2, 3))


@pytest.fixture
def world(make_workspace, office, inspector, tmp_path):
    """The office, an inspector, the principal of school S and the principal of school T,
    each known to the office (and so their encryption keys)."""
    s = schools.add_school(office, name="育才小学").created
    t = schools.add_school(office, name="实验小学").created
    teacher = schools.add_teacher(office, s, name="陈老师").created
    mine, other = make_workspace("principal_s"), make_workspace("principal_t")
    mine.set_identity(name="王校长", role="principal", schools=[s])
    other.set_identity(name="李校长", role="principal", schools=[t])
    for device in (inspector, mine, other):
        send(device, office, tmp_path)              # the office learns each device
        send(office, device, tmp_path, kind="full")
    send(mine, inspector, tmp_path)                 # the inspector meets the principal of S
    return {"s": s, "t": t, "teacher": teacher, "mine": mine, "other": other}


def _evaluate(ws, school, teacher) -> str:
    from app.services.inspections import start_inspection
    template = get_template(ws, "teacher_ethics")
    iid = start_inspection(ws, school_id=school, template="teacher_ethics",
                           teacher_id=teacher).created
    first = template.items[0]
    answers.answer_item(ws, iid, first.key, "no" if first.type == "yes_no" else 1, note=NOTE)
    evidence.attach_file(ws, iid, first.key, data=PHOTO, filename="证据.png")
    return iid


def test_no_entry_shows_an_evaluation_in_clear(world, inspector, tmp_path):
    iid = _evaluate(inspector, world["s"], world["teacher"])
    path = tmp_path / "e.sibundle"
    summary = export_bundle(inspector, path, kind="changes")
    for name, data in read_entries(path).items():
        assert NOTE.encode() not in data and NOTE.encode("unicode_escape") not in data, name
        assert iid.encode() not in data, name
        assert PHOTO not in data, name
    [sealed] = summary["confidential"]
    readers = {r["name"] for r in sealed["readers"]}
    assert sealed["school_id"] == world["s"] and readers >= {"区督导室王主任", "王校长"}


def test_the_recipient_imports_and_reads_it(world, inspector, office, tmp_path):
    iid = _evaluate(inspector, world["s"], world["teacher"])
    result = send(inspector, office, tmp_path)
    assert result["confidential"]["opened"] > 0
    key = get_template(office, "teacher_ethics").items[0].key
    assert answers.responses_of(office, iid)[key]["note"] == NOTE
    assert PHOTO in [evidence.evidence_bytes(office, a["sha256"])
                     for a in evidence.attachments_of(office, iid)]


def test_the_principal_of_the_school_reads_it_another_principal_does_not(world, inspector,
                                                                         tmp_path):
    iid = _evaluate(inspector, world["s"], world["teacher"])
    schools.edit_school(inspector, world["s"], phone="0571-1")     # something in clear
    path = tmp_path / "e.sibundle"
    export_bundle(inspector, path, kind="changes")
    mine = import_bundle(world["mine"], path, trust=True)
    assert mine["confidential"]["opened"] > 0 and world["mine"].store.get("inspections", iid)
    theirs = import_bundle(world["other"], path, trust=True)
    assert theirs["status"] == "imported" and theirs["confidential"]["not_addressed"] > 0
    assert world["other"].store.get("inspections", iid) is None
    assert world["other"].store.get("schools", world["s"])["phone"] == "0571-1"


def test_the_cli_says_what_was_not_addressed(world, inspector, tmp_path, capsys):
    from tests.app.cli_support import run
    _evaluate(inspector, world["s"], world["teacher"])
    path = tmp_path / "e.sibundle"
    export_bundle(inspector, path, kind="changes")
    code, out, _ = run(capsys, world["other"].paths.home, "import", str(path), "--trust")
    assert code == 0 and "were not addressed to this device" in out


def test_an_assignment_for_a_school_carries_no_other_schools_ethics(world, inspector, office,
                                                                   tmp_path):
    iid = _evaluate(inspector, world["s"], world["teacher"])
    send(inspector, office, tmp_path)
    path = tmp_path / "a.sibundle"
    summary = export_bundle(office, path, kind="assignment", schools=[world["t"]])
    assert summary["confidential"] == []
    entries = read_entries(path)
    assert not any(n.startswith("confidential/") for n in entries)
    assert all(iid.encode() not in d for d in entries.values())


def test_two_office_devices_converge_confidential_data_included(make_workspace, office,
                                                               inspector, world, tmp_path):
    second = make_workspace("office2")
    second.set_identity(name="区督导室李科长", role="admin")
    iid = _evaluate(inspector, world["s"], world["teacher"])
    send(inspector, office, tmp_path)
    send(second, office, tmp_path)                  # each office device learns the other
    send(office, second, tmp_path)
    for _ in range(2):
        send(office, second, tmp_path)
        send(second, office, tmp_path)
    assert second.store.get("inspections", iid) is not None
    assert digest(office) == digest(second)


def test_a_tampered_envelope_is_refused_by_its_recipient(world, inspector, office, tmp_path):
    from tests.app.sync.helpers import resign, write_entries
    _evaluate(inspector, world["s"], world["teacher"])
    path = tmp_path / "e.sibundle"
    export_bundle(inspector, path, kind="changes")
    entries = read_entries(path)
    name = next(n for n in entries if n.startswith("confidential/"))
    envelope = json.loads(entries[name])
    body = bytearray(__import__("base64").b64decode(envelope["ciphertext"]))
    body[0] ^= 1
    envelope["ciphertext"] = __import__("base64").b64encode(bytes(body)).decode()
    entries[name] = json.dumps(envelope).encode()
    hostile = write_entries(tmp_path / "h.sibundle", resign(entries, inspector.device_key))
    before = digest(office)
    with pytest.raises(Exception, match="do not decrypt"):
        import_bundle(office, hostile)
    assert digest(office) == before


def test_an_evaluations_corrective_action_history_travels_sealed_too(world, inspector,
                                                                    tmp_path):
    from app.services import actions
    iid = _evaluate(inspector, world["s"], world["teacher"])
    action = actions.raise_action(inspector, iid, description="师德整改：公开道歉").created
    actions.rectify(inspector, action, note="已向家长道歉", photos=[("道歉.png", PHOTO)])
    path = tmp_path / "e.sibundle"
    export_bundle(inspector, path, kind="changes")
    for name, data in read_entries(path).items():
        assert "已向家长道歉".encode() not in data and action.encode() not in data, name
        assert PHOTO not in data, name
    theirs = import_bundle(world["other"], path, trust=True)    # not a recipient: the rest
    assert theirs["status"] == "imported"
    assert world["other"].store.get("actions", action) is None
    mine = import_bundle(world["mine"], path, trust=True)
    assert mine["confidential"]["opened"] > 0
    assert world["mine"].store.query("select note from action_events where action_id = ?",
                                     [action])[0]["note"] == "已向家长道歉"


def test_sealed_records_arrive_exactly_as_stored(world, inspector, office, tmp_path):
    """The envelope's records are the lines the clear part would hold: every value of the
    evaluation's rows, escapes and non-ASCII text included, arrives unchanged."""
    nasty = "\x01\t\n\x1f\x7f \"q\" \\ \u2028\u2029 引号 𠀀 \U0001F600"
    iid = _evaluate(inspector, world["s"], world["teacher"])
    key = get_template(inspector, "teacher_ethics").items[0].key
    answers.answer_item(inspector, iid, key, "no" if get_template(
        inspector, "teacher_ethics").items[0].type == "yes_no" else 1, note=nasty)
    assert send(inspector, office, tmp_path)["confidential"]["opened"] > 0
    for table in ("inspections", "responses", "attachments"):
        column = "id" if table == "inspections" else "inspection_id"
        sql = f"select * from [{table}] where {column} = ? order by id"
        sent, held = inspector.store.query(sql, [iid]), office.store.query(sql, [iid])
        assert sent and held == sent, table
    assert answers.responses_of(office, iid)[key]["note"] == nasty
