"""The check of the templates a bundle carries (they travel as rows): each body must be a
valid template, match its hash, its id and the row's key, version, kind and titles, and not
differ from a version installed here with the same id.

Every bundle carries the same few templates, each tens of kilobytes of JSON; validating one
(strict JSON, every rule of the format) is most of an import's fixed cost. A body whose exact
text this process already found valid (app/domain/templates.py, `validated`) is not parsed and
validated again: what the text parses to is a function of the text, and only texts validated
the same way (or written by this program from a strict template file) are remembered, never
one merely read from a database. The checks that concern the row itself run every time.
"""

from __future__ import annotations

from app.domain.limits import loads
from app.domain.templates import (Template, body_sha256, parse_template, remember_valid,
                                  template_id, validated)
from app.errors import BundleError, TemplateError


def check_templates(ws, bundle) -> None:
    """Templates travel as rows: the body must be valid, match its hash and its id."""
    incoming = {r["id"]: r for r in bundle.records.get("templates", [])}
    for row in incoming.values():
        where = f"records/templates.ndjson: template {row.get('key')} v{row.get('version')}"
        sha, parsed = validated(row.get("body")) or _validate(row, where)
        _check_hash_and_id(row, sha, parsed.body, where)
        shown = (parsed.kind, parsed.title.get("zh"), parsed.title.get("en"))
        if (row.get("kind"), row.get("title_zh"), row.get("title_en")) != shown:
            # Lists show and filter by these columns: they must say what the body says.
            raise BundleError(f"{where}: its kind or title differs from its body's; refused.")
        ours = ws.store.get("templates", row["id"])
        if ours and ours["sha256"] != row["sha256"]:
            raise BundleError(f"{where}: differs from the installed version with the same "
                              "key and version; a published template version never changes.")
        bundle.templates[row["id"]] = (row["body"], row["sha256"], parsed)


def _validate(row: dict, where: str) -> tuple[str, Template]:
    """(hash, template) of the row's body, validated in full: strict JSON, an object whose
    hash and id match the row (said before any rule of the format), every rule."""
    text = row.get("body") or ""
    body = loads(text, f"{where}: the body", error=BundleError)
    if not isinstance(body, dict):
        raise BundleError(f"{where}: the body is not a JSON object.")
    sha = body_sha256(body)
    _check_hash_and_id(row, sha, body, where)
    try:
        parsed = parse_template(body, source_name=where)
    except TemplateError as exc:
        raise BundleError(str(exc)) from None
    remember_valid(text, parsed, sha)
    return sha, parsed


def _check_hash_and_id(row: dict, sha: str, body: dict, where: str) -> None:
    if sha != row.get("sha256") or \
            row["id"] != template_id(body.get("key", ""), body.get("version", 0)) or \
            (row.get("key"), row.get("version")) != (body.get("key"), body.get("version")):
        raise BundleError(f"{where}: its content does not match its hash or id.")
