"""Anki's scheduling rules around FSRS, restated: fuzz, interval limits, learning steps.

FSRS itself (memory state and the interval for a stability) is the Rust crate Anki runs,
through `fsrs_rs_python`; this module holds what Anki's own scheduler does with its answers
(ankitects/anki, rslib/src/scheduler). Anki computes in 32-bit floats, so these functions
round to f32 where Anki's code does, to give the same whole days at every boundary:

* `states/fuzz.rs`: the fuzz ranges (2.5-7 days +-15%, 7-20 days +-10%, over 20 days +-5%,
  plus one day), `constrained_fuzz_bounds`, `with_review_fuzz` and
  `minimum_review_fuzz_interval` (a passing review is never due sooner than one day after
  its previous interval, unless that interval is out of the fuzz range);
* `states/steps.rs`: learning steps (Again: the first step; Hard on the first step: halfway
  to the second, or 1.5x a single step but at most a day more; Good: the next step);
* `answering/learning.rs`: the learning-step fuzz (up to 25% more, at most 5 minutes);
* `storage/card/data.rs`: Anki keeps stability to 4 decimals and difficulty to 3, and the next
  answer starts from those rounded values.
"""

from __future__ import annotations

import math
import struct
from functools import lru_cache

DAY_SECS = 86_400
_F32_BELOW_ONE = 0.99999994039535522  # the largest f32 under 1.0
_F32 = struct.Struct("f")


def f32(value: float) -> float:
    """`value` rounded to the nearest 32-bit float (as Rust's `as f32`)."""
    result: float = _F32.unpack(_F32.pack(value))[0]
    return result


def _near(value: float, target: float) -> bool:
    """Whether f32 and f64 arithmetic could round `value` differently around `target` (the
    error of a few f32 operations is under a millionth of the value)."""
    return abs(value - target) < 1e-6 * (abs(value) + 1.0)


def round_half_away(value: float) -> int:
    """Rust's `f32::round`: halves go away from zero."""
    return math.floor(value + 0.5) if value >= 0 else -math.floor(-value + 0.5)


def as_u32(value: float) -> int:
    """Rust's `as u32` on a float: truncated, negatives to 0."""
    return max(0, int(value))


def rounded_to_places(value: float, places: int) -> float:
    """Anki's `round_to_places` on an f32 (card data keeps s to 4, d to 3 decimals)."""
    factor = 10.0**places  # exact in f32 for these places
    scaled = value * factor  # exact in f64: both are f32
    if abs(abs(scaled) % 1.0 - 0.5) < 1e-6 * (abs(scaled) + 1.0):
        scaled = f32(scaled)  # near a half: round it as f32 first, as Anki does
    return f32(round_half_away(scaled) / factor)


def fuzz_factor(unit: float) -> float:
    """A draw in [0, 1) as the f32 Anki's fuzz takes."""
    return min(f32(unit), _F32_BELOW_ONE)


_FUZZ_RANGES = ((2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, 3.4028234663852886e38, 0.05))


def fuzz_delta(interval: float) -> float:
    """Anki's `fuzz_delta`, in f32 as Anki computes it."""
    if interval < 2.5:
        return 0.0
    delta = 1.0
    for start, end, factor in _FUZZ_RANGES:
        delta = f32(delta + f32(f32(factor) * max(f32(min(interval, end) - start), 0.0)))
    return delta


def fuzz_bounds(interval: float) -> tuple[int, int]:
    """Anki's `fuzz_bounds`. Worked out in f64, which gives the same whole days unless a
    bound lies within rounding error of a half day: then again in f32, as Anki does."""
    if interval < 2.5:
        delta = 0.0
    elif interval < 7.0:
        delta = 1.0 + 0.15 * (interval - 2.5)
    elif interval < 20.0:
        delta = 1.675 + 0.1 * (interval - 7.0)
    else:
        delta = 2.975 + 0.05 * (interval - 20.0)
    low, high = interval - delta, interval + delta
    tolerance = 1e-6 * (high + 1.0)
    if abs(low % 1.0 - 0.5) < tolerance or abs(high % 1.0 - 0.5) < tolerance:
        return exact_fuzz_bounds(interval)
    return (int(low + 0.5) if low > 0 else 0), int(high + 0.5)


def exact_fuzz_bounds(interval: float) -> tuple[int, int]:
    """`fuzz_bounds` with every operation rounded to f32."""
    delta = fuzz_delta(interval)
    return (
        as_u32(round_half_away(f32(interval - delta))),
        as_u32(round_half_away(f32(interval + delta))),
    )


@lru_cache(maxsize=4096)
def constrained_fuzz_bounds(interval: float, minimum: int, maximum: int) -> tuple[int, int]:
    """The whole days a fuzzed `interval` (an f32) may become, within [minimum, maximum]."""
    if minimum > maximum:
        minimum = maximum
    if interval < minimum:
        interval = float(minimum)
    elif interval > maximum:
        interval = float(maximum)
    lower, upper = fuzz_bounds(interval)
    lower = minimum if lower < minimum else maximum if lower > maximum else lower
    upper = minimum if upper < minimum else maximum if upper > maximum else upper
    if upper == lower and 2 < upper < maximum:
        upper = lower + 1
    return lower, upper


def with_review_fuzz(factor: float, interval: float, minimum: int, maximum: int) -> int:
    lower, upper = constrained_fuzz_bounds(interval, minimum, maximum)
    value = lower + factor * float(1 + upper - lower)
    if _near(value, round(value)):
        value = f32(lower + f32(factor * float(1 + upper - lower)))
    return as_u32(math.floor(value))


def minimum_review_fuzz_interval(interval: float, previous: int, maximum: int) -> int:
    rounded = as_u32(round_half_away(f32(interval)))
    _lower, upper = constrained_fuzz_bounds(interval, 1, maximum)
    if rounded > previous:
        return previous + 1
    if previous <= upper:
        return previous
    return 0


def min_and_max(minimum: int, maximum_interval: int) -> tuple[int, int]:
    maximum = max(maximum_interval, 1)
    return min(max(minimum, 1), maximum), maximum


def constrain_passing(factor: float, interval: float, minimum: int, maximum_interval: int) -> int:
    low, high = min_and_max(minimum, maximum_interval)
    return with_review_fuzz(factor, interval, low, high)


def passing_review_interval(
    factor: float,
    rating: int,
    hard: float,
    good: float,
    easy: float,
    scheduled_days: int,
    maximum_interval: int,
) -> int:
    """Hard (2), Good (3) or Easy (4) for a card in review (`passing_fsrs_review_intervals`):
    each at least one day more than the one before it, so Good needs Hard and Easy both."""
    days = 0
    for button, interval in ((2, hard), (3, good), (4, easy)):
        least = max(minimum_review_fuzz_interval(interval, scheduled_days, maximum_interval), 1)
        days = constrain_passing(factor, interval, max(least, days + 1), maximum_interval)
        if button == rating:
            break
    return days


def passing_review_intervals(
    factor: float,
    hard: float,
    good: float,
    easy: float,
    scheduled_days: int,
    maximum_interval: int,
) -> tuple[int, int, int]:
    """Hard, Good and Easy for a card in review."""
    hard_days, good_days, easy_days = (
        passing_review_interval(factor, rating, hard, good, easy, scheduled_days, maximum_interval)
        for rating in (2, 3, 4)
    )
    return hard_days, good_days, easy_days


def rounded_days(interval: float) -> float:
    """`interval.round().max(1.0)` on an f32."""
    return float(max(round_half_away(f32(interval)), 1))


# -- learning steps (seconds) ----------------------------------------------------------------


def step_index(steps: tuple[int, ...], remaining: int) -> int:
    total = len(steps)
    return min(max(total - remaining % 1000, 0), max(total - 1, 0))


def _round_in_days(secs: int) -> int:
    if secs > DAY_SECS:
        return round_half_away(f32(secs / DAY_SECS)) * DAY_SECS
    return secs


def hard_delay(steps: tuple[int, ...], remaining: int) -> int | None:
    if not steps:
        return None
    index = step_index(steps, remaining)
    current = steps[index] if index < len(steps) else steps[0]
    if index != 0:
        return current
    if len(steps) > 1:
        return _round_in_days((current + steps[1]) // 2)
    return _round_in_days(min(current * 3 // 2, current + DAY_SECS))


def good_delay(steps: tuple[int, ...], remaining: int) -> int | None:
    index = step_index(steps, remaining) + 1
    return steps[index] if index < len(steps) else None


def remaining_for_good(steps: tuple[int, ...], remaining: int) -> int:
    return max(len(steps) - (step_index(steps, remaining) + 1), 0)


def learning_fuzz(unit: float, secs: int) -> int:
    """A learning step with Anki's fuzz: up to 25% longer, at most 5 minutes."""
    upper = secs + math.floor(min(f32(secs * 0.25), 300.0))
    if secs >= upper:
        return secs
    return secs + min(int(unit * (upper - secs)), upper - secs - 1)
