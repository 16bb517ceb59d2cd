"""English names for Chinese place and subject names the data carries only in Chinese.

Districts: the English form is the pinyin of the place followed by "District" (青山区 →
Qingshan District), known for the districts the app's data names (demo data included);
school subjects: the national curriculum's subjects. A name not listed stays as it is —
never a guessed translation.
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


def district_en(name: str | None) -> str | None:
    return DISTRICTS_EN.get((name or "").strip())


def subject_en(name: str | None) -> str | None:
    return SUBJECTS_EN.get((name or "").strip())
