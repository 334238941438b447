"""One judge: study, quiz and `quizapp judge` give the same verdict on every card of the
bundled deck, for every direction and for a generated sweep of typed answers (every accepted
answer, typos of each, and the deck's own words within two edits of each)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from rapidfuzz import process
from rapidfuzz.distance import OSA

from quizapp.cli.judge import card_verdict
from quizapp.core.answers import AnswerSyntaxError, display, expand
from quizapp.core.deck.loading import load_deck
from quizapp.core.deck.model import Deck
from quizapp.core.deck.prompts import Prompt, all_prompts
from quizapp.core.judge import judge_for
from quizapp.core.quiz.run import Quiz, QuizOptions
from quizapp.core.rating import Rating
from quizapp.core.settings import Settings
from quizapp.core.store.database import Store
from quizapp.core.study.session import Session
from tests.conftest import BUNDLED_DECK

NOW = datetime(2025, 3, 1, 9, 0, tzinfo=timezone.utc)
WORDS_PER_FORM = 6
"""Deck words within two edits kept for each accepted form (the nearest first)."""


def _forms(answer: str) -> list[str]:
    try:
        return [display(form) for form in expand(answer)]
    except AnswerSyntaxError:
        return [answer]


def typos(text: str) -> Iterator[str]:
    """A letter dropped, two swapped, one doubled, one replaced: the slips people make."""
    middle = len(text) // 2
    if len(text) >= 2:
        yield text[:middle] + text[middle + 1 :]
        yield text[: middle - 1] + text[middle] + text[middle - 1] + text[middle + 1 :]
    if text:
        yield text[:middle] + text[middle] + text[middle:]
        yield text[:middle] + ("x" if text[middle] != "x" else "z") + text[middle + 1 :]


@cache
def bundled() -> Deck:
    return load_deck(BUNDLED_DECK)


@cache
def deck_word_list() -> tuple[str, ...]:
    return tuple(sorted(judge_for(bundled()).known_words))


def sweep(prompt: Prompt) -> list[str]:
    """The typed answers tried on one prompt."""
    answers = [", ".join(forms[0] for forms in prompt.items)] if prompt.items else []
    for answer in (*prompt.expected, *(item for forms in prompt.items for item in forms)):
        answers.extend(_forms(answer))
    typed: dict[str, None] = dict.fromkeys(answers)
    for answer in answers:
        typed.update(dict.fromkeys(typos(answer)))
        near = process.extract(
            answer.casefold(),
            deck_word_list(),
            scorer=OSA.distance,
            score_cutoff=2,
            limit=WORDS_PER_FORM,
        )
        typed.update(dict.fromkeys(word for word, _, _ in near))
    return list(typed)


def same(verdict: Any) -> dict[str, Any]:
    data: dict[str, Any] = verdict.to_json()
    return data


def prompts_of(lang: str) -> list[Prompt]:
    return all_prompts(bundled(), lang, "both")


@pytest.mark.parametrize("lang", ["it", "en"])
def test_study_and_quizapp_judge_agree_on_every_card_and_answer(lang: str, tmp_path: Path) -> None:
    deck = bundled()
    cli_deck = load_deck(BUNDLED_DECK)  # quizapp judge loads the deck anew, as a command does
    settings = Settings(study_language=lang, vocab_direction="both")
    expected = {prompt.key for prompt in prompts_of(lang)}
    seen: set[tuple[str, str, str]] = set()
    compared = 0
    with Store(tmp_path / "progress.sqlite3") as store:
        session = Session(deck, store, settings, mode="practice", seed=1, clock=lambda: NOW)
        while (turn := session.next()) is not None:
            prompt = turn.prompt
            seen.add(prompt.key)
            if turn.answer_mode == "choice":
                session.choose(0)
            else:
                for typed in sweep(prompt):
                    study = session.answer(typed)
                    judged = card_verdict(cli_deck, prompt.card.id, prompt.direction, typed)
                    assert judged is not None, prompt.key
                    assert study.verdict is not None
                    where = f"{prompt.key} {typed!r}"
                    assert same(study.verdict) == same(judged[1]), where
                    assert study.outcome is study.verdict.outcome, where
                    assert study.suggested is study.verdict.rating, where
                    compared += 1
            session.grade(Rating.GOOD)  # Good: practice does not bring the card back
    assert seen == expected  # practice went through every prompt of the deck
    assert compared > 5_000


def test_the_quiz_judges_with_the_decks_own_judge(tmp_path: Path) -> None:
    deck = bundled()
    judge = judge_for(deck)
    with Store(tmp_path / "progress.sqlite3") as store:
        every_card = QuizOptions(length=len(deck.cards))
        quiz = Quiz(deck, store, options=every_card, seed=7, clock=lambda: NOW)
        typed_questions = 0
        while (question := quiz.current) is not None:
            if question.format == "typed":
                prompt = question.prompt
                tried = sweep(prompt)
                answer = tried[typed_questions % len(tried)]  # a right answer, a typo, a word
                result = quiz.answer(answer)
                assert result.verdict is not None
                assert same(result.verdict) == same(judge(prompt, answer)), prompt.key
                typed_questions += 1
            elif question.format == "choice":
                quiz.choose(0)
            else:
                quiz.true_false(True)
        assert typed_questions >= len(deck.cards) // 4
        outcomes = {result.outcome for result in quiz.results if result.verdict is not None}
        assert {"correct", "almost", "wrong"} <= outcomes


def test_the_sweep_meets_every_verdict() -> None:
    judge = judge_for(bundled())
    outcomes = {
        judge(prompt, typed).outcome.value
        for prompt in prompts_of("it")[:120]
        for typed in sweep(prompt)
    }
    assert outcomes == {"correct", "almost", "partial", "wrong"}
