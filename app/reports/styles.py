"""One stylesheet for every report: sizes, colours, paragraph and table styles.

A restrained palette: ink for text, one teal accent for structure, and grade colours used only
for the grade itself and failed items.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from app.reports.fonts import FONT, register_fonts

PAGE = A4
MARGIN = 18 * mm            # nothing is printed outside this margin
HEADER_SPACE = 10 * mm      # running header inside the margin
FOOTER_SPACE = 24 * mm      # footer (hash, QR code, page number) inside the margin
CONTENT_WIDTH = PAGE[0] - 2 * MARGIN

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#616e7c")
ACCENT = colors.HexColor("#0f6e6e")
ACCENT_LIGHT = colors.HexColor("#e6f2f2")
RULE = colors.HexColor("#cbd2d9")
ZEBRA = colors.HexColor("#f7f9fa")
FAIL = colors.HexColor("#b42318")
FAIL_LIGHT = colors.HexColor("#fdecea")
DIFF_LIGHT = colors.HexColor("#fff4d6")
GRADE_COLOURS = (colors.HexColor("#1e7b4a"), colors.HexColor("#0f6e6e"),
                 colors.HexColor("#b7791f"), colors.HexColor("#b42318"))


def grade_colour(rank: int, count: int) -> colors.Color:
    """Best band green … last band red, whatever the number of bands."""
    if count <= 1:
        return GRADE_COLOURS[0]
    index = round(rank * (len(GRADE_COLOURS) - 1) / (count - 1))
    return GRADE_COLOURS[index]


class Styles:
    """Paragraph styles by name, all in the bundled font."""

    def __init__(self):
        font = register_fonts()
        self.font = font
        base = ParagraphStyle("body", fontName=font, fontSize=9.5, leading=14, textColor=INK,
                              wordWrap="CJK")
        self.body = base
        self.small = ParagraphStyle("small", base, fontSize=8, leading=11)
        self.muted = ParagraphStyle("muted", self.small, textColor=MUTED)
        self.cell = ParagraphStyle("cell", base, fontSize=8.5, leading=11.5)
        self.cell_right = ParagraphStyle("cell_right", self.cell, alignment=TA_RIGHT)
        self.cell_center = ParagraphStyle("cell_center", self.cell, alignment=TA_CENTER)
        self.head_cell = ParagraphStyle("head_cell", self.cell, textColor=colors.white)
        # Headings keep with what follows: never a heading alone at the foot of a page.
        self.h1 = ParagraphStyle("h1", base, fontSize=15, leading=20, textColor=ACCENT,
                                 spaceBefore=4, spaceAfter=8, keepWithNext=1)
        self.h2 = ParagraphStyle("h2", base, fontSize=11.5, leading=16, textColor=INK,
                                 spaceBefore=10, spaceAfter=5, keepWithNext=1)
        # Before a table a heading must not keep with it (a table that fits on the next page
        # would be moved there whole, leaving a gap); a conditional page break instead keeps
        # the heading with the table's first rows. See `table_heading`.
        self.h1_table = ParagraphStyle("h1_table", self.h1, keepWithNext=0)
        self.h2_table = ParagraphStyle("h2_table", self.h2, keepWithNext=0)
        self.title = ParagraphStyle("title", base, fontSize=24, leading=32, alignment=TA_LEFT,
                                    textColor=INK)
        self.subtitle = ParagraphStyle("subtitle", base, fontSize=13, leading=19,
                                       textColor=MUTED)
        self.kicker = ParagraphStyle("kicker", base, fontSize=10, leading=14,
                                     textColor=ACCENT)
        self.grade = ParagraphStyle("grade", base, fontSize=30, leading=36,
                                    alignment=TA_CENTER, textColor=colors.white)
        self.grade_note = ParagraphStyle("grade_note", base, fontSize=9, leading=12,
                                         alignment=TA_CENTER, textColor=colors.white)
        self.figure = ParagraphStyle("figure", base, fontSize=16, leading=21,
                                     alignment=TA_CENTER)
        self.caption = ParagraphStyle("caption", self.small, textColor=MUTED,
                                      alignment=TA_CENTER)


def table_style(header_rows: int = 1, zebra: bool = True) -> list:
    """The common look of every table: accent header, hairline rules, light zebra rows."""
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # plain-string cells, e.g. empty ones
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
    ]
    if header_rows:
        commands += [("BACKGROUND", (0, 0), (-1, header_rows - 1), ACCENT),
                     ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE")]
    if zebra:
        commands.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [colors.white, ZEBRA]))
    return commands


def plain_table_style(*commands) -> list:
    """Commands for a layout table (no rules), in the bundled font."""
    return [("FONTNAME", (0, 0), (-1, -1), FONT), *commands]
