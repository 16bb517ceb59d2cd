"""Translated display names for the codes stored in the database (statuses, levels, modes,
severities, template kinds, item types). The database keeps the codes; only the screen shows
words. Inspection and action statuses, modes and severities are named by the domain's table
(the same words as on the report); the rest by the catalogues (literal
`translate("Labels", ...)` calls so that pyside6-lupdate finds them)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain.names import display_name
from app.services import names_en
from ui.i18n import current_language

translate = QCoreApplication.translate


def _pick(names: dict, code: str | None) -> str:
    return names.get(code or "", code or "")


def inspection_status(code: str | None) -> str:
    return display_name("status", code, current_language())


def action_status(code: str | None) -> str:
    return display_name("action", code, current_language())


def role(code: str | None) -> str:
    return _pick({"inspector": translate("Labels", "Inspector"),
                  "principal": translate("Labels", "Principal"),
                  "admin": translate("Labels", "District office")}, code)


def severity(code: str | None) -> str:
    return display_name("severity", code, current_language())


def mode(code: str | None) -> str:
    return display_name("mode", code, current_language())


def level(code: str | None) -> str:
    return _pick({"kindergarten": translate("Labels", "Kindergarten"),
                  "primary": translate("Labels", "Primary school"),
                  "junior": translate("Labels", "Junior middle school"),
                  "senior": translate("Labels", "Senior high school"),
                  "nine_year": translate("Labels", "Nine-year school"),
                  "twelve_year": translate("Labels", "Twelve-year school"),
                  "vocational": translate("Labels", "Vocational school"),
                  "special": translate("Labels", "Special education school")}, code)


def kind(code: str | None) -> str:
    return _pick({"inspection": translate("Labels", "Comprehensive"),
                  "food_safety": translate("Labels", "Food safety"),
                  "ethics": translate("Labels", "Teacher ethics"),
                  "safety": translate("Labels", "Safety"),
                  "kindergarten": translate("Labels", "Kindergarten"),
                  "supervision": translate("Labels", "Supervision"),
                  "survey": translate("Labels", "Satisfaction survey")}, code)


def item_type(code: str | None) -> str:
    return _pick({"yes_no": translate("Labels", "Yes / no"),
                  "score": translate("Labels", "Score"),
                  "rating": translate("Labels", "Rating"),
                  "number": translate("Labels", "Reading"),
                  "text": translate("Labels", "Text"),
                  "date": translate("Labels", "Date"),
                  "choice": translate("Labels", "Choice"),
                  "photo": translate("Labels", "Photo")}, code)


def bilingual(title: dict | None, lang: str) -> str:
    """A template title or band label in the UI language, falling back to the other one."""
    if not title:
        return ""
    return title.get(lang) or title.get("zh") or title.get("en") or ""


def school_name(row: dict | None, lang: str, *, key: str = "name") -> str:
    """A school as the user reads it: its English name in the English UI when it has one,
    else its (Chinese) name. `row` is a schools row (name, name_en), or a joined row naming
    them `key` and `<key>_en` (e.g. school_name, school_name_en)."""
    return names_en.school_name(row, lang, key=key)


def district(name: str | None, lang: str) -> str:
    """A district in the UI language: 青山区, or "Qingshan District" in English when known."""
    return names_en.district_name(name, lang)


def subject(name: str | None, lang: str) -> str:
    """A teacher's subject in the UI language: 数学, or "Mathematics" in English when known."""
    return names_en.subject_name(name, lang)


def school_names(ws, lang: str) -> dict[str, str]:
    """School id -> display name, for lists whose rows carry only the Chinese name."""
    from app.services.schools import list_schools
    return {s["id"]: school_name(s, lang) for s in list_schools(ws)}


def join(parts) -> str:
    """A list for the screen: "a, b" in English, "a、b" in Chinese (the catalogue decides)."""
    return translate("Labels", ", ", "separator between list items").join(
        str(p) for p in parts)
