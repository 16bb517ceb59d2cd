"""What the main window remembers between runs (geometry, docks, the page it was on) and
where it opens: the remembered page, or a principal's own self-assessment."""

from __future__ import annotations

from app.security.roles import actor_of

RUNNER = "runner"


class WindowStateFlow:
    """Mixed into MainWindow (uses its settings, show_page, open_inspection,
    current_page_key)."""

    def restore_state(self, start_page: str | None = None) -> None:
        geometry = self.settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = self.settings.value("state")
        if state is not None:
            self.restoreState(state)
        if start_page or not self.open_principal_home():
            self.show_page(start_page or str(self.settings.value("page", "schools")))

    def open_principal_home(self) -> bool:
        """A principal's profile opens on their own school's newest self-assessment (or the
        list of their school's inspections when there is none yet)."""
        if actor_of(self.ctx.ws).role != "principal":
            return False
        from app.services.inspections import list_inspections
        own = list_inspections(self.ctx.ws, mode="self_assessment")
        if own:
            self.open_inspection(own[0]["id"])
        else:
            self.show_page("inspections")
        return True

    def save_state(self) -> None:
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("state", self.saveState())
        page = self.current_page_key()
        self.settings.setValue("page", page if page != RUNNER else "inspections")
        self.settings.sync()
