"""Finished quizzes and their answers (`quiz_runs`, `quiz_answers`): for the results screen,
the statistics, and the best and last score of each deck."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from quizapp.core.store.connection import Connection
from quizapp.core.store.records import RETRY_KIND, QuizAnswer, QuizRun, QuizSummary

_RUN_COLUMNS = "id, deck_id, started_at, finished_at, score, total, kind"


class QuizStore(Connection):
    def save_quiz(self, run: QuizRun) -> None:
        """Keep a finished quiz and its answers (saving the same id twice keeps the first)."""

        def work(con: sqlite3.Connection) -> None:
            cursor = con.execute(
                "INSERT OR IGNORE INTO quiz_runs (id, deck_id, kind, started_at, finished_at, "
                "score, total) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    run.id,
                    run.deck_id,
                    run.kind,
                    run.started_at,
                    run.finished_at,
                    run.score,
                    run.total,
                ),
            )
            if not cursor.rowcount:
                return
            con.executemany(
                "INSERT INTO quiz_answers (quiz_id, position, card_id, direction, question, "
                "given, expected, verdict, score, format, claim) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        run.id,
                        i,
                        a.card_id,
                        a.direction,
                        a.question,
                        a.given,
                        a.expected,
                        a.verdict,
                        a.score,
                        a.format,
                        a.claim,
                    )
                    for i, a in enumerate(run.answers)
                ],
            )

        self._write(work)

    def quiz_runs(self, deck_id: str | None = None, *, answers: bool = False) -> list[QuizRun]:
        """Finished quizzes, newest first."""
        where, params = ("WHERE deck_id = ?", (deck_id,)) if deck_id else ("", ())
        rows = self._read(
            f"SELECT {_RUN_COLUMNS} FROM quiz_runs {where} ORDER BY finished_at DESC, id DESC",
            params,
        )
        runs = [QuizRun(*row) for row in rows]
        if answers:
            runs = [self.quiz_run(run.id) or run for run in runs]
        return runs

    def quiz_run(self, quiz_id: str) -> QuizRun | None:
        rows = self._read(
            f"SELECT {_RUN_COLUMNS} FROM quiz_runs WHERE id = ?",
            (quiz_id,),
        )
        if not rows:
            return None
        answers = self._read(
            "SELECT card_id, direction, question, given, expected, verdict, score, format, claim "
            "FROM quiz_answers WHERE quiz_id = ? ORDER BY position",
            (quiz_id,),
        )
        run: QuizRun = QuizRun(*rows[0])
        return replace(run, answers=tuple(QuizAnswer(*row) for row in answers))

    def quiz_summary(self, deck_id: str) -> QuizSummary:
        """How many quizzes, the best (highest score ratio, latest on ties) and the last.

        Retries of missed questions (kind "retry") are left out: three questions answered
        again right after seeing them are not a score to compare with a whole quiz.
        """
        columns = _RUN_COLUMNS
        where = f"WHERE deck_id = ? AND kind <> '{RETRY_KIND}'"
        count = self._read(f"SELECT count(*) FROM quiz_runs {where}", (deck_id,))[0][0]
        best = self._read(
            f"SELECT {columns} FROM quiz_runs {where} "
            "ORDER BY score / max(total, 1) DESC, finished_at DESC LIMIT 1",
            (deck_id,),
        )
        last = self._read(
            f"SELECT {columns} FROM quiz_runs {where} ORDER BY finished_at DESC, id DESC LIMIT 1",
            (deck_id,),
        )
        return QuizSummary(
            int(count),
            QuizRun(*best[0]) if best else None,
            QuizRun(*last[0]) if last else None,
        )
