"""Translated display names for the codes stored in the database (statuses, levels, modes,
severities, template kinds). The database keeps the codes; only the screen shows words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def inspection_status(code: str | None) -> str:
    return {"draft": _t("Draft"), "in_progress": _t("In progress"),
            "completed": _t("Completed"), "signed": _t("Signed")}.get(code or "", code or "")


def action_status(code: str | None) -> str:
    return {"open": _t("Open"), "in_progress": _t("In progress"), "resolved": _t("Resolved"),
            "verified": _t("Verified")}.get(code or "", code or "")


def severity(code: str | None) -> str:
    return {"low": _t("Low"), "medium": _t("Medium"), "high": _t("High")}.get(code or "",
                                                                             code or "")


def mode(code: str | None) -> str:
    return {"inspection": _t("Inspection"),
            "self_assessment": _t("Self-assessment")}.get(code or "", code or "")


def level(code: str | None) -> str:
    return {"kindergarten": _t("Kindergarten"), "primary": _t("Primary school"),
            "junior": _t("Junior middle school"), "senior": _t("Senior high school"),
            "nine_year": _t("Nine-year school"), "twelve_year": _t("Twelve-year school"),
            "vocational": _t("Vocational school"),
            "special": _t("Special education school")}.get(code or "", code or "")


def kind(code: str | None) -> str:
    return {"inspection": _t("Comprehensive"), "food_safety": _t("Food safety"),
            "ethics": _t("Teacher ethics"), "safety": _t("Safety"),
            "kindergarten": _t("Kindergarten"),
            "supervision": _t("Supervision")}.get(code or "", code or "")


def bilingual(title: dict | None, lang: str) -> str:
    """A template title or band label in the UI language, falling back to the other one."""
    if not title:
        return ""
    return title.get(lang) or title.get("zh") or title.get("en") or ""
