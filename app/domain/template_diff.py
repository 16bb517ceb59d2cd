"""What changed between two versions of a template, item by item (`templates diff`).

Compared on the built templates, so an old `critical` flag and a new `veto` that mean the same
judgement are the same, and a variant's inherited sections are compared as they apply.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.templates import Item, Template

ITEM_FIELDS = ("section", "type", "text", "short", "guidance", "source", "weight", "veto", "cap",
               "na_allowed", "required", "photo_required", "on_fail", "limits", "unit",
               "max_score", "scale", "choices")


@dataclass
class TemplateDiff:
    key: str
    old_version: int
    new_version: int
    header: dict = field(default_factory=dict)      # field → (old, new)
    added: list = field(default_factory=list)       # item keys
    removed: list = field(default_factory=list)
    changed: dict = field(default_factory=dict)     # item key → {field: (old, new)}

    def as_dict(self) -> dict:
        return {"key": self.key, "from": self.old_version, "to": self.new_version,
                "header": {k: {"old": o, "new": n} for k, (o, n) in self.header.items()},
                "added": self.added, "removed": self.removed,
                "changed": {k: {f: {"old": o, "new": n} for f, (o, n) in v.items()}
                            for k, v in self.changed.items()}}


def _header(template: Template) -> dict:
    return {"title": template.title, "description": template.description,
            "kind": template.kind, "modes": list(template.modes),
            "levels": list(template.levels),
            "bands": [(b.key, b.label, b.min) for b in template.bands],
            "pass_fraction": template.pass_fraction, "grade_after": template.grade_after,
            "graded": template.graded,
            "sections": [(s.key, s.title, s.weight) for s in template.sections]}


def _item_fields(item: Item) -> dict:
    values = {name: getattr(item, name) for name in ITEM_FIELDS}
    values["scale"] = [s.get("key") for s in item.scale]
    values["choices"] = [(c.get("key"), c.get("score")) for c in item.choices]
    return values


def diff_templates(old: Template, new: Template) -> TemplateDiff:
    result = TemplateDiff(new.key, old.version, new.version)
    before, after = _header(old), _header(new)
    result.header = {k: (before[k], after[k]) for k in before if before[k] != after[k]}
    old_items = {i.key: i for i in old.items}
    new_items = {i.key: i for i in new.items}
    result.added = [k for k in new_items if k not in old_items]
    result.removed = [k for k in old_items if k not in new_items]
    for key in (k for k in new_items if k in old_items):
        a, b = _item_fields(old_items[key]), _item_fields(new_items[key])
        fields = {f: (a[f], b[f]) for f in ITEM_FIELDS if a[f] != b[f]}
        if fields:
            result.changed[key] = fields
    return result


def _judgement(item: Item, template: Template, lang: str) -> str:
    if item.veto:
        return "一票否决" if lang == "zh" else "veto"
    if item.cap:
        band = template.band(item.cap).label[lang]
        return f"限定等级项（最高评为{band}）" if lang == "zh" else f"grade-limiting (at most {band})"
    return ""


DETAILED = ("section", "type", "text", "weight", "limits", "required", "na_allowed", "on_fail",
            "max_score")


def _value(value, lang: str):
    if isinstance(value, dict) and lang in value:
        return value[lang]
    return "—" if value in (None, "", {}, []) else value


def _bands(bands, lang: str) -> str:
    return " / ".join(f"{label[lang]}≥{low:g}" for _, label, low in bands)


def describe(found: TemplateDiff, old: Template, new: Template, lang: str = "zh") -> list[str]:
    """Readable lines, one per change: `+ gov.eight_rules  八项规定与“四风”  [一票否决]`,
    `~ dis.chlorine_mgl  消毒液有效氯浓度: limits: {'min': 200, 'max': 300} → {'min': 250}`."""
    lines = [f"{found.key}: v{found.old_version} → v{found.new_version}"]
    for name, (before, after) in found.header.items():
        if name == "bands":
            before, after = _bands(before, lang), _bands(after, lang)
        elif name == "sections":
            before = ", ".join(k for k, _, _ in before)
            after = ", ".join(k for k, _, _ in after)
        lines.append(f"~ {name}: {_value(before, lang)} → {_value(after, lang)}")
    for key in found.added:
        item = new.item(key)
        tag = _judgement(item, new, lang)
        lines.append(f"+ {key}  {item.short_label(lang)}" + (f"  [{tag}]" if tag else ""))
    for key in found.removed:
        lines.append(f"- {key}  {old.item(key).short_label(lang)}")
    for key, fields in found.changed.items():
        parts = []
        if "veto" in fields or "cap" in fields:
            parts.append(f"{'judgement' if lang == 'en' else '判定'}: "
                         f"{_judgement(old.item(key), old, lang) or '—'} → "
                         f"{_judgement(new.item(key), new, lang) or '—'}")
        parts += [f"{name}: {_value(fields[name][0], lang)} → {_value(fields[name][1], lang)}"
                  for name in DETAILED if name in fields]
        rest = [name for name in fields if name not in DETAILED + ("veto", "cap")]
        if rest:
            parts.append(("also " if lang == "en" else "另改：") + ", ".join(rest))
        lines.append(f"~ {key}  {new.item(key).short_label(lang)}: " + "; ".join(parts))
    if len(lines) == 1:
        lines.append("(no differences)" if lang == "en" else "（无差异）")
    return lines
