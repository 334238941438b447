"""The study screen's traps (issue 18): undo with a verdict on show, flip mode on a choice
card, keys named from the live bindings, help and quit keys, which language to answer in, what
is shown after an answer and where notices go (Pilot)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from textual.app import App
from textual.widgets import Button, Input, Static
from textual.widgets._toast import Toast

from quizapp.core import locations
from quizapp.core.deck.loading import load_deck
from quizapp.core.settings import Settings
from quizapp.core.store.database import Store
from quizapp.tui.app import QuizApp
from quizapp.tui.base import BaseApp
from quizapp.tui.screens.study import StudyScreen
from quizapp.tui.widgets.footer import FooterKey
from quizapp.tui.widgets.option_picker import OptionPicker
from tests.conftest import BUNDLED_DECK


class _Host(BaseApp):
    """The study screen in an app with these settings' keymap applied (as QuizApp does)."""

    def __init__(self, screen: StudyScreen, keymap: dict[str, str] | None = None) -> None:
        super().__init__(Settings(ui_language=screen.lang, keymap=keymap or {}))
        self._study = screen

    def on_mount(self) -> None:
        self.set_keymap(self.settings.keymap)
        self.push_screen(self._study)


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(locations.database_path()) as opened:
        yield opened


def _screen(store: Store, lang: str = "en", **options: Any) -> StudyScreen:
    mode = options.pop("mode", "study")
    session = options.pop("session_options", None)
    options.setdefault("new_order", "deck")  # the bundled deck's first cards, in its order
    settings = Settings(ui_language=lang, **options)
    return StudyScreen(load_deck(BUNDLED_DECK), store, settings, mode=mode, session_options=session)


def _text(screen: StudyScreen, name: str) -> str:
    return str(screen.query_one(f"#{name}", Static).content)


def _ratings(store: Store) -> list[tuple[str, int]]:
    with store._lock:
        rows = store._con.execute("SELECT card_id, rating FROM reviews ORDER BY rowid")
        return [(r[0], r[1]) for r in rows]


def _said(app: App[Any]) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def _answer_first(screen: StudyScreen, pilot: Any) -> None:
    """Answer and grade the first card (typed), to reach the choice card after it."""
    screen.query_one("#answer", Input).value = "6 milioni di dollari"
    await pilot.press("enter", "enter")
    await pilot.pause()


# -- 1: undo -------------------------------------------------------------------------------


async def test_undo_with_a_verdict_on_show_takes_that_answer_back_first(store: Store) -> None:
    screen = _screen(store)
    app = _Host(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _answer_first(screen, pilot)  # card A graded
        await pilot.press("3")  # card B (a choice card): an option picked, not graded yet
        assert screen.answered is not None
        b = screen.turn
        assert b is not None
        await pilot.press("ctrl+u")
        await pilot.pause()
        assert screen.turn is not None and screen.turn.key == b.key, "B stays"
        assert screen.answered is None and _ratings(store) == [("v3-training-cost", 3)]
        assert "Answer taken back" in _said(app)[-1]
        assert screen.query_one(OptionPicker).has_focus, "B's options are asked again"
        await pilot.press("ctrl+u")  # now A's graded answer
        await pilot.pause()
        assert screen.turn is not None and screen.turn.prompt.card.id == "v3-training-cost"
        assert _ratings(store) == [] and _said(app)[-1] == "Last answer undone."


async def test_undo_of_a_typed_verdict_gives_the_text_back_to_correct(store: Store) -> None:
    screen = _screen(store)
    async with _Host(screen).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen.query_one("#answer", Input).value = "6 miliardi"
        await pilot.press("enter", "ctrl+u")
        await pilot.pause()
        answer = screen.query_one("#answer", Input)
        assert answer.display and answer.has_focus and answer.value == "6 miliardi"
        assert _ratings(store) == [] and not screen.session.can_undo


async def test_a_choice_card_brought_back_keeps_its_options_order(store: Store) -> None:
    screen = _screen(store)
    async with _Host(screen).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _answer_first(screen, pilot)
        shown = screen.turn.options if screen.turn else ()
        await pilot.press("1", "enter")  # picked, then graded
        await pilot.press("ctrl+u")
        await pilot.pause()
        assert screen.turn is not None and screen.turn.options == shown


# -- 2: flip mode on a choice card ---------------------------------------------------------


async def test_flip_mode_on_a_choice_card_the_digits_only_grade(store: Store) -> None:
    screen = _screen(store, answer_mode="flip")
    async with _Host(screen).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("space", "3")  # card A: flipped, Good
        await pilot.pause()
        turn = screen.turn
        assert turn is not None and turn.options, "a choice card"
        assert not screen.query_one(OptionPicker).display, "no numbered options to pick"
        assert "press Space and grade yourself" in _text(screen, "verdict")
        assert all(f"· {option}" in _text(screen, "extra") for option in turn.options)
        await pilot.press("3")  # before the answer is shown: no option picked, nothing saved
        assert screen.answered is None and len(_ratings(store)) == 1
        await pilot.press("space")
        assert screen.answered is not None and screen.answered.outcome is None
        await pilot.press("3")
        assert _ratings(store)[-1] == (turn.prompt.card.id, 3)


async def test_typed_mode_says_the_digits_pick_then_grade(store: Store) -> None:
    screen = _screen(store, lang="it")
    async with _Host(screen).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _answer_first(screen, pilot)
        assert "Scegli una risposta con 1-4" in _text(screen, "verdict")
        assert not screen.query_one("#grades").display
        await pilot.press("2")
        assert "Scegli" not in _text(screen, "verdict"), "now the grades apply"
        assert screen.query_one("#grades").display


# -- 3: every key named from the live bindings ---------------------------------------------


async def test_a_remapped_grade_key_moves_on_the_button_and_works(store: Store) -> None:
    screen = _screen(store, lang="it")
    app = _Host(screen, {"study.again": "a", "study.option1": "z", "study.undo": "ctrl+z"})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen.query_one("#answer", Input).value = "6 miliardi"
        await pilot.press("enter")
        await pilot.pause()
        label = str(screen.query_one("#grade-1", Button).label)
        assert " ".join(label.split()) == "a Di nuovo (1min)"  # its wait may wrap at 80
        await pilot.press("1")
        assert _ratings(store) == [], "1 is not Again any more"
        await pilot.press("a")
        assert _ratings(store) == [("v3-training-cost", 1)]
        await pilot.pause()
        assert "Scegli una risposta con z, 2, 3, 4" in _text(screen, "verdict")
        assert "z  " in str(screen.query_one(OptionPicker).get_option_at_index(0).prompt)
        await pilot.press("z")  # option 1 picked with its own key
        assert screen.answered is not None and screen.answered.chosen == 0
        await pilot.press("ctrl+z", "ctrl+s")
        await pilot.pause()
        assert _said(app)[-1] == "Carta sospesa (ctrl+z per annullare)."


async def test_sentences_name_keys_as_words(store: Store) -> None:
    for lang, space, escape in (("it", "Spazio", "Esc"), ("en", "Space", "Esc")):
        screen = _screen(store, lang=lang, answer_mode="flip")
        async with _Host(screen).run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert f" {space} " in _text(screen, "verdict")
            from quizapp.core.store.database import StoreError

            screen._show_store_error(StoreError("x"))
            await pilot.pause()
            assert f" {escape} " in f" {_text(screen, 'question')}"


# -- 5: help, quit, "I was right", the other language --------------------------------------


def _quiz_app(store: Store, lang: str = "en") -> QuizApp:
    settings = Settings(ui_language=lang)
    return QuizApp(
        settings=settings,
        store=store,
        start=lambda app: StudyScreen(load_deck(BUNDLED_DECK), store, settings),
    )


def _footer(app: App[Any]) -> list[tuple[str, str]]:
    return [(k.shown.key_display, k.description) for k in app.screen.query(FooterKey)]


async def test_the_footer_offers_the_help_key_that_works_while_typing(store: Store) -> None:
    app = _quiz_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert ("f1", "Help") in _footer(app) and ("?", "Help") not in _footer(app)
        await pilot.press("question_mark")
        assert app.screen.query_one("#answer", Input).value == "?", "? is typed"
        await pilot.press("enter")  # the answer is shown: no text field takes ? now
        await pilot.pause()
        assert ("?", "Help") in _footer(app)
        await pilot.press("question_mark")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"


async def test_ctrl_c_says_how_to_quit_in_italian(store: Store) -> None:
    app = _quiz_app(store, "it")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.set_focus(None)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert _said(app)[-1] == "Per uscire da quizapp premi ctrl+q."


async def test_i_was_right_says_which_grade_it_saved(store: Store) -> None:
    screen = _screen(store, lang="it")
    app = _Host(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen.query_one("#answer", Input).value = "cinque milioni"
        await pilot.press("enter", "r")
        assert _ratings(store) == [("v3-training-cost", 3)]
        assert _said(app)[-1] == "Avevi ragione: salvata come «Bene»."


def _vocab_screen(store: Store, lang: str) -> StudyScreen:
    return _screen(store, lang=lang, mode="practice", session_options={"cards": ["economico"]})


async def test_a_vocabulary_card_says_the_language_and_offers_no_other_language(
    store: Store,
) -> None:
    asked = {
        "it": {"en": "rispondi in inglese", "it": "rispondi in italiano"},
        "en": {"en": "answer in English", "it": "answer in Italian"},
    }
    for lang, words in asked.items():
        screen = _vocab_screen(store, lang)
        async with _Host(screen).run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            turn = screen.turn
            assert turn is not None and turn.prompt.kind == "vocab"
            question = _text(screen, "question")
            assert question.startswith(turn.prompt.question)
            assert question.endswith(f"→ {words[turn.prompt.answer_lang]}")
            shown = {a.binding.id for a in screen.active_bindings.values()}
            assert "study.peek" not in shown, "ctrl+t is not offered where it does nothing"


# -- 8: what is shown after an answer, and where --------------------------------------------


async def test_a_cloze_sentence_is_shown_filled_in_after_the_answer(store: Store) -> None:
    screen = _screen(store, mode="practice", session_options={"cards": ["hang-seng-gain"]})
    async with _Host(screen).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "[una percentuale]" in _text(screen, "question")
        screen.query_one("#answer", Input).value = "35%"
        await pilot.press("enter")
        await pilot.pause()
        assert "Sentence: Da inizio anno l'indice Hang Seng Tech ha guadagnato il 35%." in _text(
            screen, "verdict"
        )


async def test_notices_do_not_cover_the_answer_box(store: Store) -> None:
    screen = _screen(store)
    app = _Host(screen)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        screen.notify("A notice that is long enough to take two lines of a toast, or more.")
        await pilot.pause()
        await pilot.pause()
        answer = screen.query_one("#answer", Input).region
        toasts = list(app.screen.query(Toast))
        assert toasts and all(not t.region.overlaps(answer) for t in toasts)


async def test_the_longest_note_fits_at_80x24_without_scrolling(store: Store) -> None:
    from textual.containers import VerticalScroll

    screen = _screen(store, mode="practice", session_options={"cards": ["tritto-cheerleader"]})
    async with _Host(screen).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen.query_one("#answer", Input).value = "non lo so"
        await pilot.press("enter")
        await pilot.pause()
        assert screen.turn is not None and screen.turn.prompt.note
        assert screen.query_one("#card", VerticalScroll).max_scroll_y == 0


async def test_the_footer_fits_80_columns_in_both_languages(store: Store) -> None:
    for lang in ("it", "en"):
        app = _quiz_app(store, lang)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            app.screen.query_one("#answer", Input).value = "6 miliardi"
            await pilot.press("enter")
            await pilot.pause()
            await pilot.pause()
            keys = list(app.screen.query(FooterKey))
            assert keys[-1].region.right <= 80, _footer(app)
            names = {k.shown.binding_id for k in keys}
            assert {"study.right", "study.undo", "study.back", "app.help"} <= names


async def test_at_60x20_the_grades_keep_their_waits_and_the_footer_fits(store: Store) -> None:
    for lang in ("it", "en"):
        app = _quiz_app(store, lang)
        async with app.run_test(size=(60, 20)) as pilot:
            await pilot.pause()
            app.screen.query_one("#answer", Input).value = "6 miliardi"
            await pilot.press("enter")
            await pilot.pause()
            await pilot.pause()
            for button in app.screen.query("#grades Button").results(Button):
                lines = str(button.label).split("\n")
                assert lines[-1].endswith(")"), "the wait is shown"
                assert all(len(line) <= button.size.width - 2 for line in lines), lines
            keys = list(app.screen.query(FooterKey))
            assert keys[-1].region.right <= 60, _footer(app)
