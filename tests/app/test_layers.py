"""The core never knows Qt: no module under app/ imports PySide6 or ui (Anki's rule)."""

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_app_never_imports_qt_or_ui():
    offenders = {str(p.relative_to(APP)): _imported_modules(p) & {"PySide6", "ui", "PyQt6"}
                 for p in APP.rglob("*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_every_module_has_a_docstring():
    missing = [str(p.relative_to(APP)) for p in APP.rglob("*.py")
               if p.stat().st_size and ast.get_docstring(ast.parse(p.read_text("utf-8"))) is None]
    assert missing == []


def test_no_part_is_loaded_by_name():
    """Pages and commands are imported directly, so the import graph shows them and a broken
    one fails a test (never `importlib.import_module` or `__import__`)."""
    loaders = {"import_module", "__import__"}
    offenders = []
    for path in [*(APP / "cli").rglob("*.py"), *(APP.parent / "ui").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            called = getattr(node, "func", None)
            name = getattr(called, "attr", None) or getattr(called, "id", None)
            if isinstance(node, ast.Call) and name in loaders:
                offenders.append(f"{path.relative_to(APP.parent)}:{node.lineno}")
    assert offenders == []
