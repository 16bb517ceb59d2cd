"""PAdES signing of a finished report with pyHanko, in a visible field in the signature block.

Signing is a separate step on the finished bytes. Every signature is an incremental update, so
a second one (the principal countersigning) leaves the first intact. The field goes where the
renderer recorded the signature places (document info `SchoolInspectSignatureSlots`); its
appearance is a picture (drawn signature, name, time) so it needs no font at all.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from pyhanko.pdf_utils.images import PdfImage
from pyhanko.pdf_utils.layout import AxisAlignment, InnerScaling, SimpleBoxLayoutRule
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.stamp import StaticStampStyle

from app.errors import ValidationError
from app.reports.fonts import FONT_FILE
from app.security.keys import load_signing_key

SLOTS_KEY = "/SchoolInspectSignatureSlots"
FALLBACK_BOX = (340, 60, 540, 120)


def sign_pdf(pdf: bytes, key_path: Path, cert_path: Path, *, signer_name: str,
             role: str = "inspector", role_label: str = "", reason: str = "",
             location: str = "", drawn_signature: bytes | None = None,
             key_password: str | None = None) -> bytes:
    """Sign `pdf` (appending; earlier signatures stay valid) and return the new bytes."""
    reader = _reader(pdf)
    existing = [s.field_name for s in reader.embedded_signatures]
    box, page = _place(reader, role)
    name = f"Signature{len(existing) + 1}"
    # Our own check first: it says "password needed" or "wrong password" in words a user
    # understands, where pyHanko would only log and return None.
    load_signing_key(key_path, key_password)
    signer = signers.SimpleSigner.load(
        str(key_path), str(cert_path),
        key_passphrase=key_password.encode() if key_password else None)
    if signer is None:
        raise ValidationError(f"Cannot load the signing key {key_path.name} or certificate "
                              f"{cert_path.name}; re-create them with `init`.")
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    stamp = StaticStampStyle(
        border_width=0,
        background=PdfImage(_appearance(signer_name, role_label or role, drawn_signature, box),
                            writer=writer),
        # The picture is drawn at exactly the field's size: fill the box edge to edge.
        background_layout=SimpleBoxLayoutRule(
            x_align=AxisAlignment.ALIGN_MIN, y_align=AxisAlignment.ALIGN_MIN,
            inner_content_scaling=InnerScaling.STRETCH_FILL))
    meta = signers.PdfSignatureMetadata(
        field_name=name, reason=reason or f"{role} sign-off", location=location or None,
        subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256")
    pdf_signer = signers.PdfSigner(
        meta, signer, stamp_style=stamp,
        new_field_spec=fields.SigFieldSpec(sig_field_name=name, on_page=page, box=box))
    out = io.BytesIO()
    pdf_signer.sign_pdf(writer, output=out)
    return out.getvalue()


def _reader(pdf: bytes) -> PdfFileReader:
    try:
        return PdfFileReader(io.BytesIO(pdf), strict=False)
    except Exception as exc:  # pyHanko raises several kinds for a broken file
        raise ValidationError(f"This is not a readable PDF: {exc}") from exc


def signature_slots(reader: PdfFileReader) -> list[dict]:
    """The signature places the renderer recorded, or [] for a foreign PDF."""
    info = reader.trailer_view.get("/Info")
    raw = info.get_object().get(SLOTS_KEY) if info is not None else None
    try:
        return json.loads(str(raw)) if raw else []
    except ValueError:
        return []


def _place(reader: PdfFileReader, role: str) -> tuple[tuple, int]:
    """The free slot for `role`, else any free slot, else a box stacked at the foot of the
    last page (a foreign PDF, or more signers than places)."""
    taken = _occupied(reader)
    free = [s for s in signature_slots(reader)
            if tuple(int(round(v)) for v in s["box"]) not in taken]
    chosen = next((s for s in free if s["role"] == role), free[0] if free else None)
    if chosen is None:
        pages = int(reader.root["/Pages"]["/Count"])
        x1, y1, x2, y2 = FALLBACK_BOX
        offset = 70 * len(taken)
        return (x1, y1 + offset, x2, y2 + offset), pages - 1
    return tuple(int(round(v)) for v in chosen["box"]), int(chosen["page"])


def _occupied(reader: PdfFileReader) -> set[tuple]:
    """The boxes of the signature fields already in the document (two places never share a
    box, so the box alone tells which place is taken)."""
    taken = set()
    for _name, _value, ref in fields.enumerate_sig_fields(reader, filled_status=None):
        rect = ref.get_object().get("/Rect")
        if rect is not None:
            taken.add(tuple(int(round(float(v))) for v in rect))
    return taken


def _appearance(name: str, role: str, drawn: bytes | None, box: tuple) -> Image.Image:
    """A bitmap of the visible signature: the drawn signature (if any), the signer's
    name and the signing time, at 4× the box size so it prints sharply."""
    scale = 4
    width, height = (box[2] - box[0]) * scale, (box[3] - box[1]) * scale
    image = Image.new("RGB", (width, height), (240, 247, 247))
    draw = ImageDraw.Draw(image)
    if drawn:
        _paste_drawn(image, drawn)
    big = ImageFont.truetype(str(FONT_FILE), size=int(height * 0.2), index=0)
    small = ImageFont.truetype(str(FONT_FILE), size=int(height * 0.13), index=0)
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    draw.rectangle((0, 0, width - 1, height - 1), outline=(15, 110, 110), width=scale * 2)
    draw.text((height * 0.12, height * 0.1), name, font=big, fill=(15, 110, 110))
    draw.text((height * 0.12, height * 0.5), f"{role} · 数字签名", font=small,
              fill=(60, 70, 80))
    draw.text((height * 0.12, height * 0.72), stamp, font=small, fill=(60, 70, 80))
    return image


def _paste_drawn(image: Image.Image, drawn: bytes) -> None:
    try:
        with Image.open(io.BytesIO(drawn)) as source:
            picture = source.convert("RGBA")
    except OSError:
        return  # a damaged drawing still leaves a valid signature appearance
    picture.thumbnail((int(image.width * 0.4), int(image.height * 0.7)))
    x = image.width - picture.width - image.height // 10
    image.paste(picture, (x, (image.height - picture.height) // 2), picture)
