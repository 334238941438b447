"""An Input whose editing keys act in the order they were typed.

Textual runs a widget's key bindings (`ctrl+a` go to start, `ctrl+k` delete to the end) only
after the key has bubbled up to the app, while a typed character is inserted as soon as the
input receives it. Keys that arrive together (typed fast, or sent by a terminal in one read)
are then applied out of order: `ctrl+a`, `ctrl+k`, `0.85` in a field holding `0.91` gave `085`
or an empty field. Here the input's own bindings run when their key reaches it.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input


class FieldInput(Input):
    """`Input` that runs its own bindings in order with the characters typed."""

    async def _on_key(self, event: events.Key) -> None:
        bindings = self._bindings.key_to_bindings.get(event.key)
        if bindings and not event.is_printable:
            event.stop()
            event.prevent_default()
            await self.run_action(bindings[0].action)
            return
        await super()._on_key(event)
