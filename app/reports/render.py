"""build_report(ws, inspection_id, lang) → the PDF bytes of an inspection report (unsigned).

The story is assembled from the section functions over a model gathered beforehand; the
numbered canvas adds header, footer, QR code and the DRAFT mark. Where the signature places
ended up is written into the document info, so signing (possibly later, on another machine)
puts its visible field exactly in the signature block.
"""

from __future__ import annotations

import io
import json

from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from app.reports import sections, tables
from app.reports.canvas import Furniture, make_canvas_class
from app.reports.model import ReportModel, gather, metadata
from app.reports.styles import FOOTER_SPACE, HEADER_SPACE, MARGIN, PAGE, Styles


def build_report(ws, inspection_id: str, lang: str | None = None) -> bytes:
    """The report of one inspection in `lang` ('zh' or 'en'; default: the user's language)."""
    model = gather(ws, inspection_id, lang or ws.profile.language)
    return render_model(model)


def render_model(model: ReportModel) -> bytes:
    styles = Styles()
    slots: list[dict] = []
    info = metadata(model)
    # The slots are known only once laid out; the document info is written after the last
    # page, so a callable hands it the places found by then.
    info["signature_slots"] = lambda: json.dumps(slots)
    return _render(model, styles, story_of(model, styles, slots), info)


def story_of(model: ReportModel, styles: Styles, slots: list) -> list:
    return (sections.cover(model, styles) + sections.summary(model, styles)
            + tables.ethics(model, styles) + tables.items(model, styles)
            + tables.actions(model, styles) + tables.photos(model, styles)
            + tables.signature_block(model, styles, slots))


def _render(model: ReportModel, styles: Styles, story: list, info: dict) -> bytes:
    buffer = io.BytesIO()
    width, height = PAGE
    frame = Frame(MARGIN, MARGIN + FOOTER_SPACE, width - 2 * MARGIN,
                  height - 2 * MARGIN - FOOTER_SPACE - HEADER_SPACE,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc = BaseDocTemplate(
        buffer, pagesize=PAGE, pageTemplates=[PageTemplate("report", [frame])],
        title=f"{model.title} · {model.school['name']}",
        author=model.labels["list_sep"].join(model.inspectors),
        subject=f"{model.template_title} {model.visit_date}",
        keywords=f"school-inspect inspection:{model.inspection_id} "
                 f"sha256:{model.content_sha256}",
        creator="School Inspect", leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=MARGIN, bottomMargin=MARGIN)
    furniture = Furniture(
        font=styles.font, labels=model.labels, report_id=model.report_id,
        content_sha256=model.content_sha256, header=f"{model.school['name']} · {model.title}",
        draft=not model.signed, info=info,
        qr_text=f"school-inspect:report?id={model.report_id}&inspection={model.inspection_id}"
                f"&sha256={model.content_sha256}")
    doc.build(story, canvasmaker=make_canvas_class(furniture))
    return buffer.getvalue()
