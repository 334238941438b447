"""Wrong answers that look right: the options of a multiple-choice question and the near miss
of a true/false statement.

A distractor for a prompt is the answer of another card of the same type, in the same language:

* vocabulary gives vocabulary (the target term of another card in the same direction, the same
  part of speech first); other kinds give the answers of qa, cloze and choice cards (and the
  wrong options that choice cards list, and the known wrong answers of `reject` lists);
* a figure gives a figure of the same sort (a year for a year, a percentage for a percentage,
  a sum in the same currency for a sum, a count for a count), the closest in size first, and
  never a figure for a word or a word for a figure;
* among the rest, those that share the card's type tags (a level or a lesson tag that vocabulary
  and questions both carry is not one), whose question opens the same way
  ("Chi ...", "Quale azienda ...", "In che anno ...") or whose gap has the same hint
  ("un'azienda", "aggettivo"), and whose answer has the same shape (a name with capitals, the
  same number of words) come first. A little seeded noise varies them from quiz to quiz.

When a deck has too few of them, figures and months get generated near misses (`near_misses`:
2021 -> 2020, "6 milioni" -> "60 milioni", "marzo" -> "aprile"). A candidate the judge would
accept as the right answer is never used, and no two options are the same once normalised.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterable
from dataclasses import replace

from quizapp.core.deck import ChoiceCard, Prompt, VocabCard
from quizapp.core.quiz.candidates import (
    FAMILY,
    WEAK_OPENINGS,
    Candidate,
    accepted,
    describe,
    option_key,
    own_wrong_options,
    rejects,
    right_answer,
    target,
)
from quizapp.core.quiz.near_misses import generated

IsRight = Callable[[str], bool]
"""Would the judge accept this text as the answer to the prompt at hand?"""

JITTER = 1.5
"""The most that seeded noise adds to a candidate's score."""

# -- scoring -------------------------------------------------------------------------------


def compatible(goal: Candidate, other: Candidate) -> bool:
    """The hard rules: same language, vocabulary with vocabulary, a figure only for a figure
    of the same sort, and any other answer only with some sign that it is of the same type."""
    return (
        other.lang == goal.lang
        and (other.kind == "vocab") == (goal.kind == "vocab")
        and other.figure == goal.figure
        and other.key != goal.key
        and (goal.kind == "vocab" or goal.figure is not None or related(goal, other))
    )


def related(goal: Candidate, other: Candidate) -> bool:
    """A shared tag, the same gap hint, or a question that opens the same way."""
    if goal.tags & other.tags or (goal.hint is not None and goal.hint == other.hint):
        return True
    if not goal.opening or not other.opening or goal.opening[0] != other.opening[0]:
        return False
    return goal.opening[0] not in WEAK_OPENINGS or goal.opening[1:2] == other.opening[1:2]


def similarity(goal: Candidate, other: Candidate) -> float:
    """How alike two answers are in type (higher is more alike); see the module docstring."""
    score = 2.0 if FAMILY.get(other.kind) == FAMILY.get(goal.kind) else 0.0
    shared = goal.tags & other.tags
    if shared:
        score += 2.0 + 2.0 * len(shared) / len(goal.tags | other.tags)
    if goal.opening and other.opening and goal.opening[0] == other.opening[0]:
        score += 1.0 if goal.opening[0] in WEAK_OPENINGS else 3.0
        if goal.opening[1:2] and goal.opening[1:2] == other.opening[1:2]:
            score += 3.0
    if goal.hint and goal.hint == other.hint:
        score += 4.0
    if goal.pos and other.pos:
        score += 3.0 if goal.pos == other.pos else -2.0
    if goal.gender and goal.gender == other.gender:
        score += 1.0
    if goal.capital != other.capital:
        score -= 2.0
    score -= min(3.0, 0.7 * abs(goal.words - other.words))
    score -= min(2.0, abs(math.log2(max(1, len(other.text)) / max(1, len(goal.text)))))
    if goal.value is not None and other.value is not None:
        score -= _distance(goal, other)
    return score


def _distance(goal: Candidate, other: Candidate) -> float:
    a, b = goal.value, other.value
    assert a is not None and b is not None
    if goal.figure == "year":
        return min(4.0, float(abs(a - b)) / 3)
    if a <= 0 or b <= 0:
        return 0.0 if a == b else 2.0
    return min(4.0, 2 * abs(math.log10(float(a) / float(b))))


# -- the pool --------------------------------------------------------------------------------


def type_tags(prompts: Iterable[Prompt]) -> frozenset[str]:
    """The tags that say what type of answer a card has. A tag that vocabulary cards and
    question cards both carry (a level, a lesson, a section) cuts across types, so it never
    makes two answers alike; a deck without vocabulary keeps all its tags."""
    vocab: set[str] = set()
    others: set[str] = set()
    for prompt in prompts:
        (vocab if isinstance(prompt.card, VocabCard) else others).update(prompt.card.tags)
    return frozenset((vocab | others) - (vocab & others))


class Pool:
    """Every answer of a deck (for one study language and vocabulary direction) that can stand
    in as a wrong answer to another card's prompt."""

    def __init__(self, prompts: Iterable[Prompt]) -> None:
        self.candidates: list[Candidate] = []
        prompts = list(prompts)
        self.type_tags = type_tags(prompts)
        seen: set[tuple[str, str, str]] = set()
        for prompt in prompts:
            if prompt.items:
                continue  # a list's answer is many items: not an option for anything else
            texts = [(right_answer(prompt), "answer", accepted(prompt))]
            texts += [(text, "option", (text,)) for text in own_wrong_options(prompt)]
            texts += [(text, "reject", (written,)) for text, written in rejects(prompt)]
            for text, source, forms in texts:
                identity = (prompt.card.id, prompt.answer_lang, text)
                if identity in seen:
                    continue
                seen.add(identity)
                self.candidates.append(self._typed(describe(prompt, text, source, forms)))

    def _typed(self, candidate: Candidate) -> Candidate:
        """The candidate with only its type tags (see `type_tags`)."""
        return replace(candidate, tags=candidate.tags & self.type_tags)

    def ranked(self, prompt: Prompt, rng: random.Random) -> list[Candidate]:
        """Candidates for `prompt`, most plausible first: the prompt's own known wrong
        answers, then the deck's answers of the same type, then generated near misses."""
        goal = self._typed(target(prompt))
        scored: list[tuple[float, int, Candidate]] = []
        for index, (reject, written) in enumerate(rejects(prompt)):
            own = self._typed(describe(prompt, reject, "reject", (written,)))
            if compatible(goal, own):
                scored.append((100.0 - index, 0, own))
        for order, other in enumerate(self.candidates, start=1):
            if other.card_id == prompt.card.id or not compatible(goal, other):
                continue
            scored.append((similarity(goal, other) + rng.uniform(0, JITTER), order, other))
        # Generated figures fill in behind the deck's own; a month's neighbours always fit.
        fallback = 2.5 if goal.figure is not None else 7.0
        for order, made in enumerate(generated(goal), start=len(self.candidates) + 1):
            scored.append((fallback + rng.uniform(0, JITTER), order, made))
        scored.sort(key=lambda item: (-item[0], item[1]))
        return [candidate for _, _, candidate in scored]

    def distractors(
        self, prompt: Prompt, count: int, rng: random.Random, is_right: IsRight
    ) -> list[str]:
        """Up to `count` wrong answers for `prompt`, most plausible first, none the judge
        would accept and no two alike."""
        if prompt.items:
            return []
        return pick(self.ranked(prompt, rng), count, set(target(prompt).keys), is_right)


def pick(ranked: Iterable[Candidate], count: int, taken: set[str], is_right: IsRight) -> list[str]:
    """The first `count` candidates that are not taken (by key) and not right."""
    chosen: list[str] = []
    taken = set(taken)
    for candidate in ranked:
        if len(chosen) >= count:
            break
        keys = candidate.keys
        if not candidate.key or keys & taken:
            continue
        taken.update(keys)
        if is_right(candidate.text):
            continue
        chosen.append(candidate.text)
    return chosen


def own_options(
    prompt: Prompt, pool: Pool, count: int, rng: random.Random, is_right: IsRight
) -> list[str]:
    """A choice card's wrong options: its own, topped up from the pool when it has fewer
    than two (a deck may leave `distractors` empty and let the quiz find some)."""
    if not isinstance(prompt.card, ChoiceCard):
        raise TypeError("own_options is for choice cards")
    own = own_wrong_options(prompt)
    if len(own) >= 2:
        return own
    keys = set(target(prompt).keys) | {option_key(text) for text in own}
    return own + pick(pool.ranked(prompt, rng), max(0, count - len(own)), keys, is_right)


__all__ = ["IsRight", "Pool", "own_options", "pick", "right_answer"]
