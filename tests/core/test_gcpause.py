"""The garbage collector is paused while a deck is read, and left as it was."""

from __future__ import annotations

import gc

import pytest

from quizapp.core.deck.gcpause import collector_paused
from quizapp.core.deck.loading import check_deck
from tests.conftest import BUNDLED_DECK


def test_paused_inside_and_back_after_even_on_error() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("boom")
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_checking_a_deck_leaves_the_collector_on() -> None:
    assert check_deck(BUNDLED_DECK).deck is not None
    assert gc.isenabled()
