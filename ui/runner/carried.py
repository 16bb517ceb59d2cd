"""回头看 (follow-up visits): the dates the runner needs to say where a carried-over
corrective action comes from and which earlier visit an inspection follows up."""

from __future__ import annotations


def visit_date(ws, inspection_id: str | None) -> str:
    """The visit date of an inspection ("" when unknown or not synced here)."""
    inspection = ws.store.get("inspections", inspection_id) if inspection_id else None
    return (inspection or {}).get("visit_date") or ""


def with_origin(ws, actions: list[dict]) -> list[dict]:
    """The actions, each carried-over one with `carried_date`: the visit it was raised at."""
    result = []
    for action in actions:
        if action.get("carried_from"):
            original = ws.store.get("actions", action["carried_from"]) or {}
            action = {**action, "carried_date": visit_date(ws, original.get("inspection_id"))}
        result.append(action)
    return result
