"""Helpers for sync tests: exchange bundles between profiles, and rewrite a real bundle
the way a hostile author would (re-signed with the author's own key)."""

from __future__ import annotations

import hashlib
import json
import zipfile
from itertools import count
from pathlib import Path

from app.storage.digest import stats
from app.sync import manifest as mf
from app.sync.export import export_bundle
from app.sync.importer import import_bundle

_numbers = count(1)


def send(src, dst, tmp_path: Path, *, kind: str = "changes", trust: bool = True, **kw) -> dict:
    """Export from `src` and import into `dst`; returns the import result."""
    path = tmp_path / f"b{next(_numbers)}.sibundle"
    export_bundle(src, path, kind=kind, **kw)
    return import_bundle(dst, path, trust=trust)


def digest(ws) -> str:
    return stats(ws.store)["digest"]


def read_entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {i.filename: archive.read(i) for i in archive.infolist()}


def write_entries(path: Path, entries: list[tuple[str, bytes]] | dict[str, bytes],
                  compression=zipfile.ZIP_DEFLATED) -> Path:
    items = entries.items() if isinstance(entries, dict) else entries
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, data in items:
            archive.writestr(name, data)
    return path


def resign(entries: dict[str, bytes], key, *, manifest_edit=None,
           relist: bool = True) -> dict[str, bytes]:
    """Recompute the manifest's file list from the entries (unless `relist` is False), let
    `manifest_edit` change it, and sign it with `key` — a validly signed hostile bundle."""
    manifest = json.loads(entries[mf.MANIFEST])
    if relist:
        manifest["files"] = [{"path": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
                             for n, d in entries.items() if n not in (mf.MANIFEST, mf.SIGNATURE)]
    manifest["records_sha256"] = _records_sha256(entries, manifest.get("records_sha256"))
    if manifest_edit:
        manifest_edit(manifest)
    data = json.dumps(manifest, ensure_ascii=False).encode()
    return {**entries, mf.MANIFEST: data, mf.SIGNATURE: mf.sign(data, key)}


def _records_sha256(entries: dict[str, bytes], old: str | None) -> str | None:
    """What a hostile author would promise for the records they wrote (when they parse)."""
    from app.sync.records import records_digest
    try:
        parsed = {n[len("records/"):-len(".ndjson")]: [json.loads(line) for line in
                                                        d.decode().splitlines() if line.strip()]
                  for n, d in entries.items() if n.startswith("records/")}
        return records_digest(parsed)
    except (ValueError, KeyError, TypeError, RecursionError):
        return old


def records(entries: dict[str, bytes], table: str) -> list[dict]:
    return [json.loads(line) for line in entries[f"records/{table}.ndjson"].decode().splitlines()]


def set_records(entries: dict[str, bytes], table: str, rows: list[dict]) -> None:
    entries[f"records/{table}.ndjson"] = "".join(
        json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()


def png(color=(200, 30, 30)) -> bytes:
    import io

    from PIL import Image
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), color).save(buffer, format="PNG")
    return buffer.getvalue()


def fill(ws, inspection_id: str) -> None:
    """Answer every item of the mini template and attach the required photo."""
    from app.services import answers, evidence
    for key, value in {"a.samples": "yes", "a.score": "4", "a.rating": "good",
                       "b.fridge": "5", "b.choice": "full"}.items():
        answers.answer_item(ws, inspection_id, key, value)
    evidence.attach_file(ws, inspection_id, "b.fridge", data=png(), filename="fridge.png")


def sign(ws, inspection_id: str) -> None:
    from app.services import inspections, signoff
    fill(ws, inspection_id)
    inspections.complete_inspection(ws, inspection_id)
    signoff.sign_off(ws, inspection_id, signer="张督学", image_png=png((0, 0, 0)))
