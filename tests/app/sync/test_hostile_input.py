"""Bounded, clear input (issue 8, finding 8): JSON anomalies, out-of-range numbers, bad
characters, enumerated fields and sizes, each refused with a one-line message before the
database is touched (content digest and PRAGMA integrity_check unchanged). The hostile author
signs with their own trusted key, so nothing may rely on the signature."""

import json
import zipfile

import pytest

from app.domain.limits import MAX_RECORDS
from app.errors import BundleError, ValidationError
from app.services import actions, answers, evidence, schools
from app.sync import manifest as mf
from app.sync.conflicts import list_conflicts, resolve_conflict
from app.sync.export import export_bundle
from app.sync.importer import import_bundle
from app.sync.reader import Limits
from tests.app.cli_support import run
from tests.app.sync.helpers import (digest, read_entries, records, resign, send, set_records,
                                    write_entries)


@pytest.fixture
def real(ws, mini_inspection, tmp_path):
    """A genuine full bundle from `ws` with a record of every kind and an evidence file."""
    evidence.attach_file(ws, mini_inspection, "a.samples", data=b"photo bytes", filename="p.jpg")
    answers.answer_item(ws, mini_inspection, "a.samples", "yes")
    actions.raise_action(ws, mini_inspection, description="修好冰箱")
    path = tmp_path / "real.sibundle"
    export_bundle(ws, path, kind="full")
    return path


def state(receiver) -> tuple:
    return (digest(receiver), receiver.store.scalar("PRAGMA integrity_check"),
            receiver.store.scalar("select count(*) from imported_bundles"))


def refused(receiver, path, match, *, limits=Limits()):
    before = state(receiver)
    with pytest.raises(BundleError, match=match) as caught:
        import_bundle(receiver, path, trust=True, limits=limits)
    assert "\n" not in str(caught.value)
    assert state(receiver) == before == (before[0], "ok", before[2])


def rewrite_records(ws, real, tmp_path, table, edit, name="h.sibundle"):
    """The real bundle with `edit(rows)` applied to one table, re-signed by its author."""
    entries = read_entries(real)
    rows = records(entries, table)
    edit(rows)
    set_records(entries, table, rows)
    return write_entries(tmp_path / name, resign(entries, ws.device_key))


def raw_line(ws, real, tmp_path, table, line: bytes, *, promise=None, name="raw.sibundle"):
    """The real bundle with one raw record line appended to `table` (and counted)."""
    entries = read_entries(real)
    entries[f"records/{table}.ndjson"] += line + b"\n"

    def recount(manifest):
        manifest["counts"][table] = promise if promise is not None else \
            manifest["counts"].get(table, 0) + 1
    return write_entries(tmp_path / name, resign(entries, ws.device_key, manifest_edit=recount))


def school_line(ws, real, **overrides) -> bytes:
    school = dict(records(read_entries(real), "schools")[0])
    school.update(id="0a0a0a0a-0000-4000-8000-000000000001", **overrides)
    return json.dumps(school, ensure_ascii=False).encode()


def with_raw_manifest(ws, real, tmp_path, transform, name="m.sibundle"):
    """Re-sign the real bundle with manifest bytes that `transform` rewrote as text."""
    entries = read_entries(real)
    data = transform(entries[mf.MANIFEST])
    entries[mf.MANIFEST] = data
    entries[mf.SIGNATURE] = mf.sign(data, ws.device_key)
    return write_entries(tmp_path / name, entries)


# -- JSON anomalies ------------------------------------------------------------------------
def test_manifest_with_a_duplicate_key(ws, office, real, tmp_path):
    path = with_raw_manifest(ws, real, tmp_path,
                             lambda data: data.replace(b"{", b'{"kind": "assignment", ', 1))
    refused(office, path, r"manifest.json: the key 'kind' appears twice in one object\.")


def test_manifest_with_a_duplicate_nested_key(ws, office, real, tmp_path):
    path = with_raw_manifest(ws, real, tmp_path, lambda data: data.replace(
        b'"sender": {', b'"sender": {"name": "someone else", ', 1))
    refused(office, path, "the key 'name' appears twice")


def test_record_with_id_twice(ws, office, real, tmp_path):
    line = school_line(ws, real)
    line = line.replace(b"{", b'{"id": "0a0a0a0a-0000-4000-8000-000000000002", ', 1)
    refused(office, raw_line(ws, real, tmp_path, "schools", line),
            r"records/schools.ndjson: line 2: the key 'id' appears twice")


def test_200000_deep_json_in_a_record_line(ws, office, real, tmp_path):
    line = b'{"id": ' + b"[" * 200_000 + b"]" * 200_000 + b"}"
    refused(office, raw_line(ws, real, tmp_path, "schools", line),
            "line 2: nested deeper than 32 levels")


def test_200000_deep_json_in_the_manifest(ws, office, real, tmp_path):
    path = with_raw_manifest(ws, real, tmp_path, lambda data: data.replace(
        b"{", b'{"x": ' + b"[" * 200_000 + b"]" * 200_000 + b", ", 1))
    refused(office, path, "manifest.json: nested deeper than 32 levels")


def test_an_integer_of_ten_to_the_thirty(ws, office, real, tmp_path):
    line = school_line(ws, real).replace(b'"deleted": 0', b'"student_count": '
                                         + b"1" + b"0" * 30 + b', "deleted": 0')
    refused(office, raw_line(ws, real, tmp_path, "schools", line), "line 2: the integer")


@pytest.mark.parametrize("number", [b"1e400", b"NaN", b"-Infinity"])
def test_numbers_json_does_not_allow(ws, office, real, tmp_path, number):
    line = school_line(ws, real).replace(b'"deleted": 0',
                                         b'"student_count": ' + number + b', "deleted": 0')
    refused(office, raw_line(ws, real, tmp_path, "schools", line), "line 2: ")


@pytest.mark.parametrize("escape, message", [(b"\\ud800", "lone surrogate"),
                                             (b"\\udc80x", "lone surrogate"),
                                             (b"\\u0000", "NUL character")])
def test_bad_characters_in_text(ws, office, real, tmp_path, escape, message):
    line = school_line(ws, real, phone="PHONE").replace(b'"PHONE"', b'"12' + escape + b'"')
    refused(office, raw_line(ws, real, tmp_path, "schools", line), message)


def test_bad_characters_in_the_sender_name(ws, office, real, tmp_path):
    path = with_raw_manifest(ws, real, tmp_path, lambda data: data.replace(
        b'"name": "', b'"name": "\\ud83d', 1))
    refused(office, path, "lone surrogate")


def test_a_template_body_with_a_duplicate_key(ws, office, real, tmp_path):
    def edit(rows):
        body = rows[0]["body"]
        rows[0]["body"] = body.replace("{", '{"key": "other", ', 1)
    refused(office, rewrite_records(ws, real, tmp_path, "templates", edit),
            "the body: the key 'key' appears twice")


# -- enumerated fields and answers ---------------------------------------------------------
@pytest.mark.parametrize("table, column, value", [
    ("actions", "status", "finished"),
    ("actions", "severity", "catastrophic"),
    ("inspections", "status", "approved"),
    ("inspections", "mode", "audit"),
    ("templates", "kind", "whatever"),
])
def test_enumerated_fields_in_a_bundle(ws, office, real, tmp_path, table, column, value):
    def edit(rows):
        rows[0][column] = value
    refused(office, rewrite_records(ws, real, tmp_path, table, edit),
            rf"{table}\.{column}: '{value}' is not one of")


@pytest.mark.parametrize("value, message", [('"maybe"', "answer yes, no or na"),
                                            ("true", "is not a valid yes_no answer"),
                                            ('{"x": 1}', "answer yes, no or na"),
                                            ('"yes", "no"', "not valid JSON")])
def test_answers_that_the_item_does_not_allow(ws, office, real, tmp_path, value, message):
    def edit(rows):
        rows[0]["value"] = value
    refused(office, rewrite_records(ws, real, tmp_path, "responses", edit), message)


def test_inspectors_must_be_a_list_of_names(ws, office, real, tmp_path):
    def edit(rows):
        rows[0]["inspectors"] = '{"a": 1}'
    refused(office, rewrite_records(ws, real, tmp_path, "inspections", edit),
            "inspectors must be a JSON list of names")


# -- sizes -----------------------------------------------------------------------------------
def test_a_million_records_promised_is_refused_before_parsing(ws, office, real, tmp_path):
    lines = b"".join(b'{"id":"%d"}\n' % n for n in range(1_000_000))
    entries = read_entries(real)
    entries["records/users.ndjson"] = lines

    def promise(manifest):
        manifest["counts"]["users"] = 1_000_000
    path = write_entries(tmp_path / "big.sibundle",
                         resign(entries, ws.device_key, manifest_edit=promise))
    assert path.stat().st_size < 10 << 20
    refused(office, path, rf"promises 100\d+ records, more than the limit of {MAX_RECORDS}")


def test_a_million_records_under_a_lying_count_stop_at_the_first_extra(ws, office, real,
                                                                       tmp_path):
    line = school_line(ws, real)
    entries = read_entries(real)
    many = b"".join(line.replace(b"0a0a0a0a", b"%08d" % n) + b"\n" for n in range(300_000))
    entries["records/schools.ndjson"] += many
    path = write_entries(tmp_path / "liar.sibundle", resign(entries, ws.device_key))
    refused(office, path, "holds more records than the 1 its manifest promises")


def test_a_record_line_beyond_the_line_limit(ws, office, real, tmp_path):
    line = school_line(ws, real, address="地" * 5000)
    refused(office, raw_line(ws, real, tmp_path, "schools", line),
            "line 2 is longer than the limit of 4096 bytes; refused",
            limits=Limits(max_line_bytes=4096))


def test_a_text_beyond_its_kind_limit(ws, office, real, tmp_path):
    line = school_line(ws, real, name="名" * 1001)
    refused(office, raw_line(ws, real, tmp_path, "schools", line),
            r"schools.name: 1001 characters, more than the limit of 1000\.")


# -- the same limits on every edit path ------------------------------------------------------
def unchanged(ws, call, match):
    before = (digest(ws), ws.store.scalar("PRAGMA integrity_check"))
    with pytest.raises(ValidationError, match=match) as caught:
        call()
    assert "\n" not in str(caught.value)
    assert (digest(ws), ws.store.scalar("PRAGMA integrity_check")) == before


def test_a_10_mb_note_through_the_service_layer(ws, mini_inspection):
    unchanged(ws, lambda: answers.set_note(ws, mini_inspection, "a.samples", "注" * (10 << 20)),
              r"responses.note: 10485760 characters, more than the limit of 20000\.")


def test_a_long_text_answer_and_a_huge_reading(ws, mini_inspection):
    unchanged(ws, lambda: answers.answer_item(ws, mini_inspection, "b.remarks", "x" * 20_001),
              "more than the limit of 20000")
    unchanged(ws, lambda: answers.answer_item(ws, mini_inspection, "b.fridge", "1e30"),
              "a number between")


def test_an_action_severity_edited_to_any_text(ws, mini_inspection):
    action = actions.raise_action(ws, mini_inspection, description="修好冰箱").created
    unchanged(ws, lambda: actions.edit_action(ws, action, severity="catastrophic"),
              r"severity: .*one of low, medium, high\.")


def test_school_fields_through_the_service(ws, school_id):
    unchanged(ws, lambda: schools.edit_school(ws, school_id, name="a\x00b"), "NUL character")
    unchanged(ws, lambda: schools.edit_school(ws, school_id, student_count=10 ** 30),
              "beyond the limit")


@pytest.fixture
def action_conflict(ws, office, mini_inspection, tmp_path):
    """An action whose status changed on both devices: a conflict on `office`."""
    action = actions.raise_action(ws, mini_inspection, description="修好冰箱").created
    send(ws, office, tmp_path)
    office.store.update("actions", action, {"status": "in_progress"})
    ws.store.update("actions", action, {"status": "reported"})
    send(ws, office, tmp_path)
    [conflict] = [c for c in list_conflicts(office) if c["table_name"] == "actions"]
    return conflict


def test_the_conflict_editor_refuses_a_status_outside_the_list(office, action_conflict):
    unchanged(office, lambda: resolve_conflict(office, action_conflict["id"], "edited",
                                               {"status": "finished"}),
              r"actions.status: 'finished' is not one of")
    resolve_conflict(office, action_conflict["id"], "edited", {"status": "reported"})


def test_the_conflict_editor_refuses_an_answer_the_item_does_not_allow(ws, office,
                                                                       mini_inspection,
                                                                       tmp_path):
    answers.answer_item(ws, mini_inspection, "a.score", "3")
    send(ws, office, tmp_path)
    answers.answer_item(ws, mini_inspection, "a.score", "4")
    from app.security import roles
    with roles.training(office):     # the office answering is only how the conflict is made
        answers.answer_item(office, mini_inspection, "a.score", "5")
    send(ws, office, tmp_path)
    [conflict] = [c for c in list_conflicts(office) if c["table_name"] == "responses"]
    for bad, message in (('"perhaps"', "a whole number"), ("99", "outside"),
                         ('"4"', "is not a valid score answer")):
        unchanged(office, lambda: resolve_conflict(office, conflict["id"], "edited",
                                                   {"value": bad}), message)
    resolve_conflict(office, conflict["id"], "edited", {"value": "4"})


# -- the command line --------------------------------------------------------------------------
def test_cli_refuses_hostile_json_with_exit_1_not_3(capsys, ws, real, tmp_path):
    line = b'{"id": ' + b"[" * 200_000 + b"]" * 200_000 + b"}"
    path = raw_line(ws, real, tmp_path, "schools", line)
    code, out, err = run(capsys, tmp_path / "receiver", "import", str(path), "--trust")
    assert code == 1 and err.count("\n") == 1 and "nested deeper than 32 levels" in err


def test_untrusted_sender_name_is_escaped_on_the_terminal(capsys, ws, real, tmp_path):
    evil = "Evil\x1b]0;owned\x07\x1b[2J\u202eName"
    # Without the sender's certificate: its subject (the real name) would no longer match the
    # renamed sender, which refuses the bundle (issue 8, trust anchors) before anything prints.
    entries = {n: d for n, d in read_entries(real).items()
               if not n.startswith("certificates/")}

    def rename(manifest):
        manifest["sender"]["name"] = evil
    path = write_entries(tmp_path / "e.sibundle",
                         resign(entries, ws.device_key, manifest_edit=rename))
    code, out, err = run(capsys, tmp_path / "receiver", "verify-bundle", str(path))
    assert code == 0, err
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "Evil\\x1b]0;owned\\x07\\x1b[2J\\u202eName" in out
    code, out, _ = run(capsys, tmp_path / "receiver", "verify-bundle", str(path), "--json")
    assert "\x1b" not in out and "\u202e" not in out
    assert json.loads(out)["sender"]["name"] == evil


def test_a_zip_entry_of_records_is_streamed(ws, office, real, tmp_path):
    """A records file is parsed while it is read; a changed file says so (hash) even when
    it is also malformed."""
    entries = read_entries(real)
    listed = resign(entries, ws.device_key)
    listed["records/schools.ndjson"] = b"{not json\n"
    path = write_entries(tmp_path / "c.sibundle", listed, compression=zipfile.ZIP_STORED)
    refused(office, path, "SHA-256|size")


@pytest.mark.parametrize("args, message", [
    (("demo", "--inspections", "1" + "0" * 30), "option --inspections: a whole number"),
    (("demo", "--schools", "99999999"), "option --schools: a whole number 1..10000"),
    (("templates", "show", "mini", "--version", "1" + "0" * 30), "option --version"),
    (("school", "add", "--name", "a\udcffb"), "argument name: holds a lone surrogate"),
    (("school", "add", "--name", "名" * 20_001), "more than the limit of 20000"),
])
def test_cli_arguments_beyond_limits_exit_1_with_one_line(capsys, tmp_path, args, message):
    code, _, err = run(capsys, tmp_path / "p", *args)
    assert code == 1 and err.count("\n") == 1 and message in err
