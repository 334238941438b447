"""Quiz scores over time, per deck."""

from __future__ import annotations

from datetime import tzinfo

from quizapp.core.schedule import study_day
from quizapp.core.stats.calendar import day_date
from quizapp.core.stats.model import QuizHistory, QuizPoint, ratio
from quizapp.core.store import Store


def quiz_history(
    store: Store,
    deck_ids: tuple[str, ...],
    start: int,
    end: int,
    start_hour: int,
    tz: tzinfo | None,
) -> tuple[QuizHistory, ...]:
    """Each deck's quizzes finished in [start, end), oldest first, dated by study day (decks
    without any are left out)."""
    histories = []
    for deck_id in deck_ids:
        runs = [
            QuizPoint(
                run.finished_at,
                day_date(study_day(run.finished_at, start_hour, tz), tz),
                run.score,
                run.total,
                run.kind,
            )
            for run in reversed(store.quiz_runs(deck_id))
            if start <= run.finished_at < end
        ]
        if runs:
            summary = store.quiz_summary(deck_id)
            best, last = summary.best, summary.last
            histories.append(
                QuizHistory(
                    deck_id,
                    tuple(runs),
                    best=ratio(best.score, best.total) if best else None,
                    last=ratio(last.score, last.total) if last else None,
                )
            )
    return tuple(histories)
