"""Scoring reads: an inspection's score, grade, caps and completeness as it stands.

Reading only, so every module may use it; it sits above answers and evidence (whose stored
rows it scores) and below inspections (which completes on its verdict), which keeps the
services free of an import circle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.domain import scoring
from app.security.roles import require_record_read
from app.services.answers import responses_of
from app.services.evidence import evidence_counts
from app.services.templates import get_template

if TYPE_CHECKING:
    from app.workspace import Workspace


def evaluate(ws: Workspace, inspection_id: str) -> scoring.Result:
    """Scores, grade, caps and completeness of an inspection as it stands."""
    inspection = require_record_read(ws, "inspections", inspection_id, "inspection")
    template = get_template(ws, inspection["template_id"])
    responses = responses_of(ws, inspection_id)
    return scoring.score(template, {k: r["value"] for k, r in responses.items()
                                    if r["value"] is not None},
                         evidence_counts(ws, inspection_id),
                         notes={k: r["note"] or "" for k, r in responses.items()},
                         actions=action_counts(ws, inspection_id))


def action_counts(ws: Workspace, inspection_id: str) -> dict[str, int]:
    """item key → corrective actions raised on it in this inspection (a failure may have to
    carry one)."""
    rows = ws.store.query("select item_key, count(*) as n from actions where "
                          "inspection_id = ? and deleted = 0 and item_key is not null "
                          "group by item_key", [inspection_id])
    return {r["item_key"]: r["n"] for r in rows}


_NEEDS = {"note": "a written fact description (note)", "evidence": "evidence",
          "action": "a corrective action"}


def missing_text(result) -> str:
    """`3 required item(s) still open: a.b, c.d (photo), std.care (needs a written fact
    description (note))` — what stops completion, by item."""
    missing = list(result.missing_required) + [f"{k} (photo)" for k in result.missing_photos]
    missing += [f"{k} (needs {_NEEDS[need]})" for k, need in result.missing_facts]
    shown = ", ".join(missing[:8]) + (" …" if len(missing) > 8 else "")
    return f"{len(missing)} required item(s) still open: {shown}."
