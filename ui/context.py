"""`UiContext`: what every page gets — the open workspace, the operations runner, and the
navigation callbacks of the main window."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from app.workspace import Workspace
from ui.operations import Operations


@dataclass
class UiContext:
    ws: Workspace
    operations: Operations
    # Set by the main window: open an inspection in the runner, show a page by key.
    open_inspection: Callable[[str], None] = field(default=lambda inspection_id: None)
    show_page: Callable[[str], None] = field(default=lambda key: None)
    # Preview / print / save the PDF report of an inspection.
    open_report: Callable[[str], None] = field(default=lambda inspection_id: None)

    def __post_init__(self) -> None:
        if self.operations.ws is None:  # background jobs open this profile's workspace
            self.operations.ws = self.ws

    @property
    def lang(self) -> str:
        return self.ws.profile.language
