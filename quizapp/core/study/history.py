"""What `undo` can take back in a session, last first: its answers, suspends and buries, each
with the rows it logged."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from quizapp.core.schedule import Stage
from quizapp.core.store import Key
from quizapp.core.study.turns import Turn

ActionKind = Literal["answer", "suspend", "bury"]


@dataclass
class Action:
    review_ids: list[str]
    turn: Turn
    kind: ActionKind
    prior: Stage | None = None
    """The card's stage before it (an answer to a new card gives back one of the day's)."""
    keys: list[Key] = field(default_factory=list)


class History:
    def __init__(self) -> None:
        self._actions: list[Action] = []

    def __bool__(self) -> bool:
        return bool(self._actions)

    @property
    def last(self) -> Action | None:
        return self._actions[-1] if self._actions else None

    def add(self, action: Action) -> None:
        self._actions.append(action)

    def drop_last(self) -> None:
        self._actions.pop()

    def answered_ids(self) -> list[str]:
        """Ids of the answers still in the log, oldest first."""
        return [i for action in self._actions if action.kind == "answer" for i in action.review_ids]

    def keep_after_last(self, gone: Callable[[Action], bool]) -> None:
        """Forget the last action for which `gone` is true and all before it (their cards left
        the deck: undo cannot show them again)."""
        for index in range(len(self._actions) - 1, -1, -1):
            if gone(self._actions[index]):
                del self._actions[: index + 1]
                return
