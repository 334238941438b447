"""`quizapp judge`: how quizapp judges a typed answer, for deck authors and for checking.

quizapp judge --expected "Liang Wenfeng" "liang wenfneg"
quizapp judge --deck deepseek-it --card v3-training-cost "6 miliardi di dollari"
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quizapp.core.deck import Prompt
    from quizapp.core.judge import Verdict


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "judge",
        help="judge a typed answer and show the verdict, the reason and the diff",
        description="Judge TYPED against accepted answers given with --expected, or against a "
        "card of a deck (--deck and --card), and show the verdict, the reason in Italian and "
        "English, the suggested rating and a character diff (^ wrong, + extra, - missing). "
        "Exit status: 0 once judged, whatever the verdict; 1 for a deck or card that cannot "
        "be used; 2 for a usage error. Put -- before an answer that starts with '-'.",
    )
    parser.add_argument("typed", metavar="TYPED", help="the answer as a learner typed it")
    given = parser.add_argument_group("answers given on the command line")
    given.add_argument(
        "--expected",
        action="append",
        metavar="ANSWER",
        help="an accepted answer, in the deck answer syntax (repeat for alternatives; with "
        "--list, each is one item and A|B gives an item's alternatives)",
    )
    given.add_argument(
        "--reject", action="append", default=[], metavar="ANSWER", help="a known wrong answer"
    )
    given.add_argument("--list", action="store_true", help="the answers are the items of a list")
    given.add_argument("--ordered", action="store_true", help="with --list: order matters")
    given.add_argument(
        "--strict-accents", action="store_true", help="an accent mistake counts as wrong"
    )
    given.add_argument(
        "--article-required", action="store_true", help="a missing article counts as wrong"
    )
    from_deck = parser.add_argument_group("a card of a deck")
    from_deck.add_argument("--deck", metavar="DECK", help="a deck file, file name or deck id")
    from_deck.add_argument("--card", metavar="ID", help="the card id")
    from_deck.add_argument(
        "--direction",
        metavar="D",
        help="which prompt of the card: it>en or en>it (vocab, default it>en), it.2 (cloze "
        "gap 2, default the first gap), it or en (that side, without --lang)",
    )
    parser.add_argument(
        "--lang",
        choices=("it", "en"),
        help="the answer's language (default it); with --deck, the side of the card",
    )
    parser.add_argument("--json", action="store_true", help="print the verdict as JSON")
    parser.set_defaults(handler=run, judge_parser=parser)


def run(args: argparse.Namespace) -> int:
    parser: argparse.ArgumentParser = args.judge_parser
    if args.deck is None and args.card is None and not args.expected:
        parser.error("give the accepted answers with --expected, or a card with --deck and --card")
    if args.deck is not None or args.card is not None:
        if args.expected or args.reject or args.list or args.ordered:
            parser.error(
                "--deck/--card take the answers from the card: drop --expected, "
                "--reject, --list and --ordered"
            )
        if args.deck is None or args.card is None:
            parser.error("--deck and --card go together")
        return _run_card(args)
    if args.ordered and not args.list:
        parser.error("--ordered needs --list")
    if args.direction is not None:
        parser.error("--direction needs --deck and --card")
    return _run_expected(args)


def _run_expected(args: argparse.Namespace) -> int:
    from quizapp.core.judge import judge, judge_list

    lang = args.lang or "it"
    if args.list:
        items = [
            [form.strip() for form in item.split("|") if form.strip()] for item in args.expected
        ]
        verdict = judge_list(
            args.typed,
            [item for item in items if item],
            lang,
            ordered=args.ordered,
            reject=args.reject,
            strict_accents=args.strict_accents,
            article_required=args.article_required,
        )
    else:
        verdict = judge(
            args.typed,
            args.expected,
            lang,
            reject=args.reject,
            strict_accents=args.strict_accents,
            article_required=args.article_required,
        )
    _show(args, verdict)
    return 0


def _fail(message: str) -> int:
    from quizapp.cli.output import warn

    warn(message)
    return 1


def _run_card(args: argparse.Namespace) -> int:
    from quizapp.cli.output import warn
    from quizapp.core.deck import DeckError, catalog, load_deck

    try:
        path = catalog.resolve(args.deck)
    except catalog.UnknownDeck as error:
        return _fail(f"quizapp judge: {error}")
    try:
        deck = load_deck(path)
    except DeckError as error:
        for problem in error.problems:
            warn(problem.format())
        return _fail(f"quizapp judge: the deck {path} has errors; fix them first")
    try:
        card = deck.card(args.card)
    except KeyError:
        known = ", ".join(card.id for card in deck.cards[:12])
        more = ", ..." if len(deck.cards) > 12 else ""
        return _fail(
            f"quizapp judge: deck '{deck.id}' has no card '{args.card}' (cards: {known}{more})"
        )
    prompts = card_prompts(deck.id, card, args.lang, args.direction)
    if not prompts:
        return _fail(
            f"quizapp judge: card '{card.id}' has nothing to ask (a vocab card needs "
            "both languages)"
        )
    prompt = _pick(prompts, args.direction, card.kind)
    if prompt is None:
        choices = ", ".join(p.direction for p in prompts)
        return _fail(
            f"quizapp judge: card '{card.id}' has no direction '{args.direction}' "
            f"(choose from: {choices})"
        )
    judged = card_verdict(deck, card.id, args.direction, args.typed, args.lang)
    assert judged is not None  # the card and its direction were found above
    _show(args, judged[1], judged[0])
    return 0


def card_prompts(deck_id: str, card: Any, lang: str | None, direction: str | None) -> list[Any]:
    """The card's prompts in `lang`, or else in the language `direction` names ("en",
    "en.2"), or else Italian."""
    from quizapp.core.deck import prompts_for

    if lang is None and direction is not None:
        head = direction.partition(".")[0]
        lang = head if head in ("it", "en") else None
    return prompts_for(deck_id, card, study_lang=lang or "it", vocab="both")


def card_verdict(
    deck: Any, card_id: str, direction: str | None, typed: str, lang: str | None = None
) -> tuple[Prompt, Verdict] | None:
    """What `quizapp judge --deck --card [--direction] [--lang] TYPED` judges, or None for a
    card or direction the deck does not have."""
    from quizapp.core.judge import judge_for  # the very judge study and quiz use

    card = deck.card(card_id)
    prompt = _pick(card_prompts(deck.id, card, lang, direction), direction, card.kind)
    if prompt is None:
        return None
    return prompt, judge_for(deck)(prompt, typed)


def _pick(prompts: list[Prompt], direction: str | None, kind: str) -> Prompt | None:
    if direction is None:
        if kind == "vocab":
            direction = "it>en"
        else:
            return prompts[0]
    for prompt in prompts:
        if prompt.direction == direction:
            return prompt
    for prompt in prompts:  # "en" on a cloze card: its first gap in English
        if prompt.direction.partition(".")[0] == direction:
            return prompt
    return None


def _show(args: argparse.Namespace, verdict: Verdict, prompt: Prompt | None = None) -> None:
    from quizapp.cli.output import emit_json

    if args.json:
        data = verdict.to_json()
        if prompt is not None:
            data["card"] = {
                "deck": prompt.deck_id,
                "id": prompt.card.id,
                "kind": prompt.kind,
                "direction": prompt.direction,
                "question": prompt.question,
            }
        emit_json(data)
        return
    from quizapp.cli.output import say

    for line in render(verdict, prompt):
        say(
            line
        )  # escaped once more: render already escapes card text, and escaping twice is harmless


def _marks_help(verdict: Verdict) -> bool:
    """Marks under the characters, unless they would only add noise: a list (its items are
    shown one by one below) or a figure written in another notation ("6.000.000 $" for
    "6 milioni di dollari", explained by the "read as" line)."""
    if verdict.items or verdict.code == "amount":
        return False
    if verdict.readings is None:
        return True
    changed = sum(len(s.text) for s in verdict.diff.expected if s.tag != "ok")
    return 2 * changed <= len(verdict.closest)


def render(verdict: Verdict, prompt: Prompt | None = None) -> list[str]:
    """The verdict as plain lines; card text in them is escaped for the terminal."""
    from quizapp.core.judge import OUTCOME_NAMES
    from quizapp.core.judge.diff import LEGEND, plain_line
    from quizapp.core.text import printable as safe

    lines: list[str] = []
    if prompt is not None:
        lines.append(f"card      {safe(prompt.card.id)} ({prompt.kind}, {safe(prompt.direction)})")
        lines.append(f"question  {safe(prompt.question)}")
    names = OUTCOME_NAMES[verdict.outcome]
    right, total = verdict.score
    lines.append(
        f"verdict   {names['en']} ({names['it']})   score {right}/{total}   "
        f"rating {verdict.rating.label}"
    )
    lines.append(f"reason    {safe(verdict.reason['en'])}")
    lines.append(f"motivo    {safe(verdict.reason['it'])}")
    if verdict.readings is not None:
        typed_reading, expected_reading = verdict.readings
        lines.append(f"read as   {typed_reading}   (expected {expected_reading})")
    typed_text, typed_marks = plain_line(verdict.diff.typed)
    expected_text, expected_marks = plain_line(verdict.diff.expected)
    show_marks = _marks_help(verdict)
    lines.append("typed     " + (typed_text if typed_text else "(nothing)"))
    if show_marks and typed_marks:
        lines.append("          " + typed_marks)
    lines.append("expected  " + expected_text)
    if show_marks and expected_marks:
        lines.append("          " + expected_marks)
    if show_marks and (typed_marks or expected_marks):
        lines.append(f"          ({LEGEND})")
    for item in verdict.items:
        state = item.code if item.code in ("missing", "not_asked") else item.outcome.value
        typed = safe(item.typed) if item.typed is not None else "-"
        fix = ""
        if item.typed is not None and item.expected and item.outcome.value != "correct":
            fix = f" → {safe(item.expected)}"
        elif item.typed is None and item.expected:
            typed = safe(item.expected)
        lines.append(f"item      {state:<10}{typed}{fix}")
    return lines
