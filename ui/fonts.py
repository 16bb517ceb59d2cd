"""Registers the bundled CJK font with Qt so Chinese renders on machines without Chinese
fonts installed, and makes it the application's fallback family."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from app.paths import RESOURCES

BUNDLED_FONT = RESOURCES / "fonts" / "wqy-microhei.ttc"


def register_bundled_fonts(app: QApplication) -> list[str]:
    """Add the bundled font; returns its family names (empty if the file is missing)."""
    font_id = QFontDatabase.addApplicationFont(str(BUNDLED_FONT))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if families:
        font = QFont(app.font())
        # Keep the platform's Latin family first, fall back to the bundled CJK family.
        font.setFamilies([font.family(), *families])
        app.setFont(font)
    return families
