"""Quizzes: choosing questions, distractors, formats, scoring, time limits, the schedule."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from quizapp.core.answers import display
from quizapp.core.deck.loading import load_deck
from quizapp.core.deck.model import ChoiceCard, Deck
from quizapp.core.judge import deck_words, judge_prompt
from quizapp.core.quiz.candidates import figure_class, option_key
from quizapp.core.quiz.near_misses import near_figures, near_words
from quizapp.core.quiz.run import (
    NoQuestions,
    Question,
    Quiz,
    QuizError,
    QuizOptions,
    TimeUp,
    build_questions,
    deck_tags,
)
from quizapp.core.rating import Rating
from quizapp.core.settings import Settings
from quizapp.core.store import schema as store_schema
from quizapp.core.store.database import Store
from quizapp.core.store.records import RETRY_KIND
from quizapp.core.study.session import Session
from tests.conftest import BUNDLED_DECK
from tests.progress_helpers import FakeClock, counter_ids

# The people and companies of the bundled deck, as its Italian and English answers name them.
PEOPLE = {
    "Liang Wenfeng", "Andrej Karpathy", "Sam Altman", "Jeffrey Ding", "Xi Jinping", "Li Qiang",
    "Ren Zhengfei", "Jack Ma", "Paul Triolo", "Kevin Jin", "Grace Shao", "Tritto",
}  # fmt: skip
COMPANIES = {
    "Alibaba", "Huawei", "Tencent", "ByteDance", "SMIC", "Nvidia", "OpenAI", "Microsoft",
    "Tesla", "Tesla AI", "DeepSeek", "BYD", "Midea", "NetEase", "Toptier", "Manvower",
    "Game Science", "High-Flyer", "Preem",
}  # fmt: skip


@cache
def bundled() -> Deck:
    return load_deck(BUNDLED_DECK)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "progress.sqlite3") as opened:
        yield opened


def deck_of(*cards: dict[str, Any], deck_id: str = "small") -> Deck:
    return Deck.model_validate(
        {
            "deck": {
                "id": deck_id,
                "version": "1.0.0",
                "title": {"it": "Piccolo", "en": "Small"},
                "description": {"it": "Per i test", "en": "For tests"},
                "author": "quizapp",
                "license": "CC0-1.0",
            },
            "cards": list(cards),
        }
    )


def qa(card_id: str, question: str, *answers: str, tags: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        "id": card_id,
        "kind": "qa",
        "tags": list(tags),
        "it": {"question": question, "answers": list(answers)},
    }


def vocab(card_id: str, italian: str, english: str, pos: str = "noun") -> dict[str, Any]:
    return {
        "id": card_id,
        "kind": "vocab",
        "pos": pos,
        "it": {"terms": [italian]},
        "en": {"terms": [english]},
    }


def is_right(question: Question, text: str, known: frozenset[str] = frozenset()) -> bool:
    """Would a learner typing `text` be right? The quiz's judge knows the deck's words."""
    return judge_prompt(question.prompt, text, known).outcome.value != "wrong"


def wrong_options(question: Question) -> list[str]:
    return [o for i, o in enumerate(question.options) if i != question.correct]


def answer_right(quiz: Quiz, question: Question) -> None:
    if question.format == "typed":
        quiz.answer(question.prompt.answer_display)
    elif question.format == "choice":
        quiz.choose(question.correct)
    else:
        quiz.true_false(question.claim_true)


# -- choosing questions ----------------------------------------------------------------------


def test_the_same_seed_gives_the_same_quiz_and_another_seed_another() -> None:
    first = build_questions(bundled(), Settings(), QuizOptions(length=12), seed=5)
    again = build_questions(bundled(), Settings(), QuizOptions(length=12), seed=5)
    other = build_questions(bundled(), Settings(), QuizOptions(length=12), seed=6)
    assert first == again
    assert [q.key for q in first] != [q.key for q in other]


def test_length_defaults_to_the_setting_and_one_question_per_card() -> None:
    questions = build_questions(bundled(), Settings(quiz_length=7), seed=1)
    assert len(questions) == 7
    assert [q.number for q in questions] == list(range(1, 8))
    every = build_questions(bundled(), Settings(), QuizOptions(length=500), seed=1)
    assert len(every) == len(bundled().cards)  # both vocab directions, but one per card
    assert len({q.prompt.card.id for q in every}) == len(every)


def test_tag_filter_keeps_cards_with_any_of_the_tags() -> None:
    options = QuizOptions(length=500, tags=("people", "dates"))
    questions = build_questions(bundled(), Settings(), options, seed=2)
    wanted = {c.id for c in bundled().cards if {"people", "dates"} & set(c.tags)}
    assert {q.prompt.card.id for q in questions} == wanted
    counts = dict(deck_tags(bundled()))
    assert counts["figures"] == sum("figures" in c.tags for c in bundled().cards)
    with pytest.raises(NoQuestions):
        build_questions(bundled(), Settings(), QuizOptions(tags=("no-such-tag",)), seed=1)


def test_fewer_cards_than_asked_gives_a_shorter_quiz() -> None:
    deck = deck_of(
        qa("a", "Capitale d'Italia?", "Roma"),
        qa("b", "Capitale di Francia?", "Parigi"),
        vocab("c", "il cane", "dog"),
    )
    questions = build_questions(deck, Settings(), QuizOptions(length=10), seed=3)
    assert sorted(q.prompt.card.id for q in questions) == ["a", "b", "c"]
    with pytest.raises(QuizError):
        build_questions(deck, Settings(), QuizOptions(length=0))


def test_study_language_and_vocab_direction_are_respected() -> None:
    settings = Settings(study_language="en", vocab_direction="en>it")
    questions = build_questions(bundled(), settings, QuizOptions(length=500), seed=4)
    for question in questions:
        if question.prompt.kind == "vocab":
            assert question.prompt.direction == "en>it"
        else:
            assert question.prompt.question_lang == "en"
    italian_terms = {display(c.it.terms[0]) for c in bundled().cards if c.kind == "vocab" and c.it}
    vocab_choices = [q for q in questions if q.format == "choice" and q.prompt.kind == "vocab"]
    assert vocab_choices
    for question in vocab_choices:
        assert set(question.options) <= italian_terms


# -- distractors -----------------------------------------------------------------------------


def check_question(question: Question, known: frozenset[str]) -> None:
    """The rules every generated question keeps (`known`: the deck's words)."""
    prompt = question.prompt
    goal_class = figure_class(question.expected)[0]
    if question.format == "choice":
        assert len(question.options) >= 3
        assert question.options[question.correct] == question.expected
        keys = [option_key(option) for option in question.options]
        assert len(set(keys)) == len(keys), question.options  # never the same answer twice
        assert is_right(question, question.expected, known)
        for option in wrong_options(question):
            assert not is_right(question, option, known), (prompt.question, option)
        if isinstance(prompt.card, ChoiceCard) and len(prompt.options) >= 3:
            assert set(question.options) == set(prompt.options)  # a choice card's own options
        else:
            for option in wrong_options(question):
                assert figure_class(option)[0] == goal_class, (question.options, goal_class)
    if question.format == "truefalse":
        assert question.claim_true == is_right(question, question.claim, known)
        assert figure_class(question.claim)[0] == goal_class
        if question.claim_true:
            assert question.claim == question.expected
        if prompt.kind == "cloze":
            start = question.claim_at
            assert question.text[start : start + len(question.claim)] == question.claim
            assert "\x00" not in question.text
    if prompt.items:
        assert question.format == "typed"


@settings(
    max_examples=12,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # a seed does not shrink
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    seed=st.integers(0, 10**6),
    lang=st.sampled_from(["it", "en"]),
    direction=st.sampled_from(["it>en", "en>it", "both"]),
)
def test_distractor_rules_hold_over_the_bundled_deck(seed: int, lang: str, direction: str) -> None:
    chosen = Settings(study_language=lang, vocab_direction=direction)  # type: ignore[arg-type]
    questions = build_questions(bundled(), chosen, QuizOptions(length=500), seed=seed)
    words: dict[str, set[str]] = {"it": set(), "en": set()}  # vocabulary terms and known wrong ones
    for card in bundled().cards:
        if card.kind == "vocab":
            for side_lang in ("it", "en"):
                side = card.side(side_lang)
                words[side_lang].update(option_key(display(t)) for t in side.terms + side.reject)
    known = deck_words(bundled())
    for question in questions:
        check_question(question, known)
        if question.prompt.kind == "vocab" and question.format == "choice":
            for option in question.options:
                # a word of the answer's language, never a fact or a word of the other language
                assert option_key(option) in words[question.prompt.answer_lang], option


@pytest.mark.parametrize("lang", ["it", "en"])
def test_a_person_for_a_person_and_a_company_for_a_company(lang: str) -> None:
    seen_people = seen_companies = 0
    options = QuizOptions(length=500, tags=("people", "companies"))
    for seed in range(20):
        questions = build_questions(bundled(), Settings(study_language=lang), options, seed=seed)
        for question in questions:
            if question.prompt.kind != "qa" or question.format == "typed":
                continue
            offered = wrong_options(question) if question.format == "choice" else []
            if question.format == "truefalse" and not question.claim_true:
                offered = [question.claim]
            words = question.prompt.question.split()
            if words[0] in ("Chi", "Who") and question.expected in PEOPLE:
                assert set(offered) <= PEOPLE, (question.prompt.question, offered)
                seen_people += len(offered)
            if words[:2] in (["Quale", "azienda"], ["Which", "company"]):
                assert set(offered) <= COMPANIES, (question.prompt.question, offered)
                seen_companies += len(offered)
    assert seen_people > 10 and seen_companies > 10


def test_a_figure_for_a_figure_of_the_same_sort() -> None:
    for seed in range(20):
        options = QuizOptions(length=500, tags=("figures",))
        for question in build_questions(bundled(), Settings(), options, seed=seed):
            if question.format == "choice" and not isinstance(question.prompt.card, ChoiceCard):
                kinds = {figure_class(option)[0] for option in question.options}
                assert len(kinds) == 1 and None not in kinds, question.options


def test_generated_near_misses_are_written_like_the_answer() -> None:
    assert near_figures("2021", "year", "it")[:2] == ["2020", "2022"]
    money = near_figures("6 milioni di dollari", "money:USD", "it")
    assert money[:2] == ["60 milioni di dollari", "6 miliardi di dollari"]
    assert "10 miliardi" in near_figures("1 miliardo", "count", "it")  # the plural follows
    assert near_figures("54,9 miliardi di dollari", "money:USD", "it")[0] == (
        "549 miliardi di dollari"
    )
    assert "10.000 miliardi" in near_figures("1.000 miliardi", "count", "it")
    assert near_figures("0%", "percent", "en")[0] == "5%"
    assert near_words("in March", "en")[:2] == ["in April", "in February"]
    assert near_words("autunno", "it")[:2] == ["inverno", "estate"]
    assert near_words("Hangzhou", "it") == []


def test_a_deck_with_one_card_of_a_kind_falls_back_sensibly() -> None:
    deck = deck_of(
        qa("capital", "Qual è la capitale d'Italia?", "Roma"),
        qa("year", "In che anno è caduto il muro di Berlino?", "1989"),
        {"id": "lonely", "kind": "choice", "it": {"question": "Vero?", "answer": "sì"}},
        vocab("cane", "il cane", "dog"),
        vocab("gatto", "il gatto", "cat"),
        vocab("topo", "il topo", "mouse"),
        vocab("correre", "correre", "to run", pos="verb"),
    )
    settings = Settings(vocab_direction="it>en")
    formats: dict[str, set[str]] = {}
    for seed in range(30):
        for question in build_questions(deck, settings, QuizOptions(length=10), seed=seed):
            check_question(question, deck_words(deck))
            formats.setdefault(question.prompt.card.id, set()).add(question.format)
            if question.prompt.card.id == "year" and question.format == "choice":
                assert all(figure_class(o)[0] == "year" for o in question.options)
            if question.prompt.card.id == "cane" and question.format == "choice":
                assert {"cat", "mouse"} <= set(question.options)  # nouns before the verb
    assert formats["capital"] == {"typed"}  # nothing of its type to choose from
    assert formats["lonely"] == {"typed"}  # a choice card with no options at all
    assert formats["year"] == {"typed", "choice", "truefalse"}  # generated near years
    assert formats["cane"] == {"typed", "choice", "truefalse"}


def test_a_choice_card_with_one_option_is_topped_up_from_the_deck() -> None:
    deck = deck_of(
        {
            "id": "city",
            "kind": "choice",
            "tags": ["places"],
            "it": {
                "question": "Dove ha sede DeepSeek?",
                "answer": "Hangzhou",
                "distractors": ["Shanghai"],
            },
        },
        qa("a", "Dove ha sede Alibaba?", "Hangzhou", tags=("places",)),
        qa("b", "Dove ha sede Tencent?", "Shenzhen", tags=("places",)),
        qa("c", "Dove ha sede Baidu?", "Pechino", tags=("places",)),
    )
    for seed in range(10):
        [question] = [
            q
            for q in build_questions(deck, Settings(), QuizOptions(length=4), seed=seed)
            if q.prompt.card.id == "city"
        ]
        if question.format == "choice":
            assert "Shanghai" in question.options
            assert set(question.options) <= {"Hangzhou", "Shanghai", "Shenzhen", "Pechino"}
            assert question.options.count("Hangzhou") == 1


def test_formats_are_mixed_evenly_and_true_false_is_balanced() -> None:
    for seed in range(15):
        questions = build_questions(bundled(), Settings(), QuizOptions(length=30), seed=seed)
        counts = Counter(q.format for q in questions)
        assert max(counts.values()) - min(counts.values()) <= 1, counts
        truths = Counter(q.claim_true for q in questions if q.format == "truefalse")
        assert abs(truths[True] - truths[False]) <= 1, truths


# -- taking a quiz ---------------------------------------------------------------------------


def new_quiz(store: Store, clock: FakeClock, deck: Deck | None = None, **options: Any) -> Quiz:
    return Quiz(
        deck or bundled(),
        store,
        Settings(),
        QuizOptions(**options),
        clock=clock,
        seed=11,
        ids=counter_ids(),
    )


def test_scoring_and_the_kept_run(store: Store) -> None:
    clock = FakeClock()
    deck = deck_of(
        qa("city", "Dove ha sede DeepSeek?", "Hangzhou"),
        {
            "id": "tigers",
            "kind": "list",
            "it": {"question": "Le tigri?", "items": ["Baichuan", "Moonshot", "MiniMax", "Zhipu"]},
        },
        qa("founder", "Chi ha fondato DeepSeek?", "Liang Wenfeng"),
    )
    quiz = new_quiz(store, clock, deck, length=3)
    assert [q.format for q in quiz.questions] == ["typed"] * 3
    typed = {
        "city": ("Hangzhou", "correct", 1.0),
        "tigers": ("Baichuan, Moonshot, Zhipu", "partial", 0.75),
        "founder": ("Liang Wenfneg", "almost", 1.0),
    }
    for question in quiz.questions:
        text, outcome, score = typed[question.prompt.card.id]
        clock.advance(seconds=10)
        result = quiz.answer(text)
        assert (result.outcome, result.score, result.given) == (outcome, score, text)
    assert quiz.current is None
    clock.advance(seconds=5)
    run = quiz.finish()
    assert run.score == pytest.approx(2.75) and run.total == 3
    assert run.finished_at - run.started_at == 35_000
    assert quiz.finish() is run  # kept once
    kept = store.quiz_run(run.id)
    assert kept is not None and kept.score == pytest.approx(2.75)
    assert [(a.format, a.verdict) for a in kept.answers] == [
        ("typed", typed[a.card_id][1]) for a in kept.answers
    ]
    assert quiz.missed() == [q.key for q in quiz.questions if q.prompt.card.id == "tigers"]


def test_choice_and_true_false_answers(store: Store) -> None:
    clock = FakeClock()
    quiz = new_quiz(store, clock, length=30)
    right = wrong = 0
    while (question := quiz.current) is not None:
        if question.format == "choice":
            pick = question.correct if right <= wrong else (question.correct + 1) % 3
            result = quiz.choose(pick)
            assert result.given == question.options[pick]
        elif question.format == "truefalse":
            value = question.claim_true if right <= wrong else not question.claim_true
            result = quiz.true_false(value)
            assert result.given == ("true" if value else "false")
        else:
            result = quiz.answer(question.prompt.answer_display if right <= wrong else "boh")
        assert result.score in (0.0, 1.0)
        right += result.score == 1
        wrong += result.score == 0
    run = quiz.finish()
    assert run.score == right and right + wrong == 30
    kept = store.quiz_run(run.id)
    assert kept is not None
    tf = [a for a in kept.answers if a.format == "truefalse"]
    assert tf and all(a.claim and a.given in ("true", "false") for a in tf)
    with pytest.raises(QuizError):
        quiz.answer("late")


def test_answers_out_of_turn_are_refused(store: Store) -> None:
    quiz = new_quiz(store, FakeClock(), length=30)
    question = quiz.current
    assert question is not None
    others = {"typed": lambda: quiz.answer("x"), "choice": lambda: quiz.choose(0)}
    others["truefalse"] = lambda: quiz.true_false(True)
    for fmt, call in others.items():
        if fmt != question.format:
            with pytest.raises(QuizError):
                call()
    if question.format == "choice":
        with pytest.raises(QuizError):
            quiz.choose(len(question.options))
    assert quiz.position == 0


def test_time_limit_with_a_fake_clock(store: Store) -> None:
    clock = FakeClock()
    quiz = new_quiz(store, clock, length=6, time_limit_s=60)
    assert quiz.remaining_ms() == 60_000
    for _ in range(2):
        clock.advance(seconds=20)
        question = quiz.current
        assert question is not None
        answer_right(quiz, question)
    assert quiz.remaining_ms() == 20_000 and not quiz.check_time()
    clock.advance(seconds=25)
    assert quiz.remaining_ms() == 0 and quiz.expired
    with pytest.raises(TimeUp):
        quiz.answer("too late") if quiz.questions[2].format == "typed" else quiz.choose(0)
    assert quiz.finished and quiz.timed_out and quiz.check_time()
    run = quiz.run
    assert run is not None and run.score == 2 and run.total == 6
    assert run.finished_at - run.started_at == 60_000  # the time allowed, not the late answer
    assert [a.verdict for a in run.answers][2:] == ["unanswered"] * 4
    assert [r.mode for r in store.reviews()] == ["quiz", "quiz"]  # unanswered are not answers
    assert len(quiz.missed()) == 4


def test_each_answer_logs_the_time_spent_on_its_question(store: Store) -> None:
    clock = FakeClock()
    quiz = new_quiz(store, clock, length=3)
    for seconds in (7, 12, 3600):
        clock.advance(seconds=seconds)
        question = quiz.current
        assert question is not None
        answer_right(quiz, question)
    # since the start, then since the previous answer; a learner away an hour counts 10 minutes
    assert [r.duration_ms for r in store.reviews()] == [7_000, 12_000, 600_000]


def test_time_running_out_between_answers_finishes_on_check(store: Store) -> None:
    clock = FakeClock()
    quiz = new_quiz(store, clock, length=3, time_limit_s=30)
    clock.advance(seconds=31)
    assert quiz.check_time()
    assert quiz.current is None and quiz.run is not None and quiz.run.score == 0


def test_the_schedule_is_untouched(store: Store) -> None:
    clock = FakeClock()
    deck = bundled()
    study = Session(deck, store, Settings(), clock=clock, ids=counter_ids("s"))
    turn = study.next()
    assert turn is not None
    study.answer(turn.prompt.answer_display)
    study.grade(Rating.GOOD)
    before = store.states(deck.id)
    reviews_before = len(store.reviews())
    quiz = new_quiz(store, clock, length=500)
    for question in quiz.questions:
        answer_right(quiz, question)
    quiz.finish()
    assert store.states(deck.id) == before
    quiz_rows = [r for r in store.reviews() if r.mode == "quiz"]
    assert len(quiz_rows) == len(quiz.questions) == len(store.reviews()) - reviews_before
    assert turn.key in {r.key for r in quiz_rows}  # the studied card was quizzed too
    store.rebuild()
    assert store.states(deck.id) == before


def test_retry_over_the_missed_questions(store: Store) -> None:
    clock = FakeClock()
    quiz = new_quiz(store, clock, length=8)
    for index, question in enumerate(quiz.questions):
        if index % 3 == 0:
            if question.format == "typed":
                quiz.answer("non lo so")
            elif question.format == "choice":
                quiz.choose((question.correct + 1) % len(question.options))
            else:
                quiz.true_false(not question.claim_true)
        else:
            answer_right(quiz, question)
    first = quiz.finish()
    missed = quiz.missed()
    assert missed == [quiz.questions[i].key for i in (0, 3, 6)]
    options = quiz.retry_options()
    assert options is not None and options.kind == RETRY_KIND
    retry = Quiz(bundled(), store, Settings(), options, clock=clock, seed=1, ids=counter_ids("r"))
    assert sorted(q.key for q in retry.questions) == sorted(missed)
    for question in retry.questions:
        answer_right(retry, question)
    again = retry.finish()
    assert again.kind == RETRY_KIND and again.score == 3 and retry.retry_options() is None
    summary = store.quiz_summary(bundled().id)
    assert summary.runs == 1 and summary.last is not None and summary.last.id == first.id


def test_an_older_database_gains_the_new_quiz_columns(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "old.sqlite3"
    con = sqlite3.connect(path)
    store_schema.MIGRATIONS[0](con)
    con.execute(f"PRAGMA application_id = {store_schema.APPLICATION_ID}")
    con.execute("PRAGMA user_version = 1")
    con.execute("INSERT INTO quiz_runs VALUES ('old', 'd', 'mixed', 1, 2, 1.0, 1)")
    con.execute(
        "INSERT INTO quiz_answers VALUES ('old', 0, 'c', 'it', 'Q?', 'a', 'a', 'correct', 1.0)"
    )
    con.commit()
    con.close()
    with Store(path) as upgraded:
        run = upgraded.quiz_run("old")
        assert run is not None and run.answers[0].format == "" and run.answers[0].claim == ""
        assert run.answers[0].given == "a"
        version = upgraded._con.execute("PRAGMA user_version").fetchone()[0]
        assert version == store_schema.schema_version() == len(store_schema.MIGRATIONS)


def test_formats_and_claims_survive_an_export_and_import(store: Store, tmp_path: Path) -> None:
    from quizapp.core.interop import progress_io

    clock = FakeClock()
    quiz = new_quiz(store, clock, length=12)
    for question in quiz.questions:
        answer_right(quiz, question)
    run = quiz.finish()
    path = tmp_path / "progress.jsonl"
    progress_io.export_file(store, path, now=run.finished_at)
    with Store(tmp_path / "other.sqlite3") as other:
        progress_io.import_file(other, path)
        assert other.quiz_run(run.id) == store.quiz_run(run.id)
    formats = {a.format for a in run.answers}
    assert formats == {"typed", "choice", "truefalse"}
