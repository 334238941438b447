"""The validated-deck cache: hits, misses, damaged files, and the same deck as a full load."""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import random
import time
from pathlib import Path

import pytest

from benchmarks.synth import deck_text
from quizapp.core import locations
from quizapp.core.deck import cache as deck_cache
from quizapp.core.deck.index import PackedCards, summary
from quizapp.core.deck.loading import check_deck, check_deck_cached, load_deck, load_deck_cached
from quizapp.core.deck.prompts import all_prompts, prompt_keys
from tests.conftest import BUNDLED_DECK

SETTINGS = [(lang, vocab) for lang in ("it", "en") for vocab in ("both", "it>en", "en>it")]


def write_deck(folder: Path, cards: int = 120, seed: int = 5, name: str = "synth.toml") -> Path:
    path = folder / name
    path.write_text("\n".join(deck_text(cards, seed)) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def deck_file(tmp_path: Path) -> Path:
    return write_deck(tmp_path)


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts how often a deck is built from its TOML (a cache miss)."""
    calls: list[int] = []
    real = deck_cache._build

    def counting(header: str, pieces: list[bytes]) -> object:
        calls.append(len(pieces))
        return real(header, pieces)

    monkeypatch.setattr(deck_cache, "_build", counting)
    return calls


def assert_same_deck(cached_path: Path) -> None:
    cached = load_deck_cached(cached_path)
    full = load_deck(cached_path)
    assert cached.deck == full.deck
    assert len(cached.cards) == len(full.cards)
    assert list(cached.cards) == list(full.cards)


# -- hits and misses ---------------------------------------------------------------------


def test_second_load_comes_from_the_cache(deck_file: Path, builds: list[int]) -> None:
    first = load_deck_cached(deck_file)
    assert len(builds) == 1
    assert deck_cache.cache_file(deck_file).is_file()
    second = load_deck_cached(deck_file)
    assert len(builds) == 1, "an unchanged deck is not parsed again"
    assert isinstance(second.cards, PackedCards)
    assert list(first.cards) == list(second.cards)
    assert_same_deck(deck_file)


def test_the_cache_lives_in_the_cache_dir(deck_file: Path) -> None:
    load_deck_cached(deck_file)
    folder = locations.cache_dir() / "decks"
    assert [p.parent for p in folder.iterdir()] == [folder]
    assert str(os.environ["QUIZAPP_CACHE_DIR"]) in str(deck_cache.cache_file(deck_file))


def test_bundled_deck_from_cache_equals_full_load() -> None:
    load_deck_cached(BUNDLED_DECK)
    assert_same_deck(BUNDLED_DECK)


def test_a_changed_size_is_a_miss(deck_file: Path, builds: list[int]) -> None:
    load_deck_cached(deck_file)
    text = deck_file.read_text(encoding="utf-8")
    deck_file.write_text(text.replace('"Mazzo sintetico', '"Un mazzo sintetico'), encoding="utf-8")
    deck = load_deck_cached(deck_file)
    assert len(builds) == 2
    assert deck.deck.title.it.startswith("Un mazzo sintetico")


def test_a_changed_mtime_with_the_same_size_is_a_miss(deck_file: Path, builds: list[int]) -> None:
    load_deck_cached(deck_file)
    text = deck_file.read_text(encoding="utf-8")
    edited = text.replace('it = "Mazzo sintetico', 'it = "Mazzo Sintetico')
    assert len(edited) == len(text) and edited != text
    before = deck_file.stat()
    deck_file.write_text(edited, encoding="utf-8")
    os.utime(deck_file, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000))
    assert deck_file.stat().st_size == before.st_size
    deck = load_deck_cached(deck_file)
    assert len(builds) == 2
    assert deck.deck.title.it.startswith("Mazzo Sintetico")


@pytest.mark.parametrize(
    ("attribute", "value"),
    [("CACHE_VERSION", 99), ("FORMAT_VERSION", 99), ("__version__", "99.0")],
)
def test_another_version_is_a_miss(
    deck_file: Path,
    builds: list[int],
    monkeypatch: pytest.MonkeyPatch,
    attribute: str,
    value: object,
) -> None:
    load_deck_cached(deck_file)
    monkeypatch.setattr(deck_cache, attribute, value)
    load_deck_cached(deck_file)
    assert len(builds) == 2
    load_deck_cached(deck_file)
    assert len(builds) == 2, "the rebuilt cache is used by the new version"


def test_a_change_to_the_validating_code_is_a_miss(
    deck_file: Path, builds: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    load_deck_cached(deck_file)
    monkeypatch.setattr(deck_cache, "code_fingerprint", lambda: "another")
    load_deck_cached(deck_file)
    assert len(builds) == 2


def test_same_name_in_another_folder_has_its_own_cache(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    one = write_deck(tmp_path / "a", seed=1)
    two = write_deck(tmp_path / "b", seed=2)
    assert deck_cache.cache_file(one) != deck_cache.cache_file(two)
    for _ in range(2):  # built, then from the cache
        assert list(load_deck_cached(one).cards) == list(load_deck(one).cards)
        assert list(load_deck_cached(two).cards) == list(load_deck(two).cards)
    assert list(load_deck(one).cards) != list(load_deck(two).cards)


# -- damaged and foreign cache files -------------------------------------------------------


def _damage(file: Path, how: str, other: Path) -> None:
    data = file.read_bytes()
    if how == "truncated":
        file.write_bytes(data[: len(data) // 2])
    elif how == "empty":
        file.write_bytes(b"")
    elif how == "random bytes":
        file.write_bytes(random.Random(1).randbytes(len(data)))
    elif how == "one byte flipped":
        middle = len(data) // 2
        file.write_bytes(data[:middle] + bytes([data[middle] ^ 0x55]) + data[middle + 1 :])
    elif how == "wrong version":
        file.write_bytes(data.replace(b'"cache": 1,', b'"cache": 7,', 1))
    elif how == "foreign deck":
        file.write_bytes(deck_cache.cache_file(other).read_bytes())
    elif how == "a folder":
        file.unlink()
        file.mkdir()
    else:  # pragma: no cover
        raise AssertionError(how)


@pytest.mark.parametrize(
    "how",
    [
        "truncated",
        "empty",
        "random bytes",
        "one byte flipped",
        "wrong version",
        "foreign deck",
        "a folder",
    ],
)
def test_a_damaged_cache_is_ignored_and_rebuilt(
    tmp_path: Path, builds: list[int], how: str
) -> None:
    deck_file = write_deck(tmp_path, seed=3)
    other = write_deck(tmp_path, seed=4, name="other.toml")
    load_deck_cached(other)
    expected = list(load_deck_cached(deck_file).cards)
    assert len(builds) == 2
    file = deck_cache.cache_file(deck_file)
    _damage(file, how, other)
    deck = load_deck_cached(deck_file)
    assert len(builds) == 3, "the damaged cache was not used"
    assert list(deck.cards) == expected
    if how != "a folder":
        load_deck_cached(deck_file)
        assert len(builds) == 3, "the rebuilt cache is good"
    assert deck_file.read_text(encoding="utf-8").startswith("# Synthetic quizapp deck")


def test_a_forged_payload_with_a_right_checksum_is_still_checked(
    deck_file: Path, builds: list[int]
) -> None:
    """The hash only proves the file is whole; the data's shape is checked as well."""
    load_deck_cached(deck_file)
    file = deck_cache.cache_file(deck_file)
    key = deck_cache.deck_key(deck_file)
    index = marshal.dumps({"deck": {"id": "x"}, "cards": {"ids": [1, 2]}})
    digest = hashlib.sha256(index).hexdigest()
    header = json.dumps({"key": key, "index": len(index), "length": len(index), "sha256": digest})
    file.write_bytes(deck_cache.MAGIC + header.encode() + b"\n" + index)
    with pytest.raises(deck_cache.Unusable):
        deck_cache.read(file, key)
    assert len(load_deck_cached(deck_file).cards) == 120
    assert len(builds) == 2


def test_an_unwritable_cache_dir_still_loads(
    deck_file: Path, builds: list[int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("QUIZAPP_CACHE_DIR", str(blocker / "cache"))
    assert_same_deck(deck_file)
    load_deck_cached(deck_file)
    assert len(builds) == 2, "nothing could be cached, so each load builds"
    assert blocker.read_text() == "a file where the cache folder should be"


def test_a_deck_saved_while_it_is_read_is_not_cached(
    deck_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quizapp.core.deck import reading

    real = reading.read_text

    def read_then_edit(path: Path) -> str:
        text = real(path)
        path.write_text(text + "\n# edited\n", encoding="utf-8")
        return text

    monkeypatch.setattr(reading, "read_text", read_then_edit)
    assert len(load_deck_cached(deck_file).cards) == 120
    assert not deck_cache.cache_file(deck_file).exists()


def test_temporary_files_of_a_killed_writer_are_cleaned_up(deck_file: Path) -> None:
    folder = deck_cache.cache_file(deck_file).parent
    folder.mkdir(parents=True)
    old = folder / ".deck-old.tmp"
    new = folder / ".deck-new.tmp"
    for leftover in (old, new):
        leftover.write_bytes(b"half a cache")
    os.utime(old, (0, 0))
    load_deck_cached(deck_file)
    assert not old.exists()
    assert new.exists(), "a recent one may belong to a quizapp writing right now"
    assert deck_cache.cache_file(deck_file).is_file()


def test_caches_of_decks_not_opened_for_months_are_removed(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    used = write_deck(tmp_path / "a", seed=1)
    forgotten = write_deck(tmp_path / "b", seed=2)
    load_deck_cached(used)
    load_deck_cached(forgotten)
    months_ago = time.time() - (deck_cache.UNUSED_DAYS + 1) * 86_400
    for deck in (used, forgotten):
        os.utime(deck_cache.cache_file(deck), (months_ago, months_ago))
    load_deck_cached(used)  # opened: its cache counts as used again
    third = write_deck(tmp_path, seed=3, name="third.toml")
    load_deck_cached(third)  # a write cleans up
    assert deck_cache.cache_file(used).is_file()
    assert deck_cache.cache_file(third).is_file()
    assert not deck_cache.cache_file(forgotten).exists()
    assert forgotten.is_file(), "only the cache goes, never the deck"


# -- decks with problems go the long way ---------------------------------------------------


def test_a_deck_with_errors_is_not_cached_and_reports_like_check_deck(tmp_path: Path) -> None:
    path = write_deck(tmp_path, cards=30)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('kind = "qa"', 'kind = "quiz"', 1), encoding="utf-8")
    cached = check_deck_cached(path)
    full = check_deck(path)
    assert cached.deck is None
    assert [p.format() for p in cached.problems] == [p.format() for p in full.problems]
    assert "unknown card kind 'quiz'" in cached.errors[0].message
    assert not deck_cache.cache_file(path).exists()


def test_duplicate_ids_in_different_slices_are_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(deck_cache, "SLICE_CHARS", 2_000)
    path = write_deck(tmp_path, cards=60)
    text = path.read_text(encoding="utf-8")
    first_id = text.split('id = "', 2)[2].split('"')[0]  # the first card's id
    last_start = text.rindex('id = "')
    last_id = text[last_start:].split('"')[1]
    path.write_text(text.replace(f'id = "{last_id}"', f'id = "{first_id}"'), encoding="utf-8")
    result = check_deck_cached(path)
    assert result.deck is None
    assert any("duplicate id" in p.message for p in result.errors)


@pytest.mark.parametrize(
    "trick",
    ["[[cards]] inside a multi-line string", "[deck] after the cards", "indented [[cards]]"],
)
def test_decks_that_do_not_cut_into_slices_load_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, trick: str
) -> None:
    monkeypatch.setattr(deck_cache, "SLICE_CHARS", 1)  # every [[cards]] line is a cut
    path = write_deck(tmp_path, cards=40)
    text = path.read_text(encoding="utf-8")
    header, _, cards = text.partition("\n[[cards]]")
    cards = "[[cards]]" + cards
    if trick == "[[cards]] inside a multi-line string":
        source = 'source = """Come si scrive una tabella:\n[[cards]]\nfine."""\n'
        cards = cards.replace('kind = "qa"\n', 'kind = "qa"\n' + source, 3)
        text = header + "\n" + cards
    elif trick == "[deck] after the cards":
        text = cards + "\n" + header.split("\n", 2)[2]
    else:
        text = header + "\n" + cards.replace("[[cards]]", "  [[cards]]")
    path.write_text(text, encoding="utf-8")
    assert deck_cache.build(text) is None, "the slices do not stand alone: the long way"
    full = load_deck(path)
    cached = load_deck_cached(path)
    assert list(cached.cards) == list(full.cards)
    if trick.startswith("[[cards]] inside"):
        assert sum("\n[[cards]]\n" in (card.source or "") for card in full.cards) == 3


def test_a_deck_without_cards_is_cached(tmp_path: Path) -> None:
    path = write_deck(tmp_path, cards=0)
    assert len(load_deck_cached(path).cards) == 0
    assert deck_cache.cache_file(path).is_file()
    assert len(load_deck_cached(path).cards) == 0


# -- the packed cards behave like the list they replace ------------------------------------


@pytest.mark.parametrize("slice_chars", [300, 1_000_000])
def test_packed_deck_equals_a_full_load_in_every_way_the_app_uses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, slice_chars: int
) -> None:
    monkeypatch.setattr(deck_cache, "SLICE_CHARS", slice_chars)
    path = write_deck(tmp_path, cards=250, seed=11)
    full = load_deck(path)
    built = deck_cache.build(path.read_text(encoding="utf-8"))
    assert built is not None and len(built[1].ids) == 250
    load_deck_cached(path)
    packed = load_deck_cached(path)  # from the file
    assert isinstance(packed.cards, PackedCards)
    assert {card.kind for card in full.cards} == {"qa", "vocab", "cloze", "choice", "list"}
    assert packed.cards[-1] == full.cards[-1]
    assert packed.cards[10:14] == full.cards[10:14]
    with pytest.raises(IndexError):
        packed.cards[250]
    for card in full.cards[::17]:
        assert packed.card(card.id) == card
    with pytest.raises(KeyError):
        packed.card("no-such-card")
    assert summary(packed) == summary(full)
    for lang, vocab in SETTINGS:
        expected = [(p.card.id, p.direction) for p in all_prompts(full, lang, vocab)]
        assert prompt_keys(packed, lang, vocab) == expected
        assert prompt_keys(full, lang, vocab) == expected


def test_prompt_keys_of_the_bundled_deck_from_the_cache() -> None:
    load_deck_cached(BUNDLED_DECK)
    packed = load_deck_cached(BUNDLED_DECK)
    full = load_deck(BUNDLED_DECK)
    assert isinstance(packed.cards, PackedCards)
    for lang, vocab in SETTINGS:
        expected = [(p.card.id, p.direction) for p in all_prompts(full, lang, vocab)]
        assert prompt_keys(packed, lang, vocab) == expected


def test_cards_with_one_language_and_many_gaps_keep_their_keys(tmp_path: Path) -> None:
    path = tmp_path / "small.toml"
    path.write_text(
        """
[deck]
id = "small"
version = "1"
title = { it = "Piccolo", en = "Small" }
description = { it = "Prova", en = "Test" }
author = "quizapp"
license = "CC0-1.0"

[[cards]]
id = "solo-en"
kind = "cloze"
[cards.en]
text = "{{One}}, {{two}} and {{three (gaps)}}."

[[cards]]
id = "solo-it"
kind = "qa"
[cards.it]
question = "Perché?"
answers = ["(per)ché sì"]

[[cards]]
id = "half-vocab"
kind = "vocab"
[cards.it]
terms = ["l'albero"]
""",
        encoding="utf-8",
    )
    full = load_deck(path)
    load_deck_cached(path)
    packed = load_deck_cached(path)
    for lang, vocab in SETTINGS:
        expected = [(p.card.id, p.direction) for p in all_prompts(full, lang, vocab)]
        assert prompt_keys(packed, lang, vocab) == expected
    assert prompt_keys(packed, "it")[:3] == [("solo-en", f"en.{n}") for n in (1, 2, 3)]


def test_session_prompts_of_a_packed_deck_are_those_of_the_full_deck(tmp_path: Path) -> None:
    from quizapp.core.settings import Settings
    from quizapp.core.store.database import Store
    from quizapp.core.study.session import Session

    path = write_deck(tmp_path, cards=80, seed=21)
    full = load_deck(path)
    load_deck_cached(path)
    packed = load_deck_cached(path)
    with Store(tmp_path / "progress.sqlite3") as store:
        for lang, vocab in SETTINGS:
            settings = Settings(study_language=lang, vocab_direction=vocab)
            expected = {p.key: p for p in all_prompts(full, lang, vocab)}
            session = Session(packed, store, settings)
            assert dict(session.prompts) == expected
            assert list(session.prompts.keys()) == list(expected)
            assert ("another-deck", *next(iter(expected))[1:]) not in session.prompts
            card_id = next(iter(expected))[1]
            assert session.prompts_of(card_id) == [
                p for p in expected.values() if p.card.id == card_id
            ]


def test_a_deck_built_by_several_processes_equals_one_built_by_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(deck_cache, "SLICE_CHARS", 3_000)
    text = "\n".join(deck_text(150, seed=31)) + "\n"
    if deck_cache._start_method(50) is None:
        pytest.skip("one core")
    parallel = deck_cache.build(text)
    broken = text.replace('kind = "vocab"', 'kind = "vocabolo"', 1)
    assert deck_cache.build(broken) is None, "an error in any slice sends it the long way"
    monkeypatch.setattr(deck_cache, "_start_method", lambda slices: None)
    serial = deck_cache.build(text)
    assert parallel is not None and serial is not None
    assert parallel == serial
    assert len(parallel[1].ids) == 150
    assert deck_cache.build(broken) is None


def test_is_fresh_reads_only_the_header_and_follows_the_deck(deck_file: Path) -> None:
    assert not deck_cache.is_fresh(deck_file)
    load_deck_cached(deck_file)
    assert deck_cache.is_fresh(deck_file)
    with deck_file.open("a", encoding="utf-8") as stream:
        stream.write("\n# changed\n")
    assert not deck_cache.is_fresh(deck_file)
    load_deck_cached(deck_file)
    assert deck_cache.is_fresh(deck_file)
    deck_cache.cache_file(deck_file).write_bytes(b"garbage")
    assert not deck_cache.is_fresh(deck_file)
