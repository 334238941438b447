"""A Footer that is rebuilt only when the keys it shows change.

Textual's Footer rebuilds all its key widgets each time the screen's bindings are refreshed,
even when the same keys come out; on the study screen that happens several times per answer
and was most of the time an answer took to show. This one compares what it would show with
what it shows and leaves itself alone when nothing differs.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """Footer that skips rebuilding when its keys, labels and states are unchanged."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._shown: tuple[Any, ...] | None = None

    def _signature(self, screen: Screen[Any]) -> tuple[Any, ...]:
        app = self.app
        return tuple(
            (
                binding.key,
                app.get_key_display(binding),
                binding.description,
                binding.action,
                binding.group,
                enabled,
                tooltip,
            )
            for (_, binding, enabled, tooltip) in screen.active_bindings.values()
            if binding.show or binding.key == app.COMMAND_PALETTE_BINDING
        )

    def bindings_changed(self, screen: Screen[Any]) -> None:
        will_rebuild = screen.app.app_focus and self.is_attached and screen is self.screen
        if not will_rebuild:
            super().bindings_changed(screen)
            return
        signature = self._signature(screen)
        if self._bindings_ready and signature == self._shown:
            return
        self._shown = signature
        super().bindings_changed(screen)
