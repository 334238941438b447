"""A typed answer to a Prompt judged on its own: its list items, or its accepted answers."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from quizapp.core.judge.answer import judge_text
from quizapp.core.judge.context import NO_CONTEXT, CardContext
from quizapp.core.judge.lists import judge_list
from quizapp.core.judge.verdict import Verdict

if TYPE_CHECKING:
    from quizapp.core.deck.prompts import Prompt


def judge_prompt(
    prompt: Prompt,
    typed: str,
    known_words: Collection[str] = (),
    context: CardContext = NO_CONTEXT,
) -> Verdict:
    """Judge a typed answer to a Prompt with these known words and this context. To judge as
    study and quiz do, use `judge_for(deck)(prompt, typed)`, which knows the deck's."""
    if prompt.items:
        return judge_list(
            typed,
            prompt.items,
            prompt.answer_lang,
            ordered=prompt.ordered,
            reject=prompt.reject,
            strict_accents=prompt.strict_accents,
            article_required=prompt.article_required,
            known_words=known_words,
            context=context,
        )
    return judge_text(
        typed,
        prompt.expected,
        prompt.answer_lang,
        reject=prompt.reject,
        strict_accents=prompt.strict_accents,
        article_required=prompt.article_required,
        known_words=known_words,
        context=context,
    )
