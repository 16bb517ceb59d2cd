"""English names for Chinese place and subject names the data carries only in Chinese.

Districts: the English form is the pinyin of the place followed by "District" (青山区 →
Qingshan District), known for the districts the app's data names (demo data included);
school subjects: the national curriculum's subjects. A name not listed stays as it is —
never a guessed translation.

Every English document and screen takes its names from here (`school_name`, `district_name`,
`subject_name`), so a name reads the same on paper and on the screen. Names that have no
English form — people, addresses, the issuing office and what users write (notes, corrective
actions, responsible persons, captions they type) — are shown as written.
"""

from __future__ import annotations

from app.services.demo_data import DISTRICTS

SUBJECTS_EN = {
    "语文": "Chinese", "数学": "Mathematics", "英语": "English", "物理": "Physics",
    "化学": "Chemistry", "生物": "Biology", "历史": "History", "地理": "Geography",
    "道德与法治": "Morality and Law", "思想政治": "Politics", "政治": "Politics",
    "体育": "Physical Education", "体育与健康": "Physical Education and Health",
    "音乐": "Music", "美术": "Art", "艺术": "Arts", "信息技术": "Information Technology",
    "科学": "Science", "劳动": "Labour Education", "通用技术": "General Technology",
    "心理健康": "Mental Health", "综合实践活动": "Integrated Practical Activities",
}
DISTRICTS_EN = {zh: f"{en} District" for zh, en in DISTRICTS}


DISTRICTS_BY_EN = {en.casefold(): zh for zh, en in DISTRICTS_EN.items()} | \
    {en.casefold(): zh for zh, en in DISTRICTS}


def district_en(name: str | None) -> str | None:
    return DISTRICTS_EN.get((name or "").strip())


def subject_en(name: str | None) -> str | None:
    return SUBJECTS_EN.get((name or "").strip())


def district_name(name: str | None, lang: str) -> str:
    """A district in `lang`: 青山区, or "Qingshan District" in English when known."""
    return (lang == "en" and district_en(name)) or name or ""


def subject_name(name: str | None, lang: str) -> str:
    """A teacher's subject in `lang`: 数学, or "Mathematics" in English when known."""
    return (lang == "en" and subject_en(name)) or name or ""


def school_name(row: dict | None, lang: str, *, key: str = "name") -> str:
    """A school in `lang`: its English name (`<key>_en`) in English when it has one, else its
    (Chinese) name. `row` is a schools row, or a joined row naming it `school_name`."""
    if not row:
        return ""
    english = row.get(f"{key}_en") if lang == "en" else None
    return (english or "").strip() or row.get(key) or ""


def district_of(typed: str | None) -> str:
    """The district as stored for a name typed in either language ("Qingshan District",
    "qingshan" → 青山区); any other text is returned as typed."""
    text = (typed or "").strip()
    return DISTRICTS_BY_EN.get(text.casefold(), text)
