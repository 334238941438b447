"""The study screen: typed and flipped answers, choice, undo, an empty queue (Pilot)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from textual.app import App
from textual.widgets import Input, Static

from quizapp.core import locations
from quizapp.core.deck.loading import load_deck
from quizapp.core.settings import Settings
from quizapp.core.store.database import Store
from quizapp.tui.screens.study import StudyScreen
from tests.conftest import BUNDLED_DECK


class _Host(App[None]):
    def __init__(self, screen: StudyScreen) -> None:
        super().__init__()
        self._study = screen

    def on_mount(self) -> None:
        self.push_screen(self._study)


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(locations.database_path()) as opened:
        yield opened


def _settings(**settings: object) -> Settings:
    settings = {"new_order": "deck", **settings}  # these tests know the deck's first cards
    return Settings(ui_language="en", **settings)  # type: ignore[arg-type]


def _screen(store: Store, **settings: object) -> StudyScreen:
    return StudyScreen(load_deck(BUNDLED_DECK), store, _settings(**settings))


def _text(screen: StudyScreen, name: str) -> str:
    return str(screen.query_one(f"#{name}", Static).content)


def _reviews(store: Store) -> list[tuple[str, int, str]]:
    with store._lock:
        rows = store._con.execute("SELECT card_id, rating, verdict FROM reviews ORDER BY rowid")
        return [(r[0], r[1], r[2]) for r in rows]


async def test_typed_answer_is_judged_then_saved(store: Store) -> None:
    screen = _screen(store)
    async with _Host(screen).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        first = screen.turn
        assert first is not None and first.prompt.card.id == "v3-training-cost"
        screen.query_one("#answer", Input).value = "6 miliardi di dollari"
        await pilot.press("enter")
        verdict = _text(screen, "verdict")
        assert "known wrong answer" in verdict and "6 milioni di dollari" in verdict
        assert screen.query_one("#verdict").has_class("-wrong")
        assert _reviews(store) == []  # nothing saved before the grade is confirmed
        await pilot.press("enter")  # confirm the suggested grade (Again)
        assert _reviews(store) == [("v3-training-cost", 1, "wrong")]
        assert screen.turn is not None and screen.turn.prompt.card.id != "v3-training-cost"


async def test_choice_picked_by_number_and_overridden_grade(store: Store) -> None:
    screen = _screen(store)
    async with _Host(screen).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen.query_one("#answer", Input).value = "6 milioni di dollari"
        await pilot.press("enter", "4")  # answer the first card, then grade it Easy
        turn = screen.turn
        assert turn is not None and turn.options
        right = turn.options.index(turn.prompt.expected[0]) + 1
        await pilot.press(str(right))
        assert "Correct" in _text(screen, "verdict")
        await pilot.press("2")  # override: Hard
        assert [r[1] for r in _reviews(store)] == [4, 2]


async def test_flip_mode_reveals_then_rates_and_undo_restores(store: Store) -> None:
    screen = _screen(store, answer_mode="flip")
    async with _Host(screen).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not screen.query_one("#answer", Input).display
        await pilot.press("space")
        assert "6 milioni di dollari" in _text(screen, "verdict")
        await pilot.press("3")
        assert [(r[0], r[1]) for r in _reviews(store)] == [("v3-training-cost", 3)]
        await pilot.press("ctrl+u")
        assert _reviews(store) == []
        assert screen.turn is not None and screen.turn.prompt.card.id == "v3-training-cost"
        assert screen.done_count == 0


async def test_empty_queue_says_so(store: Store) -> None:
    screen = _screen(store, new_per_day=0)
    async with _Host(screen).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert screen.turn is None
        assert _text(screen, "question") == "You are done for today."
        assert "No card is scheduled." in _text(screen, "extra")
        assert "Press p to practise anyway" in _text(screen, "extra")
        shown = {a.binding.id for a in screen.active_bindings.values() if a.binding.show}
        assert "study.practice" in shown
        await pilot.press("p")
        assert screen.session.mode == "practice"
        assert _text(screen, "counts").startswith("Practice · ")
        assert "the schedule is not changed" in _text(screen, "counts")
        assert screen.turn is not None
        shown = {a.binding.id for a in screen.active_bindings.values() if a.binding.show}
        assert "study.practice" not in shown
        # Practice order is shuffled: a choice card is answered by number, the rest typed.
        if screen.turn.prompt.card.kind == "choice":
            assert not screen.query_one("#answer", Input).display
            await pilot.press("1", "enter")
        else:
            assert screen.query_one("#answer", Input).display
            screen.query_one("#answer", Input).value = "x"
            await pilot.press("enter", "enter")
        with store._lock:
            modes = [r[0] for r in store._con.execute("SELECT mode FROM reviews")]
        assert modes == ["practice"]


async def test_practice_is_not_offered_while_cards_are_due(store: Store) -> None:
    screen = _screen(store)
    async with _Host(screen).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        first = screen.turn
        screen.set_focus(None)
        await pilot.press("p")
        assert screen.session.mode == "study" and screen.turn == first


async def test_card_text_is_not_markup(store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = BUNDLED_DECK.read_text(encoding="utf-8").replace(
        "Secondo DeepSeek, quanto è costato", "[bold]Secondo[/] DeepSeek, quanto è costato", 1
    )
    deck_path = tmp_path / "d.toml"
    deck_path.write_text(text, encoding="utf-8")
    screen = StudyScreen(load_deck(deck_path), store, _settings())
    async with _Host(screen).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert _text(screen, "question").startswith("[bold]Secondo[/] DeepSeek")


async def test_suspend_and_bury_skip_the_card_and_undo_restores(store: Store) -> None:
    screen = _screen(store)
    app = _Host(screen)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert screen.turn is not None and screen.turn.prompt.card.id == "v3-training-cost"
        await pilot.press("ctrl+s")
        assert screen.turn is not None and screen.turn.prompt.card.id != "v3-training-cost"
        with store._lock:
            modes = [r[0] for r in store._con.execute("SELECT mode FROM reviews")]
        assert modes == ["suspend"]
        second = screen.turn.prompt.card.id
        await pilot.press("ctrl+b")
        assert screen.turn is not None and screen.turn.prompt.card.id not in (
            second,
            "v3-training-cost",
        )
        await pilot.press("ctrl+u")
        assert screen.turn is not None and screen.turn.prompt.card.id == second
        assert app._notifications and list(app._notifications)[-1].message == "Bury undone."
        await pilot.press("ctrl+u")
        assert screen.turn is not None and screen.turn.prompt.card.id == "v3-training-cost"
        assert list(app._notifications)[-1].message == "Suspend undone."


def _shown(screen: StudyScreen) -> set[str]:
    return {a.binding.id or "" for a in screen.active_bindings.values() if a.binding.show}


async def test_footer_shows_only_the_keys_that_work_now(store: Store) -> None:
    screen = _screen(store)
    async with _Host(screen).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        shown = _shown(screen)
        assert {"study.suspend", "study.peek", "study.back"} <= shown
        assert "study.mode" not in shown  # ctrl+o is on the help screen: the footer has no room
        assert not {"study.reveal", "study.right", "study.undo", "study.practice"} & shown
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert "study.reveal" in _shown(screen)
        await pilot.press("ctrl+o")
        await pilot.pause()
        screen.query_one("#answer", Input).value = "6 miliardi"
        await pilot.press("enter")
        await pilot.pause()
        assert "study.right" in _shown(screen) and "study.reveal" not in _shown(screen)
        await pilot.press("enter")
        await pilot.pause()
        assert "study.undo" in _shown(screen) and "study.right" not in _shown(screen)


async def test_a_deck_from_the_cache_studies_like_the_file(store: Store) -> None:
    """The same first cards, judged the same, with the cards read one at a time."""
    from quizapp.core.deck.index import PackedCards
    from quizapp.core.deck.loading import load_deck_cached

    load_deck_cached(BUNDLED_DECK)
    deck = load_deck_cached(BUNDLED_DECK)
    assert isinstance(deck.cards, PackedCards)
    screen = StudyScreen(deck, store, _settings())
    full = StudyScreen(load_deck(BUNDLED_DECK), store, _settings())
    async with _Host(screen).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        first = screen.turn
        assert first is not None and first.prompt == full.session.next().prompt
        screen.query_one("#answer", Input).value = "6 milioni di dollari"
        await pilot.press("enter")
        assert screen.query_one("#verdict").has_class("-correct")
        await pilot.press("enter")
        await pilot.pause()
        assert _reviews(store) == [("v3-training-cost", 3, "correct")]
        second = screen.turn
        assert second is not None and second.prompt.card.id == "karpathy-price-choice"
        assert second.options, "a choice card from the cache shows its options"
        await pilot.press("1")
        assert screen.answered is not None and screen.answered.chosen == 0


async def test_peek_shows_the_other_language_and_i_was_right_grades_good(store: Store) -> None:
    screen = _screen(store)
    async with _Host(screen).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        peeked = screen.query_one("#peek", Static)
        assert peeked.display and "According to DeepSeek" in str(peeked.content)
        await pilot.press("ctrl+t")  # again: hidden, not stacked
        assert not peeked.display
        await pilot.press("ctrl+t")
        screen.query_one("#answer", Input).value = "cinque milioni"
        await pilot.press("enter")
        assert "Correct" not in _text(screen, "verdict")
        await pilot.press("r")  # the learner knows better than the judge: Good
        assert _reviews(store)[0][:2] == ("v3-training-cost", 3)


async def test_the_answer_mode_switches_during_a_session(store: Store) -> None:
    screen = _screen(store)
    async with _Host(screen).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        answer = screen.query_one("#answer", Input)
        assert answer.display
        await pilot.press("ctrl+o")
        assert not answer.display and "Space" in _text(screen, "verdict")
        await pilot.press("ctrl+o")
        assert answer.display and _text(screen, "verdict") == ""
        await pilot.press("ctrl+o", "space", "1")  # flipped: reveal, then Again
        assert [(r[0], r[1]) for r in _reviews(store)] == [("v3-training-cost", 1)]


async def test_a_long_card_scrolls_at_80x24(store: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from textual.containers import VerticalScroll

    long_note = " ".join(f"riga{n} della nota lunghissima, città e perché." for n in range(200))
    text = BUNDLED_DECK.read_text(encoding="utf-8").replace(
        'note = "È la cifra dichiarata dalla stessa DeepSeek', f'note = "{long_note} È', 1
    )
    deck_path = tmp_path / "long.toml"
    deck_path.write_text(text, encoding="utf-8")
    screen = StudyScreen(load_deck(deck_path), store, _settings())
    async with _Host(screen).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen.query_one("#answer", Input).value = "6 milioni di dollari"
        await pilot.press("enter")
        await pilot.pause()
        card = screen.query_one("#card", VerticalScroll)
        assert card.max_scroll_y > 0, "the note is longer than the screen"
        card.scroll_end(animate=False)
        await pilot.pause()
        assert card.scroll_y == card.max_scroll_y
        # The grades stay in view; what was typed is in the verdict (the input makes room).
        assert screen.query_one("#grades").region.height > 0
        assert "You typed: 6 milioni di dollari" in _text(screen, "verdict")
