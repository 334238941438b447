"""KeyFooter: rebuilt when the keys it shows change, left alone when they do not."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from quizapp.tui.widgets.footer import KeyFooter


class Counting(KeyFooter):
    rebuilt = 0

    async def recompose(self) -> None:
        Counting.rebuilt += 1
        await super().recompose()


class Keys(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "one", "One", id="test.one"),
        Binding("b", "two", "Two", id="test.two"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.two_shown = True
        self.twos = 0

    def compose(self) -> ComposeResult:
        yield Static("body")
        yield Counting()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.two_shown if action == "two" else True

    def action_one(self) -> None:
        pass

    def action_two(self) -> None:
        self.twos += 1


def shown_keys(app: Keys) -> list[str]:
    return [str(key.key) for key in app.screen.query("FooterKey")]


async def test_footer_is_rebuilt_only_when_its_keys_change() -> None:
    app = Keys()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert {"a", "b"} <= set(shown_keys(app))
        before = Counting.rebuilt
        for _ in range(5):
            app.refresh_bindings()
            await pilot.pause()
        assert Counting.rebuilt == before, "same keys: not rebuilt"
        app.two_shown = False
        app.refresh_bindings()
        await pilot.pause()
        assert Counting.rebuilt == before + 1
        assert "b" not in shown_keys(app) and "a" in shown_keys(app)
        app.two_shown = True
        app.refresh_bindings()
        await pilot.pause()
        assert Counting.rebuilt == before + 2
        assert "b" in shown_keys(app)
        await pilot.press("b")
        keys = [key for key in app.screen.query("FooterKey") if key.key == "b"]
        await pilot.click(keys[0])  # a key of the rebuilt footer still works with the mouse
        assert app.twos == 2
