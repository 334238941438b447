"""The quiz setup dialog as a learner uses it: any time limit, several topics, both languages.

The dialog takes what `quizapp quiz --time-limit M --tag T --tag U` takes: minutes typed as
people type them ("1,5" in Italian, "2:30"), and any of several tags.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.screen import Screen
from textual.widgets import Button, Input, Label, SelectionList, Static

from quizapp.core.deck.loading import load_deck
from quizapp.core.quiz.run import QuizOptions
from quizapp.core.settings import Settings
from quizapp.tui.screens.quiz_setup import QuizSetupScreen
from tests.conftest import BUNDLED_DECK
from tests.progress_helpers import make_deck
from tests.tui.test_quiz import Host


def setup_screen(lang: str = "en", **settings: Any) -> QuizSetupScreen:
    chosen = Settings(ui_language=lang, **settings)
    return QuizSetupScreen(load_deck(BUNDLED_DECK), chosen)


def line(screen: Screen[Any], name: str) -> str:
    return str(screen.query_one(f"#{name}", Static).content)


def is_error(screen: Screen[Any], name: str) -> bool:
    return screen.query_one(f"#{name}", Static).has_class("error")


def topics(screen: QuizSetupScreen) -> SelectionList[str]:
    return screen.query_one("#topics", SelectionList)


async def test_any_time_and_several_topics_are_what_the_quiz_gets() -> None:
    screen = setup_screen(quiz_length=12)
    host = Host(screen)
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert screen.query_one("#length", Input).has_focus
        assert line(screen, "available") == "297 cards in the deck."
        assert line(screen, "limit") == "No time limit."
        topics(screen).select("dates")
        await pilot.pause()
        assert line(screen, "available") == "Only 5 cards: the quiz will have 5 questions."
        topics(screen).select("people")
        await pilot.pause()
        # people and dates share two cards: counted once.
        assert line(screen, "available") == "41 cards with any of the 2 topics."
        screen.query_one("#time", Input).value = "7.5"
        await pilot.pause()
        assert line(screen, "limit") == "Time limit: 7 min 30 s."
        screen.query_one("#length", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
    assert host.dismissed == [QuizOptions(length=12, tags=("people", "dates"), time_limit_s=450)]


async def test_topics_that_overlap_count_each_card_once() -> None:
    screen = setup_screen()
    async with Host(screen).run_test(size=(80, 24)) as pilot:
        topics(screen).select("vocab")
        topics(screen).select("false-friends")  # every false friend is also vocab
        await pilot.pause()
        assert line(screen, "available") == "143 cards with any of the 2 topics."


async def test_a_learner_ticks_topics_and_starts_with_the_keyboard_alone() -> None:
    screen = setup_screen(lang="it")
    host = Host(screen)
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("tab")  # to the time limit
        await pilot.press(*"1,5")
        await pilot.pause()
        assert line(screen, "limit") == "Limite di tempo: 1 min 30 s."
        await pilot.press("tab", "space", "down", "space")  # figures, then level-1
        await pilot.pause()
        assert topics(screen).has_focus
        assert line(screen, "available") == "100 carte con almeno uno dei 2 argomenti."
        await pilot.press("space")  # level-1 again: unticked
        await pilot.pause()
        assert line(screen, "available") == "20 carte con questo argomento."
        await pilot.press("ctrl+s")  # starts from the list too
        await pilot.pause()
    assert host.dismissed == [QuizOptions(length=10, tags=("figures",), time_limit_s=90)]


@pytest.mark.parametrize(
    ("lang", "problem"),
    [
        ("en", 'Time limit: 0 to 1440 minutes, as "5", "1.5" or "2:30".'),
        ("it", "Limite di tempo: da 0 a 1440 minuti, come «5», «1,5» o «2:30»."),
    ],
)
async def test_a_bad_time_limit_is_named_and_nothing_starts(lang: str, problem: str) -> None:
    screen = setup_screen(lang=lang)
    host = Host(screen)
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        time = screen.query_one("#time", Input)
        for typed in ("ten", "-5", "1441", "2:75"):
            time.value = typed
            await pilot.pause()
            assert line(screen, "limit") == problem and is_error(screen, "limit"), typed
            # one line, so the dialog still fits 80x24 with its buttons
            assert screen.query_one("#limit", Static).size.height == 1
            assert screen.query_one("#start", Button).region.bottom <= 24
            screen.query_one("#length", Input).focus()
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert host.dismissed == [] and host.screen is screen
            assert time.has_focus  # taken to the field to mend
        time.value = "0"
        await pilot.pause()
        assert not is_error(screen, "limit")
        assert line(screen, "limit") in ("No time limit.", "Nessun limite di tempo.")
        await pilot.press("enter")
        await pilot.pause()
    assert host.dismissed == [QuizOptions(length=10, tags=(), time_limit_s=None)]


async def test_a_bad_number_of_questions_is_refused_and_escape_cancels() -> None:
    screen = setup_screen(lang="it")
    host = Host(screen)
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen.query_one("#length", Input).value = "0"
        await pilot.pause()
        assert line(screen, "available") == "Scrivi un numero da 1 a 500."
        assert is_error(screen, "available")
        await pilot.press("enter")
        await pilot.pause()
        assert host.dismissed == [] and host.screen is screen
        await pilot.press("escape")
        await pilot.pause()
    assert host.dismissed == [None]


async def test_switching_language_keeps_every_choice() -> None:
    screen = setup_screen(lang="it")
    host = Host(screen)
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert str(screen.query_one("#time-label", Label).content) == "Limite di tempo (min)"
        assert str(screen.query_one("#start", Button).label) == "Inizia (ctrl+s)"
        topics(screen).select("people")
        screen.query_one("#time", Input).value = "20"
        screen.lang = "en"  # as the app's ctrl+l does it
        await pilot.pause()
        assert str(screen.query_one("#time-label", Label).content) == "Time limit (min)"
        assert line(screen, "available") == "38 cards on this topic."
        assert line(screen, "limit") == "Time limit: 20 min."
        assert str(screen.query_one("#start", Button).label) == "Start (ctrl+s)"
        assert str(screen.query_one("#cancel", Button).label) == "Cancel (Esc)"
        await pilot.click("#start")
        await pilot.pause()
    assert host.dismissed == [QuizOptions(length=10, tags=("people",), time_limit_s=1200)]


async def test_every_topic_is_listed_with_its_cards_and_the_list_fits_the_terminal() -> None:
    screen = setup_screen()
    async with Host(screen).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        listed = topics(screen)
        labels = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        assert labels[0] == "figures (20)" and "vocab (143)" in labels
        assert len(labels) == 14
        # At 80x24 the buttons are on screen and the list scrolls ...
        assert screen.query_one("#start", Button).region.bottom <= 24
        assert 5 <= listed.size.height < len(labels)
    screen = setup_screen()
    async with Host(screen).run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        # ... and on a taller terminal every topic shows at once.
        assert topics(screen).size.height == topics(screen).option_count
        assert screen.query_one("#start", Button).region.bottom <= 40


async def test_a_deck_without_tags_says_the_quiz_draws_from_every_card() -> None:
    screen = QuizSetupScreen(make_deck(qa=3), Settings(ui_language="it"))
    host = Host(screen)
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not topics(screen).display
        assert line(screen, "topics-label") == (
            "Argomenti: il mazzo non ha etichette, il quiz pesca da tutte le sue carte."
        )
        assert line(screen, "available") == "Solo 3 carte: il quiz avrà 3 domande."
        await pilot.press("enter")
        await pilot.pause()
    assert host.dismissed == [QuizOptions(length=10, tags=(), time_limit_s=None)]
