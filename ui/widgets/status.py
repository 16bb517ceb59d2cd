"""The main window's status bar: profile, user, counts of schools / inspections / open
actions, and the last thing that changed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QStatusBar

from app.security import roles
from ui.runner.text import fill
from ui.widgets import labels

# What the open-action count depends on (deleting an inspection names its actions too). An
# answer save (autosave) touches none of these, so it never re-reads every action of the
# district: 0.4 s at 5,000 inspections, on each keystroke.
ACTION_TABLES = ("actions", "action_events", "schools")


class StatusBar(QStatusBar):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.profile = QLabel(self)
        self.counts = QLabel(self)
        self._open_actions: int | None = None
        self.addPermanentWidget(self.counts)
        self.addPermanentWidget(self.profile)

    def retranslate(self, ws) -> None:
        self.profile.setText(fill(self.tr("Profile: %1 · User: %2"), ws.paths.home.name,
                                  ws.actor))
        self.profile.setToolTip(str(ws.paths.home))

    def refresh_counts(self, ws, *, actions: bool = True) -> None:
        """Count again; `actions=False` keeps the open-action count from the last count."""
        # Counts within the read scope: a principal's bar counts their own school(s).
        schools, params = roles.read_scope(ws, "id")
        inspections, more = roles.read_scope(ws, "school_id")
        row = ws.store.query(
            f"select (select count(*) from schools where deleted = 0{schools}) as schools, "
            f"(select count(*) from inspections where deleted = 0{inspections}) "
            "as inspections", params + more)[0]
        if actions or self._open_actions is None:
            self._open_actions = self.open_actions(ws)
        row["actions"] = self._open_actions
        self.counts.setText(" · ".join((
            self.tr("%n school(s)", "", row["schools"]),
            self.tr("%n inspection(s)", "", row["inspections"]),
            self.tr("%n open action(s)", "", row["actions"]))))

    @staticmethod
    def open_actions(ws) -> int:
        # Counted by the one rule, like the Corrective actions page: an action carried over
        # into a follow-up visit counts once. In SQL over the stored state (an index range),
        # not by reading every action of the district.
        from app.services.action_list import open_count  # counted after the first paint
        return open_count(ws)

    def table_names(self) -> dict[str, str]:
        """Every synced (and the conflicts) table as the user calls it."""
        return {"schools": self.tr("schools"), "teachers": self.tr("teachers"),
                "users": self.tr("users"), "templates": self.tr("templates"),
                "inspections": self.tr("inspections"), "responses": self.tr("answers"),
                "attachments": self.tr("evidence"), "actions": self.tr("corrective actions"),
                "action_events": self.tr("corrective-action history"),
                "action_evidence": self.tr("rectification evidence"),
                "signatures": self.tr("signatures"), "conflicts": self.tr("conflicts"),
                "devices": self.tr("devices")}

    def changed(self, ws, changes) -> None:
        self.refresh_counts(ws, actions=changes.touches(*ACTION_TABLES))
        names = self.table_names()
        # Chinese lists use the enumeration comma, English a comma and a space.
        touched = labels.join(names.get(t, t) for t in sorted(changes.tables))
        self.showMessage(fill(self.tr("%1 saved: %2"),
                              dt.datetime.now().strftime("%H:%M:%S"), touched))
