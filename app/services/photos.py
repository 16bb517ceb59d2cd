"""Photos are made fit for travel once, when attached: turned upright (EXIF orientation
applied), reduced to a long edge of at most 2,048 px and stored as JPEG. A camera's 4000×3000
photo drops from about 4 MB to a few hundred KB, so bundles and reports stay small, and no
report or viewer ever depends on honouring EXIF orientation again.

Files that are not photos (PDF scans, text) and photos already small, upright JPEGs are kept
byte for byte. The camera's other EXIF data (when it was taken) stays in the JPEG. The
full-size original is kept only when the user asks (`keep_original`, or the profile setting
`keep_photo_originals`), on this device only: it lives in a local table that never travels
in a bundle.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import PurePath

MAX_EDGE = 2048
JPEG_QUALITY = 85
ORIENTATION = 0x0112
PHOTO_FORMATS = {"JPEG", "MPO", "PNG", "WEBP", "TIFF", "BMP", "HEIF"}
KEEP_ORIGINALS_SETTING = "keep_photo_originals"


@dataclass(frozen=True)
class Prepared:
    data: bytes
    filename: str | None
    mime: str | None
    changed: bool


def prepare(data: bytes, filename: str | None) -> Prepared:
    """The bytes to store for an attached file: photos upright, downscaled, JPEG."""
    from PIL import Image, UnidentifiedImageError
    try:
        with Image.open(io.BytesIO(data)) as source:
            if source.format not in PHOTO_FORMATS:
                return Prepared(data, filename, None, False)
            if source.format != "JPEG" and max(source.size) <= MAX_EDGE:
                # A small PNG stays lossless; checked before getexif(), which decodes a
                # whole PNG to find its EXIF chunk.
                return Prepared(data, filename, None, False)
            exif = source.getexif()
            orientation = exif.get(ORIENTATION, 1)
            if source.format == "JPEG" and max(source.size) <= MAX_EDGE \
                    and orientation in (0, 1):
                return Prepared(data, filename, None, False)
            jpeg = _reduce(source, exif)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        # Not an image Pillow can read (or a hostile one): kept as the file it is.
        return Prepared(data, filename, None, False)
    name = None if filename is None else str(PurePath(filename).with_suffix(".jpg"))
    return Prepared(jpeg, name, "image/jpeg", True)


def _reduce(source, exif) -> bytes:
    from PIL import Image, ImageOps
    if source.format == "JPEG":
        # Let the decoder skip detail that would be thrown away (several times faster).
        source.draft("RGB", (MAX_EDGE, MAX_EDGE))
    image = ImageOps.exif_transpose(source)
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        flat = Image.new("RGB", image.size, (255, 255, 255))
        flat.paste(image, mask=image.getchannel("A"))
        image = flat
    else:
        image = image.convert("RGB")
    image.thumbnail((MAX_EDGE, MAX_EDGE), Image.Resampling.LANCZOS)
    exif[ORIENTATION] = 1  # the pixels are upright now
    buffer = io.BytesIO()
    try:
        image.save(buffer, format="JPEG", quality=JPEG_QUALITY, optimize=True,
                   exif=exif.tobytes())
    except ValueError:  # EXIF too large for a JPEG segment: the pixels matter, not it
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return buffer.getvalue()


def keep_originals(store) -> bool:
    """Whether this profile keeps full-size originals of photos (off unless asked)."""
    return store.setting(KEEP_ORIGINALS_SETTING, "0") == "1"
