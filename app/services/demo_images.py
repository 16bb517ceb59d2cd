"""The demo's pictures: evidence "photos" and drawn signatures, generated (PNG bytes), the
same bytes for the same random numbers."""

from __future__ import annotations

import io
import random

INK = (20, 30, 90)   # a signature's colour, on a transparent background


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
    Two colours, so a palette image with a transparent background: a stroke drawn without
    antialiasing has no other pixel, it reads back as the same RGBA pixels as a true-colour
    image, and it encodes in a third of the time (every signed demo visit has one)."""
    from PIL import Image, ImageDraw
    image = Image.new("P", (360, 120), 0)
    image.putpalette((255, 255, 255) + INK)
    draw = ImageDraw.Draw(image)
    draw.line(points, fill=1, width=3, joint="curve")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False, transparency=0)
    return buffer.getvalue()


def _png(image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()
