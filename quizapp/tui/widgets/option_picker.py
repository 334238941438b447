"""The options of a choice card in study: picked with 1-9 (the keys `study.option<n>`, which a
keymap may move), the arrows and Enter, or the mouse; posts `OptionPicker.Picked`.

The pick keys belong to this widget, not to the screen, and work only while it has focus: the
screen's grade keys (1-4 too, by default) stay the screen's, and a keymap that moves one of
them leaves the other alone (Textual drops every binding of a node on a key it remaps).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList

from quizapp.tui.keys import bound_keys, spoken_key
from quizapp.tui.widgets.choice_list import ChoiceList

MAX_PICK_KEYS = 9


class OptionPicker(ChoiceList):
    """A ChoiceList whose options are picked by key (see the module docstring)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(str(n), f"pick({n})", f"Option {n}", id=f"study.option{n}", show=False)
        for n in range(1, MAX_PICK_KEYS + 1)
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, compact=True)  # no border: the hint under it says what to do

    class Picked(Message):
        """An option was picked (`index` into the options shown)."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def pick_keys(self, count: int, lang: str) -> list[str]:
        """The key that picks each of the first `count` options now, as a sentence names it."""
        names = []
        for n in range(1, min(count, MAX_PICK_KEYS) + 1):
            keys = bound_keys(self, f"study.option{n}")
            names.append(spoken_key(self.app, keys[0], lang) if keys else "")
        return names

    def keys_named(self, count: int, lang: str) -> str:
        """The keys that pick the first `count` options, for a sentence: "1-4", or "a, s, d"."""
        names = self.pick_keys(count, lang)
        if len(names) > 1 and names == [str(n) for n in range(1, len(names) + 1)]:
            return f"1-{len(names)}"
        return ", ".join(names)

    def show_options(
        self,
        options: Sequence[str],
        lang: str,
        *,
        right: int | None = None,
        picked: int | None = None,
    ) -> None:
        """List `options`, each labelled with the key that picks it now."""
        self.show(options, right=right, picked=picked, keys=self.pick_keys(len(options), lang))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "pick":
            return isinstance(parameters[0], int) and parameters[0] <= self.option_count
        return True

    def action_pick(self, number: int) -> None:
        if 1 <= number <= self.option_count:
            self.post_message(self.Picked(number - 1))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Picked(event.option_index))
