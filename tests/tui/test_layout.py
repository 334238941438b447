"""The TUI's shape, checked rather than remembered: small modules, no import cycle (deferred or
not), no private Textual API, no duck typing."""

from __future__ import annotations

import ast
from pathlib import Path

import quizapp.tui

TUI = Path(quizapp.tui.__file__).resolve().parent
MAX_LINES = 400


def _modules() -> dict[str, Path]:
    """quizapp.tui module name -> file."""
    found = {}
    for path in sorted(TUI.rglob("*.py")):
        parts = list(path.relative_to(TUI.parent.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _imports(path: Path, name: str) -> set[str]:
    """Every module that `path` imports anywhere in it (top level, in a function, or for the
    type checker), as absolute names."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def test_no_module_is_over_the_limit() -> None:
    sizes = {
        name: len(path.read_text(encoding="utf-8").splitlines())
        for name, path in _modules().items()
    }
    assert len(sizes) > 10
    assert {name: size for name, size in sizes.items() if size > MAX_LINES} == {}


def test_there_is_no_import_cycle_deferred_or_not() -> None:
    modules = _modules()
    graph = {
        name: {other for other in _imports(path, name) if other in modules and other != name}
        for name, path in modules.items()
    }
    assert "quizapp.tui.screens.home" in graph["quizapp.tui.app"], "the graph finds imports"
    cycles = []
    state: dict[str, int] = {}  # 1: on the path, 2: done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for other in sorted(graph[name]):
            if state.get(other) == 1:
                cycles.append([*path[path.index(other) :], other])
            elif other not in state:
                visit(other, [*path, other])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_no_private_textual_api_and_no_duck_typing() -> None:
    problems = []
    for name, path in _modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.ImportFrom)
                and node.module
                and node.module.startswith("textual")
            ):
                private = [part for part in node.module.split(".") if part.startswith("_")]
                private += [a.name for a in node.names if a.name.startswith("_")]
                if private:
                    problems.append(f"{name}:{node.lineno}: textual private {private}")
            if isinstance(node, ast.Attribute) and node.attr in ("_bindings", "_merged_bindings"):
                problems.append(f"{name}:{node.lineno}: .{node.attr}")
            func = node.func if isinstance(node, ast.Call) else None
            if isinstance(func, ast.Name) and func.id in ("getattr", "hasattr"):
                problems.append(f"{name}:{node.lineno}: {func.id}()")
    assert problems == []
