"""The page furniture: running header, footer with report id, content hash and its QR code,
"page X of Y", and the DRAFT watermark of unsigned inspections.

"Page X of Y" needs the page count, which is known only at the end: the canvas keeps each
page's state and draws the furniture when the document is saved (the numbered-canvas
pattern).
"""

from __future__ import annotations

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFInfo, PDFString
from reportlab.pdfgen.canvas import Canvas

from app.reports.styles import ACCENT, FOOTER_SPACE, MARGIN, MUTED, PAGE, RULE

QR_SIZE = 17 * mm
INFO_PREFIX = "SchoolInspect"


class ReportInfo(PDFInfo):
    """Document info with our own keys (inspection id, content hash…) for the verifier. A
    value may be a callable: it is read when the file is written, after the last page."""

    extra: dict = {}

    def format(self, document):
        text = super().format(document)
        extra = PDFDictionary({f"{INFO_PREFIX}{_camel(k)}": PDFString(str(v() if callable(v)
                                                                         else v))
                               for k, v in self.extra.items()}).format(document)
        # Both are "<< … >>": merge the entries into one dictionary.
        return text.rstrip()[:-2] + extra.strip()[2:]


def _camel(key: str) -> str:
    return "".join(part.capitalize() for part in key.split("_"))


def make_canvas_class(furniture: "Furniture"):
    """A Canvas class bound to one report's furniture (reportlab instantiates it itself)."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            # Without this every page starts in Helvetica, a font that is never embedded.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or furniture.font
            super().__init__(*args, **kwargs)
            info = ReportInfo()
            info.__dict__.update(self._doc.info.__dict__)
            info.extra = furniture.info
            self._doc.info = info
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            count = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                furniture.draw(self, self._pageNumber, count)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


class Furniture:
    """What every page carries, drawn on top of the page content."""

    def __init__(self, *, font: str, labels: dict, report_id: str, content_sha256: str,
                 header: str, draft: bool, qr_text: str, info: dict,
                 page_size: tuple = PAGE):
        self.font, self.labels, self.report_id = font, labels, report_id
        self.content_sha256, self.header, self.draft = content_sha256, header, draft
        self.qr_text, self.info = qr_text, info
        self.page_size = page_size      # a landscape ledger draws its footer wider

    def draw(self, canvas: Canvas, page: int, pages: int) -> None:
        canvas.saveState()
        if self.draft:
            self._watermark(canvas)
        if page > 1:
            self._header(canvas)
        self._footer(canvas, page, pages)
        canvas.restoreState()

    def _header(self, canvas: Canvas) -> None:
        width, height = self.page_size
        y = height - MARGIN - 7
        canvas.setFont(self.font, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, y, self.header)
        canvas.drawRightString(width - MARGIN, y, self.report_id)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN, y - 4, width - MARGIN, y - 4)

    def _footer(self, canvas: Canvas, page: int, pages: int) -> None:
        width, _ = self.page_size
        top = MARGIN + FOOTER_SPACE - 4 * mm
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN, top, width - MARGIN, top)
        self._qr(canvas, width - MARGIN - QR_SIZE, MARGIN)
        canvas.setFillColor(MUTED)
        canvas.setFont(self.font, 7)
        text_right = width - MARGIN - QR_SIZE - 4 * mm
        canvas.drawString(MARGIN, MARGIN + 10.5 * mm,
                          f"{self.labels['report_id']}  {self.report_id}")
        canvas.drawString(MARGIN, MARGIN + 6.5 * mm, self.labels["content_hash"])
        canvas.setFont(self.font, 6.3)
        canvas.drawString(MARGIN, MARGIN + 3 * mm, self.content_sha256)
        canvas.setFont(self.font, 8)
        canvas.setFillColor(ACCENT)
        canvas.drawRightString(text_right, MARGIN + 10.5 * mm,
                               self.labels["page"].format(page=page, pages=pages))

    def _qr(self, canvas: Canvas, x: float, y: float) -> None:
        """The QR code is the same on every page: encoded and drawn once into a form
        XObject, which each page places (encoding it is pure Python and slow)."""
        name = "footer-qr"
        if not getattr(canvas, "_school_inspect_qr", False):
            canvas.beginForm(name)
            self._draw_qr(canvas)
            canvas.endForm()
            canvas._school_inspect_qr = True
        canvas.saveState()
        canvas.translate(x, y)
        canvas.doForm(name)
        canvas.restoreState()

    def _draw_qr(self, canvas: Canvas) -> None:
        # Sized directly: measuring the widget (getBounds) would encode the text again.
        widget = QrCodeWidget(self.qr_text, barLevel="M", barWidth=QR_SIZE,
                              barHeight=QR_SIZE)
        drawing = Drawing(QR_SIZE, QR_SIZE)
        drawing.initialFontName = self.font  # else the renderer selects Helvetica
        drawing.add(widget)
        renderPDF.draw(drawing, canvas, 0, 0)

    def _watermark(self, canvas: Canvas) -> None:
        width, height = self.page_size
        canvas.saveState()
        canvas.setFillColor(colors.Color(0.75, 0.1, 0.1, alpha=0.13))
        canvas.setFont(self.font, 64)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(40)
        canvas.drawCentredString(0, -20, self.labels["draft"])
        canvas.restoreState()
