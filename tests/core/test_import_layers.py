"""The layers hold: the domain never imports the UI libraries, plain commands never import
textual, the import contracts (pyproject.toml, `lint-imports`) are kept, and no import cycle,
deferred or not, runs through quizapp (the core, the command line or the TUI)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import grimp

import quizapp.core


def _loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    return set(out.split())


def _core_modules() -> list[str]:
    found = pkgutil.walk_packages(quizapp.core.__path__, prefix="quizapp.core.")
    return ["quizapp.core", *sorted(module.name for module in found)]


def test_no_core_module_imports_textual_or_rich_when_it_runs() -> None:
    modules = _core_modules()
    assert {"quizapp.core.deck.loading", "quizapp.core.interop.progress_io"} <= set(modules)
    loaded = _loaded_after("\n".join(f"import {name}" for name in modules))
    assert set(modules) <= loaded
    assert not {m for m in loaded if m.split(".")[0] in ("textual", "rich")}


def test_cli_parser_and_plain_commands_do_not_import_textual() -> None:
    code = (
        "from quizapp.cli.main import build_parser\n"
        "build_parser()\n"
        "from quizapp.cli import validate, decks, schema, doctor, progress\n"
    )
    modules = _loaded_after(code)
    assert "quizapp.cli.main" in modules
    assert "textual" not in modules
    assert "pydantic" not in modules, "building the parser should stay light"


def test_the_import_contracts_are_kept() -> None:
    linter = Path(sys.executable).with_name("lint-imports")
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [str(linter), "--no-cache"], cwd=root, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert "Contracts: 4 kept, 0 broken." in result.stdout


def _cycles(graph: grimp.ImportGraph) -> list[set[str]]:
    """The strongly connected components of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            module, targets = work[-1]
            advanced = False
            for target in targets:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    imported = sorted(graph.find_modules_directly_imported_by(target))
                    work.append((target, iter(imported)))
                    advanced = True
                    break
                if target in on_stack:
                    low[module] = min(low[module], index[target])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[module])
            if low[module] == index[module]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == module:
                        break
                if len(component) > 1:
                    found.append(component)
    return found


def test_no_import_cycle_runs_through_quizapp() -> None:
    graph = grimp.build_graph("quizapp")  # every import statement, deferred ones included
    assert "quizapp.tui.screens.home" in graph.find_modules_directly_imported_by("quizapp.tui.app")
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = grimp.ImportGraph()
    for module in ("pkg", "pkg.a", "pkg.b", "pkg.c"):
        graph.add_module(module)
    graph.add_import(importer="pkg.a", imported="pkg.b")
    graph.add_import(importer="pkg.b", imported="pkg.a")
    graph.add_import(importer="pkg.c", imported="pkg.a")
    assert _cycles(graph) == [{"pkg.a", "pkg.b"}]
