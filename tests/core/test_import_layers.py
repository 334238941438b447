"""The domain never imports the UI libraries; plain commands never import textual."""

from __future__ import annotations

import subprocess
import sys

CORE_MODULES = [
    "quizapp.core.deck.model",
    "quizapp.core.deck.loading",
    "quizapp.core.deck.catalog",
    "quizapp.core.answers",
    "quizapp.core.tomlpos",
    "quizapp.core.locations",
    "quizapp.core.text",
    "quizapp.core.judge",
    "quizapp.core.schedule.engine",
    "quizapp.core.store.database",
    "quizapp.core.study.session",
    "quizapp.core.settings",
    "quizapp.core.store.progress_io",
    "quizapp.core.store.records",
    "quizapp.core.store.rebuild",
    "quizapp.core.store.schema",
    "quizapp.core.quiz.run",
    "quizapp.core.quiz.distractors",
    "quizapp.core.stats",
]


def _loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    return set(out.split())


def test_core_imports_neither_textual_nor_rich() -> None:
    modules = _loaded_after("\n".join(f"import {name}" for name in CORE_MODULES))
    assert "quizapp.core.deck.loading" in modules
    assert not {m for m in modules if m.split(".")[0] in ("textual", "rich")}


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
