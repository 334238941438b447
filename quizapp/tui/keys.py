"""Every key of the app, for the footer, the help screen, the command palette and user keymaps.

All of them are worked out from the `BINDINGS` of the app and its screens, so they cannot drift
apart. Bindings are declared in English; each one with an id is described in the learner's
language by the phrase `key.<id>` (see `describe`), at the moment it is shown: switching
language back and forth never touches the bindings themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

from quizapp.tui.base import BaseApp
from quizapp.tui.i18n import WORDS


def describe(binding: Binding, lang: str) -> str:
    """What `binding` does, in `lang` (its English description when it has no phrase)."""
    key = f"key.{binding.id}"
    return WORDS.phrase(key).text(lang) if binding.id and key in WORDS else binding.description


def describe_short(binding: Binding, lang: str) -> str:
    """What `binding` does in fewer words, for a footer short of room: its phrase
    `footer.<id>` where it has one (the help screen keeps the whole one), else `describe`."""
    key = f"footer.{binding.id}"
    return WORDS.phrase(key).text(lang) if binding.id and key in WORDS else describe(binding, lang)


def declared_bindings(nodes: Iterable[type[DOMNode]]) -> Iterator[Binding]:
    """Every binding with an id that the classes `nodes` declare."""
    for node in nodes:
        for item in node.BINDINGS:
            if isinstance(item, Binding) and item.id:
                yield item


def unknown_binding_ids(keymap: Mapping[str, str], nodes: Iterable[type[DOMNode]]) -> set[str]:
    """The ids in a user keymap that name no binding (a typo, or a key of an older version)."""
    known = {binding.id for binding in declared_bindings(nodes)}
    return set(keymap) - known


def live_key(screen: Screen[Any], binding_id: str) -> str | None:
    """How the key of `binding_id` is shown on `screen` now (after any user keymap), or None."""
    for active in screen.active_bindings.values():
        if active.binding.id == binding_id:
            return screen.app.get_key_display(active.binding)
    return None


_SPOKEN: dict[str, tuple[str, str]] = {
    "escape": ("Esc", "Esc"),
    "space": ("Spazio", "Space"),
    "enter": ("Invio", "Enter"),
    "tab": ("Tab", "Tab"),
    "backspace": ("Backspace", "Backspace"),
}
"""Named keys as a sentence says them (Italian, English); the others as the footer shows them."""


def bound_keys(node: DOMNode, binding_id: str) -> list[str]:
    """The keys bound now to `binding_id`, declared by `node`'s class: the settings' keymap
    applied (the app applies it), whether or not the key works at this moment."""
    app = node.app
    keymap = app.settings.keymap if isinstance(app, BaseApp) else {}
    for item in type(node).BINDINGS:
        if isinstance(item, Binding) and item.id == binding_id:
            return [key.strip() for key in keymap.get(binding_id, item.key).split(",")]
    return []


def spoken_key(app: App[Any], key: str, lang: str) -> str:
    """How a sentence names `key`: "Esc", "Spazio"/"Space", "ctrl+u", "a"..."""
    *modifiers, last = key.split("+")
    if last in _SPOKEN:
        name = _SPOKEN[last][0 if lang == "it" else 1]
    else:
        name = app.get_key_display(Binding(last, ""))
    return "+".join([*modifiers, name])


def spoken(node: DOMNode, binding_id: str, lang: str) -> str:
    """The key of `binding_id` (its first, after the keymap) as a sentence names it."""
    keys = bound_keys(node, binding_id)
    return spoken_key(node.app, keys[0], lang) if keys else "?"


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
        lines[item.id] = KeyLine(shown, describe(item, lang), item.id)
    return list(lines.values())


_APP_COMMANDS = frozenset({"app.quit", "app.settings", "app.help"})
"""Actions the palette lists once, after the screen's keys."""


def palette_commands(app: App[Any], screen: Screen[Any], lang: str) -> Iterable[SystemCommand]:
    """A command for every enabled, described binding of the screen and the app (but help,
    settings and quit, which the app lists after them)."""
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
            describe(binding, lang), key, partial(app.run_action, binding.action, active.node)
        )
