"""Results of a quiz: the score, the time taken and every question with its verdict.

`r` starts a new quiz over the missed questions (the quiz screen does it: this screen is
dismissed with "retry"); Escape or Enter goes back.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Header, Static

from quizapp.core.deck.model import Deck
from quizapp.core.store.records import QuizAnswer, QuizRun
from quizapp.core.text import visible
from quizapp.tui.base import Localised, LocalisedScreen
from quizapp.tui.editing import pick_and_edit
from quizapp.tui.i18n import has, t, tn
from quizapp.tui.widgets.footer import KeyFooter

_MARKS = {"correct": "✓", "almost": "✓", "partial": "½", "wrong": "✗", "unanswered": "–"}


def minutes_seconds(ms: int) -> str:
    """A duration as a clock shows it: 4:05, or 1:02:03 past an hour."""
    seconds = max(0, ms) // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes}:{seconds:02d}"


def score_text(score: float, lang: str) -> str:
    """7.5 -> "7,5" in Italian; whole scores without decimals."""
    text = f"{score:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "it" else text


def answer_lines(answer: QuizAnswer, lang: str) -> Text:
    """One question of the results: the question, what was given with the verdict, and the
    right answer. Card text and what was typed are appended as plain text, never parsed as
    markup, with control, bidi and zero-width characters shown as their escapes."""
    text = Text()
    outcome = answer.verdict if has(f"outcome.{answer.verdict}") else "wrong"
    text.append(visible(answer.question), style="bold")
    text.append("\n")
    if answer.format == "truefalse":
        text.append(f"{t(lang, 'results.statement')}: ")
        text.append(visible(answer.claim))
        text.append("\n")
        given = {"true": t(lang, "quiz.true"), "false": t(lang, "quiz.false")}.get(answer.given)
    else:
        given = visible(answer.given) if answer.given else None
    text.append(f"{t(lang, 'results.given')}: ")
    text.append(given if given is not None else t(lang, "results.none"))
    text.append(f"  ·  {t(lang, f'outcome.{outcome}')}", style="italic")
    if answer.verdict != "correct":
        text.append("\n")
        text.append(f"{t(lang, 'results.expected')}: ", style="bold")
        if answer.format == "truefalse":  # the statement's truth, then the card's answer
            true = answer.claim == answer.expected
            text.append(t(lang, "quiz.true" if true else "quiz.false"))
            if not true:
                text.append(f" ({visible(answer.expected)})")
        else:
            text.append(visible(answer.expected))
    return text


def mark(answer: QuizAnswer) -> str:
    return _MARKS.get(answer.verdict, "?")


class ResultsScreen(LocalisedScreen[str | None]):
    """A finished quiz. Dismissed with "retry" (retry the missed ones) or None (back)."""

    DEFAULT_CSS = """
    ResultsScreen #summary { height: auto; padding: 1 2 0 2; text-style: bold; }
    ResultsScreen #summary-extra { height: auto; padding: 0 2; color: $text-muted; }
    ResultsScreen #answers { height: 1fr; padding: 1 2; }
    ResultsScreen .answer { height: auto; margin-bottom: 1; }
    ResultsScreen .mark { width: 2; text-style: bold; }
    ResultsScreen .body { width: 1fr; }
    ResultsScreen .correct > .mark, ResultsScreen .almost > .mark { color: $success; }
    ResultsScreen .partial > .mark { color: $warning; }
    ResultsScreen .wrong > .mark, ResultsScreen .unanswered > .mark { color: $error; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "retry", "Retry missed", id="results.retry"),
        Binding("e", "edit", "Edit", id="results.edit"),
        Binding("escape,enter", "back", "Back", id="results.back"),
    ]

    def __init__(
        self,
        run: QuizRun,
        lang: str,
        *,
        title: str = "",
        time_limit_s: int | None = None,
        timed_out: bool = False,
        deck: Deck | None = None,
    ) -> None:
        """`deck`: the quiz's deck, whose cards `e` edits (none: no editing)."""
        super().__init__(lang)
        self.deck = deck
        self.run = run
        self.title_text = title
        self.time_limit_s = time_limit_s
        self.timed_out = timed_out

    @property
    def missed(self) -> int:
        return sum(1 for answer in self.run.answers if answer.score < 1)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="summary")
        yield Static(id="summary-extra")
        with VerticalScroll(id="answers"):
            for answer in self.run.answers:
                with Horizontal(classes=f"answer {answer.verdict}"):
                    yield Static(mark(answer), classes="mark")
                    yield Static(classes="body")
        yield KeyFooter().data_bind(Localised.lang)

    def on_mount(self) -> None:
        self._draw()
        self.query_one("#answers").focus()

    def watch_lang(self) -> None:
        """Speak the new UI language at once."""
        self._draw()

    def _draw(self) -> None:
        run = self.run
        self.title = t(self.lang, "results.title")
        self.sub_title = visible(self.title_text)
        percent = round(100 * run.ratio)
        summary = t(
            self.lang,
            "results.score",
            score=score_text(run.score, self.lang),
            total=run.total,
            percent=percent,
        )
        taken = minutes_seconds(run.finished_at - run.started_at)
        if self.time_limit_s:
            taken = t(
                self.lang,
                "results.limit",
                time=taken,
                limit=minutes_seconds(self.time_limit_s * 1000),
            )
        summary += "  ·  " + t(self.lang, "results.time", time=taken)
        self.query_one("#summary", Static).update(Text(summary))
        extra = []
        unanswered = sum(1 for answer in run.answers if answer.verdict == "unanswered")
        if self.timed_out or unanswered:
            extra.append(tn(self.lang, "results.timed_out", unanswered))
        if self.missed:
            extra.append(tn(self.lang, "results.retry_hint", self.missed))
        else:
            extra.append(t(self.lang, "results.all_right"))
        self.query_one("#summary-extra", Static).update(Text("\n".join(extra)))
        bodies = self.query(".body").results(Static)
        for body, answer in zip(bodies, run.answers, strict=True):
            body.update(answer_lines(answer, self.lang))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "retry":
            return self.missed > 0
        if action == "edit":
            return self.deck is not None and bool(self.run.answers)
        return True

    def action_edit(self) -> None:
        """Edit one of the quiz's cards (which one is asked, the first missed highlighted)."""
        answers = self.run.answers
        if self.deck is not None and answers:
            cards = [(answer.card_id, f"{mark(answer)} {answer.question}") for answer in answers]
            missed = next((i for i, answer in enumerate(answers) if answer.score < 1), 0)
            pick_and_edit(self, self.deck, cards, self._deck_edited, missed)

    def _deck_edited(self, deck: Deck) -> str:
        self.deck = deck
        return "edit.results_kept"

    def action_retry(self) -> None:
        if self.missed:
            self.dismiss("retry")

    def action_back(self) -> None:
        self.dismiss(None)
