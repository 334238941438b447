"""What the schedule of a deck is computed with: the desired retention's bounds, FSRS's weights
(Anki's defaults unless the deck has its own), learning steps and the longest interval; and
FSRS's forgetting curve for those weights."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache

import fsrs_rs_python as fsrs

DEFAULT_RETENTION = 0.90
MIN_RETENTION = 0.70
MAX_RETENTION = 0.97
LEARNING_STEPS = (timedelta(minutes=1), timedelta(minutes=10))
"""Anki's default learning steps."""
RELEARNING_STEPS = (timedelta(minutes=10),)
"""Anki's default relearning step."""
MAXIMUM_INTERVAL_DAYS = 36500
DEFAULT_WEIGHTS: tuple[float, ...] = tuple(float(w) for w in fsrs.DEFAULT_PARAMETERS)
"""FSRS-6's default parameters, as the crate Anki runs has them."""


@dataclass(frozen=True)
class Parameters:
    """What the schedule of one deck is computed with (Anki's defaults unless set)."""

    weights: tuple[float, ...] = DEFAULT_WEIGHTS
    learning_steps: tuple[int, ...] = (60, 600)
    """Seconds."""
    relearning_steps: tuple[int, ...] = (600,)
    maximum_interval: int = MAXIMUM_INTERVAL_DAYS

    @property
    def short_term(self) -> bool:
        """Anki's `fsrs_allow_short_term`: same-day intervals when there are no steps."""
        w = self.weights
        return len(w) < 19 or (w[17] > 0.0 and w[18] > 0.0)


DEFAULT_PARAMETERS = Parameters()


def parameters(weights: Iterable[float] | None = None) -> Parameters:
    """Parameters with these FSRS weights (checked and completed by the crate), or defaults."""
    if weights is None:
        return DEFAULT_PARAMETERS
    values = [float(w) for w in weights]
    if not values:
        return DEFAULT_PARAMETERS
    try:
        full = fsrs.check_and_fill_parameters(values)
    except BaseException as error:  # the binding raises its own exception type
        raise ValueError(f"not valid FSRS parameters: {error}") from None
    return Parameters(weights=tuple(float(w) for w in full))


@lru_cache(maxsize=64)
def fsrs_engine(weights: tuple[float, ...]) -> fsrs.FSRS:
    """The FSRS of the crate Anki runs, with these weights (made once per set of weights)."""
    return fsrs.FSRS(list(weights))


def forgetting_curve(
    days: float, stability: float, params: Parameters = DEFAULT_PARAMETERS
) -> float:
    """FSRS-6's retrievability after `days` at `stability` (decay is the 21st weight)."""
    decay = -params.weights[20] if len(params.weights) > 20 else -0.5
    factor = 0.9 ** (1 / decay) - 1
    return float((1 + factor * max(days, 0.0) / stability) ** decay)
