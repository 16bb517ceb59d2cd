"""Imports deferred until a command runs, so `school-inspect --help` (and a usage error)
does not load SQLite, cryptography, reportlab and the sync engine just to print text.

A command module names each heavy dependency with a small loader function holding a plain
import statement (so the import graph still shows it) and decorates it with `deferred`:

    @deferred
    def stats():
        from app.storage.digest import stats
        return stats

`stats` then stands for the real thing: calling it or reading an attribute runs the loader
(once; Python caches the module) and forwards to what it returned.
"""

from __future__ import annotations

from typing import Any, Callable


class _Deferred:
    def __init__(self, loader: Callable[[], Any]):
        self._loader = loader
        self.__name__ = loader.__name__
        self.__doc__ = loader.__doc__

    def __getattr__(self, attr: str):
        return getattr(self._loader(), attr)

    def __call__(self, *args, **kwargs):
        return self._loader()(*args, **kwargs)

    def __repr__(self) -> str:
        return f"<deferred {self.__name__}>"


def deferred(loader: Callable[[], Any]) -> Any:
    return _Deferred(loader)
