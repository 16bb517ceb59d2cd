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
    # What pages left until the window first painted (the main window runs it then);
    # None once started, and where no window is starting (dialogs, tests).
    after_start: list[Callable[[], None]] | None = None

    def when_started(self, work: Callable[[], None]) -> None:
        """Run `work` now, or right after the first paint while the window is starting:
        for what the first screen does not show (a count, a long list of choices)."""
        if self.after_start is None:
            work()
        else:
            self.after_start.append(work)

    def started(self) -> None:
        """The window has painted: run what was left for then."""
        pending, self.after_start = self.after_start or [], None
        for work in pending:
            work()

    def __post_init__(self) -> None:
        if self.operations.ws is None:  # background jobs open this profile's workspace
            self.operations.ws = self.ws

    @property
    def lang(self) -> str:
        return self.ws.profile.language
