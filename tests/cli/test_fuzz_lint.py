"""`quizapp validate --lint` against generated decks and source texts: the decks of the validate
fuzz test (valid, with mistakes, with damaged TOML) and decks written from a small stock of
the words, figures, names and paragraph citations that the lint checks look at, so that its
checks fire often.

Properties, for every file: the lint never raises and prints no traceback; every problem is
`path:line:column: severity: message` inside the file, and every lint warning ends with its
check's name and is followed by its fix; the exit status is 0 exactly when there is no error
(no problem at all with --strict); nothing a terminal would act on is printed raw.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from quizapp.core.deck.loading import check_text
from quizapp.core.lint import CHECKS, lint_deck, parse_source
from tests.cli.test_fuzz_validate import (
    _PARSER,
    PROBLEM,
    SUMMARY,
    broken_decks,
    damaged_texts,
    fuzz,
    valid_decks,
)
from tests.hostile import raw_controls

WORDS = [
    "Hangzhou", "DeepSeek", "Alibaba", "Kevin Jin", "economista", "The New China Playbook",
    "6 milioni di dollari", "6 milioni", "sei", "6", "2021", "35%", "1 trilione di yuan",
    "la Cina", "the United States", "China", "Tesla", "«di ragionamento»", "costola",
    "offshoot", "to rush", "stock", "share", "paragrafo 3", "paragraph 12", "§ 2-4", "e", ",",
    "chi", "quale", "secondo", "l'articolo", "modello", "veicoli elettrici", "batterie",
    "cinesi", "(", ")", "\\(", "\u202e", "\x1b[31m", "", " ",
]  # fmt: skip
ANSWERS = [w for w in WORDS if w.strip() and w not in ("(", ")", "\\(", ",", "e")]

words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join)
sentences = words.filter(lambda s: s.strip() != "" and "(" not in s and ")" not in s)
answer = st.sampled_from(ANSWERS).filter(lambda s: "(" not in s)
optional = st.builds(lambda a, b: f"{a} ({b})", answer, answer)
answers = st.lists(st.one_of(answer, optional), min_size=1, max_size=3)


def _side(kind: str) -> st.SearchStrategy[dict[str, Any]]:
    note = {"note": sentences}
    if kind == "qa":
        return st.fixed_dictionaries(
            {"question": sentences, "answers": answers},
            optional={**note, "reject": answers},
        )
    if kind == "vocab":
        return st.fixed_dictionaries({"terms": answers}, optional=note)
    if kind == "cloze":
        gap = st.builds(lambda a, b: "{{" + a + "|" + b + "}}", answer, answer)
        text = st.builds(lambda s, g, t: f"{s} {g} {t}", sentences, gap, sentences)
        return st.fixed_dictionaries({"text": text}, optional={**note, "reject": answers})
    if kind == "choice":
        return st.fixed_dictionaries(
            {
                "question": sentences,
                "answer": answer,
                "distractors": st.lists(answer, min_size=2, max_size=3, unique=True),
            },
            optional=note,
        ).filter(
            lambda side: (
                side["answer"].casefold() not in {d.casefold() for d in side["distractors"]}
            )
        )
    item = st.one_of(answer, st.lists(st.one_of(answer, optional), min_size=1, max_size=2))
    return st.fixed_dictionaries(
        {"question": sentences, "items": st.lists(item, min_size=1, max_size=3)}, optional=note
    )


@st.composite
def themed_decks(draw: st.DrawFn) -> dict[str, Any]:
    cards = []
    for number in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["qa", "vocab", "cloze", "choice", "list"]))
        card: dict[str, Any] = {"id": f"c{number}", "kind": kind}
        for lang in ("it", "en"):
            card[lang] = draw(_side(kind))
        if draw(st.booleans()):
            card["tags"] = [draw(st.sampled_from(["people", "level-1", "vocab"]))]
        cards.append(card)
    deck = {
        "id": "fuzz",
        "version": "1",
        "title": {"it": "T", "en": "T"},
        "description": {"it": "D", "en": "D"},
        "author": "A",
        "license": "L",
    }
    return {"deck": deck, "cards": cards}


sources = st.lists(
    st.one_of(words, st.sampled_from(["", "TITOLO", "Un paragrafo.", "\r"])), max_size=8
).map("\n".join)

LINT_WARNING = re.compile(r" \[(?P<check>[a-z-]+)\]$")


def check_lint_output(path: Path, text: str, code: int, out: str, err: str, strict: bool) -> None:
    assert err == "" and "Traceback" not in out, err
    assert raw_controls(out) == []
    lines = out.splitlines()
    assert lines and SUMMARY.match(lines[-1]), out
    file_lines = text.removeprefix("\ufeff").split("\n")
    loaded = re.compile(rf"^{re.escape(str(path))}: (ok|fails \(--strict\)): deck '.+', \d+ cards$")
    severities: list[str] = []
    expect_fix = False
    for line in lines[:-1]:
        if expect_fix:
            assert line.startswith("    fix: ") and len(line) > len("    fix: "), line
            expect_fix = False
            continue
        if loaded.match(line):
            continue
        match = PROBLEM.match(line)
        assert match is not None and match["path"] == str(path), f"no line:column in {line!r}"
        number, column = int(match["line"]), int(match["column"])
        assert 1 <= number <= len(file_lines), (line, len(file_lines))
        assert 1 <= column <= len(file_lines[number - 1]) + 1, (line, file_lines[number - 1])
        lint = LINT_WARNING.search(line)
        if lint is not None and lint["check"] in CHECKS:
            assert match["severity"] == "warning"
            expect_fix = True
        severities.append(match["severity"])
    assert not expect_fix, "a lint warning without its fix"
    failed = "error" in severities or (strict and "warning" in severities)
    assert code == (1 if failed else 0), (code, severities, out)


def lint_in_process(
    tmp_path: Path, text: str, source: str | None, strict: bool
) -> tuple[Path, int, str, str]:
    path = tmp_path / "deck.toml"
    path.write_text(text, encoding="utf-8", newline="")
    argv = ["validate", "--lint", str(path), *(["--strict"] if strict else [])]
    if source is not None:
        source_path = tmp_path / "source.txt"
        source_path.write_text(source, encoding="utf-8", newline="")
        argv += ["--source", str(source_path)]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        args = _PARSER.parse_args(argv)
        code = args.handler(args)
    return path, code, out.getvalue(), err.getvalue()


def run(tmp_path: Path, text: str, source: str | None, strict: bool) -> None:
    path, code, out, err = lint_in_process(tmp_path, text, source, strict)
    check_lint_output(path, text, code, out, err, strict)


@fuzz(500)
@given(themed_decks(), st.one_of(st.none(), sources), st.booleans())
def test_themed_decks_lint_without_raising(
    tmp_path: Path, document: dict[str, Any], source: str | None, strict: bool
) -> None:
    run(tmp_path, tomli_w.dumps(document), source, strict)


@fuzz(300)
@given(valid_decks(), st.one_of(st.none(), sources), st.booleans())
def test_valid_decks_lint_without_raising(
    tmp_path: Path, document: dict[str, Any], source: str | None, strict: bool
) -> None:
    run(tmp_path, tomli_w.dumps(document), source, strict)


@fuzz(300)
@given(st.one_of(broken_decks().map(lambda b: tomli_w.dumps(b[0])), damaged_texts()))
def test_broken_decks_lint_without_raising(tmp_path: Path, text: str) -> None:
    run(tmp_path, text, None, False)


def test_the_themed_decks_do_make_the_checks_fire() -> None:
    """The stock of words is there to trip the checks: a few decks of it warn of each kind."""
    fired: set[str] = set()
    source = parse_source("DeepSeek ha sede a Hangzhou.\nUn altro paragrafo.\n")

    @fuzz(300)
    @given(themed_decks())
    def collect(document: dict[str, Any]) -> None:
        text = tomli_w.dumps(document)
        result = check_text(Path("deck.toml"), text)
        if result.deck is not None:
            for problem in lint_deck(result.deck, text, "deck.toml", source_text=source):
                fired.add(problem.check)

    collect()
    assert len(fired) >= 5, fired
