"""Chinese renders with the font the app ships, on a machine with no Chinese font installed."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QImage, QPainter

from ui.fonts import BUNDLED_FONT, register_bundled_fonts


def test_the_bundled_font_is_registered_and_has_the_chinese_glyphs(qapp):
    families = register_bundled_fonts(qapp)
    assert BUNDLED_FONT.exists() and families
    bundled = QFont(families[0])
    metrics = QFontMetrics(bundled)
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "督学检查整改师德食品安全不合格")
    assert families[0] in qapp.font().families()


def _ink(text: str, font: QFont) -> QImage:
    image = QImage(200, 40, QImage.Format.Format_Grayscale8)
    image.fill(255)
    painter = QPainter(image)
    painter.setFont(font)
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignLeft, text)
    painter.end()
    return image


def test_different_chinese_characters_draw_differently_not_as_the_same_box(qapp):
    register_bundled_fonts(qapp)
    font = qapp.font()
    font.setPixelSize(24)
    # Tofu boxes look alike whatever the character; real glyphs do not.
    assert _ink("督学", font) != _ink("食品", font)
    assert "WenQuanYi Micro Hei" in QFontDatabase.families()
