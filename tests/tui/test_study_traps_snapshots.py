"""How study looks where issue 18 changed it, at 80x24 in both languages: a choice card to
pick from, its verdict and grades, a choice card flipped, a vocabulary card and a cloze gap
answered (pytest-textual-snapshot; the app is tests/tui/snapshot_study_app.py). Update with
`pytest tests/tui/test_study_traps_snapshots.py --snapshot-update` and look at the SVGs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

APP = str(Path(__file__).parent / "snapshot_study_app.py")
LANGS = ("en", "it")


async def _to_the_choice_card(pilot: Any) -> None:
    await pilot.pause()
    await pilot.press(*"6 milioni di dollari", "enter", "enter")
    await pilot.pause()


@pytest.mark.parametrize("lang", LANGS)
def test_study_choice_80x24(snap_compare, monkeypatch, lang: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("QUIZAPP_TEST_UI", lang)
    assert snap_compare(APP, terminal_size=(80, 24), run_before=_to_the_choice_card)


@pytest.mark.parametrize("lang", LANGS)
def test_study_choice_answered_80x24(snap_compare, monkeypatch, lang: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("QUIZAPP_TEST_UI", lang)

    async def pick(pilot: Any) -> None:
        await _to_the_choice_card(pilot)
        await pilot.press("1")

    assert snap_compare(APP, terminal_size=(80, 24), run_before=pick)


@pytest.mark.parametrize("lang", LANGS)
def test_study_flip_choice_80x24(snap_compare, monkeypatch, lang: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("QUIZAPP_TEST_UI", lang)
    monkeypatch.setenv("QUIZAPP_TEST_MODE", "flip")

    async def flip(pilot: Any) -> None:
        await pilot.pause()
        await pilot.press("space", "3")

    assert snap_compare(APP, terminal_size=(80, 24), run_before=flip)


@pytest.mark.parametrize("lang", LANGS)
def test_study_vocabulary_80x24(snap_compare, monkeypatch, lang: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("QUIZAPP_TEST_UI", lang)
    monkeypatch.setenv("QUIZAPP_TEST_CARDS", "economico")
    assert snap_compare(APP, terminal_size=(80, 24))


@pytest.mark.parametrize("lang", LANGS)
def test_study_cloze_answered_80x24(snap_compare, monkeypatch, lang: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("QUIZAPP_TEST_UI", lang)
    monkeypatch.setenv("QUIZAPP_TEST_CARDS", "hang-seng-gain")

    async def answer(pilot: Any) -> None:
        await pilot.pause()
        await pilot.press(*"30%", "enter")

    assert snap_compare(APP, terminal_size=(80, 24), run_before=answer)


@pytest.mark.parametrize("lang", LANGS)
def test_study_long_note_answered_80x24(snap_compare, monkeypatch, lang: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("QUIZAPP_TEST_UI", lang)
    monkeypatch.setenv("QUIZAPP_TEST_CARDS", "tritto-cheerleader")

    async def answer(pilot: Any) -> None:
        await pilot.pause()
        await pilot.press(*"non lo so", "enter")

    assert snap_compare(APP, terminal_size=(80, 24), run_before=answer)
