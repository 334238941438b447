"""The footer: the keys that work now, each described in the UI language, changing only the
keys that changed.

Textual's Footer rebuilds all its key widgets each time the screen's bindings are refreshed,
even when the same keys come out; on the study screen that happens several times per answer,
and rebuilding (mounting and styling every key again) was most of the time an answer took to
show. This footer works out the keys to show from the screen's active bindings (the first key
of each action whose binding is shown), leaves itself alone when nothing differs, updates a key
in place when only its words or its state changed, and mounts or removes only the keys that
came or went. When the keys are wider than the footer, they first say what they do in fewer
words where they have a short phrase (`keys.describe_short`), then the keys its screen gives
as spare (binding ids) are left out, in that order. Descriptions come from `keys.describe`,
in the footer's `lang` (bound to its screen's), so the bindings never need translating.
Textual's "^p palette" key is left out: at 80 columns the screen's own keys need the room, and
the help screen (`?`) names it.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Any, ClassVar, NamedTuple

from rich.text import Text
from textual.containers import ScrollableContainer
from textual.reactive import var
from textual.screen import Screen
from textual.widget import Widget

from quizapp.tui.keys import describe, describe_short


class ShownKey(NamedTuple):
    """What one key of the footer shows."""

    key: str
    """The key pressed when the key is clicked (the binding's first key)."""
    key_display: str
    description: str
    action: str
    enabled: bool
    tooltip: str
    binding_id: str = ""
    short: str = ""
    """The description in fewer words, shown when the footer is short of room."""

    @property
    def identity(self) -> tuple[str, str]:
        """What makes it the same key when its words or its state change."""
        return (self.key, self.action)


class FooterKey(Widget):
    """One key of the footer: the key, then what it does. A click presses the key."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {"footer-key--key", "footer-key--description"}
    DEFAULT_CSS = """
    FooterKey {
        width: auto;
        height: 1;
        text-wrap: nowrap;
        background: $footer-item-background;
        & > .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .footer-key--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        &:hover {
            pointer: pointer;
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        &.-disabled { text-style: dim; }
    }
    """

    def __init__(self, shown: ShownKey) -> None:
        super().__init__(classes="" if shown.enabled else "-disabled")
        self.shown = shown
        if shown.tooltip:
            self.tooltip = shown.tooltip

    @property
    def key(self) -> str:
        return self.shown.key

    @property
    def description(self) -> str:
        return self.shown.description

    def show(self, shown: ShownKey) -> None:
        """Show `shown` instead (the same key, with other words or another state)."""
        self.shown = shown
        self.set_class(not shown.enabled, "-disabled")
        self.tooltip = shown.tooltip or None
        self.refresh(layout=True)

    def render(self) -> Text:
        text = Text.assemble(
            (f" {self.shown.key_display} ", self.get_component_rich_style("footer-key--key")),
        )
        if self.shown.description:
            style = self.get_component_rich_style("footer-key--description")
            text.append(f"{self.shown.description} ", style)
        text.stylize_before(self.rich_style)
        return text

    def on_click(self) -> None:
        if self.shown.enabled:
            self.app.simulate_key(self.shown.key)
        else:
            self.app.bell()


class KeyFooter(ScrollableContainer, can_focus=False, can_focus_children=False):
    """The keys of the screen it is on, docked at the bottom."""

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    KeyFooter {
        layout: horizontal;
        color: $footer-foreground;
        background: $footer-background;
        dock: bottom;
        height: 1;
        scrollbar-size: 0 0;
    }
    """

    lang: var[str] = var("en")
    """The language of the descriptions (bind it to the screen's)."""

    def __init__(self, *, spare: tuple[str, ...] = ()) -> None:
        """`spare`: binding ids left out (in this order) while the keys do not fit."""
        super().__init__()
        self.spare = spare
        self._shown: list[ShownKey] = []
        self._updating = False

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def watch_lang(self) -> None:
        if self.is_attached:
            self._bindings_changed(self.screen)

    @property
    def keys(self) -> list[ShownKey]:
        """The keys on show, in order."""
        return list(self._shown)

    def wanted(self, screen: Screen[Any]) -> list[ShownKey]:
        """The keys to show for `screen`'s bindings now, in order."""
        keys: list[ShownKey] = []
        actions: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if not binding.show or binding.action in actions:
                continue  # the first key of an action stands for all of them
            actions.add(binding.action)
            keys.append(
                ShownKey(
                    binding.key,
                    self.app.get_key_display(binding),
                    describe(binding, self.lang),
                    binding.action,
                    active.enabled,
                    active.tooltip,
                    binding.id or "",
                    describe_short(binding, self.lang),
                )
            )
        return self._fitted(keys)

    def _fitted(self, keys: list[ShownKey]) -> list[ShownKey]:
        """`keys` as they are when they fit; else in their short words, and without the spare
        ones (in their order) while they still do not fit."""
        width = self.size.width or self.app.size.width
        if _width(keys) <= width:
            return keys
        keys = [key._replace(description=key.short) if key.short else key for key in keys]
        for binding_id in self.spare:
            if _width(keys) <= width:
                break
            keys = [key for key in keys if key.binding_id != binding_id]
        return keys

    def on_resize(self) -> None:
        self._bindings_changed(self.screen)

    def _bindings_changed(self, screen: Screen[Any]) -> None:
        if self._updating or not self.is_attached or screen is not self.screen:
            return  # an update under way looks again when it is done
        if self.wanted(screen) != self._shown:
            self._updating = True
            self.call_after_refresh(self._update)

    async def _update(self) -> None:
        """Bring the keys on show to the wanted ones, touching only those that differ."""
        if not self.is_attached:
            self._updating = False
            return
        try:
            await self._show(self.wanted(self.screen))
        finally:
            self._updating = False
        self._bindings_changed(self.screen)  # what changed while the keys were mounted

    async def _show(self, wanted: list[ShownKey]) -> None:
        children = [child for child in self.children if isinstance(child, FooterKey)]
        shown = [child.shown.identity for child in children]
        matcher = SequenceMatcher(a=shown, b=[key.identity for key in wanted], autojunk=False)
        for tag, a1, a2, b1, b2 in reversed(matcher.get_opcodes()):
            if tag == "equal":
                for child, key in zip(children[a1:a2], wanted[b1:b2], strict=True):
                    if child.shown != key:
                        child.show(key)
                continue
            if a2 > a1:
                await self.remove_children(children[a1:a2])
            if b2 > b1:
                new = [FooterKey(key) for key in wanted[b1:b2]]
                following = children[a2] if a2 < len(children) else None
                if following is not None:
                    await self.mount_all(new, before=following)
                else:
                    await self.mount_all(new)
        self._shown = wanted


def _width(keys: list[ShownKey]) -> int:
    """The columns `keys` take in the footer (a space each side of the key, one after the
    description: see `FooterKey.render`)."""
    return sum(len(key.key_display) + len(key.description) + 3 for key in keys)
