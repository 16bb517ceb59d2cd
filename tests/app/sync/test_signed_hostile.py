"""Issue 8, findings 1–3: a trusted peer (holding a valid device key) manipulating sign-offs and
status, and local edit paths around the freeze. One short test per hostile case; where the
bundle is refused, the content digest and `PRAGMA integrity_check` stay as they were."""

import json
import uuid

import pytest

from app.cli.main import main
from app.errors import BundleError, FrozenError
from app.security.signoffs import sign_row
from app.services import answers, inspections, signoff
from app.sync.conflicts import list_conflicts, resolve_conflict
from app.sync.export import export_bundle
from app.sync.importer import import_bundle
from tests.app.sync.helpers import (digest, fill, read_entries, records, resign, send,
                                    set_records, sign, write_entries)


def refused(receiver, path, match):
    before = digest(receiver), receiver.store.scalar("PRAGMA integrity_check")
    with pytest.raises(BundleError, match=match):
        import_bundle(receiver, path, trust=True)
    assert (digest(receiver), receiver.store.scalar("PRAGMA integrity_check")) == before


def rewritten(ws, tmp_path, change, *, kind="full", name=None) -> object:
    """A real bundle from `ws`, rewritten by `change(entries)` and re-signed with ws's key."""
    path = tmp_path / f"{name or uuid.uuid4()}.sibundle"
    export_bundle(ws, path, kind=kind)
    entries = read_entries(path)
    change(entries)

    def recount(manifest):
        manifest["counts"] = {n[len("records/"):-len(".ndjson")]: len(d.decode().splitlines())
                              for n, d in entries.items() if n.startswith("records/")}
    return write_entries(path, resign(entries, ws.device_key, manifest_edit=recount))


def edit(entries, table, fn):
    rows = records(entries, table)
    for row in rows:
        fn(row)
    set_records(entries, table, rows)


def forged_signoff(ws, inspection_id, *, role="inspector", signer="王主任", key=None,
                   captured_by=None, content=None):
    """A sign-off row signed validly by `key` (default: ws's own device key)."""
    row = {"id": str(uuid.uuid4()), "inspection_id": inspection_id, "signer": signer,
           "role": role, "signed_at": "2026-11-29T10:00:00Z", "image_sha256": None,
           "content_sha256": content or signoff.content_sha256(ws, inspection_id),
           "captured_by": captured_by or ws.profile.device_id, "deleted": 0}
    row["device_sig"] = sign_row(row, key or ws.device_key)
    rev = ws.store.next_rev()
    return {**row, "rev": rev, "base_rev": None, "device_id": ws.profile.device_id}


def add_rows(entries, table, rows):
    name = f"records/{table}.ndjson"
    existing = records(entries, table) if name in entries else []
    set_records(entries, table, existing + rows)


# -- finding 1: status 'signed' set by a peer -------------------------------------------------
def test_a_signed_status_without_signoffs_does_not_make_it_signed(ws, office, mini_inspection,
                                                                   tmp_path):
    fill(ws, mini_inspection)
    path = rewritten(ws, tmp_path, lambda e: edit(e, "inspections",
                                                  lambda r: r.update(status="signed")))
    result = import_bundle(office, path, trust=True)
    row = office.store.get("inspections", mini_inspection)
    assert row["status"] == "completed" and row["signed_at"] is None
    assert any("arrived marked signed without a valid sign-off" in n
               for n in result["notices"])
    assert not signoff.is_signed(office, mini_inspection)
    assert inspections.list_inspections(office, status="signed") == []


def test_report_of_a_relabelled_inspection_is_not_signed_digitally(ws, office, mini_inspection,
                                                                    tmp_path):
    from app.reports.service import make_report
    fill(ws, mini_inspection)
    import_bundle(office, rewritten(ws, tmp_path, lambda e: edit(
        e, "inspections", lambda r: r.update(status="signed"))), trust=True)
    assert make_report(office, mini_inspection).signed is False


def test_a_signoff_over_other_content_does_not_sign(ws, office, mini_inspection, tmp_path):
    fill(ws, mini_inspection)

    def change(entries):
        edit(entries, "inspections", lambda r: r.update(status="signed"))
        add_rows(entries, "signatures", [forged_signoff(ws, mini_inspection,
                                                        content="0" * 64)])
    result = import_bundle(office, rewritten(ws, tmp_path, change), trust=True)
    assert office.store.get("inspections", mini_inspection)["status"] == "completed"
    assert result["notices"]


def test_a_principal_signoff_alone_does_not_sign_an_inspection(ws, office, mini_inspection,
                                                                tmp_path):
    fill(ws, mini_inspection)

    def change(entries):
        edit(entries, "inspections", lambda r: r.update(status="signed"))
        add_rows(entries, "signatures", [forged_signoff(ws, mini_inspection, role="principal")])
    import_bundle(office, rewritten(ws, tmp_path, change), trust=True)
    assert office.store.get("inspections", mini_inspection)["status"] == "completed"


def test_a_signoff_with_a_forged_device_signature_is_refused(ws, office, mini_inspection,
                                                             tmp_path):
    sign(ws, mini_inspection)
    path = rewritten(ws, tmp_path, lambda e: edit(
        e, "signatures", lambda r: r.update(device_sig=r["device_sig"][:-8] + "AAAAAAA=")))
    refused(office, path, "does not carry a valid signature of device")


def test_a_signoff_changed_after_signing_is_refused(ws, office, mini_inspection, tmp_path):
    sign(ws, mini_inspection)
    path = rewritten(ws, tmp_path, lambda e: edit(e, "signatures",
                                                  lambda r: r.update(signer="王局长")))
    refused(office, path, "forged or changed after signing")


def test_a_signoff_without_device_signature_is_refused(ws, office, mini_inspection, tmp_path):
    sign(ws, mini_inspection)
    path = rewritten(ws, tmp_path, lambda e: edit(e, "signatures",
                                                  lambda r: r.update(device_sig=None)))
    refused(office, path, "does not carry a valid signature")


def test_a_peer_cannot_sign_in_another_trusted_devices_name(ws, office, inspector,
                                                            mini_inspection, tmp_path):
    send(inspector, office, tmp_path)               # the office trusts the inspector's laptop
    fill(ws, mini_inspection)

    def change(entries):
        edit(entries, "inspections", lambda r: r.update(status="signed"))
        add_rows(entries, "signatures", [forged_signoff(
            ws, mini_inspection, captured_by=inspector.profile.device_id)])
    refused(office, rewritten(ws, tmp_path, change), f"device .*{inspector.profile.device_id}")


def test_a_signoff_of_a_device_not_trusted_here_is_kept_but_does_not_count(
        ws, office, mini_inspection, tmp_path):
    from cryptography.hazmat.primitives.asymmetric import ed25519
    stranger = ed25519.Ed25519PrivateKey.generate()
    fill(ws, mini_inspection)

    def change(entries):
        edit(entries, "inspections", lambda r: r.update(status="signed"))
        add_rows(entries, "signatures", [forged_signoff(
            ws, mini_inspection, key=stranger, captured_by=str(uuid.uuid4()))])
    result = import_bundle(office, rewritten(ws, tmp_path, change), trust=True)
    assert office.store.get("inspections", mini_inspection)["status"] == "completed"
    assert any("not trusted here" in n for n in result["notices"])


def test_a_genuine_signoff_makes_it_signed_on_the_receiver(ws, office, mini_inspection,
                                                           tmp_path):
    sign(ws, mini_inspection)
    result = send(ws, office, tmp_path)
    assert office.store.get("inspections", mini_inspection)["status"] == "signed"
    assert signoff.is_signed(office, mini_inspection) and result["notices"] == []
    assert digest(office) == digest(ws)


# -- finding 2: the frozen set includes the sign-offs ------------------------------------------
def test_a_countersignature_nobody_made_here_is_not_added(ws, office, mini_inspection, tmp_path):
    sign(ws, mini_inspection)
    send(ws, office, tmp_path)
    before = digest(office)
    path = rewritten(ws, tmp_path, lambda e: add_rows(e, "signatures", [forged_signoff(
        ws, mini_inspection, role="principal", signer="李校长")]))
    result = import_bundle(office, path, trust=True)
    assert result["tables"]["signatures"]["conflicts"] == 1
    assert digest(office) == before
    assert [s["role"] for s in signoff.signatures_of(office, mini_inspection)] == ["inspector"]


def test_tombstoned_signoffs_do_not_unsign(ws, office, mini_inspection, tmp_path):
    sign(ws, mini_inspection)
    send(ws, office, tmp_path)
    before = digest(office)
    path = rewritten(ws, tmp_path, lambda e: edit(e, "signatures", lambda r: r.update(
        deleted=1, base_rev=r["rev"], ancestry=[r["rev"]], rev=ws.store.next_rev())))
    import_bundle(office, path, trust=True)
    assert digest(office) == before
    assert office.store.get("inspections", mini_inspection)["status"] == "signed"
    assert len(signoff.signatures_of(office, mini_inspection)) == 1


def test_a_changed_signoff_of_a_signed_inspection_stays_as_it_was(ws, office, mini_inspection,
                                                                   tmp_path):
    sign(ws, mini_inspection)
    send(ws, office, tmp_path)
    before = digest(office)

    def resigned(row):
        row.update(signer="王局长", base_rev=row["rev"], ancestry=[row["rev"]],
                   rev=ws.store.next_rev())
        row["device_sig"] = sign_row(row, ws.device_key)   # the capturing device itself
    import_bundle(office, rewritten(ws, tmp_path, lambda e: edit(e, "signatures", resigned)),
                  trust=True)
    assert digest(office) == before


def test_a_bundle_cannot_unfreeze_by_setting_a_status(ws, office, mini_inspection, tmp_path):
    sign(ws, mini_inspection)
    send(ws, office, tmp_path)
    before = digest(office)
    path = rewritten(ws, tmp_path, lambda e: edit(e, "inspections", lambda r: r.update(
        status="in_progress", base_rev=r["rev"], ancestry=[r["rev"]],
        rev=ws.store.next_rev())))
    result = import_bundle(office, path, trust=True)
    assert result["tables"]["inspections"]["conflicts"] == 1
    assert digest(office) == before


# -- finding 3: the freeze holds in conflict resolution ----------------------------------------
def _answer_conflict(ws, office, mini_inspection, tmp_path):
    sign(ws, mini_inspection)
    send(ws, office, tmp_path)
    inspections.amend_inspection(ws, mini_inspection, "复核")
    answers.answer_item(ws, mini_inspection, "a.score", "1")
    send(ws, office, tmp_path)
    return next(c for c in list_conflicts(office) if c["table_name"] == "responses")


def test_take_theirs_cannot_change_a_signed_answer(ws, office, mini_inspection, tmp_path):
    conflict = _answer_conflict(ws, office, mini_inspection, tmp_path)
    before = digest(office)
    with pytest.raises(FrozenError, match="signed and frozen"):
        resolve_conflict(office, conflict["id"], "theirs")
    with pytest.raises(FrozenError, match="inspect amend"):
        resolve_conflict(office, conflict["id"], "edited", {"value": "2"})
    assert digest(office) == before
    assert answers.answers_of(office, mini_inspection)["a.score"] == 4
    assert signoff.is_signed(office, mini_inspection)


def test_cli_take_theirs_on_frozen_content_exits_1_with_one_line(ws, office, mini_inspection,
                                                                 tmp_path, capsys):
    conflict = _answer_conflict(ws, office, mini_inspection, tmp_path)
    code = main(["--home", str(office.paths.home), "conflicts", "resolve", conflict["id"],
                 "--take", "theirs"])
    err = capsys.readouterr().err
    assert code == 1 and "signed and frozen" in err and len(err.strip().splitlines()) == 1


def test_take_ours_on_frozen_content_is_allowed(ws, office, mini_inspection, tmp_path):
    conflict = _answer_conflict(ws, office, mini_inspection, tmp_path)
    before = digest(office)
    resolve_conflict(office, conflict["id"], "ours")
    assert digest(office) == before and signoff.is_signed(office, mini_inspection)


def test_a_refused_countersignature_cannot_be_taken(ws, office, mini_inspection, tmp_path):
    sign(ws, mini_inspection)
    send(ws, office, tmp_path)
    import_bundle(office, rewritten(ws, tmp_path, lambda e: add_rows(e, "signatures", [
        forged_signoff(ws, mini_inspection, role="principal")])), trust=True)
    [conflict] = [c for c in list_conflicts(office) if c["table_name"] == "signatures"]
    with pytest.raises(FrozenError):
        resolve_conflict(office, conflict["id"], "theirs")
    before = digest(office)
    resolve_conflict(office, conflict["id"], "ours")       # dismissing it adds nothing
    assert digest(office) == before and not list_conflicts(office)


# -- amendment -----------------------------------------------------------------------------
def test_amend_cli_unfreezes_and_needs_signing_again(ws, mini_inspection, capsys):
    sign(ws, mini_inspection)
    old = signoff.content_sha256(ws, mini_inspection)
    code = main(["--home", str(ws.paths.home), "inspect", "amend", mini_inspection,
                 "--reason", "补录留样记录", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out["status"] == "in_progress" and out["amendment"] == 1
    assert signoff.content_sha256(ws, mini_inspection) != old      # old signature stays old
    assert not signoff.is_signed(ws, mini_inspection)
    [old_signoff] = signoff.signatures_of(ws, mini_inspection, current_only=False)
    assert old_signoff["content_sha256"] == old
    answers.answer_item(ws, mini_inspection, "a.score", "2")       # editable again
    inspections.complete_inspection(ws, mini_inspection)
    signoff.sign_off(ws, mini_inspection, signer="张督学")
    assert ws.store.get("inspections", mini_inspection)["status"] == "signed"


def test_amend_needs_a_reason_and_a_signed_inspection(ws, mini_inspection, capsys):
    code = main(["--home", str(ws.paths.home), "inspect", "amend", mini_inspection,
                 "--reason", "x"])
    assert code == 1 and "Only a signed inspection" in capsys.readouterr().err
    sign(ws, mini_inspection)
    code = main(["--home", str(ws.paths.home), "inspect", "amend", mini_inspection,
                 "--reason", "  "])
    assert code == 1 and "why" in capsys.readouterr().err
    assert ws.store.get("inspections", mini_inspection)["status"] == "signed"


def test_an_amendment_is_in_the_audit_log(ws, mini_inspection):
    from app.security.audit import entries_for
    sign(ws, mini_inspection)
    inspections.amend_inspection(ws, mini_inspection, "补录")
    [entry] = [e for e in entries_for(ws.store, mini_inspection)
               if e["action"] == "inspection.amend"]
    assert json.loads(entry["detail"])["reason"] == "补录"


def test_a_remembered_verdict_is_for_the_exact_key_signature_and_bytes(ws):
    """Sign-off verdicts are remembered (a bundle's sign-offs are checked before the import
    and again when the signed state is derived): a changed row, signature or key is judged
    afresh, never by the verdict on the original."""
    from app.security.keys import public_key_b64
    from app.security.signoffs import sign_row, verify_row
    row = {"id": "s-1", "inspection_id": "i-1", "role": "inspector", "signer": "甲",
           "signed_at": "2026-11-30T00:00:00Z", "captured_by": "dev", "content_sha256": "ab"}
    row["device_sig"] = sign_row(row, ws.device_key)
    key = public_key_b64(ws.device_key)
    assert verify_row(row, key) and verify_row(row, key)
    assert not verify_row({**row, "content_sha256": "cd"}, key)
    assert not verify_row({**row, "device_sig": sign_row({**row, "id": "s-2"}, ws.device_key)},
                          key)
    from cryptography.hazmat.primitives.asymmetric import ed25519
    assert not verify_row(row, public_key_b64(ed25519.Ed25519PrivateKey.generate()))
    assert not verify_row({**row, "device_sig": ["not", "text"]}, key)
    assert not verify_row({**row, "signer": b"bytes"}, key)
