"""`quizapp validate` and the loader against generated decks: valid ones built from the deck
model's structure, the same with mistakes (missing keys, wrong types, duplicate ids, bad
slugs, unknown kinds and keys, broken answer syntax) and with the TOML text itself damaged.

Properties, for every file: no traceback; every problem is printed as
`path:line:column: severity: message` with the line and column inside the file; the exit
status is 0 exactly when there is no error (no problem at all with --strict); `load_deck`
agrees; nothing a terminal would act on is printed raw.

The number of examples per test is QUIZAPP_FUZZ_EXAMPLES (default below: a few thousand in
all, well under a minute); set it higher for long runs.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.cli.main import build_parser, main
from quizapp.core.deck.loading import DeckError, load_deck
from quizapp.core.deck.model import SLUG_PATTERN
from tests.hostile import raw_controls

_EXAMPLES = os.environ.get("QUIZAPP_FUZZ_EXAMPLES")


def _examples(default: int) -> int:
    return int(_EXAMPLES) if _EXAMPLES else default


def fuzz(default: int) -> Any:
    return settings(
        max_examples=_examples(default),
        deadline=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
        ],
    )


# -- valid decks, from the model's structure ------------------------------------------------

_any_char = st.characters(exclude_categories=("Cs",))
# Text in answers avoids the answer syntax: parentheses, braces, `|`, `:` and backslashes.
_answer_char = st.characters(exclude_categories=("Cs",), exclude_characters="(){}|:\\")
_segment_char = st.characters(exclude_categories=("Cs",), exclude_characters="{}")


def _nonblank(chars: st.SearchStrategy[str], max_size: int = 16) -> st.SearchStrategy[str]:
    return st.text(chars, min_size=1, max_size=max_size).filter(lambda s: s.strip() != "")


texts = _nonblank(_any_char, 16)
answers = _nonblank(_answer_char, 12)
_slug_part = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=6)
slugs = st.tuples(st.lists(_slug_part, min_size=1, max_size=3), st.sampled_from("-_.")).map(
    lambda parts: parts[1].join(parts[0])
)


def _distinct_options(values: list[str]) -> bool:
    folded = [v.strip().casefold() for v in values]
    return len(set(folded)) == len(folded)


@st.composite
def cloze_texts(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 3))):
        parts.append(draw(st.text(_segment_char, max_size=10)))
        gap = "|".join(draw(st.lists(answers, min_size=1, max_size=2)))
        hint = draw(st.one_of(st.none(), _nonblank(_segment_char.filter(lambda c: c != ":"), 8)))
        parts.append("{{" + gap + (f"::{hint}" if hint else "") + "}}")
    parts.append(draw(st.text(_segment_char, max_size=10)))
    return "".join(parts)


def _side(kind: str) -> st.SearchStrategy[dict[str, Any]]:
    note = {"note": texts}
    if kind == "qa":
        return st.fixed_dictionaries(
            {"question": texts, "answers": st.lists(answers, min_size=1, max_size=3)},
            optional={**note, "reject": st.lists(answers, max_size=2)},
        )
    if kind == "vocab":
        return st.fixed_dictionaries(
            {"terms": st.lists(answers, min_size=1, max_size=3)},
            optional={**note, "example": texts},
        )
    if kind == "cloze":
        return st.fixed_dictionaries({"text": cloze_texts()}, optional=note)
    if kind == "choice":
        return st.fixed_dictionaries(
            {
                "question": texts,
                "answer": answers,
                "distractors": st.lists(answers, max_size=3),
            },
            optional=note,
        ).filter(lambda side: _distinct_options([side["answer"], *side["distractors"]]))
    return st.fixed_dictionaries(
        {
            "question": texts,
            "items": st.lists(
                st.one_of(answers, st.lists(answers, min_size=1, max_size=2)),
                min_size=1,
                max_size=4,
            ),
        },
        optional=note,
    )


@st.composite
def cards(draw: st.DrawFn, card_id: str) -> dict[str, Any]:
    kind = draw(st.sampled_from(["qa", "vocab", "cloze", "choice", "list"]))
    card: dict[str, Any] = {"id": card_id, "kind": kind}
    languages = draw(st.sampled_from([("it",), ("en",), ("it", "en")]))
    if kind == "vocab":
        languages = ("it", "en")
    for lang in languages:
        card[lang] = draw(_side(kind))
    extra = draw(
        st.fixed_dictionaries(
            {},
            optional={
                "tags": st.lists(slugs, max_size=3),
                "source": texts,
                "strict_accents": st.booleans(),
                "article_required": st.booleans(),
            },
        )
    )
    card.update(extra)
    if kind == "vocab" and draw(st.booleans()):
        card["pos"] = draw(st.sampled_from(["noun", "verb", "adjective", "expression"]))
        card["gender"] = draw(st.sampled_from(["m", "f", "m/f", "m pl", "f pl"]))
    if kind == "list" and draw(st.booleans()):
        card["ordered"] = draw(st.booleans())
    return card


@st.composite
def valid_decks(draw: st.DrawFn) -> dict[str, Any]:
    info: dict[str, Any] = {
        "id": draw(slugs),
        "version": draw(texts),
        "title": {"it": draw(texts), "en": draw(texts)},
        "description": {"it": draw(texts), "en": draw(texts)},
        "author": draw(texts),
        "license": draw(texts),
    }
    info.update(
        draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "format": st.just(1),
                    "source": texts,
                    "languages": st.sampled_from([["it"], ["en"], ["it", "en"]]),
                },
            )
        )
    )
    ids = draw(st.lists(slugs, max_size=3, unique=True))
    return {"deck": info, "cards": [draw(cards(card_id)) for card_id in ids]}


# -- mistakes -------------------------------------------------------------------------------

_REQUIRED = {
    ("deck",): ["id", "version", "title", "description", "author", "license"],
    ("card",): ["id", "kind"],
}
_wrong_values = st.one_of(
    st.integers(),
    st.booleans(),
    st.floats(allow_nan=False),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.sampled_from(["x", "it"]), st.integers(), max_size=2),
)


def _paths(node: Any, prefix: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


def _parent(document: Any, path: tuple[str | int, ...]) -> Any:
    node = document
    for part in path[:-1]:
        node = node[part]
    return node


@st.composite
def broken_decks(draw: st.DrawFn) -> tuple[dict[str, Any], bool]:
    """A valid deck with one or two mistakes, perhaps after one change that may or may not be a
    mistake; True when a mistake surely breaks it (no later one can undo it)."""
    document = draw(valid_decks())
    sure = False
    texted: tuple[Any, ...] | None = None
    if draw(st.booleans()):  # any text anywhere: first, so that it cannot undo a mistake below
        texted = path = draw(st.sampled_from(_paths(document)))
        _parent(document, path)[path[-1]] = draw(st.text(_any_char, max_size=12))
    for _ in range(draw(st.integers(1, 2))):
        if not isinstance(document.get("deck"), dict):
            break  # an earlier mistake replaced the whole [deck] table
        raw_cards = document.get("cards")
        cards_list = (
            [c for c in raw_cards if isinstance(c, dict)] if isinstance(raw_cards, list) else []
        )
        mistake = draw(
            st.sampled_from(
                [
                    "drop-required",
                    "wrong-type",
                    "duplicate-id",
                    "bad-slug",
                    "unknown-kind",
                    "unknown-key",
                    "blank",
                    "answer-syntax",
                ]
            )
        )
        if mistake == "drop-required":
            if cards_list and draw(st.booleans()):
                card = draw(st.sampled_from(cards_list))
                key = draw(st.sampled_from(_REQUIRED[("card",)]))
                card.pop(key, None)
            else:
                key = draw(st.sampled_from(_REQUIRED[("deck",)]))
                document["deck"].pop(key, None)
            sure = True
        elif mistake == "wrong-type":
            path = draw(st.sampled_from(_paths(document)))
            value = draw(_wrong_values)
            parent = _parent(document, path)
            original = parent[path[-1]]
            parent[path[-1]] = value
            # an int where a float is allowed, a list where a list is: not surely wrong; nor a
            # value in place of the text just written there (`cards = []` is a valid deck)
            sure = sure or (
                isinstance(original, str) and not isinstance(value, str) and path != texted
            )
        elif mistake == "duplicate-id" and cards_list and isinstance(raw_cards, list):
            card = draw(st.sampled_from(cards_list))
            if "id" in card and isinstance(card["id"], str):
                raw_cards.append(dict(card))
                sure = True
        elif mistake == "bad-slug":
            where = draw(st.sampled_from(["deck", *range(len(cards_list))]))
            target = document["deck"] if where == "deck" else cards_list[where]
            target["id"] = draw(
                st.text(_any_char, max_size=12).filter(
                    lambda s: re.fullmatch(SLUG_PATTERN, s) is None
                )
            )
            sure = True
        elif mistake == "unknown-kind" and cards_list:
            card = draw(st.sampled_from(cards_list))
            card["kind"] = draw(
                st.text(_any_char, max_size=8).filter(
                    lambda s: s not in ("qa", "vocab", "cloze", "choice", "list")
                )
            )
            sure = True
        elif mistake == "unknown-key":
            node = draw(st.sampled_from([document, document["deck"], *cards_list]))
            key = draw(st.text(_any_char, min_size=1, max_size=10))
            if key not in node and key not in ("deck", "cards", "format", "languages", "source"):
                node[key] = draw(st.integers())
                sure = sure or key not in _KNOWN_OPTIONAL
        elif mistake == "blank":
            path = draw(st.sampled_from([p for p in _paths(document)] or [("deck",)]))
            parent = _parent(document, path)
            if isinstance(parent[path[-1]], str):
                parent[path[-1]] = draw(st.sampled_from(["", "   ", "\t\n"]))
                sure = sure or path[-1] not in ("source",)
        elif mistake == "answer-syntax" and cards_list:
            card = draw(st.sampled_from(cards_list))
            for lang in ("it", "en"):
                side = card.get(lang)
                if isinstance(side, dict) and isinstance(side.get("answers"), list):
                    side["answers"].append(draw(st.sampled_from(["(", "a)", "((a))", "()"])))
                    sure = True
                    break
    return document, sure


_KNOWN_OPTIONAL = {
    "tags",
    "source",
    "strict_accents",
    "article_required",
    "pos",
    "gender",
    "ordered",
    "note",
    "example",
    "reject",
    "distractors",
    "it",
    "en",
    "source_url",
}


# -- damage to the TOML text ----------------------------------------------------------------

_toml_noise = st.one_of(
    st.sampled_from([*"[]{}=\"'#,.\n\\ ", '"""', "'''", "[[", "]]", "\\u", "\r", "\x00"]),
    st.text(_any_char, min_size=1, max_size=4),
)


@st.composite
def damaged_texts(draw: st.DrawFn) -> str:
    text = tomli_w.dumps(draw(valid_decks()))
    for _ in range(draw(st.integers(1, 4))):
        if not text:
            break
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "truncate", "duplicate-line"]))
        if action == "insert":
            text = text[:at] + draw(_toml_noise) + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 8)) :]
        elif action == "truncate":
            text = text[:at]
        else:
            lines = text.split("\n")
            index = draw(st.integers(0, len(lines) - 1))
            lines.insert(index, lines[index])
            text = "\n".join(lines)
    return text


# -- the properties -------------------------------------------------------------------------

PROBLEM = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning): .+$"
)
SUMMARY = re.compile(
    r"^1 file checked: [01] valid, [01] with problems \(\d+ errors?, \d+ warnings?\)$"
)


def check_output(path: Path, text: str, code: int, stdout: str, stderr: str, strict: bool) -> str:
    """Assert the properties; return "valid", "warnings" or "errors" for statistics."""
    assert "Traceback" not in stderr and stderr == "", stderr
    assert raw_controls(stdout) == []
    lines = stdout.splitlines()
    assert lines and SUMMARY.match(lines[-1]), stdout
    file_lines = text.removeprefix("\ufeff").split("\n")
    severities = []
    loaded = re.compile(rf"^{re.escape(str(path))}: (ok|fails \(--strict\)): deck '.+', \d+ cards$")
    for line in lines[:-1]:
        if loaded.match(line):
            continue
        match = PROBLEM.match(line)
        assert match is not None and match["path"] == str(path), f"no line:column in {line!r}"
        number, column = int(match["line"]), int(match["column"])
        assert 1 <= number <= len(file_lines), (line, len(file_lines))
        assert 1 <= column <= len(file_lines[number - 1]) + 1, (line, file_lines[number - 1])
        severities.append(match["severity"])
    errors = "error" in severities
    failed = errors or (strict and "warning" in severities)
    assert code == (1 if failed else 0), (code, severities, stdout)
    # The loader agrees with the command.
    if errors:
        with pytest.raises(DeckError):
            load_deck(path)
    else:
        assert load_deck(path) is not None
    return "errors" if errors else "warnings" if severities else "valid"


_PARSER = build_parser()


def validate_in_process(path: Path, strict: bool) -> tuple[int, str, str]:
    """`quizapp validate` as `main` runs it, with the argument parser built once (building it
    costs more than checking a small deck)."""
    out, err = io.StringIO(), io.StringIO()
    argv = ["validate", str(path), *(["--strict"] if strict else [])]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        args = _PARSER.parse_args(argv)
        code = args.handler(args)
    return code, out.getvalue(), err.getvalue()


def test_the_in_process_runner_is_main(tmp_path: Path) -> None:
    path = tmp_path / "deck.toml"
    path.write_text("[deck]\nid = 3\n", encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["validate", str(path)]) == 1
    assert validate_in_process(path, strict=False) == (1, out.getvalue(), "")


def run_case(tmp_path: Path, text: str, strict: bool) -> str:
    path = tmp_path / "deck.toml"
    path.write_text(text, encoding="utf-8", newline="")
    code, stdout, stderr = validate_in_process(path, strict)
    return check_output(path, text, code, stdout, stderr, strict)


@fuzz(600)
@given(valid_decks(), st.booleans())
def test_valid_decks_validate(tmp_path: Path, document: dict[str, Any], strict: bool) -> None:
    outcome = run_case(tmp_path, tomli_w.dumps(document), strict)
    assert outcome != "errors"


@fuzz(900)
@given(broken_decks(), st.booleans())
def test_decks_with_mistakes_give_located_errors(
    tmp_path: Path, broken: tuple[dict[str, Any], bool], strict: bool
) -> None:
    document, sure = broken
    outcome = run_case(tmp_path, tomli_w.dumps(document), strict)
    if sure:
        assert outcome == "errors"


@fuzz(900)
@given(damaged_texts(), st.booleans())
def test_damaged_toml_gives_located_errors(tmp_path: Path, text: str, strict: bool) -> None:
    run_case(tmp_path, text, strict)


@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.one_of(damaged_texts(), broken_decks().map(lambda b: tomli_w.dumps(b[0]))))
def test_validate_as_a_separate_process(tmp_path: Path, text: str) -> None:
    path = tmp_path / "deck.toml"
    path.write_text(text, encoding="utf-8", newline="")
    result = subprocess.run(
        [sys.executable, "-m", "quizapp", "validate", str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=60,
        check=False,
    )
    check_output(path, text, result.returncode, result.stdout, result.stderr, strict=False)
