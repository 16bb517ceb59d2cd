"""The display names of the codes the database stores for inspection statuses, modes,
corrective-action statuses and severities, in Chinese and English: one table that the reports
print and the window shows, so a status reads the same on the screen and on paper.

(Template kinds, school levels and item types are screen-only and live in the UI's
catalogues.)"""

from __future__ import annotations

from app.domain.status import ACTION_SEVERITIES, ACTION_STATUSES, MODES, STATUSES

# kind → code → (Chinese, English)
NAMES: dict[str, dict[str, tuple[str, str]]] = {
    "status": {"draft": ("草稿", "Draft"), "in_progress": ("进行中", "In progress"),
               "completed": ("已完成", "Completed"), "signed": ("已签署", "Signed")},
    "mode": {"inspection": ("督导检查", "Inspection"),
             "self_assessment": ("学校自评", "Self-assessment")},
    # 问题程度 as district offices write it (一般 / 较重 / 严重), not 低/中/高.
    "severity": {"low": ("一般", "Low"), "medium": ("较重", "Medium"), "high": ("严重", "High")},
    # A corrective action "in progress" is being rectified, not being filled in.
    "action": {"pending": ("待整改", "To rectify"), "in_progress": ("整改中", "Rectifying"),
               "reported": ("已报告整改", "Rectification reported"),
               "verified": ("已核查销号", "Verified and closed"),
               "not_rectified": ("未整改到位", "Not rectified")},
}
CODES = {"status": STATUSES, "mode": MODES, "severity": ACTION_SEVERITIES,
         "action": ACTION_STATUSES}


def display_name(kind: str, code: str | None, lang: str) -> str:
    """The name of `code` in `lang` ('en', else Chinese); an unknown code shows as itself."""
    names = NAMES[kind].get(code or "")
    if names is None:
        return code or ""
    return names[1] if lang == "en" else names[0]


def names_for(lang: str) -> dict[str, str]:
    """Every name of the table keyed "<kind>_<code>" (as the report labels are)."""
    return {f"{kind}_{code}": display_name(kind, code, lang)
            for kind, codes in NAMES.items() for code in codes}
