"""manifest.json's exact bytes are signed and published (ARCHITECTURE.md, "Sync bundles"):
the file list, written without the JSON encoder for speed, must give the very text
`json.dumps(manifest, ensure_ascii=False, indent=1)` gives, whatever the entries hold."""

import json

import pytest

from app.sync.manifest import build_manifest

NASTY = ['a"b', "back\\slash", "\x00\x1f\x7f", "引号 𠀀 \U0001F600", "\u2028\u2029\ufeff",
         '"files": []', "attachments/" + "ab" * 32]
SENDER = {"device_id": "d", "name": '督学"甲\n', "public_key": "k"}


@pytest.mark.parametrize("files", [
    [],
    [{"path": p, "size": n, "sha256": "ab" * 32} for n, p in enumerate(NASTY)],
    [{"path": "records/a.ndjson", "size": 2 ** 70, "sha256": 'x"\\'}],
    # Not the usual entries: written by the encoder itself.
    [{"path": "a", "size": True, "sha256": "x"}],
    [{"path": "a", "size": 1.5, "sha256": "x"}],
    [{"size": 1, "path": "a", "sha256": "x"}],
    [{"path": "a", "size": 1, "sha256": "x", "more": [1, {"b": None}]}],
])
def test_the_manifest_is_the_encoders_text_to_the_byte(files):
    extra = {"records_sha256": "ab", "confidential": [{"file": "c", "readers": []}],
             "audit_heads": [{"files": []}]}
    data = build_manifest(bundle_id="b", created_at="2026-11-30T00:00:00Z", kind="full",
                          sender=SENDER, counts={"schools": 2}, files=files, extra=extra)
    manifest = {"format": "school-inspect-bundle", "format_version": 1, "bundle_id": "b",
                "created_at": "2026-11-30T00:00:00Z", "kind": "full", "sender": SENDER,
                "counts": {"schools": 2}, "files": files, **extra}
    assert data == json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
