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

DAY_SECS = 86_400
_F32_BELOW_ONE = 0.99999994039535522  # the largest f32 under 1.0


def f32(value: float) -> float:
    """`value` rounded to the nearest 32-bit float (as Rust's `as f32`)."""
    result: float = struct.unpack("f", struct.pack("f", value))[0]
    return result


def round_half_away(value: float) -> int:
    """Rust's `f32::round`: halves go away from zero."""
    return math.floor(value + 0.5) if value >= 0 else -math.floor(-value + 0.5)


def as_u32(value: float) -> int:
    """Rust's `as u32` on a float: truncated, negatives to 0."""
    return max(0, int(value))


def rounded_to_places(value: float, places: int) -> float:
    """Anki's `round_to_places` on an f32 (card data keeps s to 4, d to 3 decimals)."""
    factor = f32(10.0**places)
    return f32(round_half_away(f32(value * factor)) / factor)


def fuzz_factor(unit: float) -> float:
    """A draw in [0, 1) as the f32 Anki's fuzz takes."""
    return min(f32(unit), _F32_BELOW_ONE)


_FUZZ_RANGES = ((2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, 3.4028234663852886e38, 0.05))


def fuzz_delta(interval: float) -> float:
    if interval < 2.5:
        return 0.0
    delta = 1.0
    for start, end, factor in _FUZZ_RANGES:
        delta = f32(delta + f32(f32(factor) * max(f32(min(interval, end) - start), 0.0)))
    return delta


def fuzz_bounds(interval: float) -> tuple[int, int]:
    delta = fuzz_delta(interval)
    return (
        as_u32(round_half_away(f32(interval - delta))),
        as_u32(round_half_away(f32(interval + delta))),
    )


def constrained_fuzz_bounds(interval: float, minimum: int, maximum: int) -> tuple[int, int]:
    """The whole days a fuzzed `interval` may become, within [minimum, maximum]."""
    minimum = min(minimum, maximum)
    interval = min(max(f32(interval), float(minimum)), float(maximum))
    lower, upper = fuzz_bounds(interval)
    lower = min(max(lower, minimum), maximum)
    upper = min(max(upper, minimum), maximum)
    if upper == lower and 2 < upper < maximum:
        upper = lower + 1
    return lower, upper


def with_review_fuzz(factor: float, interval: float, minimum: int, maximum: int) -> int:
    lower, upper = constrained_fuzz_bounds(interval, minimum, maximum)
    return as_u32(math.floor(f32(lower + f32(factor * float(1 + upper - lower)))))


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


def passing_review_intervals(
    factor: float,
    hard: float,
    good: float,
    easy: float,
    scheduled_days: int,
    maximum_interval: int,
) -> tuple[int, int, int]:
    """Hard, Good and Easy for a card in review (`passing_fsrs_review_intervals`): each at
    least one day more than the one before it."""
    hard_days = constrain_passing(
        factor,
        hard,
        max(minimum_review_fuzz_interval(hard, scheduled_days, maximum_interval), 1),
        maximum_interval,
    )
    good_days = constrain_passing(
        factor,
        good,
        max(minimum_review_fuzz_interval(good, scheduled_days, maximum_interval), hard_days + 1),
        maximum_interval,
    )
    easy_days = constrain_passing(
        factor,
        easy,
        max(minimum_review_fuzz_interval(easy, scheduled_days, maximum_interval), good_days + 1),
        maximum_interval,
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
