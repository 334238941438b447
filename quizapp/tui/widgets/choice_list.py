"""The options of a multiple-choice question, picked with 1-n (or the mouse); once answered,
the right option is marked ✓ and a wrong pick ✗, in the theme's colours."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from quizapp.core.text import visible


class ChoiceList(OptionList):
    """Numbered options; `show` marks the right one and the one picked."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"choice-list--right", "choice-list--picked"}
    DEFAULT_CSS = """
    ChoiceList { height: auto; max-height: 12; margin: 0 2; }
    ChoiceList > .choice-list--right { color: $success; }
    ChoiceList > .choice-list--picked { color: $error; }
    """

    def show(
        self,
        options: Sequence[str],
        *,
        right: int | None = None,
        picked: int | None = None,
        keys: Sequence[str] = (),
    ) -> None:
        """List `options` (card text, shown as data); once answered, `right` is the index of the
        right option and `picked` that of the option chosen. `keys` label the options (the key
        that picks each; 1-n by default)."""
        self.clear_options()
        for index, option in enumerate(options):
            key = keys[index] if index < len(keys) and keys[index] else str(index + 1)
            label = Text(f"{key}  ", style="bold")
            label.append(visible(option))
            if index == right:
                label.append("  ✓", style="bold")
                label.stylize(self.get_component_rich_style("choice-list--right", partial=True))
            elif index == picked:
                label.append("  ✗", style="bold")
                label.stylize(self.get_component_rich_style("choice-list--picked", partial=True))
            self.add_option(Option(label, id=f"option-{index}"))
