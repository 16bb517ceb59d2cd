"""The first part of a report's story: cover, summary with the section chart, and the failed
red-line items. Each function takes the gathered model and returns flowables."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (CondPageBreak, KeepTogether, PageBreak, Paragraph, Spacer,
                                Table, TableStyle)

from app.reports.model import ReportModel
from app.reports.styles import (ACCENT, ACCENT_LIGHT, CONTENT_WIDTH, FAIL, FAIL_LIGHT, MUTED,
                                RULE, Styles, grade_colour, plain_table_style, table_style)


def text(value: str) -> str:
    """Plain text made safe for a Paragraph (which reads a small XML dialect)."""
    return escape(value or "").replace("\n", "<br/>")


def table_heading(markup: str, style, room: float = 40 * mm) -> list:
    """A heading followed by a table: start a new page unless `room` is left, so the
    heading never stands alone at the foot of a page."""
    return [CondPageBreak(room), Paragraph(markup, style)]


def cover(model: ReportModel, styles: Styles) -> list:
    labels = model.labels
    story = [AccentBar(), Spacer(1, 14 * mm),
             Paragraph(text(model.school["district"] or model.template_title), styles.kicker),
             Spacer(1, 3 * mm), Paragraph(text(model.school["name"]), styles.title)]
    if model.school["name_other"]:
        story.append(Paragraph(text(model.school["name_other"]), styles.subtitle))
    story += [Spacer(1, 4 * mm), Paragraph(text(model.title), styles.subtitle),
              Spacer(1, 12 * mm), _grade_panel(model, styles), Spacer(1, 6 * mm),
              _at_a_glance(model, styles), Spacer(1, 10 * mm), _facts(model, styles)]
    if not model.signed:
        story += [Spacer(1, 8 * mm), Paragraph(text(labels["unsigned"]),
                                               tinted(styles.body, FAIL))]
    return story + [PageBreak()]


class AccentBar(Table):
    """A thin accent rule across the top of the cover."""

    def __init__(self):
        super().__init__([[""]], colWidths=[CONTENT_WIDTH], rowHeights=[3])
        self.setStyle(TableStyle(plain_table_style(("BACKGROUND", (0, 0), (-1, -1), ACCENT))))


def _grade_panel(model: ReportModel, styles: Styles) -> Table:
    labels = model.labels
    colour = grade_colour(model.grade_rank, model.band_count) if model.grade_rank >= 0 \
        else MUTED
    total = labels["none"] if model.total is None else f"{model.total:.1f}"
    grade_cell = [Paragraph(text(labels["grade"] if model.graded else labels["record_kind"]),
                            styles.grade_note),
                  Paragraph(text(model.grade), styles.grade)]
    score_cell = [Paragraph(text(labels["total"]), styles.muted),
                  Paragraph(f'<font size="22">{total}</font>', styles.body),
                  Spacer(1, 4 * mm)]
    if model.capped_note:
        score_cell.append(Paragraph(text(model.capped_note), tinted(styles.small, FAIL)))
    table = Table([[grade_cell, score_cell]], colWidths=[55 * mm, CONTENT_WIDTH - 55 * mm])
    table.setStyle(TableStyle(plain_table_style(
        ("BACKGROUND", (0, 0), (0, 0), colour), ("BACKGROUND", (1, 0), (1, 0), ACCENT_LIGHT),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 10), ("BOTTOMPADDING", (0, 0), (-1, -1), 12),
        ("LEFTPADDING", (1, 0), (1, 0), 14))))
    return table


def _at_a_glance(model: ReportModel, styles: Styles) -> Table:
    """Five key figures in a row under the grade."""
    labels = model.labels
    answered = sum(s.answered for s in model.sections)
    total = sum(s.total for s in model.sections)
    figures = ((f"{answered}/{total}", labels["at_answered"], False),
               (str(model.failed_count), labels["at_failed"], model.failed_count > 0),
               (str(model.failed_vetoes), labels["at_red"], bool(model.failed_vetoes)),
               (str(len(model.actions)), labels["at_actions"], False),
               (str(len(model.photos)), labels["at_photos"], False))
    if not model.has_judgements:  # no veto items: the figure would always read 0
        figures = figures[:2] + figures[3:]
    cells = [[Paragraph(text(value), tinted(styles.figure, FAIL) if alarm else styles.figure),
              Paragraph(text(label), styles.caption)] for value, label, alarm in figures]
    table = Table([cells], colWidths=[CONTENT_WIDTH / len(cells)] * len(cells))
    table.setStyle(TableStyle(plain_table_style(
        ("LINEAFTER", (0, 0), (-2, -1), 0.4, RULE), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2))))
    return table


def _facts(model: ReportModel, styles: Styles) -> Table:
    labels, school = model.labels, model.school
    rows = [(labels["district"], school["district"]), (labels["code"], school["code"]),
            (labels["address"], school["address"]), (labels["principal"], school["principal"]),
            (labels["template"], labels["versioned"].format(title=model.template_title,
                                                             version=model.template_version)),
            (labels["visit_date"], model.visit_date),
            (labels["inspectors"], labels["list_sep"].join(model.inspectors))]
    if model.teacher:
        rows.append((labels["teacher"], model.teacher))
    rows += [(labels["status"], model.status), (labels["report_id"], model.report_id),
             (labels["generated"], model.generated_at)]
    data = [[Paragraph(text(k), styles.muted), Paragraph(text(v), styles.body)]
            for k, v in rows if v]
    table = Table(data, colWidths=[38 * mm, CONTENT_WIDTH - 38 * mm])
    table.setStyle(TableStyle(plain_table_style(("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("TOPPADDING", (0, 0), (-1, -1), 4),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 4))))
    return table


def tinted(style, colour):
    """`style` in another colour (for failed answers and warnings)."""
    return ParagraphStyle(f"{style.name}_{colour.hexval()}", style, textColor=colour)


def summary(model: ReportModel, styles: Styles) -> list:
    labels = model.labels
    total = labels["none"] if model.total is None else f"{model.total:.1f}"
    story = [Paragraph(text(labels["summary"]), styles.h1)]
    if not model.graded:  # a visit record (督导记录): findings and suggestions, no grade
        story.append(Paragraph(text(labels["record_note"]), styles.body))
    else:
        story.append(Paragraph(
            f'{text(labels["grade"])}{labels["colon"]}<font color="{_hex(model)}">'
            f'{text(model.grade)}</font>　　{text(labels["total"])}{labels["colon"]}{total}',
            styles.h2))
    if model.capped_note:
        story.append(Paragraph(text(model.capped_note), tinted(styles.body, FAIL)))
    if any(s.score is not None for s in model.sections):
        story += [Paragraph(text(labels["section_scores"]), styles.h2),
                  section_chart(model, styles)]
    if model.has_judgements:
        story += failed_critical(model, styles)
    if model.summary_text:
        story += [Paragraph(text(labels["overall"]), styles.h2),
                  Paragraph(text(model.summary_text), styles.body)]
    return story


def _hex(model: ReportModel) -> str:
    return "#" + grade_colour(model.grade_rank, model.band_count).hexval()[2:]


def section_chart(model: ReportModel, styles: Styles) -> Drawing:
    """Horizontal bars, one per scored section, 0–100, each labelled with its score."""
    sections = [s for s in model.sections if s.score is not None]
    bar_space = 17
    height = bar_space * len(sections) + 28
    drawing = Drawing(CONTENT_WIDTH, height)
    drawing.initialFontName = styles.font  # else the renderer selects (unembedded) Helvetica
    chart = HorizontalBarChart()
    chart.x, chart.y = 150, 18
    chart.width, chart.height = CONTENT_WIDTH - 150 - 30, bar_space * len(sections)
    # Bars are drawn bottom-up: reverse so the first section is on top, as in the table.
    chart.data = [[s.score or 0 for s in reversed(sections)]]
    chart.categoryAxis.categoryNames = [_short(s.title, 22) for s in reversed(sections)]
    chart.categoryAxis.labels.fontName = styles.font
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = RULE
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labels.fontName = styles.font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid, chart.valueAxis.gridStrokeColor = True, RULE
    chart.valueAxis.gridStrokeWidth = 0.25
    chart.bars[0].fillColor, chart.bars[0].strokeColor = ACCENT, None
    chart.barWidth = 10
    chart.barLabelFormat = lambda v: f"{v:.0f}"
    chart.barLabels.fontName, chart.barLabels.fontSize = styles.font, 7
    chart.barLabels.boxAnchor, chart.barLabels.dx = "w", 3
    drawing.add(chart)
    return drawing


def _short(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[:limit - 1] + "…"


def failed_critical(model: ReportModel, styles: Styles) -> list:
    labels = model.labels
    title = Paragraph(text(labels["failed_critical"]), styles.h2)
    if not model.failed_critical:
        return [title, Paragraph(text(labels["no_failed_critical"]), styles.body)]
    head = [Paragraph(text(labels[k]), styles.head_cell) for k in ("no", "item", "answer", "note")]
    rows = [[Paragraph(r.number, styles.cell),
             Paragraph(f"{text(r.text)}<br/><font size='7'>[{text(r.tag)}]</font>", styles.cell),
             Paragraph(text(r.answer), tinted(styles.cell, FAIL)),
             Paragraph(text(r.note), styles.cell)] for r in model.failed_critical]
    # The note column stops short of the margin: the CJK line breaker lets a closing "。"
    # hang past the cell's edge, and it must not hang past the page margin.
    table = Table([head] + rows, colWidths=[10 * mm, 80 * mm, 30 * mm, CONTENT_WIDTH - 124 * mm],
                  repeatRows=1, splitInRow=1)
    table.setStyle(TableStyle(table_style(zebra=False) + [
        ("BACKGROUND", (0, 0), (-1, 0), FAIL),
        ("BACKGROUND", (0, 1), (-1, -1), FAIL_LIGHT)]))
    return [KeepTogether([title, Spacer(1, 1), table])] if len(rows) < 6 else [title, table]

