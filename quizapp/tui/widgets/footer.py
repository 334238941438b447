"""A Footer that changes only the keys that changed.

Textual's Footer rebuilds all its key widgets each time the screen's bindings are refreshed,
even when the same keys come out; on the study screen that happens several times per answer,
and rebuilding (mounting and styling every key again) was most of the time an answer took to
show. This one works out the keys it would show, as the Footer does, and then leaves itself
alone when nothing differs, or removes and mounts only the keys that differ. Binding groups
(shown as one combined key) still rebuild the whole footer.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Any, NamedTuple

from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class _Key(NamedTuple):
    """What one FooterKey shows (the arguments it is made with)."""

    key: str
    key_display: str
    description: str
    action: str
    disabled: bool
    tooltip: str
    palette: bool


class KeyFooter(Footer):
    """Footer that updates only the keys that changed.

    It leaves out Textual's "^p palette" key: at 80 columns the screen's own keys need the
    room, and the help screen (`?`, always shown) names the palette key.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("show_command_palette", False)
        super().__init__(*args, **kwargs)
        self._shown: list[_Key] | None = None

    def _wanted(self, screen: Screen[Any]) -> list[_Key] | None:
        """The keys `Footer.compose` would show, in order; None when a group is involved."""
        app = self.app
        active = screen.active_bindings
        keys: list[_Key] = []
        actions: set[str] = set()
        for _, binding, enabled, tooltip in active.values():
            if not binding.show:
                continue
            if binding.group is not None:
                return None
            if binding.action in actions:
                continue  # the Footer shows the first key of an action
            actions.add(binding.action)
            keys.append(
                _Key(
                    binding.key,
                    app.get_key_display(binding),
                    binding.description,
                    binding.action,
                    not enabled,
                    tooltip,
                    False,
                )
            )
        if self.show_command_palette and app.ENABLE_COMMAND_PALETTE:
            found = active.get(app.COMMAND_PALETTE_BINDING)
            if found is not None:
                _, binding, enabled, tooltip = found
                keys.append(
                    _Key(
                        binding.key,
                        app.get_key_display(binding),
                        binding.description,
                        binding.action,
                        not enabled,
                        binding.tooltip or binding.description,
                        True,
                    )
                )
        return keys

    def bindings_changed(self, screen: Screen[Any]) -> None:
        will_update = screen.app.app_focus and self.is_attached and screen is self.screen
        wanted = self._wanted(screen) if will_update else None
        if wanted is None or not self._bindings_ready or self._shown is None:
            self._shown = wanted
            super().bindings_changed(screen)
            return
        if wanted != self._shown:
            self._shown = wanted
            self.call_after_refresh(self._update_keys, screen)

    async def _update_keys(self, screen: Screen[Any]) -> None:
        """Remove and mount the keys that differ from those on show."""
        wanted = self._wanted(screen)
        children = list(self.children)
        if wanted is None or not all(type(child) is FooterKey for child in children):
            await self.recompose()
            return
        shown = [_shown_key(child) for child in children if isinstance(child, FooterKey)]
        matcher = SequenceMatcher(a=shown, b=wanted, autojunk=False)
        for tag, a1, a2, b1, b2 in reversed(matcher.get_opcodes()):
            if tag == "equal":
                continue
            if a2 > a1:
                await self.remove_children(children[a1:a2])
            if b2 > b1:
                new = [self._make(key) for key in wanted[b1:b2]]
                following = children[a2] if a2 < len(children) else None
                if following is not None:
                    await self.mount_all(new, before=following)
                else:
                    await self.mount_all(new)
        self.styles.grid_size_columns = sum(1 for key in wanted if not key.palette)

    def _make(self, key: _Key) -> FooterKey:
        if key.palette:
            return FooterKey(
                key.key,
                key.key_display,
                key.description,
                key.action,
                classes="-command-palette",
                disabled=key.disabled,
                tooltip=key.tooltip,
            )
        widget = FooterKey(
            key.key,
            key.key_display,
            key.description,
            key.action,
            disabled=key.disabled,
            tooltip=key.tooltip,
        )
        return widget.data_bind(compact=Footer.compact)


def _shown_key(widget: FooterKey) -> _Key:
    tooltip = widget.tooltip if isinstance(widget.tooltip, str) else ""
    return _Key(
        widget.key,
        widget.key_display,
        widget.description,
        widget.action,
        widget._disabled,
        tooltip or "",
        widget.has_class("-command-palette"),
    )
