"""The layout rules that a reader relies on: small modules, imports without cycles, no duck
typing."""

from __future__ import annotations

import ast
from pathlib import Path

import quizapp

PACKAGE = Path(quizapp.__file__).resolve().parent
MAX_LINES = 400


def _lines() -> dict[str, int]:
    return {
        path.relative_to(PACKAGE).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in PACKAGE.rglob("*.py")
    }


def test_no_module_is_over_400_lines() -> None:
    lines = _lines()
    assert len(lines) > 100 and "core/study/session.py" in lines  # every module is counted
    long = {name: count for name, count in lines.items() if count > MAX_LINES}
    assert long == {}, f"split these modules: {long}"


def test_no_duck_typing_in_the_core_or_the_command_line() -> None:
    """Types say what a value has: no getattr or hasattr probes (the platform's `os` aside)."""
    probes = []
    for folder in ("core", "cli"):
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                func = node.func if isinstance(node, ast.Call) else None
                if not isinstance(func, ast.Name) or func.id not in ("getattr", "hasattr"):
                    continue
                assert isinstance(node, ast.Call)
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Name) and first.id == "os":
                    continue
                probes.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {func.id}()")
    assert probes == []
