"""FSRS scheduling exactly as Anki runs it: the fold of a card's history.

Card state is a pure function of a card's events (study answers, suspend, bury, forget,
due-date), applied in order of time. `fold_rows` is that function; the store calls it for each
answer and for a whole history when it rebuilds. Both paths run the same code on the same
inputs, so the incremental state and a rebuild are equal to the last bit. Principles:

* times are whole milliseconds since the epoch (UTC) everywhere, never local datetimes;
* fuzzing (the spread Anki adds to review intervals so that cards learnt together do not
  stay together) draws its random number from the review's own id, so replaying the log gives
  the same intervals. Anki's load balancer (on by default) chooses a day in the same range by
  the workload of other cards; that would make one card's state depend on others, so quizapp
  draws uniformly in the range instead;
* the desired retention in force is stored with each answer, so changing the setting changes
  future intervals only.

The engine is the Rust crate Anki itself runs (`fsrs_rs_python` binds it), fed what Anki feeds
it (rslib/src/scheduler/answering/mod.rs): the card's memory state as Anki stores it
(stability to 4 decimals, difficulty to 3), the desired retention, and the number of *study
days* since the last review, `(next day start - last review) // 86400` in whole seconds, where
the next day start is the next day-start hour in the UTC offset in force at the answer
(timing.rs). A same-day answer (0 days) gets FSRS's short-term update; learning and
relearning steps (1m 10m / 10m) and the order of the Hard/Good/Easy intervals follow Anki's
states/ (see `anki_rules`).

The day-start hour is logged with each answer (column `day_start`), like the retention: the
days between two reviews are counted with the hour in force when the later one was given, so
changing the setting never rewrites the memory state of past answers. Logs kept before this
column existed were given the hour set when the database was migrated. The time zone is the
system's (or the one passed in): it decides where each study day begins, as Anki takes the
computer's. FSRS parameters and steps come in a `Parameters` (per deck, from the settings;
Anki's defaults when none are set): the fold is the same function of the log for any of them.

Around the fold: `day` (times, the study day, Anki's count of days), `parameters` (FSRS's
weights, steps and curve), `state` (a card's state and the events that change it), `anki_rules`
(fuzz, interval limits and steps as Anki's scheduler applies them).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import tzinfo

import fsrs_rs_python as fsrs

from quizapp.core.rating import Rating
from quizapp.core.schedule import anki_rules as rules
from quizapp.core.schedule.day import (
    DAY_MS,
    DEFAULT_DAY_START_HOUR,
    day_start_after,
    days_elapsed,
    next_day_at,
    study_day,
)
from quizapp.core.schedule.modes import STATE_MODES
from quizapp.core.schedule.parameters import (
    DEFAULT_PARAMETERS,
    DEFAULT_RETENTION,
    Parameters,
    forgetting_curve,
    fsrs_engine,
)
from quizapp.core.schedule.state import NEW_CARD, CardState, Event, Stage


def fuzz_unit(review_id: str) -> float:
    """A number in [0, 1) that depends only on the review id (the fuzz's random draw)."""
    digest = hashlib.blake2b(review_id.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64


# -- the fold ----------------------------------------------------------------------------------

_STAGES = (Stage.NEW, Stage.LEARNING, Stage.REVIEW, Stage.RELEARNING)

Row = tuple[str, int, str, "int | None", "float | None", "int | None", "str | None", "int | None"]
"""An event as the store reads it:
(id, at, mode, rating, retention, until, content_hash, day_start)."""


@dataclass
class _Card:
    """The mutable working copy of a state inside one fold."""

    stage: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: int | None
    last_review: int | None
    reps: int
    lapses: int
    interval: int


def _answer(
    card: _Card,
    rating: int,
    at: int,
    unit: float,
    retention: float,
    hour: int,
    given: int | None,
    params: Parameters,
    tz: tzinfo | None,
) -> None:
    """One study answer, as Anki's `CardStateUpdater` applies it (states/*.rs)."""
    elapsed = days_elapsed(at, card.last_review, hour, tz)
    memory = None
    if card.stability is not None and card.difficulty is not None:
        memory = fsrs.MemoryState(card.stability, card.difficulty)
    states = fsrs_engine(params.weights).next_states(memory, retention, elapsed)
    chosen = (states.again, states.again, states.hard, states.good, states.easy)[rating]
    factor = rules.fuzz_factor(unit)
    maximum = params.maximum_interval
    low, high = rules.min_and_max(1, maximum)
    learning = card.stage in (Stage.NEW, Stage.LEARNING)
    steps = params.learning_steps if learning else params.relearning_steps
    remaining = len(steps) if card.stage == Stage.NEW else len(steps) - (card.step or 0)
    delay: int | None = None
    """Seconds of a (re)learning step, when the answer leads to one."""
    days: int | None = None
    """Days to a review, when it leads to one."""
    short_term_secs: int | None = None
    next_stage = card.stage
    if card.stage == Stage.REVIEW:
        if rating == Rating.AGAIN:
            card.lapses += 1
            card.interval = int(rules.rounded_days(states.again.interval))
            if steps:
                next_stage, remaining, delay = Stage.RELEARNING, len(steps), steps[0]
            elif params.short_term and states.again.interval < 0.5:
                next_stage, remaining = Stage.RELEARNING, len(steps)
                short_term_secs = int(rules.f32(states.again.interval * 86_400.0))
            else:
                days = card.interval
        else:
            days = rules.passing_review_interval(
                factor,
                rating,
                states.hard.interval,
                states.good.interval,
                states.easy.interval,
                card.interval,
                maximum,
            )
    else:
        relearning = card.stage == Stage.RELEARNING
        again_stage = Stage.RELEARNING if relearning else Stage.LEARNING
        if rating == Rating.EASY:
            good = rules.with_review_fuzz(factor, states.good.interval, low, high)
            days = rules.with_review_fuzz(
                factor, rules.rounded_days(states.easy.interval), good + 1, high
            )
        else:
            if rating == Rating.AGAIN:
                delay = steps[0] if steps else None
                remaining = len(steps)
                if relearning:
                    card.interval = int(rules.rounded_days(states.again.interval))
            elif rating == Rating.HARD:
                delay = rules.hard_delay(steps, remaining)
            else:
                delay = rules.good_delay(steps, remaining)
                if delay is not None:
                    remaining = rules.remaining_for_good(steps, remaining)
            if delay is not None:
                next_stage = again_stage
            elif params.short_term and not steps and chosen.interval < 0.5:
                next_stage = again_stage
                short_term_secs = int(rules.f32(chosen.interval * 86_400.0))
            else:
                days = rules.with_review_fuzz(
                    factor, rules.rounded_days(chosen.interval), low, high
                )
    learn_days: int | None = None
    if given is not None and given > 0:
        # The interval the answer's own scheduler gave (an answer imported from Anki): the
        # whole days of a review, or of a learning step that ran past the day's end.
        if days is not None:
            days = given
        else:
            learn_days = given
    if days is not None:
        next_stage = Stage.REVIEW
        card.interval = days
        card.step = None
        card.due = day_start_after(at, days, hour, tz)
    else:
        secs = delay if delay is not None else (short_term_secs or 0)
        card.step = len(steps) - remaining if steps else 0
        until_rollover = next_day_at(at, hour, tz) - at // 1000
        if learn_days is not None:
            card.due = day_start_after(at, learn_days, hour, tz)
        elif secs >= until_rollover:
            card.due = day_start_after(at, (secs - until_rollover) // rules.DAY_SECS + 1, hour, tz)
        else:
            card.due = at + rules.learning_fuzz(unit, secs) * 1000
    card.stage = next_stage
    memory_after = chosen.memory
    card.stability = rules.rounded_to_places(memory_after.stability, 4)
    card.difficulty = rules.rounded_to_places(memory_after.difficulty, 3)
    card.last_review = at
    card.reps += 1


def _set_due(card: _Card, at: int, days: int, hour: int, tz: tzinfo | None) -> None:
    """Anki's Set due date with FSRS on (scheduler/reviews.rs): a review due in `days`;
    its interval becomes the days since the last review plus `days` (0 for a new card)."""
    if card.stage == Stage.NEW or card.interval == 0:
        card.interval = 0
    else:
        card.interval = days_elapsed(at, card.last_review, hour, tz) + days
    card.stage = Stage.REVIEW
    card.step = None
    card.due = day_start_after(at, days, hour, tz) if days > 0 else study_day(at, hour, tz).start


def fold_rows(
    rows: Iterable[Row],
    state: CardState = NEW_CARD,
    params: Parameters = DEFAULT_PARAMETERS,
    tz: tzinfo | None = None,
) -> CardState:
    """The state after `state` and these events, in log order (time, then id).

    This is the one place where card state is computed: `apply` (each answer) and the store's
    rebuild both come here.
    """
    card = _Card(
        int(state.stage),
        state.step,
        state.stability,
        state.difficulty,
        state.due,
        state.last_review,
        state.reps,
        state.lapses,
        state.interval,
    )
    suspended, buried_until = state.suspended, state.buried_until
    last_event, content = state.last_event, state.content_hash
    for review_id, at, mode, rating, retention, until, row_hash, day_start in rows:
        if at > last_event:
            last_event = at
        hour = DEFAULT_DAY_START_HOUR if day_start is None else day_start
        if mode == "study":
            if rating is None or not 1 <= rating <= 4:
                raise ValueError(f"study review {review_id} has no valid rating ({rating!r})")
            chosen = DEFAULT_RETENTION if retention is None else retention
            _answer(card, rating, at, fuzz_unit(review_id), chosen, hour, until, params, tz)
            if row_hash:
                content = row_hash
        elif mode == "suspend":
            suspended = True
        elif mode == "unsuspend":
            suspended = False
        elif mode == "bury":
            buried_until = until if until is not None else at + DAY_MS
        elif mode == "unbury":
            buried_until = 0
        elif mode == "forget":
            card.stage, card.step, card.due, card.interval = Stage.NEW, None, None, 0
            card.stability = card.difficulty = None
        elif mode == "due-date":
            _set_due(card, at, max(until or 0, 0), hour, tz)
    return CardState(
        _STAGES[card.stage],
        card.step,
        card.stability,
        card.difficulty,
        card.due,
        card.last_review,
        card.reps,
        card.lapses,
        suspended,
        buried_until,
        last_event,
        content,
        card.interval,
    )


def event_row(event: Event) -> Row:
    return (
        event.id,
        event.at,
        event.mode,
        event.rating,
        event.retention,
        event.until,
        event.content_hash,
        event.day_start,
    )


def apply(
    state: CardState,
    event: Event,
    params: Parameters = DEFAULT_PARAMETERS,
    tz: tzinfo | None = None,
) -> CardState:
    """The state after one event. Practice and quiz answers leave it unchanged."""
    if event.mode not in STATE_MODES:
        return state
    return fold_rows((event_row(event),), state, params, tz)


def fold(
    events: Iterable[Event],
    state: CardState = NEW_CARD,
    params: Parameters = DEFAULT_PARAMETERS,
    tz: tzinfo | None = None,
) -> CardState:
    """The state after a card's events, given in log order (time, then id)."""
    rows = [event_row(event) for event in events if event.mode in STATE_MODES]
    return fold_rows(rows, state, params, tz)


def preview(
    state: CardState,
    at: int,
    review_id: str,
    retention: float,
    day_start: int = DEFAULT_DAY_START_HOUR,
    params: Parameters = DEFAULT_PARAMETERS,
    tz: tzinfo | None = None,
) -> dict[Rating, int]:
    """The due time each rating would give (for showing intervals beside the rating keys)."""
    return {
        rating: apply(
            state,
            Event(review_id, at, "study", int(rating), retention, day_start=day_start),
            params,
            tz,
        ).due
        or at
        for rating in Rating
    }


def retrievability(
    state: CardState, at: int, params: Parameters = DEFAULT_PARAMETERS
) -> float | None:
    """FSRS's probability of recall at `at`, or None for a card never answered."""
    if state.stage == Stage.NEW or state.stability is None or state.last_review is None:
        return None
    return forgetting_curve(max(at - state.last_review, 0) / DAY_MS, state.stability, params)
