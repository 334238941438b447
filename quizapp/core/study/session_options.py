"""The options a study session is opened with (`Session(...)` and `Session.open(...)`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, tzinfo
from typing import Literal, TypedDict

from quizapp.core.schedule import Mode
from quizapp.core.study.answering import Judge
from quizapp.core.study.learn_phase import ChoiceMaker

SessionMode = Literal["study", "practice"]
Clock = Callable[[], datetime]


class SessionOptions(TypedDict, total=False):
    """The keyword arguments of `Session` (and `Session.open`)."""

    mode: Mode | SessionMode
    clock: Clock | None
    judge: Judge | None
    tz: tzinfo | None
    ids: Callable[[int], str] | None
    cards: Iterable[str] | None
    seed: int | None
    tags: Iterable[str] | None
    choices: ChoiceMaker | None
