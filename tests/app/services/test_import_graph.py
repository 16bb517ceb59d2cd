"""The services import each other in one direction only: no circle, not even one kept alive
by an import inside a function, and every service names its workspace's type."""

import ast
from pathlib import Path

SERVICES = Path(__file__).resolve().parents[3] / "app" / "services"
PACKAGE = "app.services"


def _service_imports(path: Path, modules: set[str]) -> set[str]:
    """The sibling service modules `path` imports anywhere (top level or inside functions)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = PACKAGE if node.level else (node.module or "")
            if node.level and node.module:
                base = f"{PACKAGE}.{node.module}"
            names = [base] + [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            if name.startswith(PACKAGE + "."):
                head = name[len(PACKAGE) + 1:].split(".")[0]
                found |= {head} & modules
    return found - {path.stem}


def import_graph(folder: Path = SERVICES) -> dict[str, set[str]]:
    modules = {p.stem for p in folder.glob("*.py") if p.stem != "__init__"}
    return {name: _service_imports(folder / f"{name}.py", modules) for name in sorted(modules)}


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import circle as a path (first module repeated at the end), or [] when none."""
    done: set[str] = set()

    def visit(node: str, path: list[str]) -> list[str]:
        if node in path:
            return path[path.index(node):] + [node]
        if node in done:
            return []
        for target in sorted(graph.get(node, ())):
            cycle = visit(target, path + [node])
            if cycle:
                return cycle
        done.add(node)
        return []

    for start in sorted(graph):
        cycle = visit(start, [])
        if cycle:
            return cycle
    return []


def test_no_import_circle_in_services():
    assert find_cycle(import_graph()) == []


def test_function_level_imports_count_as_edges(tmp_path):
    """The graph sees an import hidden inside a function, so such a circle cannot hide."""
    (tmp_path / "alpha.py").write_text("from app.services.beta import b\n")
    (tmp_path / "beta.py").write_text("def b():\n    from app.services import alpha\n")
    assert find_cycle(import_graph(tmp_path)) == ["alpha", "beta", "alpha"]


def test_guard_and_reads_sit_below_the_write_services():
    graph = import_graph()
    assert graph["guard"] == set()
    assert "inspections" not in graph["reads"]
    for writer in ("answers", "evidence", "actions"):
        assert "inspections" not in graph[writer]


def test_every_service_types_its_workspace():
    untyped = []
    for path in SERVICES.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for arg in node.args.args + node.args.kwonlyargs:
                    if arg.arg == "ws" and ast.unparse(arg.annotation or ast.Name("")) != \
                            "Workspace":
                        untyped.append(f"{path.name}:{node.lineno} {node.name}")
    assert untyped == []
