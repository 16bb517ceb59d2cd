"""The 整改台账 (rectification ledger): every corrective action of a school (or all schools)
found in a period — item, problem, 问题程度, responsible person, due date, status, the school's
rectification evidence, who verified it and when, and 销号 — gathered once, then printed as a
PDF (here) or written as .xlsx (app/excel/ledger.py). Status and overdue come from the one rule.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer, Table
from reportlab.platypus import TableStyle

from app.domain.limits import check_date
from app.reports.canvas import Furniture, make_canvas_class
from app.reports.doc_labels import doc_labels
from app.reports.sections import AccentBar, text
from app.reports.styles import FOOTER_SPACE, HEADER_SPACE, MARGIN, Styles, table_style
from app.security import roles
from app.services.action_query import action_history, current_actions
from app.services.names_en import school_name
from app.services.schools import list_schools
from app.services.templates import get_template
from app.services.today import today as district_today

if TYPE_CHECKING:
    from app.workspace import Workspace

COLUMNS = ("col_no", "col_school", "col_found", "col_item", "col_problem", "col_severity",
           "col_responsible", "col_due", "col_status", "col_evidence", "col_verified",
           "col_closed")
SHARES = (0.04, 0.1, 0.07, 0.13, 0.15, 0.05, 0.07, 0.07, 0.07, 0.12, 0.08, 0.05)


@dataclass
class Ledger:
    lang: str
    scope: str
    date_from: str
    date_to: str
    today: str
    rows: list = field(default_factory=list)        # one list of cell texts per action
    closed: int = 0
    overdue: int = 0


def gather_ledger(ws: Workspace, *, school_id: str | None = None,
                  date_from: str | None = None, date_to: str | None = None,
                  lang: str = "zh") -> Ledger:
    labels = doc_labels(lang)
    # One form for the comparisons below (a date may be typed as 20260901).
    date_from = check_date(date_from, "from") if date_from else None
    date_to = check_date(date_to, "to") if date_to else None
    if school_id:
        scope = school_name(roles.require_record_read(ws, "schools", school_id, "school"),
                            lang)
    elif roles.visible_schools(ws) is not None:      # a principal: their own school(s)
        scope = "、".join(school_name(s, lang) for s in list_schools(ws))
    else:
        scope = labels["all_schools"]
    today = district_today(ws)
    ledger = Ledger(lang, scope, date_from or "", date_to or "", today)
    every = current_actions(ws, school_id=school_id, heads_only=False, today=today)
    found_on = {a["id"]: a["visit_date"] for a in every}
    templates: dict = {}
    for action in (a for a in every if a["head"]):
        found = found_on.get(action["root_id"]) or action["visit_date"] or ""
        if (date_from and found < date_from) or (date_to and found > date_to):
            continue
        ledger.rows.append(_row(ws, action, found, labels, templates, lang))
        ledger.closed += action["closed"]
        ledger.overdue += action["overdue"]
    ledger.rows.sort(key=lambda r: (r[1], r[2]))
    for number, row in enumerate(ledger.rows, 1):
        row[0] = str(number)
    return ledger


def _row(ws: Workspace, action: dict, found: str, labels: dict, templates: dict,
         lang: str) -> list:
    school = school_name(action, lang, key="school_name")
    status = labels.get(f"action_{action['status']}", action["status"])
    if action["overdue"]:
        status += f" ({labels['overdue']})"
    evidence = []
    for event in action_history(ws, action["id"]):
        if event["to_status"] == "reported":
            files = labels["files"].format(n=len(event["evidence"])) if event["evidence"] else ""
            evidence.append(" ".join(filter(None, [event["at"][:10], event["note"], files])))
    verified = f"{action['verified_by']} {action['verified_at'][:10]}" \
        if action["verified_by"] else ""
    return ["", school, found, _item_text(ws, action, templates, lang), action["description"],
            labels.get(f"severity_{action['severity']}", action["severity"] or ""),
            action["responsible"] or "", action["due_date"] or "", status,
            "\n".join(evidence), verified,
            labels["closed_yes"] if action["closed"] else labels["closed_no"]]


def _item_text(ws: Workspace, action: dict, templates: dict, lang: str) -> str:
    if not action["item_key"]:
        return ""
    template_id = ws.store.scalar("select template_id from inspections where id = ?",
                                  [action["inspection_id"]])
    if template_id not in templates:
        templates[template_id] = get_template(ws, template_id)
    try:
        return templates[template_id].item(action["item_key"]).text[lang]
    except KeyError:
        return action["item_key"]


def render_ledger(ledger: Ledger) -> bytes:
    """The ledger as a landscape A4 PDF with the report's furniture (page X of Y, id, hash)."""
    styles, labels = Styles(), doc_labels(ledger.lang)
    digest = hashlib.sha256(json.dumps(asdict(ledger), ensure_ascii=False,
                                       sort_keys=True).encode()).hexdigest()
    ledger_id = f"TZ-{digest[:10].upper()}"
    page = landscape(A4)
    buffer = io.BytesIO()
    frame = Frame(MARGIN, MARGIN + FOOTER_SPACE, page[0] - 2 * MARGIN,
                  page[1] - 2 * MARGIN - FOOTER_SPACE - HEADER_SPACE, 0, 0, 0, 0)
    doc = BaseDocTemplate(buffer, pagesize=page, pageTemplates=[PageTemplate("l", [frame])],
                          title=f"{labels['ledger']} · {ledger.scope}",
                          creator="School Inspect")
    furniture = Furniture(font=styles.font, labels=labels, report_id=ledger_id,
                          content_sha256=digest, header=f"{ledger.scope} · {labels['ledger']}",
                          draft=False, qr_text=f"school-inspect:ledger?id={ledger_id}",
                          info={"report_id": ledger_id, "content_sha256": digest},
                          page_size=page)
    doc.build(_story(ledger, labels, styles, page[0] - 2 * MARGIN),
              canvasmaker=make_canvas_class(furniture))
    return buffer.getvalue()


def _story(ledger: Ledger, labels: dict, styles: Styles, width: float) -> list:
    period = " – ".join(filter(None, (ledger.date_from, ledger.date_to)))
    story = [AccentBar(), Spacer(1, 4 * mm), Paragraph(text(labels["ledger"]), styles.title),
             Paragraph(text(labels["ledger_scope"].format(scope=ledger.scope)
                            + (f"　{labels['period']}{labels['colon']}{period}" if period
                               else "")), styles.subtitle),
             Paragraph(text(labels["ledger_counts"].format(
                 total=len(ledger.rows), closed=ledger.closed,
                 open=len(ledger.rows) - ledger.closed, overdue=ledger.overdue)), styles.body),
             Spacer(1, 4 * mm)]
    if not ledger.rows:
        return story + [Paragraph(text(labels["no_ledger"]), styles.body)]
    small = styles.cell.clone("ledger_cell", fontSize=7.5, leading=10)
    data = [[Paragraph(text(labels[c]), styles.head_cell) for c in COLUMNS]]
    data += [[Paragraph(text(v).replace("\n", "<br/>"), small) for v in row]
             for row in ledger.rows]
    table = Table(data, colWidths=[width * s for s in SHARES], repeatRows=1, splitInRow=1)
    table.setStyle(TableStyle(table_style()))
    return story + [table]
