"""Photos are stored fit for travel: a camera photo attached is upright, at most 2,048 px
on its long edge, JPEG, and keeps when it was taken; small JPEGs and non-photos are kept
byte for byte; the full-size original stays on this device only, and only when asked."""

from __future__ import annotations

import io
import zipfile

import pytest
from PIL import Image

from app.services import evidence
from app.services.photos import KEEP_ORIGINALS_SETTING, MAX_EDGE
from app.sync.export import export_bundle

DATETIME_ORIGINAL, EXIF_IFD = 0x9003, 0x8769


def camera_jpeg(width=4000, height=3000, orientation=6) -> bytes:
    image = Image.new("RGB", (width, height), (90, 140, 200))
    image.paste((200, 30, 30), (0, 0, width // 4, height // 4))  # a red top-left corner
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif.get_ifd(EXIF_IFD)[DATETIME_ORIGINAL] = "2026:03:14 09:26:53"
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=90, exif=exif.tobytes())
    return buffer.getvalue()


def stored(ws, attachment_id: str) -> tuple[dict, bytes]:
    row = ws.store.get("attachments", attachment_id)
    return row, ws.store.blob(row["sha256"])


def test_a_camera_photo_is_stored_upright_downscaled_jpeg(ws, mini_inspection):
    original = camera_jpeg()
    changes = evidence.attach_file(ws, mini_inspection, "a.samples", data=original,
                                   filename="IMG_0001.HEIC.png")
    row, data = stored(ws, changes.created)
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "JPEG" and row["mime"] == "image/jpeg"
        # Orientation 6 (rotated 90°): the upright photo is portrait.
        assert image.size == (MAX_EDGE * 3 // 4, MAX_EDGE)
        assert image.getexif().get(0x0112, 1) == 1
        red, green, _ = image.convert("RGB").getpixel((image.width - 5, 5))
        assert red > 150 and green < 100  # the red corner turned to the top right
    assert row["filename"] == "IMG_0001.HEIC.jpg"
    assert row["size"] == len(data) < len(original) / 3
    assert evidence.photo_taken_at(data) == "2026-03-14T09:26:53"
    assert ws.store.original(row["sha256"]) is None  # not kept unless asked


def test_small_jpegs_and_other_files_are_kept_byte_for_byte(ws, mini_inspection):
    small = camera_jpeg(800, 600, orientation=1)
    pdf = b"%PDF-1.4\n% a scanned letter\n"
    for data, name in ((small, "small.jpg"), (pdf, "letter.pdf"), (b"\xff\xd8broken", "x.jpg")):
        row, kept = stored(ws, evidence.attach_file(ws, mini_inspection, "a.samples",
                                                    data=data, filename=name).created)
        assert kept == data and row["filename"] == name


@pytest.mark.parametrize("by_setting", [False, True])
def test_the_original_is_kept_on_this_device_only_when_asked(ws, mini_inspection, tmp_path,
                                                             by_setting):
    original = camera_jpeg(3000, 2200, orientation=1)
    if by_setting:
        ws.store.set_setting(KEEP_ORIGINALS_SETTING, "1")
        changes = evidence.attach_file(ws, mini_inspection, "a.samples", data=original,
                                       filename="a.jpg")
    else:
        changes = evidence.attach_file(ws, mini_inspection, "a.samples", data=original,
                                       filename="a.jpg", keep_original=True)
    row, data = stored(ws, changes.created)
    assert ws.store.original(row["sha256"]) == original != data
    bundle = tmp_path / "out.sibundle"
    export_bundle(ws, bundle, kind="full")
    with zipfile.ZipFile(bundle) as archive:
        sent = [archive.read(name) for name in archive.namelist()
                if name.startswith("attachments/")]
    assert data in sent and original not in sent
