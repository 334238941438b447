"""Every key of the app, for the help screen, the command palette and user keymaps.

All three are generated from the `BINDINGS` of the screens, so they cannot drift apart.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

from quizapp.tui.i18n import has, t

if TYPE_CHECKING:
    from quizapp.tui.app import QuizApp

# (module, class) of every node whose bindings a user can remap.
BOUND = (
    ("quizapp.tui.app", "QuizApp"),
    ("quizapp.tui.screens.home", "HomeScreen"),
    ("quizapp.tui.screens.study", "StudyScreen"),
    ("quizapp.tui.screens.settings", "SettingsScreen"),
    ("quizapp.tui.screens.help", "HelpScreen"),
    ("quizapp.tui.screens.stats", "StatsScreen"),
    ("quizapp.tui.screens.quiz", "QuizScreen"),
    ("quizapp.tui.screens.quiz", "LeaveQuizScreen"),
    ("quizapp.tui.screens.quiz_setup", "QuizSetupScreen"),
    ("quizapp.tui.screens.results", "ResultsScreen"),
)


def declared_bindings() -> Iterator[Binding]:
    """Every binding with an id that quizapp declares."""
    for module_name, class_name in BOUND:
        node = getattr(importlib.import_module(module_name), class_name)
        for item in node.BINDINGS:
            if isinstance(item, Binding) and item.id:
                yield item


def unknown_binding_ids(keymap: Mapping[str, str]) -> set[str]:
    """The ids in a user keymap that name no binding (a typo, or a key of an older version)."""
    if not keymap:
        return set()  # nothing to check: do not import every screen at start-up
    known = {binding.id for binding in declared_bindings()}
    return set(keymap) - known


@dataclass(frozen=True)
class KeyLine:
    """One line of the help screen."""

    keys: str
    description: str
    binding_id: str


def key_lines(app: App[Any], node: DOMNode, keymap: Mapping[str, str], lang: str) -> list[KeyLine]:
    """The keys of `node` (a screen, or the app), in declaration order, with the keymap applied."""
    lines: dict[str, KeyLine] = {}
    for item in type(node).BINDINGS:
        if not isinstance(item, Binding) or not item.id or item.id in lines:
            continue
        keys = keymap.get(item.id, item.key)
        shown = ", ".join(
            app.get_key_display(item.with_key(key.strip(), key_display=None))
            for key in keys.split(",")
        )
        description = t(lang, f"key.{item.id}") if has(f"key.{item.id}") else item.description
        lines[item.id] = KeyLine(shown, description, item.id)
    return list(lines.values())


_APP_COMMANDS = frozenset({"app.quit", "app.settings", "app.help"})
"""Actions the palette lists once, after the screen's keys."""


def palette_commands(app: QuizApp, screen: Screen[Any]) -> Iterable[SystemCommand]:
    """A command for every enabled, described binding of the screen and the app."""
    seen: set[str] = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.id or binding.id in seen or not active.enabled or not binding.description:
            continue
        if binding.id in ("app.quit", "app.help") or binding.action in _APP_COMMANDS:
            continue  # listed once, by the app (home's `q` and `o` are the same actions)
        seen.add(binding.id)
        key = app.get_key_display(binding)
        yield SystemCommand(
            binding.description, key, partial(app.run_action, binding.action, active.node)
        )
    yield SystemCommand(t(app.lang, "key.app.help"), "?", app.action_help)
