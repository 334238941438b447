"""An Input whose editing keys act in the order they were typed.

Textual runs a widget's key bindings (`ctrl+a` go to start, `ctrl+k` delete to the end) only
after the key has bubbled up to the app, while a typed character is inserted as soon as the
input receives it. Keys that arrive together (typed fast, or sent by a terminal in one read)
are then applied out of order: `ctrl+a`, `ctrl+k`, `0.85` in a field holding `0.91` gave `085`
or an empty field. Here the input's own bindings run when their key reaches it.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding
from textual.widgets import Input


def _editing_keys() -> dict[str, str]:
    """Key -> action of Input's own bindings (`ctrl+a` -> `home`, ...)."""
    keys: dict[str, str] = {}
    for binding in Input.BINDINGS:
        if isinstance(binding, Binding):
            for key in binding.key.split(","):
                keys.setdefault(key.strip(), binding.action)
    return keys


class FieldInput(Input):
    """`Input` that runs its own bindings in order with the characters typed."""

    EDITING_KEYS: ClassVar[dict[str, str]] = _editing_keys()

    async def _on_key(self, event: events.Key) -> None:
        action = self.EDITING_KEYS.get(event.key)
        if action is not None and not event.is_printable:
            event.stop()
            event.prevent_default()
            await self.run_action(action)
            return
        await super()._on_key(event)
