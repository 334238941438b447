"""What an Anki package says about scheduling: the whole review log, each card's state, the
day-start hour and each deck's FSRS parameters and desired retention.

Both collection formats: the legacy one keeps deck presets as JSON in `col.dconf` (keys
`fsrsParams6`, `desiredRetention`, `new.delays`, `lapse.delays`, `rev.maxIvl`) and the day
start in `col.conf`; the current one keeps presets as `DeckConfig.Config` protobuf messages in
`deck_config` (fields 1 learn steps, 2 relearn steps, 6 FSRS-6 parameters, 16 maximum interval,
37 desired retention), a deck's preset in `decks.kind` (Normal: 1 config id, 10 the deck's own
desired retention) and settings as JSON values in `config`.
"""

from __future__ import annotations

import json
import sqlite3
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quizapp.core.interop import limits, protobuf_wire
from quizapp.core.interop.errors import InteropError


@dataclass(frozen=True)
class AnkiLogEntry:
    """One row of Anki's revlog (rslib/src/revlog/mod.rs)."""

    id: int
    """The time of the entry, milliseconds since the epoch."""
    card_id: int
    ease: int
    """1-4 the button; 0 for a manual entry (Forget, Set due date, FSRS reschedule)."""
    interval: int
    """Days, or minus seconds for a learning step: what the scheduler gave."""
    factor: int
    kind: int
    """0 learning, 1 review, 2 relearning, 3 filtered, 4 manual, 5 rescheduled."""
    duration_ms: int

    @property
    def is_reset(self) -> bool:
        """Anki's Forget: a manual entry with no ease factor."""
        return self.kind == 4 and self.factor == 0

    @property
    def is_cramming(self) -> bool:
        """A review in a filtered deck that does not reschedule: no effect on the schedule."""
        return self.kind == 3 and self.factor == 0


@dataclass(frozen=True)
class AnkiCardState:
    id: int
    note_id: int
    ord: int
    deck_id: int
    ctype: int
    queue: int
    """-1 suspended, -2/-3 buried, 0 new, 1/3 learning, 2 review."""
    due: int
    interval: int
    stability: float | None
    difficulty: float | None


@dataclass(frozen=True)
class AnkiDeckSchedule:
    weights: tuple[float, ...] = ()
    """Empty: Anki's defaults."""
    desired_retention: float = 0.9
    learning_steps: tuple[int, ...] = (60, 600)
    relearning_steps: tuple[int, ...] = (600,)
    maximum_interval: int = 36500


@dataclass
class AnkiSchedule:
    rollover: int = 4
    log: list[AnkiLogEntry] = field(default_factory=list)
    cards: dict[int, AnkiCardState] = field(default_factory=dict)
    decks: dict[int, AnkiDeckSchedule] = field(default_factory=dict)
    """Deck id -> its schedule."""


def _floats(value: Any) -> tuple[float, ...]:
    return tuple(float(v) for v in value) if isinstance(value, list) else ()


def _steps(value: Any, default: tuple[int, ...]) -> tuple[int, ...]:
    if not isinstance(value, list):
        return default
    return tuple(int(float(minutes) * 60) for minutes in value)


def _packed_floats(data: bytes) -> tuple[float, ...]:
    return tuple(v[0] for v in struct.iter_unpack("<f", data[: len(data) // 4 * 4]))


def _float32(value: int) -> float:
    number: float = struct.unpack("<f", value.to_bytes(4, "little"))[0]
    return number


def _proto_config(blob: bytes) -> AnkiDeckSchedule:
    weights: tuple[float, ...] = ()
    learn: list[float] = []
    relearn: list[float] = []
    retention = 0.9
    maximum = 36500
    for number, wire, value in protobuf_wire.fields(blob):
        if number in (1, 2, 6):
            floats: tuple[float, ...]
            if wire == protobuf_wire.LENGTH and isinstance(value, bytes):
                floats = _packed_floats(value)
            elif isinstance(value, int):
                floats = (_float32(value),)
            else:
                continue
            if number == 1:
                learn.extend(floats)
            elif number == 2:
                relearn.extend(floats)
            else:
                weights = weights + floats
        elif number == 16 and isinstance(value, int):
            maximum = value
        elif number == 37 and wire == protobuf_wire.FIXED32 and isinstance(value, int):
            retention = round(_float32(value), 4)
    return AnkiDeckSchedule(
        weights,
        retention,
        tuple(int(m * 60) for m in learn) if learn else (60, 600),
        tuple(int(m * 60) for m in relearn) if relearn else (600,),
        maximum,
    )


def _json_config(conf: dict[str, Any]) -> AnkiDeckSchedule:
    new = conf.get("new") if isinstance(conf.get("new"), dict) else {}
    lapse = conf.get("lapse") if isinstance(conf.get("lapse"), dict) else {}
    review = conf.get("rev") if isinstance(conf.get("rev"), dict) else {}
    return AnkiDeckSchedule(
        _floats(conf.get("fsrsParams6")),
        round(float(conf.get("desiredRetention", 0.9)), 4),
        _steps((new or {}).get("delays"), (60, 600)),
        _steps((lapse or {}).get("delays"), (600,)),
        int((review or {}).get("maxIvl", 36500)),
    )


def _decks(
    connection: sqlite3.Connection, tables: dict[str, set[str]]
) -> dict[int, AnkiDeckSchedule]:
    found: dict[int, AnkiDeckSchedule] = {}
    if "deck_config" in tables and "kind" in tables.get("decks", set()):
        configs = {
            int(i): _proto_config(bytes(blob or b""))
            for i, blob in connection.execute("SELECT id, config FROM deck_config")
        }
        for deck_id, kind in connection.execute("SELECT id, kind FROM decks"):
            normal = protobuf_wire.all_bytes(bytes(kind or b""), 1)
            if not normal:
                continue
            config_id = protobuf_wire.first_int(normal[0], 1, 1)
            chosen = configs.get(config_id, AnkiDeckSchedule())
            for number, wire, value in protobuf_wire.fields(normal[0]):
                if number == 10 and wire == protobuf_wire.FIXED32 and isinstance(value, int):
                    chosen = AnkiDeckSchedule(
                        chosen.weights,
                        round(_float32(value), 4),
                        chosen.learning_steps,
                        chosen.relearning_steps,
                        chosen.maximum_interval,
                    )
            found[int(deck_id)] = chosen
        return found
    row = connection.execute("SELECT decks, dconf FROM col LIMIT 1").fetchone()
    decks = json.loads(row[0] or "{}") if row else {}
    dconf = json.loads(row[1] or "{}") if row else {}
    for key, deck in decks.items():
        conf = dconf.get(str(deck.get("conf", 1))) if isinstance(deck, dict) else None
        found[int(key)] = _json_config(conf) if isinstance(conf, dict) else AnkiDeckSchedule()
    return found


def _rollover(connection: sqlite3.Connection, tables: dict[str, set[str]]) -> int:
    value: Any = None
    if "config" in tables:
        row = connection.execute("SELECT val FROM config WHERE KEY = 'rollover'").fetchone()
        if row is not None:
            value = json.loads(bytes(row[0]).decode("utf-8"))
    if value is None and "conf" in tables.get("col", set()):
        row = connection.execute("SELECT conf FROM col LIMIT 1").fetchone()
        conf = json.loads(row[0] or "{}") if row else {}
        value = conf.get("rollover") if isinstance(conf, dict) else None
    hour = int(value) if isinstance(value, (int, float)) else 4
    return hour if 0 <= hour <= 23 else 4


def _memory(data: str) -> tuple[float | None, float | None]:
    try:
        parsed = json.loads(data or "{}")
    except ValueError:
        return None, None
    if not isinstance(parsed, dict):
        return None, None
    s, d = parsed.get("s"), parsed.get("d")
    if isinstance(s, (int, float)) and isinstance(d, (int, float)):
        return float(s), float(d)
    return None, None


def read_schedule(
    path: Path, connection: sqlite3.Connection, tables: dict[str, set[str]]
) -> AnkiSchedule:
    """The package's scheduling; InteropError when a part of it cannot be read."""
    try:
        schedule = AnkiSchedule(rollover=_rollover(connection, tables))
        schedule.decks = _decks(connection, tables)
        data = "data" if "data" in tables.get("cards", set()) else "''"
        for row in connection.execute(
            "SELECT id, nid, ord, CASE WHEN odid <> 0 THEN odid ELSE did END, type, queue, "
            f"CASE WHEN odid <> 0 THEN odue ELSE due END, ivl, {data} FROM cards"
        ):
            stability, difficulty = _memory(str(row[8] or ""))
            ints = [int(v) for v in row[:8]]
            card = AnkiCardState(
                ints[0],
                ints[1],
                ints[2],
                ints[3],
                ints[4],
                ints[5],
                ints[6],
                ints[7],
                stability,
                difficulty,
            )
            schedule.cards[card.id] = card
        if {"id", "cid", "ease", "ivl", "factor", "time", "type"} <= tables.get("revlog", set()):
            rows = connection.execute(
                "SELECT id, cid, ease, ivl, factor, type, time FROM revlog ORDER BY id LIMIT ?",
                (limits.MAX_REVIEWS + 1,),
            ).fetchall()
            if len(rows) > limits.MAX_REVIEWS:
                raise InteropError(
                    path, f"more than {limits.MAX_REVIEWS:,} reviews; history not read"
                )
            schedule.log = [
                AnkiLogEntry(
                    int(r[0]), int(r[1]), int(r[2]), int(r[3]), int(r[4]), int(r[5]), int(r[6])
                )
                for r in rows
            ]
    except (ValueError, TypeError, AttributeError, KeyError, struct.error):
        raise InteropError(path, "its scheduling information is unreadable") from None
    return schedule
