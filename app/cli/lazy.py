"""Imports deferred until a command runs, so `school-inspect --help` (and a usage error)
does not load SQLite, cryptography, reportlab and the sync engine just to print text.

`lazy("pkg.mod")` stands for the module, `lazy("pkg.mod", "name")` for a function in it;
either imports the module at first use and is thereafter the real thing's attribute.
"""

from __future__ import annotations

import importlib


class _LazyModule:
    def __init__(self, name: str):
        self._name = name

    def __getattr__(self, attr: str):
        return getattr(importlib.import_module(self._name), attr)


def lazy(module: str, function: str | None = None):
    if function is None:
        return _LazyModule(module)

    def call(*args, **kwargs):
        return getattr(importlib.import_module(module), function)(*args, **kwargs)

    call.__name__ = call.__qualname__ = function
    return call
