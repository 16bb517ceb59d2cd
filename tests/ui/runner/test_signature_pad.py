"""The signature pad records what is drawn and exports it as a PNG of the strokes."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage

from ui.runner.signature_pad import SignaturePad


def ink_pixels(png: bytes) -> int:
    image = QImage.fromData(png, "PNG")
    return sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
               if image.pixelColor(x, y).alpha() > 0)


def test_drawing_with_the_mouse_gives_a_png_with_ink(qtbot):
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(400, 150)
    assert pad.is_empty
    with qtbot.waitSignal(pad.changed):
        qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(20, 100))
        for x in range(40, 380, 20):
            qtbot.mouseMove(pad, QPoint(x, 60 + (x % 60)))
        qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(380, 80))
    assert not pad.is_empty
    png = pad.png_bytes()
    assert png.startswith(b"\x89PNG")
    image = QImage.fromData(png, "PNG")
    assert (image.width(), image.height()) == (400, 150)
    assert ink_pixels(png) > 50


def test_a_tap_leaves_a_dot_and_clear_empties_the_pad(qtbot):
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(400, 150)
    qtbot.mouseClick(pad, Qt.MouseButton.LeftButton, pos=QPoint(50, 50))
    assert not pad.is_empty
    pad.clear()
    assert pad.is_empty and ink_pixels(pad.png_bytes()) == 0


def test_the_right_button_does_not_draw(qtbot):
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(400, 150)
    qtbot.mousePress(pad, Qt.MouseButton.RightButton, pos=QPoint(20, 20))
    qtbot.mouseMove(pad, QPoint(200, 100))
    qtbot.mouseRelease(pad, Qt.MouseButton.RightButton, pos=QPoint(200, 100))
    assert pad.is_empty
