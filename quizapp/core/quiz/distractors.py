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

When a deck has too few of them, figures and months get generated near misses (2021 -> 2020,
"6 milioni" -> "60 milioni", "marzo" -> "aprile"). A candidate the judge would accept as the
right answer is never used, and no two options are the same once normalised.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from quizapp.core.deck.answers import display, expand
from quizapp.core.deck.model import ChoiceCard, VocabCard
from quizapp.core.deck.prompts import Prompt
from quizapp.core.judge.amounts import SCALES, parse_amounts, parse_digits
from quizapp.core.judge.normalise import normalise, prepare_cached

IsRight = Callable[[str], bool]
"""Would the judge accept this text as the answer to the prompt at hand?"""

JITTER = 1.5
"""The most that seeded noise adds to a candidate's score."""

# -- the shape of an answer --------------------------------------------------------------------


def _split(words: str) -> tuple[str, ...]:
    return tuple(words.split())


@lru_cache(maxsize=8192)
def figure_class(text: str) -> tuple[str | None, Decimal | None]:
    """What sort of figure an answer is: year, percent, money:<currency>, count (or None for
    an answer that is not a figure), with its value."""
    amounts = parse_amounts(normalise(text))
    if not amounts or len(amounts) != 1:
        return None, None
    amount = amounts[0]
    if amount.unit == "%":
        return "percent", amount.value
    if amount.unit is not None:
        return f"money:{amount.unit}", amount.value
    bare = normalise(text)
    if bare.isdigit() and len(bare) == 4 and 1000 <= amount.value <= 2999:
        return "year", amount.value
    return "count", amount.value


@lru_cache(maxsize=8192)
def option_key(text: str) -> str:
    """Two options with the same key read as the same answer: alike but for case, accents,
    spaces and dashes, or the same figure ("3" and "tre", "1.000" and "mille")."""
    figure, value = figure_class(text)
    if figure is not None and value is not None:
        return f"{figure}={value.normalize()}"
    words = list(prepare_cached(text).loose)
    if len(words) > 1 and words[0] in _FUNCTION_WORDS:
        words = words[1:]  # "in March" and "March", "the Premier" and "Premier"
    return "".join(words)


_FUNCTION_WORDS = frozenset(
    _split(
        "il lo la l i gli le un uno una di del della dei delle a al alla ai in nel nella nei "
        "nelle the a an of in on at to"
    )
)


_LEADING = frozenset(
    _split("di a da in con su per tra fra secondo of at for with by from to on according")
)
_SAME_WORD = {
    "che": "quale",
    "quali": "quale",
    "qual": "quale",
    "quanti": "quanto",
    "quante": "quanto",
    "quanta": "quanto",
    "what": "which",
    "many": "much",
}


_WEAK_OPENINGS = frozenset(_split("quale come cosa which how"))
"""First words that say little about what is asked ("Quale ...?"); "Chi", "Dove", "Quando"
say a lot."""
_FAMILY = {"qa": "question", "choice": "question", "cloze": "cloze", "vocab": "vocab"}


@lru_cache(maxsize=4096)
def opening(question: str) -> tuple[str, ...]:
    """The first two words of a question, the way questions of one type open alike:
    "In che anno ..." and "In quale anno ..." both give ("quale", "anno")."""
    words = re.findall(r"[^\W\d_]+", normalise(question))
    if words and words[0] in _LEADING:
        words = words[1:]
    return tuple(_SAME_WORD.get(word, word) for word in words[:2])


@dataclass(frozen=True)
class Candidate:
    """One possible wrong answer, with what it is compared on."""

    text: str
    card_id: str
    kind: str
    lang: str
    tags: frozenset[str]
    opening: tuple[str, ...] = ()
    hint: str | None = None
    figure: str | None = None
    value: Decimal | None = None
    words: int = 1
    capital: bool = False
    pos: str | None = None
    gender: str | None = None
    source: str = "answer"
    """answer, option (a choice card's wrong option), reject (a known wrong answer), generated."""
    key: str = ""
    forms: tuple[str, ...] = ()
    """Every answer the card accepts beside this one, in the deck's syntax."""

    @property
    def keys(self) -> frozenset[str]:
        """The keys of every form the card accepts for this answer ("in March" and "March")."""
        return _forms_keys(self.forms) | {self.key}


@lru_cache(maxsize=4096)
def _forms_keys(answers: tuple[str, ...]) -> frozenset[str]:
    keys: set[str] = set()
    for answer in answers:
        try:
            forms = expand(answer)
        except ValueError:  # a choice option is plain text, parentheses and all
            forms = [answer]
        keys.update(option_key(form) for form in forms)
    return frozenset(keys)


def _candidate(
    prompt: Prompt, text: str, source: str = "answer", forms: Iterable[str] = ()
) -> Candidate:
    card = prompt.card
    figure, value = figure_class(text)
    key = f"{figure}={value.normalize()}" if value is not None else option_key(text)
    return Candidate(
        text=text,
        card_id=card.id,
        kind=card.kind,
        lang=prompt.answer_lang,
        tags=frozenset(card.tags),
        opening=opening(prompt.question) if card.kind in ("qa", "choice") else (),
        hint=normalise(prompt.hint) if prompt.hint else None,
        figure=figure,
        value=value,
        words=max(1, len(prepare_cached(text).words)),
        capital=any(word[:1].isupper() for word in text.split()),
        pos=card.pos if isinstance(card, VocabCard) else None,
        gender=card.gender if isinstance(card, VocabCard) else None,
        source=source,
        key=key,
        forms=tuple(forms),
    )


def right_answer(prompt: Prompt) -> str:
    """The right answer as an option shows it: a choice card's answer as written (its options
    are plain text), otherwise the fullest accepted form."""
    if isinstance(prompt.card, ChoiceCard) or prompt.items:
        return prompt.expected[0] if prompt.expected else prompt.answer_display
    return _display(prompt.expected[0])


_display = lru_cache(maxsize=8192)(display)


def _accepted(prompt: Prompt) -> tuple[str, ...]:
    """Every answer a prompt accepts, in the deck's answer syntax."""
    if isinstance(prompt.card, ChoiceCard):
        return (prompt.expected[0],)
    return prompt.expected


def target(prompt: Prompt) -> Candidate:
    """The right answer of a prompt, described like a candidate."""
    return _candidate(prompt, right_answer(prompt), forms=_accepted(prompt))


def _own_options(prompt: Prompt) -> list[str]:
    """A choice card's wrong options, as written."""
    return [option for option in prompt.options if option != prompt.expected[0]]


def _rejects(prompt: Prompt) -> list[tuple[str, str]]:
    """A prompt's known wrong answers: (as shown, as written)."""
    shown = []
    for reject in prompt.reject:
        try:
            shown.append((display(reject), reject))
        except ValueError:  # pragma: no cover - the deck model checked the syntax
            continue
    return shown


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
    return goal.opening[0] not in _WEAK_OPENINGS or goal.opening[1:2] == other.opening[1:2]


def similarity(goal: Candidate, other: Candidate) -> float:
    """How alike two answers are in type (higher is more alike); see the module docstring."""
    score = 2.0 if _FAMILY.get(other.kind) == _FAMILY.get(goal.kind) else 0.0
    shared = goal.tags & other.tags
    if shared:
        score += 2.0 + 2.0 * len(shared) / len(goal.tags | other.tags)
    if goal.opening and other.opening and goal.opening[0] == other.opening[0]:
        score += 1.0 if goal.opening[0] in _WEAK_OPENINGS else 3.0
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


# -- generated near misses -------------------------------------------------------------------

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_PLURAL = {
    "milione": "milioni",
    "miliardo": "miliardi",
    "trilione": "trilioni",
    "bilione": "bilioni",
}
_SINGULAR = {plural: singular for singular, plural in _PLURAL.items()}
_SCALE_SWAP = {
    "milioni": "miliardi",
    "miliardi": "milioni",
    "million": "billion",
    "billion": "million",
    "millions": "billions",
    "billions": "millions",
}
_MONTHS = {
    "it": _split(
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
        "dicembre"
    ),
    "en": _split(
        "January February March April May June July August September October November December"
    ),
}
_SEASONS = {
    "it": _split("primavera estate autunno inverno"),
    "en": _split("spring summer autumn winter"),
}


def _format_like(token: str, value: Decimal, lang: str) -> str:
    """`value` written the way `token` writes numbers (thousands dots, a decimal comma)."""
    grouped = re.fullmatch(r"\d{1,3}([.,])\d{3}(?:\1\d{3})*", token)
    group = grouped.group(1) if grouped else ""
    if grouped:
        mark = "," if group == "." else "."
    elif "," in token or "." in token:
        mark = "," if "," in token else "."
    else:
        mark = "," if lang == "it" else "."
    value = value.normalize()
    if value == value.to_integral_value():
        digits = str(int(value))
        if group and len(digits) > 3:
            parts = []
            while digits:
                parts.append(digits[-3:])
                digits = digits[:-3]
            digits = group.join(reversed(parts))
        return digits
    whole, _, fraction = f"{value:f}".partition(".")
    return f"{whole}{mark}{fraction[:2]}"


def _near_values(figure: str, value: Decimal, scaled: bool) -> list[Decimal]:
    """Values a learner might confuse with `value`: a few years off, a percentage doubled or
    halved, a small count one off, a sum or a large count ten times more or less."""
    if figure == "year":
        return [value + step for step in (-1, 1, -2, 2, 3, -3)]
    if figure == "percent":
        if value == 0:
            return [Decimal(n) for n in (5, 10, 20, 50)]
        steps = [value * 2, value / 2, value + 10, value - 10, value + 5, value - 5]
        return [v for v in steps if 0 < v <= 100 or (value > 100 and v > 0)]
    if figure == "count" and not scaled and value == value.to_integral_value() and value <= 12:
        return [v for v in (value + 1, value - 1, value + 2, value * 2, value + 3) if v > 0]
    return [value * 10, value / 10, value * 2, value / 2]


def near_figures(text: str, figure: str, lang: str) -> list[str]:
    """Figures near a figure answer, written alike: "6 milioni di dollari" -> "60 milioni di
    dollari", "6 miliardi di dollari"...; years a few years off."""
    match = _NUMBER.search(text)
    if match is None:
        return []
    token = match.group()
    value = parse_digits(token)
    if value is None:
        return []
    before, after = text[: match.start()], text[match.end() :]
    scale = re.match(r"(\s+)(\w+)", after)
    scaled = scale is not None and scale.group(2).lower() in SCALES
    out = []
    for near in _near_values(figure, value, scaled):
        try:
            written = _format_like(token, near, lang)
        except (InvalidOperation, ValueError):  # pragma: no cover - values are small decimals
            continue
        out.append(before + written + _agree(after, near == 1))
    if scale and scale.group(2).lower() in _SCALE_SWAP:
        swapped = _SCALE_SWAP[scale.group(2).lower()]
        out.insert(1, before + token + scale.group(1) + swapped + after[scale.end() :])
    return out


def _agree(after: str, one: bool) -> str:
    """ "1 miliardo" but "10 miliardi": the scale word after a changed number."""
    match = re.match(r"(\s+)(\w+)", after)
    if match is None:
        return after
    word = match.group(2)
    table = _SINGULAR if one else _PLURAL
    if word.lower() not in table:
        return after
    return match.group(1) + table[word.lower()] + after[match.end() :]


def near_words(text: str, lang: str) -> list[str]:
    """Other months (or seasons) for a month (or season) answer, written alike: "marzo" ->
    "aprile", "in March" -> "in April"."""
    head, _, last = text.strip().rpartition(" ")
    prefix = f"{head} " if head else ""
    if len(head.split()) > 2:
        return []
    for table in (_MONTHS, _SEASONS):
        names: tuple[str, ...] = table.get(lang, ())
        lowered = [name.lower() for name in names]
        if last.lower() in lowered:
            index = lowered.index(last.lower())
            size = len(names)
            steps = (1, -1, 2, -2, 3) if size > 4 else (1, -1, 2)
            return [prefix + names[(index + step) % size] for step in steps]
    return []


def generated(goal: Candidate) -> list[Candidate]:
    """Near misses made from the answer itself, for decks with too few of the same type."""
    if goal.figure is not None:
        texts = near_figures(goal.text, goal.figure, goal.lang)
    else:
        texts = near_words(goal.text, goal.lang)
    made = []
    for text in texts:
        figure, value = figure_class(text)
        if figure != goal.figure:
            continue
        made.append(
            replace(
                goal,
                text=text,
                value=value,
                source="generated",
                key=option_key(text),
                forms=(),
            )
        )
    return made


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
            texts = [(right_answer(prompt), "answer", _accepted(prompt))]
            texts += [(text, "option", (text,)) for text in _own_options(prompt)]
            texts += [(text, "reject", (written,)) for text, written in _rejects(prompt)]
            for text, source, forms in texts:
                identity = (prompt.card.id, prompt.answer_lang, text)
                if identity in seen:
                    continue
                seen.add(identity)
                self.candidates.append(self._typed(_candidate(prompt, text, source, forms)))

    def _typed(self, candidate: Candidate) -> Candidate:
        return replace(candidate, tags=candidate.tags & self.type_tags)

    def ranked(self, prompt: Prompt, rng: random.Random) -> list[Candidate]:
        """Candidates for `prompt`, most plausible first: the prompt's own known wrong
        answers, then the deck's answers of the same type, then generated near misses."""
        goal = self._typed(target(prompt))
        scored: list[tuple[float, int, Candidate]] = []
        for index, (reject, written) in enumerate(_rejects(prompt)):
            own = self._typed(_candidate(prompt, reject, "reject", (written,)))
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
    own = _own_options(prompt)
    if len(own) >= 2:
        return own
    keys = set(target(prompt).keys) | {option_key(text) for text in own}
    return own + pick(pool.ranked(prompt, rng), max(0, count - len(own)), keys, is_right)
