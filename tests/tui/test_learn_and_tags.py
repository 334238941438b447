"""Study by tag from home (`f`: the tag picker, then study or practice of the chosen tags) and
learn mode (`i` on home; new cards asked as multiple choice), in both languages (Pilot)."""

from __future__ import annotations

import pytest
from textual.widgets import SelectionList, Static

from quizapp.core import settings as user_settings
from quizapp.core.settings import Settings
from quizapp.tui.app import QuizApp
from quizapp.tui.screens.study import StudyScreen
from quizapp.tui.screens.tag_picker import TagPickerScreen


def _text(app: QuizApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


async def _pick(app: QuizApp, pilot: object, *tags: str) -> None:
    """Open the tag picker and tick `tags`."""
    await pilot.press("f")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, TagPickerScreen)
    listed: SelectionList[str] = app.screen.query_one(SelectionList)
    for tag in tags:
        listed.select(tag)


@pytest.mark.parametrize(("lang", "only"), [("en", "Only"), ("it", "Solo")])
async def test_home_studies_the_chosen_tags_on_their_schedule(lang: str, only: str) -> None:
    app = QuizApp(settings=Settings(ui_language=lang))  # type: ignore[arg-type]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _pick(app, pilot, "people", "dates")
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        assert screen.session.mode == "study" and screen.session.tags == ("people", "dates")
        assert _text(app, "#counts").startswith(f"{only} people, dates · ")
        turn = screen.turn
        assert turn is not None and {"people", "dates"} & set(turn.prompt.card.tags)


async def test_the_highlighted_tag_without_ticks_and_practice_ahead() -> None:
    app = QuizApp(settings=Settings(ui_language="en"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _pick(app, pilot)
        listed: SelectionList[str] = app.screen.query_one(SelectionList)
        listed.highlighted = [option.value for option in listed.options].index("dates")
        await pilot.press("p")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        assert screen.session.mode == "practice" and screen.session.tags == ("dates",)
        assert (
            _text(app, "#counts") == "Only dates · Practice · 5 left · the schedule is not changed"
        )


async def test_escape_leaves_the_picker_and_nothing_is_started() -> None:
    app = QuizApp(settings=Settings(ui_language="en"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _pick(app, pilot, "people")
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"


@pytest.mark.parametrize(("lang", "nothing"), [("en", "No card tagged"), ("it", "Nessuna carta")])
async def test_nothing_of_the_tags_due_offers_practice_ahead(lang: str, nothing: str) -> None:
    app = QuizApp(settings=Settings(ui_language=lang, new_per_day=0))  # type: ignore[arg-type]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _pick(app, pilot, "dates")
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen) and screen.turn is None
        shown = _text(app, "#question") + str(screen.query_one("#extra").render())
        assert nothing in shown and "dates" in shown
        await pilot.press("p")
        await pilot.pause()
        assert screen.session.mode == "practice" and screen.turn is not None
        assert "dates" in screen.turn.prompt.card.tags


@pytest.mark.parametrize(
    ("lang", "off", "on"), [("en", "Learn: off", "Learn: on"), ("it", "Impara: no", "Impara: sì")]
)
async def test_i_on_home_switches_learn_mode_and_saves_it(lang: str, off: str, on: str) -> None:
    app = QuizApp(settings=Settings(ui_language=lang))  # type: ignore[arg-type]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert off in _text(app, "#mode")
        await pilot.press("i")
        await pilot.pause()
        assert on in _text(app, "#mode")
        assert user_settings.load().learn_mode is True
        await pilot.press("i")
        await pilot.pause()
        assert off in _text(app, "#mode") and user_settings.load().learn_mode is False


async def test_learn_mode_asks_a_new_card_as_multiple_choice_then_typed() -> None:
    settings = Settings(ui_language="en", learn_mode=True, new_order="deck", new_per_day=1)
    app = QuizApp(settings=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StudyScreen)
        turn = screen.turn
        assert turn is not None and turn.answer_mode == "choice" and turn.right_option
        assert "Learn: choose" in str(screen.query_one("#extra").render())
        assert not screen.query_one("#answer").display  # no typing yet
        await pilot.press(str(turn.options.index(turn.right_option) + 1))
        await pilot.pause()
        assert "Correct" in _text(app, "#verdict")
        await pilot.press("enter")  # Good
        await pilot.pause()
        screen.session._clock = lambda: _later(turn.shown_at)  # the learning step is over
        screen._next()
        await pilot.pause()
        again = screen.turn
        assert again is not None and again.key == turn.key
        assert again.answer_mode == "typed" and screen.query_one("#answer").display


def _later(ms: int):  # type: ignore[no-untyped-def]
    from datetime import datetime, timezone

    return datetime.fromtimestamp(ms / 1000 + 3600, timezone.utc)


async def test_the_settings_screen_saves_the_new_card_order_and_learn_mode() -> None:
    from textual.widgets import Select

    app = QuizApp(settings=Settings(ui_language="en"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert app.screen.query_one("#new_order", Select).value == "tag"
        assert app.screen.query_one("#learn_mode", Select).value == "false"
        app.screen.query_one("#new_order", Select).value = "random"
        app.screen.query_one("#learn_mode", Select).value = "true"
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = user_settings.load()
        assert saved.new_order == "random" and saved.learn_mode is True
        assert app.settings == saved
