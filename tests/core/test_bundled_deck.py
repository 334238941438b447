"""The bundled deck: valid with no warnings, bilingual, complete, and in its own words.

The counts and families come from the deck's specification: at least 200 cards, 20 cloze,
20 choice, 5 list and 80 vocabulary cards; every card tagged with one of the five families.
One extra family tag is allowed: `dates`, for facts of time that are not amounts (a month, a
season, "the early 2020s"). Those cards are kept out of `figures`, so that every answer of a
figures card is an amount that can be compared as a number.

Beside its family, every card has the tags a teacher builds a lesson from: one level
(`level-1` the core, `level-2` the details, `level-3` the fine points), the section of the
article it comes from (`intro`, `ripresa`, `ostacoli`, `vc`, as in its `source`), and, for the
vocabulary that trips English speakers, `false-friends`.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from quizapp.core.answers import display, expand, parse_cloze
from quizapp.core.deck.loading import check_deck
from quizapp.core.deck.model import (
    Card,
    ChoiceCard,
    ClozeCard,
    Deck,
    ListCard,
    QACard,
    VocabCard,
)
from quizapp.core.deck.prompts import all_prompts
from quizapp.core.judge.amounts import parse_amounts
from quizapp.core.judge.normalise import normalise
from quizapp.core.lint import check_and_lint, read_source
from tests.conftest import BUNDLED_DECK, REPO


def _article() -> Path:
    """The source article, in the shared folder beside the repository or above its clone."""
    for folder in REPO.parents:
        candidate = folder / "shared" / "source" / "deepseek_article_it.txt"
        if candidate.exists():
            return candidate
    return REPO.parent / "shared" / "source" / "deepseek_article_it.txt"


ARTICLE = _article()

FAMILIES = {"figures", "people", "companies", "concepts", "vocab"}
EXTRA_TAGS = {"dates"}
LEVELS = {"level-1", "level-2", "level-3"}
SECTION_TAGS = {"intro", "ripresa", "ostacoli", "vc"}
LESSON_TAGS = LEVELS | SECTION_TAGS | {"false-friends"}
SECTIONS = {"intro": (1, 13), "ripresa": (15, 25), "ostacoli": (27, 33), "vc": (35, 36)}
LONGEST_SHARED_RUN = 11
"""No run of 12 or more consecutive words of the article may appear in the deck."""


@pytest.fixture(scope="module")
def deck() -> Deck:
    result = check_deck(BUNDLED_DECK)
    assert result.deck is not None, [p.format() for p in result.problems]
    return result.deck


def _sides(card: Card) -> list[object]:
    return [card.side(lang) for lang in ("it", "en")]


def _answers(card: Card, lang: str) -> list[str]:
    """Every accepted answer (and known near miss) a card holds in one language."""
    side = card.side(lang)
    if isinstance(card, QACard):
        return [*side.answers, *side.reject]
    if isinstance(card, ClozeCard):
        return [a for gap in side.cloze().gaps for a in gap.answers] + list(side.reject)
    if isinstance(card, ChoiceCard):
        return [side.answer, *side.distractors]
    if isinstance(card, ListCard):
        return [form for forms in side.item_forms() for form in forms]
    return [*side.terms, *side.reject]


def _texts(card: Card, lang: str) -> Iterator[str]:
    """Everything a learner can read on one side of a card."""
    side = card.side(lang)
    for name in ("question", "note", "example"):
        value = getattr(side, name, None)
        if value:
            yield value
    if isinstance(card, ClozeCard):
        yield side.cloze().render()
    for answer in _answers(card, lang):
        yield from expand(answer)


# -- validity ------------------------------------------------------------------------------


def test_deck_has_no_problem_at_all() -> None:
    result = check_deck(BUNDLED_DECK)
    assert [p.format() for p in result.problems] == []
    assert result.deck is not None
    assert result.deck.id == "deepseek-it"


def test_validate_strict_passes_as_a_user_runs_it() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "quizapp", "validate", "--strict", str(BUNDLED_DECK)],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        cwd=REPO,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "0 errors, 0 warnings" in completed.stdout


def test_the_deck_lint_finds_nothing() -> None:
    """No giveaway, no twin prompts, no figure without its unit, no telltale option, no answer
    the judge rejects (see quizapp.core.lint)."""
    result = check_and_lint(BUNDLED_DECK)
    assert [p.format() for p in result.problems] == []


@pytest.mark.skipif(not ARTICLE.exists(), reason="the source article is not beside the repository")
def test_the_deck_lint_against_the_article_finds_nothing() -> None:
    """Every wrong answer is in the article (or a near-miss figure), and no note cites a
    paragraph by number where the article does not bear it out."""
    result = check_and_lint(BUNDLED_DECK, source_text=read_source(ARTICLE))
    assert [p.format() for p in result.problems] == []


def test_every_card_has_both_languages(deck: Deck) -> None:
    assert [c.id for c in deck.cards if c.it is None or c.en is None] == []


def test_ids_are_unique(deck: Deck) -> None:
    counts = Counter(card.id for card in deck.cards)
    assert [card_id for card_id, n in counts.items() if n > 1] == []


def test_every_card_gives_prompts(deck: Deck) -> None:
    prompts = all_prompts(deck)
    assert {p.card.id for p in prompts} == {c.id for c in deck.cards}


# -- families, kinds and counts ------------------------------------------------------------


def test_tags_are_the_families(deck: Deck) -> None:
    for card in deck.cards:
        tags = set(card.tags) - LESSON_TAGS
        assert tags <= FAMILIES | EXTRA_TAGS, card.id
        assert tags & FAMILIES, f"{card.id} has no family tag"
        assert ("vocab" in tags) == isinstance(card, VocabCard), card.id
        assert not ({"dates", "figures"} <= tags), f"{card.id}: dates and figures are apart"


def test_every_card_has_a_level_and_its_section(deck: Deck) -> None:
    for card in deck.cards:
        assert len(LEVELS.intersection(card.tags)) == 1, card.id
        section = (card.source or "").split(":")[0]
        assert SECTION_TAGS.intersection(card.tags) == {section}, card.id
        if "false-friends" in card.tags:
            assert isinstance(card, VocabCard), card.id


def test_the_levels_and_lessons_are_worth_a_lesson(deck: Deck) -> None:
    """Each level and each section holds enough cards of several kinds for a quiz of its own."""
    for tag in sorted(LESSON_TAGS):
        cards = [card for card in deck.cards if tag in card.tags]
        assert len(cards) >= (10 if tag in ("vc", "false-friends") else 40), tag
        if tag != "false-friends":
            assert len({card.kind for card in cards}) >= 3, tag


def test_size_and_mix(deck: Deck) -> None:
    kinds = Counter(card.kind for card in deck.cards)
    assert len(deck.cards) >= 200
    assert kinds["cloze"] >= 20
    assert kinds["choice"] >= 20
    assert kinds["list"] >= 5
    assert sum(1 for c in deck.cards if "vocab" in c.tags) >= 80
    assert set(kinds) == {"qa", "vocab", "cloze", "choice", "list"}


def test_every_family_is_well_represented(deck: Deck) -> None:
    tags = Counter(tag for card in deck.cards for tag in card.tags)
    for family in FAMILIES:
        assert tags[family] >= 20, family


def test_every_card_names_its_paragraph(deck: Deck) -> None:
    pattern = re.compile(r"^(intro|ripresa|ostacoli|vc):(\d+)$")
    for card in deck.cards:
        match = pattern.match(card.source or "")
        assert match, f"{card.id}: source {card.source!r}"
        first, last = SECTIONS[match.group(1)]
        assert first <= int(match.group(2)) <= last, f"{card.id}: source {card.source!r}"


# -- each kind is complete in both languages -----------------------------------------------


def test_vocabulary_cards_are_complete(deck: Deck) -> None:
    for card in deck.cards:
        if not isinstance(card, VocabCard):
            continue
        assert card.pos is not None, card.id
        if card.pos == "noun":
            assert card.gender is not None, card.id
        assert card.it.example and card.en.example, card.id
        assert card.it.example != card.en.example, card.id
        # the term shown in each direction must not be its own answer
        italian, english = (display(side.terms[0]).casefold() for side in (card.it, card.en))
        assert italian != english, card.id
        assert italian not in {f.casefold() for t in card.en.terms for f in expand(t)}, card.id


def test_choice_cards_offer_three_distractors_in_each_language(deck: Deck) -> None:
    for card in deck.cards:
        if isinstance(card, ChoiceCard):
            assert len(card.it.distractors) >= 3, card.id
            assert len(card.it.distractors) == len(card.en.distractors), card.id


def test_cloze_cards_have_the_same_gaps_in_each_language(deck: Deck) -> None:
    for card in deck.cards:
        if isinstance(card, ClozeCard):
            gaps = [len(parse_cloze(side.text).gaps) for side in (card.it, card.en)]
            assert gaps[0] == gaps[1], card.id


def test_list_cards_ask_for_the_same_items_in_each_language(deck: Deck) -> None:
    for card in deck.cards:
        if isinstance(card, ListCard):
            assert len(card.it.items) == len(card.en.items) >= 2, card.id


# -- figures are amounts -------------------------------------------------------------------


def _is_amount(text: str) -> bool:
    """What the judge reads as an amount (a value with its scale, unit and currency)."""
    return parse_amounts(normalise(text)) is not None


def test_the_amount_reader_can_fail() -> None:
    assert _is_amount("6 milioni di dollari") and _is_amount("$138 billion")
    assert _is_amount("35%") and _is_amount("2021") and _is_amount("54,9 miliardi")
    assert not _is_amount("autunno 2023") and not _is_amount("Hangzhou")


def test_every_answer_of_a_figures_card_is_an_amount(deck: Deck) -> None:
    """Each answer has a form that is an amount: what the figure counts ("6 (startup)") and
    words around it ("(nell')(autunno) (del) 2023") are optional parts a learner may type."""
    for card in deck.cards:
        if "figures" not in card.tags:
            continue
        for lang in ("it", "en"):
            for answer in _answers(card, lang):
                assert any(_is_amount(form) for form in expand(answer)), (
                    f"{card.id} ({lang}): {answer!r}"
                )


# -- language ------------------------------------------------------------------------------

_UNACCENTED = re.compile(
    r"\b(perche|poiche|piu|gia|puo|cosi|pero|citta|societa|universita|priorita|"
    r"parita|proprieta|capacita|realta|attivita|liberta|nonche)\b|\b(e|perche|piu|citta)'",
    re.IGNORECASE,
)


def test_italian_is_written_with_its_accents(deck: Deck) -> None:
    for card in deck.cards:
        for text in _texts(card, "it"):
            assert not _UNACCENTED.search(text), f"{card.id}: {text!r}"


def test_the_article_variants_are_explained_where_used(deck: Deck) -> None:
    """A name the article spells two ways, or a doubtful one, is explained on its card."""
    variants = {"jiang wenfeng": "liang", "kjing": "kjing", "tritto": "tritto", " v1": "v1"}
    for card in deck.cards:
        if isinstance(card, VocabCard):
            continue
        for lang in ("it", "en"):
            side = card.side(lang)
            body = " ".join(t for t in _texts(card, lang) if t != side.note).casefold()
            for variant, explained in variants.items():
                if variant in f" {body}":
                    note = (side.note or "").casefold()
                    assert explained in note, f"{card.id} ({lang}) uses {variant.strip()!r}"


# -- coverage ------------------------------------------------------------------------------

PEOPLE = [
    "Andrej Karpathy", "Sam Altman", "Jeffrey Ding", "Liang Wenfeng", "Xi Jinping", "Jack Ma",
    "Ren Zhengfei", "Paul Triolo", "Kevin Jin", "Grace Shao", "Tritto", "Li Qiang", "Trump",
]  # fmt: skip
NAMES = [
    "DeepSeek", "Hangzhou", "High-Flyer", "R1", "OpenAI", "v1", "V3", "Tesla", "Nvidia",
    "Microsoft", "Big Tech", "George Washington University", "ChinAI", "Alibaba", "Huawei",
    "BYD", "Midea", "Albright Stonebridge", "ByteDance", "TikTok", "Hang Seng Tech", "Hong Kong",
    "Baichuan", "kJing", "SMIC", "The New China Playbook", "WeChat", "ChatGPT", "SenseTime",
    "Megvii", "Moonshot", "MiniMax", "Zhipu", "Shanghai", "NetEase", "Preem", "Hugging Face",
    "Tongyi Qianwen", "Toptier", "Gala del Festival di Primavera", "Game Science",
    "Black Myth: Wukong", "Manvower", "Tencent", "Ascend", "MIT", "Stanford", "New York",
    "Washington", "Pechino", "Due Sessioni", "Sud Globale", "Greater China", "Jiang Wenfeng",
    "generazione 0%",
]  # fmt: skip
FIGURES = [
    "6 milioni di dollari", "1.000 miliardi di dollari", "35%", "1 miliardo",
    "1 trilione di yuan", "138 miliardi di dollari", "54,9 miliardi di dollari",
    "2,28 miliardi di dollari", "2010", "2020", "2021", "2022", "2023", "2024",
]  # fmt: skip


def _italian_corpus(cards: list[Card]) -> str:
    return "\n".join(t for card in cards for t in _texts(card, "it"))


def test_every_person_has_a_people_card(deck: Deck) -> None:
    corpus = _italian_corpus([c for c in deck.cards if "people" in c.tags])
    assert [name for name in PEOPLE if name not in corpus] == []


def test_every_named_entity_and_figure_is_in_the_deck(deck: Deck) -> None:
    corpus = _italian_corpus(deck.cards)
    assert [name for name in NAMES if name not in corpus] == []
    figures = _italian_corpus([c for c in deck.cards if "figures" in c.tags])
    assert [figure for figure in FIGURES if figure not in figures] == []


# -- own words -----------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return re.sub(r"[\W_]+", " ", text.casefold()).split()


def _runs(words: list[str], size: int) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def test_the_run_finder_of_this_test_can_fail() -> None:
    source = _runs(
        _words("Uno, due: tre quattro cinque sei sette otto nove dieci undici dodici."), 12
    )
    assert source & _runs(
        _words("UNO DUE TRE quattro cinque sei sette otto nove dieci undici dodici"), 12
    )
    assert not source & _runs(
        _words("uno due tre quattro cinque sei sette otto nove dieci undici"), 12
    )


@pytest.mark.skipif(not ARTICLE.exists(), reason="the source article is not beside the repository")
def test_no_twelve_word_run_of_the_article_is_in_the_deck(deck: Deck) -> None:
    size = LONGEST_SHARED_RUN + 1
    article = _runs(_words(ARTICLE.read_text(encoding="utf-8")), size)
    copied = []
    texts = [deck.deck.title.it, deck.deck.description.it, deck.deck.source or ""]
    for card in deck.cards:
        for lang in ("it", "en"):
            texts.extend(_texts(card, lang))
    for text in texts:
        shared = _runs(_words(text), size) & article
        copied.extend(" ".join(run) for run in shared)
    assert copied == []


def test_the_deck_is_in_the_shipped_folder() -> None:
    assert BUNDLED_DECK == REPO / "decks" / "deepseek_it.toml"
    assert Path(BUNDLED_DECK).read_text(encoding="utf-8").startswith("#:schema")
