"""The main window's pages, each built the first time it is shown or asked for.

Until then the stack holds an empty stand-in widget, so start-up costs only the page the user
sees (a district profile's Actions or Reports page would otherwise query before anyone looks).
Data changes reach only built pages: a page built later reads the data as it is then.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtWidgets import QStackedWidget, QWidget


class LazyPages:
    """key → page, built on first access by `make(key)` in place of its stand-in."""

    def __init__(self, stack: QStackedWidget, keys, make: Callable[[str], QWidget]):
        self.stack, self._make = stack, make
        self._built: dict[str, QWidget] = {}
        self._standins: dict[str, QWidget] = {}
        for key in keys:
            standin = QWidget(stack)
            self._standins[key] = standin
            stack.addWidget(standin)

    def __contains__(self, key: str) -> bool:
        return key in self._standins or key in self._built

    def __getitem__(self, key: str) -> QWidget:
        page = self.get(key)
        if page is None:
            raise KeyError(key)
        return page

    def get(self, key: str, default=None):
        if key in self._built:
            return self._built[key]
        standin = self._standins.pop(key, None)
        if standin is None:
            return default
        showing = self.stack.currentWidget() is standin
        page = self._make(key)
        self.stack.insertWidget(self.stack.indexOf(standin), page)
        if showing:
            self.stack.setCurrentWidget(page)
        self.stack.removeWidget(standin)
        standin.deleteLater()
        self._built[key] = page
        return page

    def built(self) -> Iterator[QWidget]:
        """The pages built so far (the ones that show data and must hear of changes)."""
        return iter(list(self._built.values()))

    def keys(self) -> list[str]:
        return [*self._built, *self._standins]

    def items(self) -> list[tuple[str, QWidget]]:
        """Every page, building those not built yet (for callers that want them all)."""
        return [(key, self[key]) for key in self.keys()]

    def is_built(self, key: str) -> bool:
        return key in self._built
