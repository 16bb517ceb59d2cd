"""The demo's pictures: evidence "photos" and drawn signatures, generated (PNG bytes), the
same bytes for the same random numbers."""

from __future__ import annotations

import io
import random
import struct
import zlib

INK = (20, 30, 90)   # a signature's colour, on a transparent background
SIGNATURE_SIZE = (360, 120)


def photo(index: int, rng: random.Random) -> bytes:
    """A small generated 'photo' (coloured scene with a date stamp), PNG bytes."""
    from PIL import Image, ImageDraw
    image = Image.new("RGB", (640, 480), (200 - index * 30, 215, 190 + index * 15))
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rng.randrange(0, 560), rng.randrange(0, 400)
        draw.rectangle((x, y, x + rng.randrange(30, 120), y + rng.randrange(30, 90)),
                       fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    draw.text((16, 450), f"EVIDENCE #{index + 1}", fill=(0, 0, 0))
    return _png(image)


def signature_points(rng: random.Random) -> list[tuple[int, int]]:
    """The stroke of a drawn signature (the only random part of its image)."""
    return [(20 + i * 20, 60 + rng.randrange(-35, 35)) for i in range(17)]


def signature_png(points: list[tuple[int, int]]) -> bytes:
    """The drawn signature's PNG for a stroke (a pure function, used by both demo paths).
    A stroke drawn without antialiasing has two colours, so the image is a 1-bit palette
    PNG with a transparent background: it reads back as the same RGBA pixels as a
    true-colour image, and, written here (one row filter, zlib), in a fraction of the time
    of Pillow's encoder (every signed demo visit has one)."""
    from PIL import Image, ImageDraw
    image = Image.new("1", SIGNATURE_SIZE, 0)
    ImageDraw.Draw(image).line(points, fill=1, width=3, joint="curve")
    packed, stride = image.tobytes(), (SIGNATURE_SIZE[0] + 7) // 8
    rows = b"".join(b"\x00" + packed[i:i + stride] for i in range(0, len(packed), stride))
    header = struct.pack(">IIBBBBB", *SIGNATURE_SIZE, 1, 3, 0, 0, 0)   # 1 bit, palette
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
            + _chunk(b"PLTE", bytes((255, 255, 255) + INK)) + _chunk(b"tRNS", b"\x00")
            + _chunk(b"IDAT", zlib.compress(rows, 6)) + _chunk(b"IEND", b""))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png(image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()
