"""Every fixed text printed on a report, in Chinese and English. The names of inspection
statuses, modes, action statuses and severities come from the one table in
`app/domain/names.py`."""

from __future__ import annotations

from app.domain.names import names_for

LABELS = {
    "zh": {
        "report": "督导检查报告", "self_report": "学校自评报告", "ethics_report": "师德考核报告",
        "school": "学校", "district": "区县", "code": "学校代码", "address": "地址",
        "principal": "校长", "template": "检查表", "version": "版本", "visit_date": "检查日期",
        "inspectors": "督学", "teacher": "被考核教师", "grade": "评定等级",
        "total": "总分", "points": "分", "status": "状态", "report_id": "报告编号",
        "content_hash": "内容指纹 SHA-256", "generated": "生成时间",
        "summary": "结果概要", "section_scores": "各部分得分", "section": "部分",
        "score": "得分", "answered": "已答", "overall": "总体意见",
        "sep": "；", "full_stop": "。", "not_graded": "尚未评定", "record": "督导记录",
        "record_kind": "不评定等级",
        "record_note": "本记录为责任督学经常性督导的督导记录，不评定等级；发现的问题和整改建议见检查明细和整改要求。",
        "visit_record": "责任督学挂牌督导记录", "survey_report": "满意度测评结果",
        "veto_tag": "一票否决", "cap_tag": "限定等级项，最高评为{band}",
        "failed_critical": "未达标的一票否决项和限定等级项",
        "no_failed_critical": "一票否决项和限定等级项均未发现不达标。",
        "failed_items": "未达标项 {count} 项", "items": "检查明细", "item": "检查内容",
        "answer": "结论", "note": "备注", "source": "依据", "no": "序号",
        "principal_answer": "学校自评", "inspector_answer": "督学核查",
        "self_note": "与学校自评（{date}）逐项对照；标“≠”的为两者不一致（共 {count} 项）。",
        "differs": "不一致", "actions": "整改要求", "action": "整改事项",
        "severity": "程度", "responsible": "责任人", "due": "期限", "no_actions": "无整改要求。",
        "photos": "证据照片", "ethics": "师德考核结果", "ethics_teacher": "本次考核",
        "ethics_school": "本校教师师德考核汇总", "reason": "依据说明",
        "reason_total": "加权总分 {total} 分，对应“{grade}”",
        "reason_none": "尚无评分", "ethics_counts": "等级分布：{counts}",
        "signatures": "签署", "signer": "签署人", "role": "身份", "signed_at": "签署时间",
        "digital_signature": "数字签名", "sign_here": "数字签名区（签署后在此显示）",
        "unsigned": "本检查尚未签署，此报告为草稿，不作正式依据。", "draft": "草稿 DRAFT",
        "page": "第 {page} 页 共 {pages} 页", "yes": "是", "no_answer": "否", "na": "不适用",
        "unanswered": "未作答", "pass": "达标", "fail": "未达标",
        "none": "—", "yes_label": "是", "colon": "：", "list_sep": "、",
        "at_answered": "已答项目", "at_failed": "未达标项", "at_red": "一票否决项未达标",
        "at_actions": "整改要求", "at_photos": "证据照片",
        "versioned": "{title}（版本 {version}）",
        "overdue": "已逾期",
        "escalation": "通报 / 约谈候选学校", "no_escalation": "无需通报或约谈的学校。",
        "not_rectified_times": "未整改到位事项", "long_overdue": "长期逾期事项",
        "role_inspector": "督学", "role_principal": "校长", "role_panel": "考核小组",
        "summary_report": "督导工作汇总报告", "period": "统计期间", "inspections_done": "完成检查",
        "grade_distribution": "等级分布", "most_failed": "最常未达标项",
        "times": "次数", "overdue_actions": "逾期整改（按学校）", "count": "数量",
        "no_overdue": "无逾期整改。", "no_inspections": "本期间无已完成的检查。",
        "template_count": "按检查表", "signed_count": "已签署", "completed_count": "已完成未签署",
        "days_overdue": "逾期天数", "all_districts": "全部区县",
    },
    "en": {
        "report": "Inspection report", "self_report": "School self-assessment report",
        "ethics_report": "Teacher ethics assessment report",
        "school": "School", "district": "District", "code": "School code", "address": "Address",
        "principal": "Principal", "template": "Checklist", "version": "version",
        "visit_date": "Visit date", "inspectors": "Inspectors", "teacher": "Teacher assessed",
        "grade": "Grade", "total": "Total score", "points": "points", "status": "Status",
        "report_id": "Report ID", "content_hash": "Content SHA-256", "generated": "Generated",
        "summary": "Summary of results", "section_scores": "Section scores",
        "section": "Section", "score": "Score", "answered": "Answered",
        "overall": "Overall comments",
        "sep": "; ", "full_stop": ".", "not_graded": "Not yet graded",
        "record": "Visit record", "record_kind": "Not graded",
        "record_note": "This is the designated inspector's record of a regular visit; it is not "
                       "graded. Findings and suggestions are in the checklist items and the "
                       "corrective actions.",
        "visit_record": "Designated inspector's visit record",
        "survey_report": "Satisfaction survey results",
        "veto_tag": "veto", "cap_tag": "grade-limiting: at most {band}",
        "failed_critical": "Veto and grade-limiting items not met",
        "no_failed_critical": "No veto or grade-limiting item was found not met.",
        "failed_items": "{count} item(s) below standard", "items": "Checklist items",
        "item": "Item", "answer": "Finding", "note": "Note", "source": "Basis", "no": "No.",
        "principal_answer": "School (self)", "inspector_answer": "Inspector",
        "self_note": "Compared item by item with the school's self-assessment of {date}; "
                     "rows marked \"≠\" differ ({count} in all).",
        "differs": "differs", "actions": "Corrective actions", "action": "Action",
        "severity": "Severity", "responsible": "Responsible", "due": "Due",
        "no_actions": "No corrective actions.", "photos": "Evidence photos",
        "ethics": "Teacher ethics results", "ethics_teacher": "This assessment",
        "ethics_school": "Ethics assessments of the school's teachers", "reason": "Reason",
        "reason_total": "Weighted total {total}, which is \"{grade}\"",
        "reason_none": "Not scored yet", "ethics_counts": "Grades: {counts}",
        "signatures": "Signatures", "signer": "Signed by", "role": "Role",
        "signed_at": "Signed at", "digital_signature": "Digital signature",
        "sign_here": "Digital signature (shown here once signed)",
        "unsigned": "This inspection is not signed: this report is a draft, not an official "
                    "record.", "draft": "DRAFT",
        "page": "Page {page} of {pages}", "yes": "Yes", "no_answer": "No", "na": "N/A",
        "unanswered": "Not answered", "pass": "Met", "fail": "Not met",
        "none": "—", "yes_label": "Yes", "colon": ": ", "list_sep": ", ",
        "at_answered": "Items answered", "at_failed": "Below standard",
        "at_red": "Vetoes failed", "at_actions": "Corrective actions",
        "at_photos": "Evidence photos",
        "versioned": "{title} (version {version})",
        "overdue": "overdue",
        "escalation": "Schools to name publicly or whose heads to interview",
        "no_escalation": "No school to name publicly or whose head to interview.",
        "not_rectified_times": "Found not rectified", "long_overdue": "Long overdue",
        "role_inspector": "Inspector", "role_principal": "Principal",
        "role_panel": "Assessment panel",
        "summary_report": "District inspection summary", "period": "Period",
        "inspections_done": "Inspections done", "grade_distribution": "Grade distribution",
        "most_failed": "Most often failed items", "times": "Times",
        "overdue_actions": "Overdue corrective actions by school", "count": "Count",
        "no_overdue": "No overdue corrective actions.",
        "no_inspections": "No completed inspections in this period.",
        "template_count": "By checklist", "signed_count": "Signed",
        "completed_count": "Completed, unsigned", "days_overdue": "Days overdue",
        "all_districts": "All districts",
    },
}


for _lang, _labels in LABELS.items():
    _labels.update(names_for(_lang))


def labels_for(lang: str) -> dict[str, str]:
    """The label set of a language; anything but 'en' prints Chinese, the default."""
    return LABELS["en" if lang == "en" else "zh"]
