"""A pad to sign on with mouse, pen or finger: strokes are QPainterPaths, exported as PNG."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

INK = QColor("#10205a")
PEN_WIDTH = 2.6
# Total ink (in pixels of stroke length) a signature needs: a dot or a tick is not one.
MIN_INK = 40.0


class SignaturePad(QWidget):
    """Draw with the left button (or a pen / a finger: Qt turns them into mouse events)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.strokes: list[QPainterPath] = []
        self._current: QPainterPath | None = None
        self.setMinimumSize(QSize(360, 140))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(420, 150)

    @property
    def is_empty(self) -> bool:
        return not any(path.elementCount() > 1 for path in self.strokes)

    @property
    def ink_length(self) -> float:
        """Length of everything drawn, in pixels."""
        return sum(path.length() for path in self.strokes)

    @property
    def too_short(self) -> bool:
        """Drawn, but too little to be a signature (a single dot or a short tick)."""
        return not self.is_empty and self.ink_length < MIN_INK

    def clear(self) -> None:
        self.strokes.clear()
        self._current = None
        self.update()
        self.changed.emit()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton or not self.isEnabled():
            return
        self._current = QPainterPath(QPointF(event.position()))
        self.strokes.append(self._current)
        self.update()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if self._current is not None:
            self._current.lineTo(QPointF(event.position()))
            self.update()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if self._current is not None:
            # A tap leaves a dot rather than nothing.
            if self._current.elementCount() == 1:
                self._current.lineTo(QPointF(event.position()) + QPointF(0.5, 0.5))
            self._current = None
            self.update()
            self.changed.emit()

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor("#c8ccd4"), 1, Qt.PenStyle.DashLine))
        baseline = self.height() - 30
        painter.drawLine(16, baseline, self.width() - 16, baseline)
        painter.setPen(QColor("#9aa1ad"))
        painter.drawText(18, baseline - 6, "✕")
        painter.setPen(QPen(QColor("#b9bec8"), 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        self._draw_strokes(painter)

    def _draw_strokes(self, painter: QPainter) -> None:
        pen = QPen(INK, PEN_WIDTH, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                   Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for path in self.strokes:
            painter.drawPath(path)

    def to_image(self) -> QImage:
        """The strokes alone, on a transparent background, at the pad's size."""
        image = QImage(self.size(), QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._draw_strokes(painter)
        painter.end()
        return image

    def png_bytes(self) -> bytes:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.to_image().save(buffer, "PNG")
        buffer.close()
        return bytes(data)
