"""The documents an inspection office issues, from the same report machinery (model, styles,
numbered canvas, signature slot, PAdES signing):

- 督导意见书 (opinion letter): document number, 基本情况, 主要成绩, 存在问题 as a numbered 问题清单,
  整改意见 and 整改期限;
- 整改通知书 (rectification notice) to the school: the problems and what to rectify by when.

A document number comes from a configurable pattern (setting `document_number_pattern`, e.g.
"青督〔{year}〕{seq}号"); the number given to an inspection's document is kept, so printing it
again gives the same number. A document of a signed inspection is signed like the report.
"""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import (BaseDocTemplate, Frame, KeepTogether, PageTemplate, Paragraph,
                                Spacer, Table, TableStyle)

from app.errors import ValidationError
from app.reports.canvas import Furniture, make_canvas_class
from app.reports.doc_labels import doc_labels
from app.reports.model import ReportModel, gather
from app.reports.sections import AccentBar, text
from app.reports.service import MadeReport, sign_as_user
from app.reports.styles import (CONTENT_WIDTH, FOOTER_SPACE, HEADER_SPACE, MARGIN, PAGE,
                                Styles, plain_table_style, table_style)
from app.reports.tables import SignatureSlot
from app.services.today import today as district_today

if TYPE_CHECKING:
    from app.workspace import Workspace

KINDS = ("opinion", "notice")
PATTERN_SETTING = "document_number_pattern"
DEFAULT_PATTERN = "督〔{year}〕{seq}号"
ACHIEVEMENT_SHARE = 85.0


# -- numbers ---------------------------------------------------------------------------------
def set_number_pattern(ws: Workspace, pattern: str) -> str:
    """Set the pattern; it must hold {seq} (and may hold {year})."""
    if "{seq}" not in pattern or len(pattern) > 60:
        raise ValidationError("pattern: give up to 60 characters holding {seq}, e.g. "
                              "青督〔{year}〕{seq}号.")
    try:
        pattern.format(year=2026, seq=1)
    except (KeyError, IndexError, ValueError):
        raise ValidationError("pattern: only {year} and {seq} may appear in braces.") from None
    with ws.store.atomic():
        ws.store.set_setting(PATTERN_SETTING, pattern)
    return pattern


def document_number(ws: Workspace, kind: str, inspection_id: str, year: str) -> str:
    """The inspection's number for this kind of document, given once and then kept."""
    key = f"document_number:{kind}:{inspection_id}"
    with ws.store.atomic():
        number = ws.store.setting(key)
        if number:
            return number
        counter = f"document_seq:{kind}:{year}"
        seq = int(ws.store.setting(counter, "0")) + 1
        pattern = ws.store.setting(PATTERN_SETTING, DEFAULT_PATTERN)
        number = pattern.format(year=year, seq=seq)
        ws.store.set_setting(counter, str(seq))
        ws.store.set_setting(key, number)
    return number


# -- the documents ---------------------------------------------------------------------------
def make_document(ws: Workspace, kind: str, inspection_id: str, *, lang: str | None = None,
                  sign: bool = True) -> MadeReport:
    """The opinion letter or notice of an inspection; signed when the inspection is."""
    if kind not in KINDS:
        raise ValidationError(f"document: one of {', '.join(KINDS)}.")
    lang = "en" if (lang or ws.profile.language) == "en" else "zh"
    model = gather(ws, inspection_id, lang)
    if model.mode != "inspection" or model.kind == "ethics":
        raise ValidationError("Documents are issued for inspections of a school, not for "
                              "self-assessments or teacher-ethics evaluations.")
    number = document_number(ws, kind, inspection_id, model.visit_date[:4])
    pdf = render_document(ws, kind, model, number)
    if not sign or not model.signed:
        return MadeReport(inspection_id, pdf, False)
    return MadeReport(inspection_id, sign_as_user(ws, pdf, lang=lang), True)


def render_document(ws: Workspace, kind: str, model: ReportModel, number: str) -> bytes:
    styles, labels = Styles(), doc_labels(model.lang)
    slots: list[dict] = []
    story = _heading(model, labels, styles, kind, number)
    story += (_opinion(model, labels, styles) if kind == "opinion"
              else _notice(model, labels, styles))
    story += _issuer(ws, model, labels, styles, slots)
    buffer = io.BytesIO()
    width, height = PAGE
    frame = Frame(MARGIN, MARGIN + FOOTER_SPACE, width - 2 * MARGIN,
                  height - 2 * MARGIN - FOOTER_SPACE - HEADER_SPACE, 0, 0, 0, 0)
    doc = BaseDocTemplate(buffer, pagesize=PAGE, pageTemplates=[PageTemplate("d", [frame])],
                          title=f"{labels[kind]} {number} · {model.school['name']}",
                          subject=f"{model.template_title} {model.visit_date}",
                          keywords=f"school-inspect inspection:{model.inspection_id} "
                                   f"sha256:{model.content_sha256}",
                          creator="School Inspect")
    info = {"inspection_id": model.inspection_id, "content_sha256": model.content_sha256,
            "report_id": f"{model.report_id}-{kind[:3].upper()}", "lang": model.lang,
            "document": kind, "document_number": number,
            "signature_slots": lambda: json.dumps(slots)}
    furniture = Furniture(font=styles.font, labels=labels, report_id=number,
                          content_sha256=model.content_sha256,
                          header=f"{model.school['name']} · {labels[kind]}",
                          draft=not model.signed,
                          qr_text=f"school-inspect:{kind}?inspection={model.inspection_id}"
                                  f"&sha256={model.content_sha256}", info=info)
    doc.build(story, canvasmaker=make_canvas_class(furniture))
    return buffer.getvalue()


def _heading(model: ReportModel, labels: dict, styles: Styles, kind: str,
             number: str) -> list:
    centred = styles.title.clone("doc_title", alignment=1)
    return [AccentBar(), Spacer(1, 6 * mm), Paragraph(text(labels[kind]), centred),
            Paragraph(text(number), styles.subtitle.clone("doc_no", alignment=1)),
            Spacer(1, 6 * mm),
            Paragraph(text(labels["to_school"].format(school=model.school["name"])),
                      styles.h2)]


def _opinion(model: ReportModel, labels: dict, styles: Styles) -> list:
    items = sum(len(s.items) for s in model.sections)
    total = labels["total_part"].format(total=f"{model.total:.1f}") \
        if model.total is not None else ""
    grade = labels["grade_part"].format(grade=model.grade) if model.grade != labels["none"] \
        else ""
    story = [Paragraph(text(labels["basic"]), styles.h2),
             Paragraph(text(labels["basic_text"].format(
                 date=model.visit_date, inspectors=labels["list_sep"].join(model.inspectors),
                 template=model.template_title, count=items, failed=model.failed_count,
                 total=total, grade=grade)), styles.body)]
    good = [labels["achievement_line"].format(section=s.title, share=f"{s.score:.0f}")
            for s in model.sections if s.score is not None and s.score >= ACHIEVEMENT_SHARE]
    if model.summary_text:
        good.append(labels["summary_line"].format(summary=model.summary_text))
    story += [Paragraph(text(labels["achievements"]), styles.h2)]
    story += _numbered(good or [labels["no_achievements"]], styles, numbered=bool(good))
    story += [Paragraph(text(labels["problems"]), styles.h2)]
    story += _problem_list(model, labels, styles)
    story += [Paragraph(text(labels["advice"]), styles.h2)]
    advice = [labels["advice_line"].format(action=a.description,
                                           responsible=a.responsible or labels["none"],
                                           due=a.due_date or labels["none"])
              for a in model.actions]
    story += _numbered(advice or [labels["no_advice"]], styles, numbered=bool(advice))
    story += [Paragraph(text(labels["deadline"]), styles.h2), Paragraph(text(_deadline(
        model, labels)), styles.body)]
    return story


def _notice(model: ReportModel, labels: dict, styles: Styles) -> list:
    story = [Paragraph(text(labels["notice_text"].format(date=model.visit_date)), styles.body),
             Spacer(1, 3 * mm)]
    head = [labels["no"], labels["item"], labels["action"], labels["severity"],
            labels["responsible"], labels["due"]]
    data = [[Paragraph(text(h), styles.head_cell) for h in head]]
    for number, action in enumerate(model.actions, 1):
        data.append([Paragraph(text(v), styles.cell) for v in (
            str(number), action.item, action.description, action.severity,
            action.responsible, action.due_date)])
    if len(data) == 1:
        return story + [Paragraph(text(labels["no_advice"]), styles.body)]
    table = Table(data, colWidths=[CONTENT_WIDTH * s for s in (0.06, 0.26, 0.34, 0.09, 0.13,
                                                               0.12)], repeatRows=1)
    table.setStyle(TableStyle(table_style()))
    return story + [table, Spacer(1, 4 * mm),
                    Paragraph(text(_deadline(model, labels)), styles.body)]


def _problem_list(model: ReportModel, labels: dict, styles: Styles) -> list:
    lines = []
    for section in model.sections:
        for row in section.items:
            if row.failed:
                note = f"（{row.note}）" if row.note and model.lang == "zh" else \
                    (f" ({row.note})" if row.note else "")
                lines.append(labels["problem_line"].format(item=row.text, note=note)
                             + (labels["red_line"] if row.critical else ""))
    return _numbered(lines or [labels["no_problems"]], styles, numbered=bool(lines))


def _numbered(lines: list[str], styles: Styles, *, numbered: bool) -> list:
    style = styles.body.clone("numbered", leftIndent=14, firstLineIndent=-14)
    return [Paragraph(text(f"{n}. {line}" if numbered else line), style)
            for n, line in enumerate(lines, 1)]


def _deadline(model: ReportModel, labels: dict) -> str:
    dues = [a.due_date for a in model.actions if a.due_date]
    return labels["deadline_text"].format(due=max(dues)) if dues else labels["no_deadline"]


def _issuer(ws: Workspace, model: ReportModel, labels: dict, styles: Styles,
            slots: list) -> list:
    issuer = ws.profile.organisation or labels["list_sep"].join(model.inspectors)
    rows = [[Paragraph(text(f"{labels['issuer']}{labels['colon']}{issuer}"), styles.body)],
            [Paragraph(text(f"{labels['issued']}{labels['colon']}{district_today(ws)}"),
                       styles.body)],
            [SignatureSlot(slots, "inspector", labels["sign_here"], styles.font)]]
    table = Table(rows, colWidths=[CONTENT_WIDTH / 2], hAlign="RIGHT")
    table.setStyle(TableStyle(plain_table_style(("LEFTPADDING", (0, 0), (-1, -1), 0))))
    return [Spacer(1, 10 * mm), KeepTogether([table])]
