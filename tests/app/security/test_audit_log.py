"""The audit log catches truncation and rewrite (issue 8, finding 7): every change is logged,
answers included; an edited row, a recomputed chain, a cut tail and an emptied log are each
found, by the chain, the heads signed by the device key, the heads other devices witnessed,
and the data this device changed after the log's last entry."""

import base64
import json

import pytest

from app.security import audit, audit_heads
from app.services import answers, schools
from app.sync.export import export_bundle
from tests.app.cli_support import run
from tests.app.sync.helpers import read_entries, send


def problems(ws) -> list[str]:
    return audit.check_log(ws.store, ws.device_key.public_key())


def sql(ws, statement, params=()):
    """What someone with sqlite3 on the laptop does (committed at once)."""
    ws.store.db.execute(statement, params)
    ws.store.db.conn.commit()


def recompute_chain(ws) -> None:
    """Rewrite every entry's hashes as an attacker who knows the format would."""
    previous = audit.GENESIS
    for entry in ws.store.query("select * from audit_log order by seq"):
        entry["prev_hash"] = previous
        entry["hash"] = audit._entry_hash(entry)
        sql(ws, "update audit_log set prev_hash = ?, hash = ? where seq = ?",
            [entry["prev_hash"], entry["hash"], entry["seq"]])
        previous = entry["hash"]


@pytest.fixture
def logged(ws, mini_inspection, tmp_path):
    """A profile whose answers are logged and whose head was checkpointed by an export."""
    for value in ("yes", "no", "yes"):
        answers.answer_item(ws, mini_inspection, "a.samples", value)
    export_bundle(ws, tmp_path / "x.sibundle", kind="full")
    answers.set_note(ws, mini_inspection, "a.samples", "冰箱温度偏高")
    return ws


def test_every_answer_save_is_logged(ws, mini_inspection):
    before = ws.store.scalar("select count(*) from audit_log")
    answers.answer_item(ws, mini_inspection, "a.samples", "yes")
    answers.answer_item(ws, mini_inspection, "a.samples", "no")
    rid = answers.response_id(mini_inspection, "a.samples")
    entries = [e for e in audit.entries_for(ws.store, rid) if e["action"] == "responses.write"]
    assert len(entries) == 2 and ws.store.scalar("select count(*) from audit_log") > before
    assert entries[-1]["rev"] == ws.store.get("responses", rid)["rev"]
    assert problems(ws) == []


def test_an_intact_log_passes_and_the_cli_says_so(logged, capsys):
    assert problems(logged) == []
    code, out, _ = run(capsys, logged.paths.home, "audit", "--json")
    result = json.loads(out)
    assert code == 0 and result["intact"] and result["signed_heads"] >= 1


def test_an_edited_row(logged, capsys):
    sql(logged, "update audit_log set actor = 'someone else' where seq = 3")
    assert any("entry 3 was edited" in p for p in problems(logged))
    code, _, err = run(capsys, logged.paths.home, "audit")
    assert code == 1 and err.count("\n") == 1 and "tampered" in err


def test_a_recomputed_chain(logged):
    sql(logged, "update audit_log set actor = 'someone else' where seq = 3")
    recompute_chain(logged)
    assert audit.verify_chain(logged.store) is None        # the chain alone looks fine
    assert any("hashes recomputed" in p for p in problems(logged))


def test_a_cut_tail_past_a_checkpoint(logged):
    head = logged.store.scalar("select max(seq) from audit_heads where source = 'self'")
    sql(logged, "delete from audit_log where seq >= ?", [head - 1])
    assert any("tail was cut" in p for p in problems(logged))


def test_a_cut_tail_with_its_checkpoints_removed(logged):
    last = logged.store.scalar("select max(seq) from audit_log")
    sql(logged, "delete from audit_log where seq > ?", [last - 1])
    sql(logged, "delete from audit_heads where seq > ?", [last - 1])
    found = problems(logged)
    assert any("after the log's last entry" in p and "tail was cut" in p for p in found)


def test_an_emptied_log(logged, capsys):
    sql(logged, "delete from audit_log")
    assert any("emptied" in p for p in problems(logged))
    sql(logged, "delete from audit_heads")
    assert any("emptied" in p for p in problems(logged))      # the data still shows it
    code, _, err = run(capsys, logged.paths.home, "audit")
    assert code == 1 and "emptied" in err


def test_forged_checkpoints_without_the_key(logged):
    sql(logged, "update audit_log set actor = 'someone else' where seq = 3")
    recompute_chain(logged)
    head = logged.store.query("select seq, hash, at from audit_log order by seq desc limit 1")[0]
    sql(logged, "delete from audit_heads")
    sql(logged, "insert into audit_heads (device_id, seq, hash, at, signature, source, "
        "received_at, reason) values (?, ?, ?, ?, ?, 'self', ?, 'export')",
        [logged.store.device_id, head["seq"], head["hash"], head["at"],
         base64.b64encode(b"\0" * 64).decode(), head["at"]])
    assert any("wrong signature" in p for p in problems(logged))


def test_heads_travel_in_bundles_and_keep_the_manifest_shape(logged, tmp_path):
    path = tmp_path / "y.sibundle"
    export_bundle(logged, path, kind="changes")
    manifest = json.loads(read_entries(path)["manifest.json"])
    assert list(manifest)[:8] == ["format", "format_version", "bundle_id", "created_at",
                                  "kind", "sender", "counts", "files"]
    [head] = [h for h in manifest["audit_heads"] if h["device_id"] == logged.store.device_id]
    assert head["seq"] == logged.store.scalar("select max(seq) from audit_log")
    assert audit_heads.verify(head, manifest["sender"]["public_key"])


def test_witnesses_catch_a_rewrite_by_someone_holding_the_device_key(logged, office,
                                                                      tmp_path):
    send(logged, office, tmp_path)                    # office witnesses our head
    schools.add_school(office, name="东风小学")
    send(office, logged, tmp_path)                    # ...and relays it back to us
    witnessed = logged.store.query("select * from audit_heads where device_id = ? and "
                                   "source != 'self'", [logged.store.device_id])
    assert witnessed and problems(logged) == []
    # The key holder rewrites history and re-signs every own checkpoint.
    sql(logged, "update audit_log set actor = 'someone else' where seq = 3")
    recompute_chain(logged)
    sql(logged, "delete from audit_heads where source = 'self'")
    audit_heads.checkpoint(logged.store, reason="export")
    logged.store.db.conn.commit()
    found = problems(logged)
    assert found and all("witnessed by" in p for p in found)
    assert any("hashes recomputed" in p for p in found)


def test_a_bundle_with_a_forged_head_is_refused(logged, office, tmp_path):
    from tests.app.sync.helpers import resign, write_entries
    from app.errors import BundleError
    from app.sync.importer import import_bundle
    path = tmp_path / "z.sibundle"
    export_bundle(logged, path, kind="full")

    def forge(manifest):
        manifest["audit_heads"][0]["hash"] = "f" * 64
    bad = write_entries(tmp_path / "f.sibundle", resign(read_entries(path), logged.device_key,
                                                        manifest_edit=forge))
    with pytest.raises(BundleError, match="audit head of device .* has a wrong signature"):
        import_bundle(office, bad, trust=True)
    assert office.store.scalar("select count(*) from audit_heads") == 0


@pytest.fixture
def office(make_workspace):
    ws = make_workspace("office")
    ws.set_identity(name="区督导室王主任", role="admin")
    return ws
