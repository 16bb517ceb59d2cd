"""Checklist templates as data: load, validate (template_format.py) and build immutable
`Template` objects, resolving `based_on` variants."""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.domain.limits import MAX_JSON_BYTES, loads
from app.domain.template_format import UNSCORED_TYPES, validate_template
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
    critical: bool = False
    cap: str | None = None
    required: bool = True
    photo_required: bool = False
    max_score: int = 5
    scale: tuple = ()
    limits: dict = field(default_factory=dict)
    unit: dict | None = None
    choices: tuple = ()

    @property
    def scored(self) -> bool:
        if self.type in UNSCORED_TYPES:
            return False
        if self.type == "choice":
            return any("score" in c for c in self.choices)
        return True

    def label(self, lang: str) -> str:
        return self.text[lang]


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
    body: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def id(self) -> str:
        return template_id(self.key, self.version)

    @property
    def items(self) -> list[Item]:
        return [item for section in self.sections for item in section.items]

    def item(self, key: str) -> Item:
        for item in self.items:
            if item.key == key:
                return item
        raise KeyError(key)

    def band(self, key: str) -> Band:
        return next(b for b in self.bands if b.key == key)

    def section_weight(self, section_key: str) -> float:
        return next(s.weight for s in self.sections if s.key == section_key)

    @property
    def sha256(self) -> str:
        return body_sha256(self.body)


def body_sha256(body: dict) -> str:
    return hashlib.sha256(canonical_json(body).encode()).hexdigest()


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
    return {**body, "sections": base["sections"]}


# -- building ------------------------------------------------------------------------------
def _build(body: dict) -> Template:
    grading = body["grading"]
    bands = tuple(Band(b["key"], b["label"], float(b["min"])) for b in grading["bands"])
    sections = tuple(_build_section(s) for s in body["sections"])
    return Template(
        key=body["key"], version=body["version"], kind=body["kind"],
        modes=tuple(body["modes"]), title=body["title"], description=body["description"],
        bands=bands, pass_fraction=float(grading.get("pass_fraction", 0.6)),
        critical_cap=grading.get("critical_cap") or bands[-1].key, sections=sections,
        per_teacher=bool(body.get("per_teacher", False)),
        raters=tuple(body.get("raters") or ()), body=body)


def _build_section(section: dict) -> Section:
    items = tuple(_build_item(i, section["key"]) for i in section["items"])
    return Section(section["key"], section["title"], float(section.get("weight", 1)), items)


def _build_item(raw: dict, section_key: str) -> Item:
    kind = raw["type"]
    return Item(
        key=raw["key"], type=kind, text=raw["text"], source=raw["source"],
        section=section_key, guidance=raw.get("guidance"),
        weight=float(raw.get("weight", 1)), critical=raw.get("critical", False),
        cap=raw.get("cap"),
        required=raw.get("required", kind not in ("text", "date")),
        photo_required=raw.get("photo_required", kind == "photo"),
        max_score=raw.get("max_score", 5), scale=tuple(raw.get("scale") or ()),
        limits=dict(raw.get("limits") or {}), unit=raw.get("unit"),
        choices=tuple(raw.get("choices") or ()))
