"""The second part of a report's story: the item table (with the self-assessment beside the
inspector's findings), corrective actions, evidence photos, ethics results and the signature
block with the places of the digital signatures."""

from __future__ import annotations

import io
import math

from PIL import Image, ImageOps
from reportlab.lib.units import mm
from reportlab.platypus import (Flowable, Image as PdfImage, KeepTogether, Paragraph, Spacer,
                                Table, TableStyle)

from app.reports.model import ItemRow, ReportModel
from app.reports.sections import tinted, table_heading, text
from app.reports.styles import (ACCENT, CONTENT_WIDTH, DIFF_LIGHT, FAIL, FAIL_LIGHT, MUTED,
                                RULE, Styles, plain_table_style, table_style)

PHOTO_WIDTH = (CONTENT_WIDTH - 8 * mm) / 2
PHOTO_HEIGHT = 62 * mm
PHOTO_PIXELS = 900
SIGNATURE_BOX = (CONTENT_WIDTH / 2 - 6 * mm, 24 * mm)
# A note longer than this is printed in full below its section's table, where it can run
# over pages like any paragraph; a narrow table cell would make a page-long sliver.
LONG_NOTE = 300


def items(model: ReportModel, styles: Styles) -> list:
    labels = model.labels
    story = table_heading(text(labels["items"]), styles.h1_table)
    if model.has_self_assessment:
        story.append(Paragraph(text(labels["self_note"].format(
            date=model.self_assessment_date, count=model.difference_count)), styles.muted))
    for section in model.sections:
        score = "" if section.score is None else f"　{section.score:.1f}"
        story += table_heading(f"{text(section.title)}<font color='#{ACCENT.hexval()[2:]}'>"
                               f"{score}</font>", styles.h2_table)
        long_notes = [row for row in section.items if len(row.note) > LONG_NOTE]
        story.append(_item_table(model, section.items, styles))
        story += _long_notes(long_notes, labels, styles)
    return story


def _long_notes(rows: list[ItemRow], labels: dict, styles: Styles) -> list:
    story = []
    for row in rows:
        story += [Spacer(1, 3 * mm),
                  Paragraph(f"<font color='#{ACCENT.hexval()[2:]}'>{text(labels['note'])} "
                            f"{row.number}</font>　{text(row.text)}", styles.small),
                  Paragraph(text(row.note), styles.body)]
    return story


def _item_table(model: ReportModel, rows: list[ItemRow], styles: Styles) -> Table:
    labels, paired = model.labels, model.has_self_assessment
    keys = ["no", "item", "principal_answer", "inspector_answer", "score", "note"] if paired \
        else ["no", "item", "answer", "score", "note"]
    widths = [9 * mm, 58 * mm, 23 * mm, 23 * mm, 15 * mm] if paired else \
        [9 * mm, 70 * mm, 30 * mm, 15 * mm]
    # The note column stops 4 mm short of the margin: the CJK line breaker lets a closing
    # "。" hang past a cell's edge, and it must not hang past the page margin.
    widths.append(CONTENT_WIDTH - sum(widths) - 4 * mm)
    data = [[Paragraph(text(labels[k]), styles.head_cell) for k in keys]]
    commands = table_style()
    for index, row in enumerate(rows, start=1):
        data.append(_item_cells(row, paired, labels, styles))
        if row.failed:
            commands.append(("BACKGROUND", (0, index), (-1, index), FAIL_LIGHT))
        elif row.differs:
            commands.append(("BACKGROUND", (0, index), (-1, index), DIFF_LIGHT))
    table = Table(data, colWidths=widths, repeatRows=1, splitInRow=1)
    table.setStyle(TableStyle(commands))
    return table


def _item_cells(row: ItemRow, paired: bool, labels: dict, styles: Styles) -> list:
    item = text(row.text)
    if row.tag:
        item += f" <font color='#{FAIL.hexval()[2:]}' size='7'>[{text(row.tag)}]</font>"
    answer_style = tinted(styles.cell, FAIL) if row.failed else styles.cell
    cells = [Paragraph(row.number, styles.cell), Paragraph(item, styles.cell)]
    if paired:
        mark = " ≠" if row.differs else ""
        cells.append(Paragraph(text((row.self_answer or "") + mark), styles.cell))
    cells += [Paragraph(text(row.answer), answer_style),
              Paragraph(text(row.score), styles.cell_center),
              Paragraph(text(_cell_note(row, labels)), styles.cell)]
    return cells


def _cell_note(row: ItemRow, labels: dict) -> str:
    if len(row.note) <= LONG_NOTE:
        return row.note
    return f"{row.note[:60]}… (→ {labels['note']} {row.number})"


def actions(model: ReportModel, styles: Styles) -> list:
    labels = model.labels
    story = table_heading(text(labels["actions"]), styles.h1_table)
    if not model.actions:
        return story + [Paragraph(text(labels["no_actions"]), styles.body)]
    keys = ("no", "action", "severity", "responsible", "due", "status")
    data = [[Paragraph(text(labels[k]), styles.head_cell) for k in keys]]
    for number, action in enumerate(model.actions, start=1):
        what = text(action.description)
        if action.item:
            what += f"<br/><font color='#{MUTED.hexval()[2:]}' size='7'>{text(action.item)}</font>"
        status = text(action.status)
        if action.overdue:
            status += f"<br/><font color='#{FAIL.hexval()[2:]}'>{text(labels['overdue'])}</font>"
        data.append([Paragraph(str(number), styles.cell), Paragraph(what, styles.cell),
                     Paragraph(text(action.severity), styles.cell),
                     Paragraph(text(action.responsible), styles.cell),
                     Paragraph(text(action.due_date), styles.cell),
                     Paragraph(status, styles.cell)])
    widths = [9 * mm, 0, 16 * mm, 26 * mm, 22 * mm, 20 * mm]
    widths[1] = CONTENT_WIDTH - sum(widths)
    table = Table(data, colWidths=widths, repeatRows=1, splitInRow=1)
    table.setStyle(TableStyle(table_style()))
    return story + [table]


def photos(model: ReportModel, styles: Styles) -> list:
    """Two photos a row, each upright (EXIF orientation applied) and scaled to fit."""
    if not model.photos:
        return []
    cells = [_photo_cell(photo, styles) for photo in model.photos]
    if len(cells) % 2:
        cells.append("")
    rows = [cells[i:i + 2] for i in range(0, len(cells), 2)]
    table = Table(rows, colWidths=[CONTENT_WIDTH / 2] * 2)
    table.setStyle(TableStyle(plain_table_style(("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 8))))
    return table_heading(text(model.labels["photos"]), styles.h1_table, 85 * mm) + [table]


def _photo_cell(photo, styles: Styles) -> list:
    image = upright_image(photo.data)
    caption = text(photo.caption)
    if photo.item and photo.item != photo.caption:
        caption += f"<br/>{text(photo.item)}"
    return [image, Spacer(1, 2), Paragraph(caption, styles.caption)]


def upright_image(data: bytes, max_width: float = PHOTO_WIDTH,
                  max_height: float = PHOTO_HEIGHT) -> PdfImage:
    """The photo as the camera held it (EXIF orientation applied), scaled to fit the box,
    re-encoded so the PDF never depends on a viewer honouring EXIF."""
    jpeg, width, height = _upright_jpeg(data)
    scale = min(max_width / width, max_height / height)
    return PdfImage(io.BytesIO(jpeg), width=width * scale, height=height * scale)


def _upright_jpeg(data: bytes) -> tuple[bytes, int, int]:
    """(JPEG bytes, width, height) of the photo turned upright and reduced to print size:
    about 250 dpi at the printed size is all paper can show."""
    with Image.open(io.BytesIO(data)) as source:
        # draft() lets the JPEG decoder skip detail we would throw away (much faster): it
        # decodes at the smallest 1/2, 1/4 or 1/8 scale still at least print size.
        ratio = PHOTO_PIXELS / max(source.size)
        source.draft("RGB", (math.ceil(source.width * ratio), math.ceil(source.height * ratio)))
        # Photos attached since issue 13 are upright already; transposing copies the image.
        upright = source.getexif().get(0x0112, 1) in (0, 1)
        image = (source if upright else ImageOps.exif_transpose(source)).convert("RGB")
    image.thumbnail((PHOTO_PIXELS, PHOTO_PIXELS), reducing_gap=2.0)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue(), image.width, image.height


def ethics(model: ReportModel, styles: Styles) -> list:
    """Each teacher's grade with its reason; this assessment first."""
    if not model.ethics:
        return []
    labels = model.labels
    keys = ("teacher", "grade", "reason", "visit_date")
    data = [[Paragraph(text(labels[k]), styles.head_cell) for k in keys]]
    commands = table_style()
    for index, row in enumerate(model.ethics, start=1):
        data.append([Paragraph(text(row.teacher), styles.cell),
                     Paragraph(text(row.grade), styles.cell),
                     Paragraph(text(row.reason), styles.cell),
                     Paragraph(text(row.visit_date), styles.cell)])
        if row.current:
            commands.append(("BACKGROUND", (0, index), (-1, index), DIFF_LIGHT))
    widths = [28 * mm, 22 * mm, 0, 24 * mm]
    widths[2] = CONTENT_WIDTH - sum(widths)
    table = Table(data, colWidths=widths, repeatRows=1, splitInRow=1)
    table.setStyle(TableStyle(commands))
    counts: dict[str, int] = {}
    for row in model.ethics:
        counts[row.grade] = counts.get(row.grade, 0) + 1
    tally = labels["list_sep"].join(f"{grade} {n}" for grade, n in counts.items())
    return [*table_heading(text(labels["ethics"]), styles.h1, 60 * mm),
            Paragraph(text(labels["ethics_school"]), styles.h2),
            Paragraph(text(labels["ethics_counts"].format(counts=tally)), styles.muted),
            Spacer(1, 2 * mm), table]


class SignatureSlot(Flowable):
    """An empty framed box where a digital signature field goes; it records where it was
    drawn (page and box in PDF points) so the signing step can place the field there."""

    def __init__(self, slots: list, role: str, label: str, font: str):
        super().__init__()
        self.slots, self.role, self.label, self.font = slots, role, label, font
        self.width, self.height = SIGNATURE_BOX

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        canvas.setStrokeColor(RULE)
        canvas.setDash(2, 2)
        canvas.rect(0, 0, self.width, self.height)
        canvas.setFillColor(MUTED)
        canvas.setFont(self.font, 7)
        canvas.drawCentredString(self.width / 2, self.height / 2 - 2, self.label)
        x, y = canvas.absolutePosition(0, 0)
        self.slots.append({"role": self.role, "page": canvas.getPageNumber() - 1,
                           "box": [round(x, 2), round(y, 2), round(x + self.width, 2),
                                   round(y + self.height, 2)]})


def signature_block(model: ReportModel, styles: Styles, slots: list) -> list:
    """Drawn signatures with names, roles and times, then two digital-signature places:
    the inspector's and the countersigning principal's."""
    labels = model.labels
    story = table_heading(text(labels["signatures"]), styles.h1_table, 60 * mm)
    if model.signatures:
        story.append(_drawn_signatures(model, styles))
    else:
        story.append(Paragraph(text(labels["unsigned"]), tinted(styles.body, FAIL)))
    boxes = [[SignatureSlot(slots, role, f"{labels[f'role_{role}']} · {labels['sign_here']}",
                            styles.font) for role in ("inspector", "principal")]]
    table = Table(boxes, colWidths=[CONTENT_WIDTH / 2] * 2)
    table.setStyle(TableStyle(plain_table_style(("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("ALIGN", (0, 0), (-1, -1), "LEFT"))))
    heading = Paragraph(text(labels["digital_signature"]), styles.h2)
    return story + [KeepTogether([heading, table])]


def _drawn_signatures(model: ReportModel, styles: Styles) -> Table:
    labels = model.labels
    keys = ("signer", "role", "signed_at", "signatures")
    data = [[Paragraph(text(labels[k]), styles.head_cell) for k in keys]]
    for signature in model.signatures:
        image = _signature_image(signature.image) if signature.image else ""
        data.append([Paragraph(text(signature.signer), styles.body),
                     Paragraph(text(signature.role), styles.cell),
                     Paragraph(text(signature.signed_at), styles.cell), image])
    widths = [40 * mm, 28 * mm, 36 * mm, 0]
    widths[3] = CONTENT_WIDTH - sum(widths)
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(table_style(zebra=False) + [
        ("VALIGN", (0, 1), (-1, -1), "MIDDLE")]))
    return table


def _signature_image(data: bytes) -> PdfImage:
    with Image.open(io.BytesIO(data)) as source:
        image = source.convert("RGBA")
    canvas = Image.new("RGB", image.size, "white")
    canvas.paste(image, mask=image.split()[3])
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    buffer.seek(0)
    scale = min(60 * mm / image.width, 16 * mm / image.height)
    return PdfImage(buffer, width=image.width * scale, height=image.height * scale)
