"""File names a person recognises for reports: school, visit date and checklist
("青山区育才小学_2026-04-01_学校食堂食品安全检查.pdf"), instead of an id fragment."""

from __future__ import annotations

import re

from app.security.signoffs import subject_of
from app.services.names_en import school_name
from app.services.templates import get_template

# Characters no file system accepts (Windows is the strictest), and control characters.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
MAX_PART = 60


def safe_part(text: str) -> str:
    cleaned = _UNSAFE.sub(" ", text or "").strip().strip(".")
    return re.sub(r"\s+", " ", cleaned)[:MAX_PART].strip() or "-"


def report_file_name(ws, inspection_id: str, lang: str) -> str:
    """`<school>_<visit date>_<template title>.pdf` in the report's language."""
    inspection = ws.store.require("inspections", inspection_id, "inspection")
    subject = subject_of(inspection)     # a signed inspection: the names as signed
    school = subject["school"] if subject else \
        ws.store.get("schools", inspection["school_id"]) or {}
    name = school_name(school, lang)
    title = get_template(ws, inspection["template_id"]).title.get(lang) or ""
    teacher = (subject.get("teacher") or {}) if subject else \
        ws.store.get("teachers", inspection.get("teacher_id") or "") or {}
    parts = [name, inspection.get("visit_date") or "", title, teacher.get("name") or ""]
    return "_".join(safe_part(p) for p in parts if p) + ".pdf"
