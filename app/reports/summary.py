"""The district summary report: for a district and a period, the inspections done, their grade
distribution, the most often failed items, and overdue corrective actions by school."""

from __future__ import annotations

import hashlib
import io
import json
from collections import Counter
from dataclasses import asdict, dataclass, field

from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer, Table
from reportlab.platypus import TableStyle
from reportlab.lib.units import mm

from app.errors import NotFoundError
from app.reports.canvas import Furniture, make_canvas_class
from app.reports.labels import labels_for
from app.reports.sections import AccentBar, table_heading, text
from app.reports.styles import (CONTENT_WIDTH, FOOTER_SPACE, HEADER_SPACE, MARGIN, PAGE,
                                Styles, table_style)
from app.security import roles
from app.services.action_query import current_actions, escalation_list
from app.services.names_en import district_en, district_name, district_of, school_name
from app.services.reads import evaluate
from app.services.schools import districts
from app.services.templates import get_template


@dataclass
class DistrictSummary:
    district: str               # as the reader reads it (Qingshan District in English)
    date_from: str
    date_to: str
    lang: str
    done: int = 0
    signed: int = 0
    by_template: list = field(default_factory=list)      # (title, count)
    grades: list = field(default_factory=list)           # (grade label, count)
    most_failed: list = field(default_factory=list)      # (item text, checklist, times)
    overdue: list = field(default_factory=list)          # (school, count, oldest due, days)
    escalation: list = field(default_factory=list)       # (school, 未整改到位, long overdue, days)


def gather_summary(ws, district: str, date_from: str, date_to: str,
                   lang: str = "zh", today: str | None = None) -> DistrictSummary:
    roles.require(ws, "district.summary")        # every way in: PDF, window, tests
    district = district_of(district)         # "Qingshan District" finds 青山区
    if district not in districts(ws):
        known = ", ".join(f"{d} ({district_en(d)})" if district_en(d) else d
                          for d in districts(ws)) or "none yet"
        raise NotFoundError(f"No schools in district {district!r}; known districts: {known}.")
    lang = "en" if lang == "en" else "zh"
    summary = DistrictSummary(district_name(district, lang), date_from, date_to, lang)
    rows = ws.store.query(
        "select i.id, i.status, i.template_id from inspections i join schools s on "
        "s.id = i.school_id where i.deleted = 0 and s.district = ? and i.status in "
        "('completed', 'signed') and i.visit_date between ? and ?"
        f"{roles.read_scope(ws, 'i.school_id')[0]} order by i.visit_date",
        [district, date_from, date_to, *roles.read_scope(ws, "i.school_id")[1]])
    templates, grades, failed, kinds = {}, Counter(), Counter(), Counter()
    for row in rows:
        template = templates.setdefault(row["template_id"], get_template(ws, row["template_id"]))
        result = evaluate(ws, row["id"])
        kinds[template.title[lang]] += 1
        if result.grade:
            grades[result.grade.label[lang]] += 1
        for key in result.failed:
            failed[(template.item(key).text[lang], template.title[lang])] += 1
    summary.done, summary.signed = len(rows), sum(1 for r in rows if r["status"] == "signed")
    summary.by_template = kinds.most_common()
    summary.grades = grades.most_common()
    summary.most_failed = [(item, title, n) for (item, title), n in failed.most_common(10)]
    summary.overdue = _overdue(ws, district, today, lang)
    summary.escalation = [(school_name(e, lang, key="school"), e["not_rectified"],
                           e["long_overdue"], e["max_days_overdue"])
                          for e in escalation_list(ws, district, today)]
    return summary


def _overdue(ws, district: str, today: str | None, lang: str) -> list:
    """Overdue actions per school by the one rule, each logical action once."""
    by_school: dict[str, list] = {}
    for action in current_actions(ws, district=district, overdue_only=True, today=today):
        by_school.setdefault(school_name(action, lang, key="school_name"), []).append(action)
    rows = [(school, len(found), min(a["due_date"] for a in found),
             max(a["days_overdue"] for a in found)) for school, found in by_school.items()]
    return sorted(rows, key=lambda r: (-r[1], r[0]))


def build_summary(ws, district: str, date_from: str, date_to: str,
                  lang: str | None = None) -> bytes:
    return render_summary(gather_summary(ws, district, date_from, date_to,
                                         lang or ws.profile.language))


def render_summary(summary: DistrictSummary) -> bytes:
    styles, labels = Styles(), labels_for(summary.lang)
    digest = hashlib.sha256(json.dumps(asdict(summary), ensure_ascii=False,
                                       sort_keys=True).encode()).hexdigest()
    summary_id = f"SD-{digest[:10].upper()}"
    buffer = io.BytesIO()
    width, height = PAGE
    frame = Frame(MARGIN, MARGIN + FOOTER_SPACE, width - 2 * MARGIN,
                  height - 2 * MARGIN - FOOTER_SPACE - HEADER_SPACE, 0, 0, 0, 0)
    doc = BaseDocTemplate(buffer, pagesize=PAGE, pageTemplates=[PageTemplate("s", [frame])],
                          title=f"{labels['summary_report']} · {summary.district}",
                          creator="School Inspect")
    furniture = Furniture(font=styles.font, labels=labels, report_id=summary_id,
                          content_sha256=digest, header=f"{summary.district} · "
                          f"{labels['summary_report']}", draft=False,
                          qr_text=f"school-inspect:summary?id={summary_id}&sha256={digest}",
                          info={"report_id": summary_id, "content_sha256": digest})
    doc.build(_story(summary, labels, styles), canvasmaker=make_canvas_class(furniture))
    return buffer.getvalue()


def _story(summary: DistrictSummary, labels: dict, styles: Styles) -> list:
    story = [AccentBar(), Spacer(1, 6 * mm), Paragraph(text(summary.district), styles.kicker),
             Paragraph(text(labels["summary_report"]), styles.title),
             Paragraph(text(f"{labels['period']}{labels['colon']}{summary.date_from} – "
                            f"{summary.date_to}"), styles.subtitle), Spacer(1, 6 * mm)]
    counts = [(labels["inspections_done"], summary.done), (labels["signed_count"],
                                                           summary.signed),
              (labels["completed_count"], summary.done - summary.signed)]
    story += [_table(styles, [labels["inspections_done"], labels["count"]], counts, [0.7, 0.3])]
    if not summary.done:
        story.append(Paragraph(text(labels["no_inspections"]), styles.body))
    story += _part(styles, labels["template_count"], [labels["template"], labels["count"]],
                   summary.by_template, [0.7, 0.3])
    story += _part(styles, labels["grade_distribution"], [labels["grade"], labels["count"]],
                   summary.grades, [0.7, 0.3])
    story += _part(styles, labels["most_failed"], [labels["item"], labels["template"],
                                                   labels["times"]],
                   summary.most_failed, [0.58, 0.3, 0.12])
    story += table_heading(text(labels["overdue_actions"]), styles.h1_table)
    if summary.overdue:
        story.append(_table(styles, [labels["school"], labels["count"], labels["due"],
                                     labels["days_overdue"]], summary.overdue,
                            [0.5, 0.14, 0.18, 0.18]))
    else:
        story.append(Paragraph(text(labels["no_overdue"]), styles.body))
    story += table_heading(text(labels["escalation"]), styles.h1_table)
    if summary.escalation:
        story.append(_table(styles, [labels["school"], labels["not_rectified_times"],
                                     labels["long_overdue"], labels["days_overdue"]],
                            summary.escalation, [0.46, 0.18, 0.18, 0.18]))
    else:
        story.append(Paragraph(text(labels["no_escalation"]), styles.body))
    return story


def _part(styles: Styles, title: str, head: list, rows: list, shares: list) -> list:
    if not rows:
        return []
    return table_heading(text(title), styles.h1_table) + [_table(styles, head, rows, shares)]


def _table(styles: Styles, head: list, rows: list, shares: list) -> Table:
    data = [[Paragraph(text(h), styles.head_cell) for h in head]]
    data += [[Paragraph(text(str(v)), styles.cell) for v in row] for row in rows]
    table = Table(data, colWidths=[CONTENT_WIDTH * s for s in shares], repeatRows=1,
                  splitInRow=1)
    table.setStyle(TableStyle(table_style()))
    return table
