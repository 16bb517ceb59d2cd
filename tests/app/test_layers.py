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
    one fails a test (never `importlib.import_module` or `__import__`). The one exception is
    the desktop front end, which app/ must not import (`launch_desktop`; its own test starts
    it through the command line)."""
    loaders = {"import_module", "__import__"}
    allowed = {"app/cli/main.py:launch_desktop"}
    offenders = []
    for path in [*(APP / "cli").rglob("*.py"), *(APP.parent / "ui").rglob("*.py")]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        enclosing = {child: node.name for node in ast.walk(tree)
                     if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
                     for child in ast.walk(node)}
        for node in ast.walk(tree):
            called = getattr(node, "func", None)
            name = getattr(called, "attr", None) or getattr(called, "id", None)
            where = f"{path.relative_to(APP.parent)}:{enclosing.get(node, '')}"
            if isinstance(node, ast.Call) and name in loaders and where not in allowed:
                offenders.append(f"{where}:{node.lineno}")
    assert offenders == []
