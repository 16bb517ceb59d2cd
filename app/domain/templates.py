"""Checklist templates as data: load, validate (template_format.py) and build immutable
`Template` objects, resolving `based_on` variants."""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from app.domain.limits import MAX_JSON_BYTES, loads
from app.domain.template_format import (DEFAULT_GRADE_AFTER, NA_TYPES, UNSCORED_TYPES,
                                        validate_template)
from app.errors import TemplateError

# Stable ids: the same template version has the same id on every device.
TEMPLATE_NAMESPACE = uuid.UUID("5a1e7c2e-7d1b-4c55-9d0e-2f0d5c1a9b11")


def template_id(key: str, version: int) -> str:
    return str(uuid.uuid5(TEMPLATE_NAMESPACE, f"{key}@{version}"))


@dataclass(frozen=True)
class Item:
    key: str
    type: str
    text: dict
    source: dict
    section: str
    guidance: dict | None = None
    weight: float = 1.0
    veto: bool = False          # 一票否决: a failure makes the result the lowest band
    cap: str | None = None      # 限定等级项: a failure limits the grade to this band
    na_allowed: bool = True
    on_fail: dict = field(default_factory=dict)  # note / evidence / action a failure needs
    short: dict | None = None
    required: bool = True
    photo_required: bool = False
    max_score: int = 5
    scale: tuple = ()
    limits: dict = field(default_factory=dict)
    unit: dict | None = None
    choices: tuple = ()

    @cached_property
    def scored(self) -> bool:
        if self.type in UNSCORED_TYPES:
            return False
        if self.type == "choice":
            return any("score" in c for c in self.choices)
        return True

    @property
    def critical(self) -> bool:
        """A veto or a cap item: its failure decides or limits the grade."""
        return self.veto or self.cap is not None

    def label(self, lang: str) -> str:
        return self.text[lang]

    def short_label(self, lang: str) -> str:
        """The item's short name for reasons and lists (关心爱护学生, 留样), falling back to
        the text before its first colon or full stop for templates without one."""
        if self.short:
            return self.short[lang]
        text = self.text[lang]
        head = re.split(r"[:：。；;]|\.\s", text, maxsplit=1)[0].strip().rstrip(".。")
        return head if len(head) <= 40 else head[:39] + "…"

    def photo_caption(self, typed: str | None, lang: str) -> str:
        """A photo of this item captioned in `lang`: what the user typed, except that a caption
        that is one of the item's own names (its short name or text, in either language — as
        the demo and older versions wrote them) is that name in `lang`; no caption is the
        item's text."""
        typed = (typed or "").strip()
        if not typed:
            return self.text[lang]
        for name in (self.short_label, self.label):
            if typed in {name(other) for other in ("zh", "en")}:
                return name(lang)
        return typed

    def fact_needs(self) -> tuple[str, ...]:
        """What a failed answer must carry; a failed veto always needs a written fact."""
        needs = [k for k in ("note", "evidence", "action") if self.on_fail.get(k)]
        if self.veto and "note" not in needs:
            needs.insert(0, "note")
        return tuple(needs)


@dataclass(frozen=True)
class Section:
    key: str
    title: dict
    weight: float
    items: tuple


@dataclass(frozen=True)
class Band:
    key: str
    label: dict
    min: float


@dataclass(frozen=True)
class Template:
    key: str
    version: int
    kind: str
    modes: tuple
    title: dict
    description: dict
    bands: tuple
    pass_fraction: float
    critical_cap: str
    sections: tuple
    per_teacher: bool = False
    raters: tuple = ()
    levels: tuple = ()          # school levels it is for; empty: every level
    grade_after: float = DEFAULT_GRADE_AFTER
    graded: bool = True         # False: a visit record (督导记录), never a grade
    body: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def id(self) -> str:
        return template_id(self.key, self.version)

    @property
    def items(self) -> list[Item]:
        return [item for section in self.sections for item in section.items]

    def item(self, key: str) -> Item:
        try:
            return self._item_index[key]
        except (KeyError, TypeError):     # TypeError: not a key at all (unhashable)
            raise KeyError(key) from None

    @cached_property
    def _item_index(self) -> dict[str, Item]:
        """Items by key, the first of a key as `items` lists them (a template never
        changes once loaded; scoring and the demo look items up by key many times)."""
        index: dict[str, Item] = {}
        for item in self.items:
            index.setdefault(item.key, item)
        return index

    def band(self, key: str) -> Band:
        return next(b for b in self.bands if b.key == key)

    @property
    def lowest(self) -> Band:
        return self.bands[-1]

    def fits_level(self, level: str | None) -> bool:
        """Whether a school of `level` may be inspected with this template (an unknown
        level, or a template naming no levels, fits every school)."""
        return not self.levels or not level or level in self.levels

    def section_weight(self, section_key: str) -> float:
        return next(s.weight for s in self.sections if s.key == section_key)

    @property
    def sha256(self) -> str:
        return body_sha256(self.body)


def body_sha256(body: dict) -> str:
    return hashlib.sha256(canonical_json(body).encode()).hexdigest()


def body_text(body: dict) -> str:
    """A template body as a profile stores it (and a bundle carries it)."""
    return json.dumps(body, ensure_ascii=False, sort_keys=True)


# Template bodies found valid in this process, by their exact text: whether a text is a valid
# template (strict JSON, every rule of the format) and what it parses to depend on the text
# alone, and every bundle carries the same few templates again. Only a text validated as a
# bundle's template is (app/sync/template_check.py), or written by this program from a body
# read from a strict template file, is remembered: never a text merely read from a database,
# which sqlite3 could have changed.
_VALID: dict[str, tuple[str, "Template"]] = {}
_VALID_MAX = 64


def remember_valid(text: str, template: "Template", sha256: str | None = None) -> None:
    """Remember that `text` is a valid template body that parses to `template`."""
    if len(_VALID) >= _VALID_MAX:   # a bound, not a policy: start again (one call, atomic)
        _VALID.clear()
    _VALID[text] = (sha256 or template.sha256, template)


def validated(text: str) -> tuple[str, "Template"] | None:
    """(body hash, template) of a body text found valid before in this process, else None."""
    return _VALID.get(text) if type(text) is str else None


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


# -- loading -------------------------------------------------------------------------------
def load_template_file(path: Path | str, resolve_base=None) -> Template:
    """Read and validate one template file; `resolve_base(key, version)` returns a base body."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_JSON_BYTES:
            raise TemplateError(f"{path.name}: larger than the limit of {MAX_JSON_BYTES} "
                                "bytes for a template file.")
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(f"{path.name}: cannot read the file ({exc}).") from exc
    body = loads(text, path.name, error=TemplateError)
    return parse_template(body, source_name=path.name, resolve_base=resolve_base,
                          source_text=text)


def parse_template(body: Any, *, source_name: str = "template", resolve_base=None,
                   source_text: str | None = None) -> Template:
    """Validate a template body and build the `Template`; raises `TemplateError`."""
    if isinstance(body, dict) and body.get("based_on") and "sections" not in body:
        body = _inherit_sections(body, source_name, resolve_base)
    problems = validate_template(body)
    if problems and source_text:
        problems = [_with_line(p, source_text) for p in problems]
    if problems:
        listed = "\n".join(f"  - {p}" for p in problems[:30])
        more = f"\n  … and {len(problems) - 30} more" if len(problems) > 30 else ""
        raise TemplateError(f"{source_name}: {len(problems)} problem(s):\n{listed}{more}")
    return _build(body)


def _with_line(problem: str, text: str) -> str:
    """Prefix a problem about an item or section with the line where that key is written."""
    match = re.match(r"(?:item|section) ([a-z0-9_.]+)", problem)
    if not match:
        return problem
    found = re.search(r'"key"\s*:\s*"' + re.escape(match.group(1)) + '"', text)
    if not found:
        return problem
    return f"line {text.count(chr(10), 0, found.start()) + 1}: {problem}"


def _inherit_sections(body: dict, source_name: str, resolve_base) -> dict:
    base_ref = body["based_on"]
    if not isinstance(base_ref, dict) or resolve_base is None:
        raise TemplateError(f"{source_name}: based_on: needs {{'key', 'version'}} of a "
                            "template that is already known.")
    base = resolve_base(base_ref.get("key"), base_ref.get("version"))
    if base is None:
        raise TemplateError(f"{source_name}: based_on: template {base_ref.get('key')} "
                            f"version {base_ref.get('version')} is not known.")
    inherited = {"sections": base["sections"]}
    if "answer_sets" in base and "answer_sets" not in body:
        inherited["answer_sets"] = base["answer_sets"]
    return {**body, **inherited}


# -- building ------------------------------------------------------------------------------
def _build(body: dict) -> Template:
    grading = body["grading"]
    bands = tuple(Band(b["key"], b["label"], float(b["min"])) for b in grading["bands"])
    critical_cap = grading.get("critical_cap") or bands[-1].key
    context = {"lowest": bands[-1].key, "critical_cap": critical_cap,
               "answer_sets": body.get("answer_sets") or {}}
    sections = tuple(_build_section(s, context) for s in body["sections"])
    return Template(
        key=body["key"], version=body["version"], kind=body["kind"],
        modes=tuple(body["modes"]), title=body["title"], description=body["description"],
        bands=bands, pass_fraction=float(grading.get("pass_fraction", 0.6)),
        critical_cap=critical_cap, sections=sections,
        per_teacher=bool(body.get("per_teacher", False)),
        raters=tuple(body.get("raters") or ()), levels=tuple(body.get("levels") or ()),
        grade_after=float(grading.get("grade_after", DEFAULT_GRADE_AFTER)),
        graded=bool(grading.get("graded", True)), body=body)


def _build_section(section: dict, context: dict) -> Section:
    items = tuple(_build_item(i, section["key"], context) for i in section["items"])
    return Section(section["key"], section["title"], float(section.get("weight", 1)), items)


def _judgement(raw: dict, context: dict) -> tuple[bool, str | None]:
    """(veto, cap) of an item; the old `critical` flag is a veto when its cap is the lowest
    band and a cap otherwise (templates of format 1 before vetoes and caps were split)."""
    if raw.get("critical"):
        cap = raw.get("cap") or context["critical_cap"]
        return (True, None) if cap == context["lowest"] else (False, cap)
    return bool(raw.get("veto")), raw.get("cap")


def _build_item(raw: dict, section_key: str, context: dict) -> Item:
    kind = raw["type"]
    veto, cap = _judgement(raw, context)
    choices = context["answer_sets"].get(raw["answers"]) if "answers" in raw \
        else raw.get("choices")
    return Item(
        key=raw["key"], type=kind, text=raw["text"], source=raw["source"],
        section=section_key, guidance=raw.get("guidance"),
        weight=float(raw.get("weight", 1)), veto=veto, cap=cap,
        # A veto is met or not, whatever a stored body (of an older version) says.
        na_allowed=kind in NA_TYPES and not veto and raw.get("na_allowed", True) is True,
        on_fail=dict(raw.get("on_fail") or {}), short=raw.get("short"),
        required=raw.get("required", kind not in ("text", "date")),
        photo_required=raw.get("photo_required", kind == "photo"),
        max_score=raw.get("max_score", 5), scale=tuple(raw.get("scale") or ()),
        limits=dict(raw.get("limits") or {}), unit=raw.get("unit"),
        choices=tuple(choices or ()))
