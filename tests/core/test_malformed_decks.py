"""Each file in data/malformed is a deck with a mistake; its `# expect:` lines are the exact
problems `quizapp validate` must report (line:column: severity: message)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.core.deck.loading import DeckError, check_deck, load_deck

CASES = sorted((Path(__file__).parent / "data" / "malformed").glob("*.toml"))


def _expected(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.removeprefix("# expect: ") for line in lines if line.startswith("# expect: ")]


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 25


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_problems_are_located_exactly(path: Path) -> None:
    expected = _expected(path)
    assert expected, f"{path.name} lists no expected problem"
    result = check_deck(path)
    got = [
        problem.format().removeprefix(str(path)).removeprefix(":") for problem in result.problems
    ]
    assert got == expected
    assert result.deck is None, "a deck with errors must not load"


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_load_deck_raises_only_deck_error(path: Path) -> None:
    with pytest.raises(DeckError) as raised:
        load_deck(path)
    assert raised.value.problems
    assert str(path) in str(raised.value)
