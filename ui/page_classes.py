"""The window's pages by key, each page's module imported when the page is first shown, so
start-up loads only the page on screen (the runner, the other pages and their dialogs were
a third of the time to the first painted rows)."""

from __future__ import annotations

from collections.abc import Mapping

PAGE_KEYS = ("schools", "inspections", "actions", "ethics", "templates", "sync",
             "conflicts", "reports")


# Each page's module is imported when the page is first shown, so start-up loads only the
# page on screen (the runner, the other pages and their dialogs were a third of the time to
# the first painted rows). Plain import statements, never by name: the import graph shows
# every page, and a page that fails to import raises when its class is asked for (and so
# fails a test) instead of hiding behind a placeholder.
def _schools():
    from ui.pages.schools_page import SchoolsPage
    return SchoolsPage


def _inspections():
    from ui.pages.inspections_page import InspectionsPage
    return InspectionsPage


def _actions():
    from ui.pages.actions_page import ActionsPage
    return ActionsPage


def _ethics():
    from ui.pages.ethics_page import EthicsPage
    return EthicsPage


def _templates():
    from ui.pages.templates_page import TemplatesPage
    return TemplatesPage


def _sync():
    from ui.pages.sync_page import SyncPage
    return SyncPage


def _conflicts():
    from ui.pages.conflicts_page import ConflictsPage
    return ConflictsPage


def _reports():
    from ui.pages.reports_page import ReportsPage
    return ReportsPage


class _PageClasses(Mapping):
    """key → page class, each imported on first look-up."""

    def __init__(self, loaders: dict):
        self._loaders = loaders

    def __getitem__(self, key: str):
        return self._loaders[key]()

    def __iter__(self):
        return iter(self._loaders)

    def __len__(self) -> int:
        return len(self._loaders)


PAGE_CLASSES = _PageClasses({
    "schools": _schools, "inspections": _inspections, "actions": _actions,
    "ethics": _ethics, "templates": _templates, "sync": _sync,
    "conflicts": _conflicts, "reports": _reports,
})
