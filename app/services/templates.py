"""The template catalogue: built-in templates installed on first start, user imports, and
parsed `Template` objects by id (cached: a published version never changes)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.templates import (Template, body_sha256, body_text, load_template_file,
                                  parse_template, remember_valid, template_id, validated)
from app.errors import NotFoundError, TemplateError
from app.security import audit, roles
from app.services.changes import Changes, NOTHING

if TYPE_CHECKING:
    from app.workspace import Workspace


def _row_for(template: Template, *, builtin: bool) -> dict:
    # No install time in the row: the same template version must be the same record on
    # every device, or two databases with the same data would never compare equal.
    return {"key": template.key, "version": template.version, "kind": template.kind,
            "title_zh": template.title["zh"], "title_en": template.title["en"],
            "body": body_text(template.body),
            "sha256": template.sha256, "builtin": int(builtin), "created_at": None}


def _base_body(ws: Workspace, key, version, texts: list | None = None):
    """The body of an installed template (a base); `texts` collects the text it was read from."""
    if not isinstance(key, str) or not isinstance(version, int):
        return None
    row = ws.store.get("templates", template_id(key, version))
    if row and texts is not None:
        texts.append(row["body"])
    return json.loads(row["body"]) if row else None


def builtin_files(ws: Workspace) -> list[Path]:
    """The built-in template files: the current versions, and in `archive/` the earlier
    versions, still installed so that `templates diff` can compare them and an inspection
    pinned to one renders the same on every device."""
    folder = ws.paths.templates_dir
    files = sorted(folder.glob("archive/*.json")) + sorted(folder.glob("*.json"))
    # Files with `based_on` must come after their base; sorting by that flag does it.
    return sorted(files, key=lambda p: '"based_on"' in p.read_text(encoding="utf-8"))


def install_builtin_templates(ws: Workspace) -> Changes:
    """Put any built-in template version not yet in the database into it."""
    known = {r["id"] for r in ws.store.query("select id from templates")}
    changes = NOTHING
    for path in builtin_files(ws):
        body = json.loads(path.read_text(encoding="utf-8"))
        if template_id(body.get("key", ""), body.get("version", 0)) in known:
            continue
        bases: list[str] = []
        with ws.store.atomic():
            template = load_template_file(path, lambda k, v: _base_body(ws, k, v, bases))
            changes |= _store_template(ws, template, builtin=True)
        if all(validated(text) for text in bases):
            # Made from a strict file and bases found valid in this process (never a text
            # merely read from the database): a bundle's template check need not validate
            # its stored text again in this process.
            remember_valid(body_text(template.body), template)
    return changes


def _store_template(ws: Workspace, template: Template, *, builtin: bool) -> Changes:
    existing = ws.store.get("templates", template.id)
    if existing:
        if existing["sha256"] != template.sha256:
            raise TemplateError(
                f"{template.key} version {template.version} is already installed with "
                "different content; a published version never changes — raise its version.")
        return NOTHING
    ws.store.insert("templates", _row_for(template, builtin=builtin), record_id=template.id)
    audit.append(ws.store, actor=ws.actor, action="template.install", entity="templates",
                 entity_id=template.id, detail={"key": template.key,
                                                "version": template.version})
    return Changes.of("templates", template.id, created=template.id)


def import_template(ws: Workspace, path: Path | str) -> Changes:
    """Import a user's template file; a bad file is refused naming the item and field."""
    roles.require(ws, "template.import")
    template = load_template_file(path, lambda k, v: _base_body(ws, k, v))
    with ws.store.atomic():
        return _store_template(ws, template, builtin=False)


def store_template_body(ws: Workspace, body: dict) -> Changes:
    """Install an already-resolved template body (e.g. one that came in a bundle)."""
    roles.require(ws, "template.import")
    template = parse_template(body, source_name=f"template {body.get('key')}")
    return _store_template(ws, template, builtin=False)


def get_template(ws: Workspace, template_ref: str, version: int | None = None) -> Template:
    """A template by id, or by key (newest version unless `version` is given)."""
    cache = ws._templates
    if template_ref in cache:
        return cache[template_ref]
    row = ws.store.get("templates", template_ref)
    if row is None:
        row = _row_by_key(ws, template_ref, version)
    template = cache.get(row["id"])
    if template is None:
        body = json.loads(row["body"])
        if body_sha256(body) != row["sha256"]:
            raise TemplateError(f"template {row['key']} v{row['version']}: stored content "
                                "does not match its hash.")
        template = parse_template(body, source_name=f"{row['key']} v{row['version']}")
        cache[row["id"]] = template
    return template


def _row_by_key(ws: Workspace, key: str, version: int | None) -> dict:
    sql = "select * from templates where key = ? and deleted = 0"
    params: list = [key]
    if version is not None:
        sql, params = sql + " and version = ?", [key, version]
    rows = ws.store.query(sql + " order by version desc limit 1", params)
    if not rows:
        raise NotFoundError(f"No template {key!r}" + (f" version {version}" if version else "")
                            + ". `school-inspect templates list` shows the installed ones.")
    return rows[0]


def list_templates(ws: Workspace) -> list[dict]:
    """Every installed template version, newest first within a key."""
    rows = ws.store.query("select id, key, version, kind, title_zh, title_en, builtin "
                          "from templates where deleted = 0 order by key, version desc")
    result = []
    for row in rows:
        template = get_template(ws, row["id"])
        result.append({"id": row["id"], "key": row["key"], "version": row["version"],
                       "kind": row["kind"], "title": {"zh": row["title_zh"],
                                                      "en": row["title_en"]},
                       "items": len(template.items), "modes": list(template.modes),
                       "per_teacher": template.per_teacher, "builtin": bool(row["builtin"]),
                       "levels": list(template.levels)})
    return result
