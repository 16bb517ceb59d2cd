"""The inspection runner: fill in one inspection item by item with autosave, live score,
evidence, corrective actions and sign-off. The main window opens it with
`InspectionRunner(ctx, inspection_id, parent)` and forwards `Operations.changed` to
`runner.on_changes(changes)`."""

from ui.runner.runner import InspectionRunner

__all__ = ["InspectionRunner"]
