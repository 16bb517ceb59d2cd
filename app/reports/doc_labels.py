"""Fixed texts of the documents an inspection office issues (督导意见书, 整改通知书, 整改台账), in
Chinese and English. Report-wide words (severity, status, page X of Y) come from labels.py."""

from __future__ import annotations

from app.reports.labels import labels_for

DOC_LABELS = {
    "zh": {
        "opinion": "督导意见书", "notice": "整改通知书", "ledger": "整改台账",
        "to_school": "{school}：",
        "basic": "一、基本情况", "achievements": "二、主要成绩", "problems": "三、存在问题",
        "advice": "四、整改意见", "deadline": "五、整改期限",
        "basic_text": "{date}，{inspectors}依据《{template}》对你校进行了督导检查。共检查 {count} "
                      "项，未达标 {failed} 项{total}{grade}。",
        "total_part": "，总分 {total} 分", "grade_part": "，评定等级为“{grade}”",
        "achievement_line": "{section}：得分率 {share}%。",
        "no_achievements": "本次检查各部分得分率均未达到 85%。",
        "summary_line": "总体意见：{summary}",
        "problem_line": "{item}{note}", "red_line": "（一票否决项）",
        "no_problems": "本次检查未发现问题。",
        "advice_line": "{action}（责任人：{responsible}；整改期限：{due}）",
        "no_advice": "无整改要求。",
        "deadline_text": "请于 {due} 前完成全部整改，并将整改报告及佐证材料报送督导室。"
                         "逾期未整改或整改不到位的，将予以通报并约谈学校负责人。",
        "no_deadline": "请按各项整改期限完成整改，并将整改报告及佐证材料报送督导室。",
        "notice_text": "根据 {date} 督导检查结果，你校存在以下问题，现通知如下，请认真整改：",
        "issuer": "签发单位", "issued": "签发日期", "number": "文号",
        "sign_here": "签发人数字签名区（签署后在此显示）",
        "ledger_scope": "范围：{scope}", "all_schools": "全部学校", "period": "期间",
        "col_no": "序号", "col_school": "学校", "col_found": "发现日期",
        "col_item": "检查内容", "col_problem": "存在问题", "col_severity": "问题程度",
        "col_responsible": "责任人", "col_due": "整改期限", "col_status": "整改状态",
        "col_evidence": "整改佐证", "col_verified": "核查人 / 时间", "col_closed": "销号",
        "closed_yes": "已销号", "closed_no": "未销号", "no_ledger": "本范围内无整改事项。",
        "ledger_counts": "共 {total} 项，已销号 {closed} 项，未销号 {open} 项，其中逾期 {overdue} 项。",
        "files": "{n} 个文件",
    },
    "en": {
        "opinion": "Inspection opinion letter", "notice": "Rectification notice",
        "ledger": "Rectification ledger", "to_school": "To {school}:",
        "basic": "1. Basic facts", "achievements": "2. Main achievements",
        "problems": "3. Problems found", "advice": "4. Required rectification",
        "deadline": "5. Deadline",
        "basic_text": "On {date}, {inspectors} inspected your school against \"{template}\". "
                      "{count} items were checked, {failed} below standard{total}{grade}.",
        "total_part": "; total score {total}", "grade_part": "; grade \"{grade}\"",
        "achievement_line": "{section}: {share}% of the points.",
        "no_achievements": "No part of this inspection reached 85% of its points.",
        "summary_line": "Overall comments: {summary}",
        "problem_line": "{item}{note}", "red_line": " (red line)",
        "no_problems": "No problem was found.",
        "advice_line": "{action} (responsible: {responsible}; due: {due})",
        "no_advice": "No corrective action required.",
        "deadline_text": "Complete all rectification by {due} and send the rectification "
                         "report with evidence to the inspection office. A school that does "
                         "not rectify in time will be named and its head interviewed.",
        "no_deadline": "Complete each item by its due date and send the rectification report "
                       "with evidence to the inspection office.",
        "notice_text": "The inspection of {date} found the problems below; rectify them as "
                       "required:",
        "issuer": "Issued by", "issued": "Issued on", "number": "Document no.",
        "sign_here": "Issuer's digital signature (shown here once signed)",
        "ledger_scope": "Scope: {scope}", "all_schools": "All schools", "period": "Period",
        "col_no": "No.", "col_school": "School", "col_found": "Found on", "col_item": "Item",
        "col_problem": "Problem", "col_severity": "Severity",
        "col_responsible": "Responsible", "col_due": "Due", "col_status": "Status",
        "col_evidence": "Rectification evidence", "col_verified": "Verified by / on",
        "col_closed": "Closed", "closed_yes": "Closed", "closed_no": "Open",
        "no_ledger": "No corrective actions in this scope.",
        "ledger_counts": "{total} item(s): {closed} closed, {open} open, {overdue} overdue.",
        "files": "{n} file(s)",
    },
}


def doc_labels(lang: str) -> dict[str, str]:
    """Report labels with the document labels on top."""
    return {**labels_for(lang), **DOC_LABELS["en" if lang == "en" else "zh"]}
