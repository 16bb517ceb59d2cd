"""Scoring reads: an inspection's score, grade, caps and completeness as it stands.

Reading only, so every module may use it; it sits above answers and evidence (whose stored
rows it scores) and below inspections (which completes on its verdict), which keeps the
services free of an import circle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.domain import scoring
from app.services.answers import answers_of
from app.services.evidence import evidence_counts
from app.services.templates import get_template

if TYPE_CHECKING:
    from app.workspace import Workspace


def evaluate(ws: Workspace, inspection_id: str) -> scoring.Result:
    """Scores, grade, caps and completeness of an inspection as it stands."""
    inspection = ws.store.require("inspections", inspection_id, "inspection")
    template = get_template(ws, inspection["template_id"])
    return scoring.score(template, answers_of(ws, inspection_id),
                         evidence_counts(ws, inspection_id))
