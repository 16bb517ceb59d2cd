"""The bundled CJK font, registered with reportlab once.

WenQuanYi Micro Hei has TrueType outlines (reportlab cannot embed CFF fonts) and Latin glyphs
too, so one face serves every text of a report and every font in the PDF is embedded.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.errors import KnownError
from app.paths import RESOURCES

FONT_FILE = RESOURCES / "fonts" / "wqy-microhei.ttc"
FONT = "WQYMicroHei"
_lock = threading.Lock()


def register_fonts() -> str:
    """Register the bundled font (idempotent, thread-safe); returns its reportlab name."""
    with _lock:
        if FONT in pdfmetrics.getRegisteredFontNames():
            return FONT
        if not FONT_FILE.exists():
            raise KnownError(f"The report font {FONT_FILE.name} is missing from "
                             f"{FONT_FILE.parent}; reinstall School Inspect.")
        pdfmetrics.registerFont(TTFont(FONT, str(FONT_FILE), subfontIndex=0))
        # The face has no bold or italic: map <b>/<i> to the same font so markup never
        # falls back to a non-embedded standard font.
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(FONT, bold, italic, FONT)
        return FONT
