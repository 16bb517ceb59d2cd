"""The inspection runner: fill in one inspection item by item with autosave, live score,
evidence, corrective actions and sign-off. The main window opens it with
`InspectionRunner(ctx, inspection_id, parent)` and forwards `Operations.changed` to
`runner.on_changes(changes)`.

`InspectionRunner` is imported on first use (PEP 562), not with the package: pages that
only need a helper of this package (`ui.runner.text.fill`) must not load the whole runner
before the first list is painted."""

from __future__ import annotations

__all__ = ["InspectionRunner"]


def __getattr__(name: str):
    if name == "InspectionRunner":
        from ui.runner.runner import InspectionRunner
        return InspectionRunner
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
