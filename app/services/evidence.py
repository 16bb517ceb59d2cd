"""Evidence files (photos, scans) attached to an item, stored once by SHA-256.

The bytes live in the `blobs` table inside the database, so an attachment and its file are
written in the same transaction: a crash never leaves a record pointing at a missing file.
"""

from __future__ import annotations

import hashlib
import io
import mimetypes
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import ValidationError
from app.security import audit, roles
from app.services import photos
from app.services.answers import item_of
from app.services.changes import Changes
from app.services.guard import editable_inspection, editing, touch

if TYPE_CHECKING:
    from app.workspace import Workspace

MAX_EVIDENCE_BYTES = 50 * 1024 * 1024
EXIF_IFD, DATETIME_ORIGINAL, DATETIME = 0x8769, 0x9003, 0x0132


def attach_file(ws: Workspace, inspection_id: str, item_key: str, path: Path | str | None = None, *,
                data: bytes | None = None, filename: str | None = None,
                caption: str = "", keep_original: bool | None = None) -> Changes:
    """Attach a file (by path, or bytes with a file name) to an item of an inspection.
    A photo is stored upright and downscaled (app/services/photos.py); its full-size
    original is kept on this device only when `keep_original` (default: the profile's
    setting) asks for it."""
    inspection = editable_inspection(ws, inspection_id)
    item_of(ws, inspection, item_key)
    if data is None:
        data, filename = _read(Path(path)), filename or Path(path).name
    if len(data) > MAX_EVIDENCE_BYTES:
        raise ValidationError(f"{filename}: larger than {MAX_EVIDENCE_BYTES // 2**20} MB.")
    original, original_name = data, filename
    prepared = photos.prepare(data, filename)
    data, filename = prepared.data, prepared.filename
    sha = hashlib.sha256(data).hexdigest()
    mime = prepared.mime or mimetypes.guess_type(filename or "")[0] or \
        "application/octet-stream"
    if keep_original is None:
        keep_original = photos.keep_originals(ws.store)
    # Checked above for a fast refusal before the photo work; checked again in the write's
    # own transaction, where the answer holds until commit.
    with editing(ws, inspection_id) as inspection:
        if prepared.changed and keep_original:
            ws.store.keep_original(sha, original, original_name)
        ws.store.put_blob(sha, data, mime)
        row = ws.store.insert("attachments", {
            "inspection_id": inspection_id, "item_key": item_key, "sha256": sha,
            "filename": filename, "mime": mime, "size": len(data), "caption": caption,
            "created_at": ws.store.clock_iso()})
        touch(ws, inspection)
        audit.append(ws.store, actor=ws.actor, action="evidence.attach", entity="attachments",
                     entity_id=row["id"], detail={"sha256": sha, "item": item_key})
    return Changes.of("attachments", row["id"], created=row["id"]) | \
        Changes.of("inspections", inspection_id)


def photo_taken_at(data: bytes) -> str | None:
    """The camera's DateTimeOriginal as ISO text, or None for files without EXIF."""
    try:
        from PIL import Image
        with Image.open(io.BytesIO(data)) as image:
            exif = image.getexif()
            stamp = exif.get_ifd(EXIF_IFD).get(DATETIME_ORIGINAL) or exif.get(DATETIME)
    except Exception:  # not an image, or unreadable EXIF: no time, not an error
        return None
    if not isinstance(stamp, str) or len(stamp) < 19:
        return None
    return stamp[:10].replace(":", "-") + "T" + stamp[11:19]


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ValidationError(f"Cannot read {path.name}: {exc.strerror or exc}.") from exc


def remove_attachment(ws: Workspace, attachment_id: str) -> Changes:
    with ws.store.atomic():
        row = ws.store.require("attachments", attachment_id, "attachment")
        inspection = editable_inspection(ws, row["inspection_id"])
        ws.store.tombstone("attachments", attachment_id)
        touch(ws, inspection)
    return Changes.of("attachments", attachment_id) | Changes.of("inspections",
                                                                 inspection["id"])


def attachments_of(ws: Workspace, inspection_id: str, item_key: str | None = None) -> list[dict]:
    roles.require_scope_of(ws, "inspections", inspection_id)
    sql = "select * from attachments where inspection_id = ? and deleted = 0"
    params = [inspection_id]
    if item_key:
        sql, params = sql + " and item_key = ?", params + [item_key]
    return ws.store.query(sql + " order by created_at, id", params)


def evidence_counts(ws: Workspace, inspection_id: str) -> dict[str, int]:
    rows = ws.store.query("select item_key, count(*) as n from attachments where "
                          "inspection_id = ? and deleted = 0 group by item_key",
                          [inspection_id])
    return {r["item_key"]: r["n"] for r in rows}


def evidence_bytes(ws: Workspace, sha256: str) -> bytes:
    """A file by its hash, when a record this profile may read holds it."""
    scope, params = roles.read_scope(ws, "i.school_id")
    if scope and not ws.store.scalar(
            "select exists(select 1 from attachments x join inspections i on "
            f"i.id = x.inspection_id where x.sha256 = ?{scope}) or exists(select 1 from "
            "signatures x join inspections i on i.id = x.inspection_id where "
            f"x.image_sha256 = ?{scope}) or exists(select 1 from action_evidence x join "
            "action_events e on e.id = x.event_id join actions i on i.id = e.action_id "
            f"where x.sha256 = ?{scope})", [sha256, *params] * 3):
        roles.require_read(ws, None)
    return ws.store.blob(sha256)
