"""Results to Excel for the district office: one sheet of inspections with scores and grades,
one of findings (items below standard), one of corrective actions (status and overdue from the
one rule). Teacher-ethics evaluations are confidential and stay out of this workbook."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.limits import check_date
from app.errors import KnownError
from app.excel.sheets import new_workbook, table_sheet
from app.reports.labels import labels_for
from app.services.action_query import current_actions
from app.services.answers import responses_of
from app.services.inspections import list_inspections
from app.services.names_en import district_name, district_of, school_name
from app.services.reads import evaluate
from app.services.templates import get_template

if TYPE_CHECKING:
    from app.workspace import Workspace

INSPECTION_HEADERS = ["检查编号 ID", "检查日期 Visit date", "学校 School", "区县 District",
                      "检查表 Checklist", "方式 Mode", "状态 Status", "总分 Total",
                      "等级 Grade", "一票否决 Red line failed", "回头看 Follows up",
                      "签署时间 Signed at"]
FINDING_HEADERS = ["检查编号 Inspection", "检查日期 Visit date", "学校 School",
                   "检查表 Checklist", "检查内容 Item", "否决项 Red line", "备注 Note"]
ACTION_HEADERS = ["整改编号 ID", "学校 School", "区县 District", "整改事项 Action",
                  "程度 Severity", "责任人 Responsible", "期限 Due", "状态 Status",
                  "逾期 Overdue", "逾期天数 Days overdue", "报告整改 Reported at",
                  "核查人 Verified by", "核查时间 Verified at"]


def export_results(ws: Workspace, out: Path | str, *, date_from: str | None = None,
                   date_to: str | None = None, district: str | None = None,
                   lang: str = "zh") -> dict:
    """Write the workbook; returns counts per sheet."""
    # One form for the comparisons below (a date may be typed as 20260901).
    date_from = check_date(date_from, "from") if date_from else None
    date_to = check_date(date_to, "to") if date_to else None
    labels = labels_for(lang)
    district = district_of(district) if district else None
    rows = [r for r in list_inspections(ws, mode=None, include_ethics=False)
            if r["status"] != "draft" and (not district or r["district"] == district)
            and (not date_from or r["visit_date"] >= date_from)
            and (not date_to or r["visit_date"] <= date_to)]
    inspections, findings = [], []
    for row in reversed(rows):
        _inspection_rows(ws, row, lang, labels, inspections, findings)
    school_ids = {r["school_id"] for r in rows}
    actions = [a for a in current_actions(ws, district=district)
               if (a["school_id"] in school_ids or not (date_from or date_to))]
    book = new_workbook()
    table_sheet(book, "检查 Inspections", INSPECTION_HEADERS, inspections,
                [38, 12, 28, 12, 30, 10, 10, 8, 10, 10, 38, 20])
    table_sheet(book, "问题 Findings", FINDING_HEADERS, findings, [38, 12, 28, 30, 60, 8, 40])
    table_sheet(book, "整改 Actions", ACTION_HEADERS,
                [_action_row(a, labels, lang) for a in actions],
                [38, 28, 12, 50, 8, 14, 12, 14, 8, 10, 20, 14, 20])
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)
    return {"path": str(out), "inspections": len(inspections), "findings": len(findings),
            "actions": len(actions)}


def _inspection_rows(ws: Workspace, row: dict, lang: str, labels: dict, inspections: list,
                     findings: list) -> None:
    template = get_template(ws, row["template_id"])
    try:
        result = evaluate(ws, row["id"])
    except KnownError:
        result = None          # a broken template must not stop the export of the rest
    grade = result.grade.label[lang] if result and result.grade else ""
    inspections.append([
        row["id"], row["visit_date"], school_name(row, lang, key="school_name"),
        district_name(row["district"], lang),
        template.title[lang], labels.get(f"mode_{row['mode']}", row["mode"]),
        labels.get(f"status_{row['status']}", row["status"]),
        round(result.total, 1) if result and result.total is not None else None, grade,
        labels["yes"] if result and result.capped_by else "", row["follow_up_of"] or "",
        row["signed_at"] or ""])
    if result is None:
        return
    notes = responses_of(ws, row["id"])
    for key in result.failed:
        item = template.item(key)
        findings.append([row["id"], row["visit_date"], school_name(row, lang, key="school_name"),
                         template.title[lang], item.text[lang],
                         labels["yes"] if item.critical else "",
                         (notes.get(key) or {}).get("note") or ""])


def _action_row(action: dict, labels: dict, lang: str) -> list:
    return [action["id"], school_name(action, lang, key="school_name"),
            district_name(action["district"], lang), action["description"],
            labels.get(f"severity_{action['severity']}", action["severity"]),
            action["responsible"] or "", action["due_date"] or "",
            labels.get(f"action_{action['status']}", action["status"]),
            labels["yes"] if action["overdue"] else "", action["days_overdue"] or None,
            action["reported_at"] or "", action["verified_by"] or "",
            action["verified_at"] or ""]
