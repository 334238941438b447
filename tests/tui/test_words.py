"""The UI's words: both languages for every key, the same placeholders in each, plurals, and
every key the screens ask for."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quizapp.core.bilingual import Phrase, Plural
from quizapp.core.judge.verdict import Outcome
from quizapp.core.rating import Rating
from quizapp.tui import i18n
from quizapp.tui.i18n import WORDS, phrase_n, t, tn

TUI = Path(i18n.__file__).resolve().parent.parent
CALL = re.compile(
    r"""\b(t|tn|phrase|phrase_n)\(\s*(?:(?:self\.)?lang,\s*)?["']([a-z_.>]+)["']\s*[,)]"""
)


def test_every_key_has_both_languages_and_the_same_placeholders() -> None:
    assert len(WORDS) > 200
    assert WORDS.problems() == []


def test_the_two_languages_differ_where_they_should() -> None:
    """An untranslated phrase shows as the same text twice: only these are the same."""
    same = {key for key, entry in WORDS.items() if entry.it == entry.en}
    assert same == {
        "direction.it>en",
        "direction.en>it",
        "stats.direction.it>en",
        "stats.direction.en>it",
        "key.home.quiz",  # "quiz" in both
        "origin.path",  # "file" in both
        "home.file",
        "stats.col.mature",
        "stats.status",  # nothing but placeholders
        "browse.flag.suspended",  # S: sospesa, suspended
        "browse.flag.leech",  # a sign, not a word
    }


def _calls() -> list[tuple[str, str, str]]:
    found = []
    for path in sorted(TUI.rglob("*.py")):
        if "i18n" in path.parts:
            continue
        for function, key in CALL.findall(path.read_text(encoding="utf-8")):
            found.append((path.name, function, key))
    return found


def test_every_key_the_screens_ask_for_exists_with_the_right_kind() -> None:
    calls = _calls()
    assert len(calls) > 100, "the pattern no longer finds the calls"
    for name, function, key in calls:
        assert key in WORDS, (name, key)
        wanted = Plural if function in ("tn", "phrase_n") else Phrase
        assert isinstance(WORDS[key], wanted), (name, function, key)


def test_keys_made_from_names_exist() -> None:
    for outcome in (*Outcome, "unanswered"):
        name = outcome.value if isinstance(outcome, Outcome) else outcome
        assert isinstance(WORDS[f"outcome.{name}"], Phrase)
    for rating in Rating:
        assert isinstance(WORDS[f"rating.{rating.label}"], Phrase)


@pytest.mark.parametrize(
    ("lang", "shown"),
    [("en", "1 answer · 2 answers"), ("it", "1 risposta · 2 risposte")],
)
def test_counts_say_one_and_many_properly(lang: str, shown: str) -> None:
    assert f"{tn(lang, 'stats.answers', 1)} · {tn(lang, 'stats.answers', 2)}" == shown


def test_a_sentence_of_counts_takes_each_count_s_form() -> None:
    line = t(
        "it",
        "stats.activity",
        answers=phrase_n("stats.answers", 1),
        cards=phrase_n("stats.cards", 1),
        new=phrase_n("stats.new", 0),
        time="1m",
        again="0%",
    )
    assert line == "  1 risposta · 1 carta · 0 nuove · 1m · «Di nuovo» 0%"
    assert tn("en", "results.retry_hint", 1) == "r: retry the missed one"
    assert tn("it", "results.timed_out", 1) == "Tempo scaduto: 1 domanda senza risposta."
