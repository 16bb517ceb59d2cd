"""Hostile and broken bundles: each is refused before the database is touched, with a message
that names the problem, and the content digest is unchanged. The hostile author signs with
their own (trusted) key, so no check may rely on the signature alone."""

import hashlib
import json
import stat
import uuid
import warnings
import zipfile

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519

from app.errors import BundleError, TrustError
from app.services import evidence
from app.sync import importer
from app.sync import manifest as mf
from app.sync.export import export_bundle
from app.sync.importer import import_bundle
from app.sync.reader import Limits
from tests.app.sync.helpers import (digest, read_entries, records, resign, set_records,
                                    write_entries)


@pytest.fixture
def real(ws, mini_inspection, tmp_path):
    """A genuine full bundle from `ws` with a record of every kind and an evidence file."""
    evidence.attach_file(ws, mini_inspection, "a.samples", data=b"photo bytes", filename="p.jpg")
    path = tmp_path / "real.sibundle"
    export_bundle(ws, path, kind="full")
    return path


def refused(receiver, path, match, *, limits=Limits(), error=BundleError):
    before = digest(receiver)
    bundles = receiver.store.scalar("select count(*) from imported_bundles")
    with pytest.raises(error, match=match):
        import_bundle(receiver, path, trust=True, limits=limits)
    assert digest(receiver) == before
    assert receiver.store.scalar("select count(*) from imported_bundles") == bundles


def hostile(ws, real, tmp_path, change, *, relist=True, manifest_edit=None, name="h.sibundle"):
    """Rewrite the real bundle with `change(entries)` and re-sign it with the author's key."""
    entries = read_entries(real)
    change(entries)
    return write_entries(tmp_path / name, resign(entries, ws.device_key, relist=relist,
                                                 manifest_edit=manifest_edit))


def test_not_a_zip(office, tmp_path):
    path = tmp_path / "x.sibundle"
    path.write_bytes(b"%PDF-1.7 certainly not a bundle")
    refused(office, path, "not a zip file")


def test_truncated(office, real, tmp_path):
    path = tmp_path / "cut.sibundle"
    path.write_bytes(real.read_bytes()[: real.stat().st_size // 2])
    refused(office, path, "truncated")


def test_missing_signature(office, real, tmp_path):
    entries = read_entries(real)
    del entries[mf.SIGNATURE]
    refused(office, write_entries(tmp_path / "n.sibundle", entries), "no signature")


def test_wrong_signature(office, real, tmp_path):
    entries = read_entries(real)
    entries[mf.SIGNATURE] = mf.sign(entries[mf.MANIFEST], ed25519.Ed25519PrivateKey.generate())
    refused(office, write_entries(tmp_path / "w.sibundle", entries), "signature is wrong")


def test_manifest_changed_after_signing(office, real, tmp_path):
    entries = read_entries(real)
    entries[mf.MANIFEST] = entries[mf.MANIFEST].replace(b'"full"', b'"changes"')
    refused(office, write_entries(tmp_path / "m.sibundle", entries), "signature is wrong")


def test_file_hash_differs_from_manifest(ws, office, real, tmp_path):
    def change(entries):
        data = entries["records/schools.ndjson"]
        entries["records/schools.ndjson"] = data.replace("育".encode(), "青".encode())
    refused(office, hostile(ws, real, tmp_path, change, relist=False), "SHA-256 hash differs")


def test_file_size_differs_from_manifest(ws, office, real, tmp_path):
    def change(entries):
        entries["records/schools.ndjson"] += b"\n"
    refused(office, hostile(ws, real, tmp_path, change, relist=False), "size")


def test_file_not_listed_in_manifest(ws, office, real, tmp_path):
    def drop(manifest):
        manifest["files"] = [f for f in manifest["files"] if f["path"] != "records/users.ndjson"]
    entries = read_entries(real)
    entries["records/users.ndjson"] = b'{"id": "x"}\n'
    path = write_entries(tmp_path / "u.sibundle", resign(entries, ws.device_key,
                                                         manifest_edit=drop))
    refused(office, path, "not listed in its manifest")


def test_listed_file_missing(ws, office, real, tmp_path):
    def change(entries):
        pass
    path = hostile(ws, real, tmp_path, change, manifest_edit=lambda m: m["files"].append(
        {"path": "attachments/" + "0" * 64, "size": 1, "sha256": "0" * 64}))
    refused(office, path, "missing 'attachments/")


@pytest.mark.parametrize("name", ["../escape.ndjson", "records/../../etc/passwd",
                                  "/etc/passwd", "C:/windows/evil", "records\\..\\evil"])
def test_paths_that_escape(ws, office, real, tmp_path, name):
    def change(entries):
        entries[name] = b"{}\n"
    refused(office, hostile(ws, real, tmp_path, change), "unsafe path")


def test_symlink_entry(ws, office, real, tmp_path):
    entries = resign({**read_entries(real), "attachments/link": b"/etc/passwd"}, ws.device_key)
    path = tmp_path / "link.sibundle"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name)
            if name == "attachments/link":
                info.create_system = 3
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, data)
    refused(office, path, "symbolic link")


def test_duplicate_entry_names(ws, office, real, tmp_path):
    entries = resign(read_entries(real), ws.device_key)
    listed = list(entries.items()) + [("records/schools.ndjson", b'{"evil": 1}\n')]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        path = write_entries(tmp_path / "dup.sibundle", listed)
    refused(office, path, "twice")


def test_zip_bomb_by_compression_ratio(ws, office, real, tmp_path):
    zeros = bytes(32 << 20)
    sha = hashlib.sha256(zeros).hexdigest()

    def change(entries):
        entries[f"attachments/{sha}"] = zeros
    refused(office, hostile(ws, real, tmp_path, change), "compressed more than")


def test_zip_bomb_by_total_size(ws, office, real, tmp_path):
    sha = "ab" * 32
    path = hostile(ws, real, tmp_path, lambda e: e.update({f"attachments/{sha}": b"x"}),
                   manifest_edit=lambda m: [f.update(size=5 << 30) for f in m["files"]
                                            if f["path"].endswith(sha)])
    refused(office, path, "would unpack to")


def test_zip_bomb_by_file_count(ws, office, real, tmp_path):
    def change(entries):
        for n in range(30):
            data = str(n).encode()
            entries[f"attachments/{hashlib.sha256(data).hexdigest()}"] = data
    refused(office, hostile(ws, real, tmp_path, change), "more than the limit of 20",
            limits=Limits(max_entries=20))


def test_invalid_manifest_json(ws, office, real, tmp_path):
    entries = read_entries(real)
    entries[mf.MANIFEST] = b'{"format": "school-inspect-bundle", '
    entries[mf.SIGNATURE] = mf.sign(entries[mf.MANIFEST], ws.device_key)
    refused(office, write_entries(tmp_path / "j.sibundle", entries),
            "manifest.json is not valid JSON")


def test_invalid_ndjson(ws, office, real, tmp_path):
    def change(entries):
        entries["records/schools.ndjson"] += b'{"id": "broken\n'
    refused(office, hostile(ws, real, tmp_path, change), "line 2 is not valid JSON")


def test_unknown_format_version(ws, office, real, tmp_path):
    path = hostile(ws, real, tmp_path, lambda e: None,
                   manifest_edit=lambda m: m.update(format_version=2))
    refused(office, path, "unknown format_version 2")


def test_unknown_table(ws, office, real, tmp_path):
    def change(entries):
        entries["records/settings.ndjson"] = b'{"key": "x", "value": "y"}\n'
    path = hostile(ws, real, tmp_path, change,
                   manifest_edit=lambda m: m["counts"].update(settings=1))
    refused(office, path, "unknown table 'settings'")


def test_unknown_column(ws, office, real, tmp_path):
    def change(entries):
        rows = records(entries, "schools")
        rows[0]["is_admin"] = 1
        set_records(entries, "schools", rows)
    refused(office, hostile(ws, real, tmp_path, change), "unknown column 'is_admin'")


def test_a_value_of_the_wrong_shape(ws, office, real, tmp_path):
    def change(entries):
        rows = records(entries, "schools")
        rows[0]["name"] = {"$gt": ""}
        set_records(entries, "schools", rows)
    refused(office, hostile(ws, real, tmp_path, change), "name must be text")


def test_references_that_point_nowhere(ws, office, real, tmp_path):
    def change(entries):
        row = records(entries, "attachments")[0]
        row["inspection_id"] = str(uuid.uuid4())
        set_records(entries, "attachments", [row])
    refused(office, hostile(ws, real, tmp_path, change), "neither in the bundle nor in this")


def test_evidence_file_not_matching_its_name(ws, office, real, tmp_path):
    def change(entries):
        name = next(n for n in entries if n.startswith("attachments/"))
        entries[name] = b"replaced photo"
    refused(office, hostile(ws, real, tmp_path, change), "does not match its name")


def test_template_body_not_matching_its_hash(ws, office, real, tmp_path):
    def change(entries):
        rows = records(entries, "templates")
        body = json.loads(rows[0]["body"])
        body["title"]["zh"] = "篡改的模板"
        rows[0]["body"] = json.dumps(body, ensure_ascii=False)
        set_records(entries, "templates", rows)
    refused(office, hostile(ws, real, tmp_path, change), "does not match its hash")


def test_counts_that_lie(ws, office, real, tmp_path):
    path = hostile(ws, real, tmp_path, lambda e: None,
                   manifest_edit=lambda m: m["counts"].update(schools=5))
    refused(office, path, "promises 5")


def test_a_known_device_presenting_another_key(ws, office, real, tmp_path):
    import_bundle(office, real, trust=True)
    impostor = ed25519.Ed25519PrivateKey.generate()
    path = hostile(ws, real, tmp_path, lambda e: None, manifest_edit=lambda m: m.update(
        bundle_id=str(uuid.uuid4()),
        sender={**m["sender"], "public_key": mf.sender_of("x", "x", impostor)["public_key"]}))
    entries = read_entries(path)
    entries[mf.SIGNATURE] = mf.sign(entries[mf.MANIFEST], impostor)
    refused(office, write_entries(tmp_path / "imp.sibundle", entries), "different key",
            error=TrustError)


def test_a_failed_sanity_check_rolls_everything_back(ws, office, real, monkeypatch):
    original = importer.merge_records

    def loses_attachments(ctx, table, records):
        yield from original(ctx, table, records)
        if table == "attachments":
            ctx.store.db.execute("delete from attachments where id = ?", [records[-1]["id"]])
    monkeypatch.setattr(importer, "merge_records", loses_attachments)
    before = office.store.scalar("select count(*) from devices")
    refused(office, real, "Import check failed: attachments")
    assert office.store.scalar("select count(*) from devices") == before


def test_a_second_answer_to_the_same_item(ws, office, real, mini_inspection, tmp_path):
    from app.services.answers import answer_item

    answer_item(ws, mini_inspection, "a.score", "4")
    path = tmp_path / "with-answer.sibundle"
    export_bundle(ws, path, kind="full")

    def change(entries):
        rows = records(entries, "responses")
        rows.append({**rows[0], "id": str(uuid.uuid4()), "value": "0"})
        set_records(entries, "responses", rows)
    path = hostile(ws, path, tmp_path, change,
                   manifest_edit=lambda m: m["counts"].update(responses=2))
    refused(office, path, "does not have the id of item 'a.score'")


def test_records_that_differ_from_the_promised_digest(ws, office, real, tmp_path):
    path = hostile(ws, real, tmp_path, lambda e: None,
                   manifest_edit=lambda m: m.update(records_sha256="0" * 64))
    refused(office, path, "records_sha256")
