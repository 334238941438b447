"""The judge against a table of cases (tests/core/data/judge_cases.tsv), one row per case."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from quizapp.core.judge import Outcome, Verdict, judge, judge_list
from quizapp.core.rating import Rating

TABLE = Path(__file__).parent / "data" / "judge_cases.tsv"
COLUMNS = [
    "verdict",
    "code",
    "score",
    "lang",
    "typed",
    "expected",
    "reject",
    "known",
    "flags",
    "why",
]
_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


def _unescape(text: str) -> str:
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def _alternatives(text: str) -> list[str]:
    return [part.strip() for part in text.split(" | ") if part.strip()]


@dataclass(frozen=True)
class Case:
    line: int
    verdict: str
    code: str
    score: str
    lang: str
    typed: str
    expected: str
    reject: str
    known: str
    flags: frozenset[str]
    why: str

    @property
    def id(self) -> str:
        return f"{self.line}:{self.why or self.typed}"


def load_cases() -> list[Case]:
    cases = []
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    header_seen = False
    for number, raw in enumerate(lines, start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if not header_seen:
            assert cells == COLUMNS, f"{TABLE.name}:{number}: unexpected header {cells}"
            header_seen = True
            continue
        assert len(cells) == len(COLUMNS), f"{TABLE.name}:{number}: {len(cells)} columns"
        row = dict(zip(COLUMNS, (_unescape(cell) for cell in cells), strict=True))
        cases.append(
            Case(
                line=number,
                verdict=row["verdict"],
                code=row["code"],
                score=row["score"],
                lang=row["lang"],
                typed=row["typed"],
                expected=row["expected"],
                reject=row["reject"],
                known=row["known"],
                flags=frozenset(row["flags"].split()),
                why=row["why"],
            )
        )
    return cases


CASES = load_cases()


def run_case(case: Case) -> Verdict:
    known = frozenset(word.casefold() for word in _alternatives(case.known))
    reject = _alternatives(case.reject)
    strict, article = "strict" in case.flags, "article" in case.flags
    if "list" in case.flags:
        items = [_alternatives(item) for item in case.expected.split(" ; ")]
        return judge_list(
            case.typed,
            items,
            case.lang,
            ordered="ordered" in case.flags,
            reject=reject,
            strict_accents=strict,
            article_required=article,
            known_words=known,
        )
    return judge(
        case.typed,
        _alternatives(case.expected),
        case.lang,
        reject=reject,
        strict_accents=strict,
        article_required=article,
        known_words=known,
    )


def test_the_table_is_big_and_covers_every_verdict() -> None:
    assert len(CASES) >= 200
    assert {case.verdict for case in CASES} == {o.value for o in Outcome}
    assert {case.lang for case in CASES} == {"it", "en"}
    assert sum("list" in case.flags for case in CASES) >= 30


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_case(case: Case) -> None:
    verdict = run_case(case)
    where = f"{TABLE.name}:{case.line} {case.typed!r} vs {case.expected!r}"
    got = (verdict.outcome.value, verdict.code)
    assert verdict.outcome.value == case.verdict, f"{where}: got {got}, {verdict.reason['en']}"
    if case.code:
        assert verdict.code == case.code, f"{where}: got {got}, {verdict.reason['en']}"
    if case.score:
        right, total = (int(n) for n in case.score.split("/"))
        assert verdict.score == (right, total), where
    assert verdict.reason["it"] and verdict.reason["en"]
    assert verdict.reason["it"] != verdict.reason["en"]


def test_suggested_ratings_follow_the_verdicts() -> None:
    for case in CASES:
        verdict = run_case(case)
        right, total = verdict.score
        expected = {
            Outcome.CORRECT: Rating.GOOD,
            Outcome.ALMOST: Rating.HARD,
            Outcome.WRONG: Rating.AGAIN,
        }.get(verdict.outcome)
        if verdict.outcome is Outcome.PARTIAL:
            expected = Rating.HARD if 2 * right >= total else Rating.AGAIN
        assert verdict.rating is expected, f"line {case.line}"
