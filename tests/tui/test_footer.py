"""KeyFooter: shows what Textual's Footer shows, changing only the keys that change."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from quizapp.tui.widgets.footer import FooterKey, KeyFooter


class Counting(KeyFooter):
    rebuilt = 0

    async def recompose(self) -> None:
        Counting.rebuilt += 1
        await super().recompose()


class Keys(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "one", "One", id="test.one"),
        Binding("b", "two", "Two", id="test.two"),
        Binding("c", "three", "Three", id="test.three"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.shown = {"one": True, "two": True, "three": True}
        self.dimmed: set[str] = set()
        self.twos = 0

    def compose(self) -> ComposeResult:
        yield Static("body")
        yield Counting()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.dimmed:
            return None
        return self.shown.get(action, True)

    def action_one(self) -> None:
        pass

    def action_two(self) -> None:
        self.twos += 1

    def action_three(self) -> None:
        pass


def footer_keys(app: Keys) -> list[tuple[str, str, bool]]:
    """(key, description, dimmed) of each key shown, in order."""
    return [
        (str(key.key), str(key.description), key.has_class("-disabled"))
        for key in app.screen.query(FooterKey)
    ]


async def test_the_footer_changes_only_the_keys_that_change() -> None:
    app = Keys()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert footer_keys(app)[:3] == [("a", "One", False), ("b", "Two", False),
                                         ("c", "Three", False)]  # fmt: skip
        palette = footer_keys(app)[3:]
        assert palette == []  # the palette key is named on the help screen instead
        before = Counting.rebuilt
        first = list(app.screen.query(FooterKey))
        for _ in range(3):
            app.refresh_bindings()
            await pilot.pause()
        assert list(app.screen.query(FooterKey)) == first, "same keys: the same widgets"
        app.shown["two"] = False
        app.refresh_bindings()
        await pilot.pause()
        assert footer_keys(app) == [("a", "One", False), ("c", "Three", False), *palette]
        app.shown["two"] = True
        app.dimmed.add("three")
        app.refresh_bindings()
        await pilot.pause()
        assert footer_keys(app) == [
            ("a", "One", False),
            ("b", "Two", False),
            ("c", "Three", True),
            *palette,
        ]
        kept = list(app.screen.query(FooterKey))
        assert kept[0] is first[0], "a key that did not change is not mounted again"
        assert Counting.rebuilt == before, "never rebuilt as a whole"
        await pilot.press("b")
        two = [key for key in app.screen.query(FooterKey) if key.key == "b"]
        await pilot.click(two[0])  # a key mounted later works with the mouse too
        assert app.twos == 2
