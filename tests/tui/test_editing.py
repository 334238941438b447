"""`e` edits the card on show in the learner's editor (a script here, that edits the file with
sed or breaks it): study, practice, quiz results and the browser (Pilot)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import DataTable, Input

from quizapp.core import locations
from quizapp.core.deck.editing import card_line
from quizapp.core.deck.loading import load_deck
from quizapp.core.settings import Settings
from quizapp.core.store.database import Store
from quizapp.core.store.records import QuizAnswer, QuizRun
from quizapp.tui.app import QuizApp
from quizapp.tui.editing import editor_argv, editor_command
from quizapp.tui.editing.dialogs import BrokenEditScreen, CopyDeckScreen, PickCardScreen
from quizapp.tui.screens.browse import BrowseScreen
from quizapp.tui.screens.results import ResultsScreen
from quizapp.tui.screens.study import StudyScreen
from tests.conftest import BUNDLED_DECK

HEAD = """\
[deck]
id = "three"
format = 1
version = "1.0.0"
languages = ["it", "en"]
author = "quizapp"
license = "CC0-1.0"
title = { it = "Tre", en = "Three" }
description = { it = "Tre carte", en = "Three cards" }
"""
CARD = """
[[cards]]
id = "card-{n}"
kind = "qa"
it = {{ question = "Domanda {n}?", answers = ["uno"] }}
en = {{ question = "Question {n}?", answers = ["one"] }}
"""
DECK = HEAD + "".join(CARD.format(n=n) for n in (1, 2, 3))
CHANGE = r"s/Domanda \([0-9]\)?/Domanda \1 cambiata?/; s/Question \([0-9]\)?/Question \1 changed?/"
BREAK = r"s/^kind = \"qa\"$/kind = qa/"


class Editor:
    """An editor that runs `sed` with the n-th script on its n-th call (the last one after)."""

    def __init__(self, folder: Path, *scripts: str) -> None:
        self.calls_file = folder / "calls"
        self.path = folder / "fake-editor"
        cases = "".join(f"  {n}) sed -i -e '{s}' \"$last\" ;;\n" for n, s in enumerate(scripts, 1))
        last = f"  *) sed -i -e '{scripts[-1]}' \"$last\" ;;\n"
        self.path.write_text(
            "#!/bin/sh\n"
            f'echo "$*" >> "{self.calls_file}"\n'
            "for last; do :; done\n"
            f'n=$(wc -l < "{self.calls_file}")\n'
            f"case $n in\n{cases}{last}esac\n",
            encoding="utf-8",
        )
        self.path.chmod(self.path.stat().st_mode | stat.S_IXUSR)

    @property
    def calls(self) -> list[str]:
        if not self.calls_file.exists():
            return []
        return self.calls_file.read_text(encoding="utf-8").splitlines()


@pytest.fixture
def store() -> Iterator[Store]:
    with Store(locations.database_path()) as opened:
        yield opened


@pytest.fixture
def deck_file() -> Path:
    folder = locations.user_decks_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "three.toml"
    path.write_text(DECK, encoding="utf-8")
    return path


def _editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *scripts: str) -> Editor:
    editor = Editor(tmp_path, *scripts)
    monkeypatch.setenv("VISUAL", str(editor.path))
    return editor


def _app(screen: object, lang: str = "en") -> QuizApp:
    settings = Settings(ui_language=lang)  # type: ignore[arg-type]
    return QuizApp(settings=settings, start=lambda _app: screen)  # type: ignore[arg-type,return-value]


def _messages(app: App[None]) -> list[str]:
    return [str(n.message) for n in app._notifications]


def _study(store: Store, path: Path, mode: str = "study", lang: str = "en") -> StudyScreen:
    settings = Settings(ui_language=lang)  # type: ignore[arg-type]
    return StudyScreen(load_deck(path), store, settings, mode=mode)


def test_the_editor_comes_from_visual_then_editor_then_a_fallback(tmp_path: Path) -> None:
    assert editor_command({"VISUAL": "code --wait", "EDITOR": "vi"}) == ["code", "--wait"]
    assert editor_command({"VISUAL": " ", "EDITOR": "nano -w"}) == ["nano", "-w"]
    (tmp_path / "nano").write_text("#!/bin/sh\n", encoding="utf-8")
    (tmp_path / "nano").chmod(0o755)
    assert editor_command({"PATH": str(tmp_path)}) == [str(tmp_path / "nano")]
    assert editor_command({"PATH": str(tmp_path / "none")}) is None
    assert editor_argv(["vi"], Path("d.toml"), 12) == ["vi", "+12", "d.toml"]
    assert editor_argv(["vi"], Path("d.toml"), None) == ["vi", "d.toml"]


@pytest.mark.parametrize("mode", ["study", "practice"])
async def test_study_edit_shows_the_card_again_as_edited(
    store: Store, deck_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    editor = _editor(tmp_path, monkeypatch, CHANGE)
    screen = _study(store, deck_file, mode)
    app = _app(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        turn = screen.turn
        assert turn is not None
        card_id = turn.key[1]
        screen.query_one("#answer", Input).value = "sbagliato"
        await pilot.press("enter")
        assert screen.answered is not None
        await pilot.press("e")
        await pilot.pause()
        line = card_line(DECK, card_id)
        assert editor.calls == [f"+{line} {deck_file}"]
        shown = screen.turn
        assert shown is not None and shown.key == turn.key
        assert "cambiata" in shown.prompt.question or "changed" in shown.prompt.question
        assert screen.answered is None  # asked again, as it now is
        assert "Card changed: here it is again, as it is now." in _messages(app)
        assert store.review_count() == 0  # the answer before the edit was not graded


async def test_a_broken_edit_is_shown_and_discarding_puts_the_deck_back(
    store: Store, deck_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = _editor(tmp_path, monkeypatch, BREAK)
    screen = _study(store, deck_file)
    app = _app(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        turn = screen.turn
        assert turn is not None
        await pilot.press("ctrl+o")  # flip mode: `e` is not typed into an answer
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, BrokenEditScreen)
        lines = dialog.problem_lines()
        assert lines and lines[0].startswith("three.toml:13:8: error:")
        assert len(editor.calls) == 1
        await pilot.press("escape")  # discard
        await pilot.pause()
        assert app.screen is screen
        assert deck_file.read_text(encoding="utf-8") == DECK
        assert "Edit discarded: the deck is as it was." in _messages(app)
        assert screen.turn is turn  # the session goes on where it was
        await pilot.press("space", "3")
        assert store.review_count() == 1


async def test_a_broken_edit_can_be_edited_again(
    store: Store, deck_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    undo = r"s/^kind = qa$/kind = \"qa\"/; " + CHANGE
    editor = _editor(tmp_path, monkeypatch, BREAK, undo)
    screen = _study(store, deck_file, lang="it")
    app = _app(screen, "it")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+o", "e")
        await pilot.pause()
        assert isinstance(app.screen, BrokenEditScreen)
        await pilot.press("e")  # edit again: opened at the first error
        await pilot.pause()
        assert editor.calls[1].startswith("+13 ")
        assert app.screen is screen
        assert "Domanda 1 cambiata?" in deck_file.read_text(encoding="utf-8")
        shown = screen.turn
        assert shown is not None and "cambiata" in shown.prompt.question
        assert "Carta modificata: eccola di nuovo, com'è ora." in _messages(app)


async def test_a_bundled_deck_is_copied_first_and_keeps_its_progress(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = _editor(
        tmp_path, monkeypatch, r"s/^note = \"È la cifra/note = \"Nota nuova. È la cifra/"
    )
    screen = StudyScreen(load_deck(BUNDLED_DECK), store, Settings(ui_language="en"))
    app = _app(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+o", "space", "3")  # one card graded before the edit
        assert store.review_count() == 1
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, CopyDeckScreen)
        await pilot.press("enter")
        await pilot.pause()
        copy = locations.user_decks_dir() / BUNDLED_DECK.name
        assert editor.calls and editor.calls[0].endswith(str(copy))
        assert "Nota nuova" in copy.read_text(encoding="utf-8")
        assert screen.deck.file == copy and screen.deck.id == "deepseek-it"
        assert screen.session.deck is screen.deck
        assert store.review_count() == 1 and store.states("deepseek-it")


async def test_a_bundled_deck_is_not_touched_when_the_copy_is_refused(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = _editor(tmp_path, monkeypatch, CHANGE)
    screen = StudyScreen(load_deck(BUNDLED_DECK), store, Settings(ui_language="en"))
    app = _app(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+o", "e")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and editor.calls == []
        assert not locations.user_decks_dir().exists()


async def test_no_editor_says_how_to_choose_one(
    store: Store, deck_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.setenv("PATH", os.devnull)
    screen = _study(store, deck_file)
    app = _app(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+o", "e")
        await pilot.pause()
        assert any("set VISUAL or EDITOR" in m for m in _messages(app))
        assert deck_file.read_text(encoding="utf-8") == DECK


async def test_results_edit_the_chosen_card(
    store: Store, deck_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = _editor(tmp_path, monkeypatch, CHANGE)
    answers = tuple(
        QuizAnswer(f"card-{n}", "it", f"Domanda {n}?", given, "uno", verdict, score, "typed")
        for n, given, verdict, score in ((1, "uno", "correct", 1.0), (2, "due", "wrong", 0.0))
    )
    run = QuizRun("q1", "three", 0, 60_000, 1.0, 2, "quiz", answers)
    screen = ResultsScreen(run, "en", title="Three", deck=load_deck(deck_file))
    app = _app(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PickCardScreen)
        await pilot.press("enter")  # the first missed one is highlighted
        await pilot.pause()
        assert editor.calls == [f"+{card_line(DECK, 'card-2')} {deck_file}"]
        assert app.screen is screen
        assert screen.deck is not None and "cambiata" in screen.deck.card("card-2").it.question  # type: ignore[union-attr]
        assert "Deck saved. The results show the quiz as it was asked." in _messages(app)


async def test_browse_edits_the_highlighted_card_and_reads_the_rows_again(
    store: Store, deck_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = _editor(tmp_path, monkeypatch, CHANGE)
    screen = BrowseScreen(load_deck(deck_file), store, Settings(ui_language="en"))
    app = _app(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down")
        row = screen.highlighted()
        assert row is not None
        await pilot.press("e")
        await pilot.pause()
        assert editor.calls == [f"+{card_line(DECK, row.key[1])} {deck_file}"]
        table = screen.query_one("#prompts", DataTable)
        cells = " ".join(str(cell) for cell in table.get_row_at(table.cursor_row))
        assert "cambiata" in cells
        assert screen.highlighted() is not None and screen.highlighted().key == row.key  # type: ignore[union-attr]
        assert "Deck saved and reloaded." in _messages(app)


async def test_home_reads_an_edited_deck_again(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quizapp.tui.screens.home import HomeScreen

    note = r"s/^note = \"È la cifra/note = \"Nota nuova. È la cifra/"
    _editor(tmp_path, monkeypatch, note)
    app = QuizApp(settings=Settings(ui_language="en", answer_mode="flip"), store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen) and home.origins == ["bundled"]
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StudyScreen)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")  # copy the bundled deck
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is home
        copy = locations.user_decks_dir() / BUNDLED_DECK.name
        assert home.origins == ["user"]
        deck = home.results[0].deck
        assert deck is not None and deck.file == copy
        await pilot.press("s")
        await pilot.pause()
        study = app.screen
        assert isinstance(study, StudyScreen) and study.deck.file == copy


async def test_a_retry_after_an_edit_from_the_results_asks_the_edited_cards(
    store: Store, deck_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quizapp.core.quiz import QuizOptions
    from quizapp.tui.screens.quiz import QuizScreen

    _editor(tmp_path, monkeypatch, CHANGE)
    settings = Settings(ui_language="en")
    screen = QuizScreen(load_deck(deck_file), store, settings, QuizOptions(length=3), seed=1)
    app = _app(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(3):  # every answer wrong
            question = screen.question
            assert question is not None
            if question.format == "typed":
                screen.query_one("#answer", Input).value = "non lo so"
                await pilot.press("enter")
            else:
                await pilot.press(
                    "2" if question.format == "truefalse" and question.claim_true else "1"
                )
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert app.screen is screen and screen.quiz is not None
        assert screen.deck.file == deck_file
        asked = [q.prompt.question for q in screen.quiz.questions]
        assert asked and all("changed" in text or "cambiata" in text for text in asked)


async def test_an_editor_closed_without_a_change_leaves_the_card_as_it_was(
    store: Store, deck_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = _editor(tmp_path, monkeypatch, "s/^$//")
    screen = _study(store, deck_file)
    app = _app(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen.query_one("#answer", Input).value = "uno"
        await pilot.press("enter")
        answered = screen.answered
        assert answered is not None
        await pilot.press("e")
        await pilot.pause()
        assert len(editor.calls) == 1
        assert screen.answered is answered  # the verdict stays, ready to be graded
        assert "The deck did not change." in _messages(app)


async def test_the_dialog_keys_follow_the_keymap(deck_file: Path) -> None:
    from quizapp.core.deck.loading import check_deck

    deck_file.write_text(DECK.replace('kind = "qa"', "kind = qa", 1), encoding="utf-8")
    problems = check_deck(deck_file).errors
    settings = Settings(ui_language="en", keymap={"study.edit": "E", "edit_broken.again": "a"})
    dialog = BrokenEditScreen(deck_file, problems, "en")
    chosen: list[str] = []
    dialog.dismiss = chosen.append  # type: ignore[assignment,method-assign]
    app = QuizApp(settings=settings, start=lambda _app: dialog)  # type: ignore[arg-type,return-value]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert str(dialog.query_one("#again").label) == "Edit again (a)"  # type: ignore[attr-defined]
        assert not app._notifications  # every id is known
        await pilot.press("e")
        await pilot.press("a")
        await pilot.pause()
    assert chosen == ["again"]


async def test_a_progress_database_failing_after_an_edit_is_said_and_the_app_stays(
    store: Store, deck_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quizapp.core.store.database import StoreError

    _editor(tmp_path, monkeypatch, CHANGE)
    screen = _study(store, deck_file)

    def fail(deck: object) -> None:
        raise StoreError("disk full")

    monkeypatch.setattr(screen.session, "use_deck", fail)
    app = _app(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+o", "e")
        await pilot.pause()
        assert app.is_running and app.screen is screen
        assert "Deck saved, but the progress cannot be updated: disk full" in _messages(app)
        assert "cambiata" in deck_file.read_text(encoding="utf-8")
