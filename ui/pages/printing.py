"""Printing a previewed PDF: every page rendered as an image and scaled onto the printer's
page (Qt prints no PDF by itself)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

PRINT_DPI = 300


def print_document(document: QPdfDocument, printer: QPrinter) -> int | None:
    """Pages printed (0 for an empty document), or None when the printer would not start."""
    count = document.pageCount()
    if count <= 0:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        return None
    try:
        for page in range(count):
            if page:
                printer.newPage()
            _paint_page(document, painter, printer, page)
    finally:
        painter.end()
    return count


def _paint_page(document: QPdfDocument, painter: QPainter, printer: QPrinter,
                page: int) -> None:
    size_points = document.pagePointSize(page)
    area = painter.viewport()
    scale = min(area.width() / size_points.width(), area.height() / size_points.height())
    dpi = min(PRINT_DPI, printer.resolution())
    pixels = QSize(int(size_points.width() * dpi / 72), int(size_points.height() * dpi / 72))
    # Rendered at most at 300 dpi (a 1200 dpi A4 bitmap would take half a gigabyte);
    # the painter scales it onto the printer's page.
    image = document.render(page, pixels)
    painter.drawImage(QRect(area.x(), area.y(), int(size_points.width() * scale),
                            int(size_points.height() * scale)), image)
