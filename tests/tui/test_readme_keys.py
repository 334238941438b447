"""The README's keys tables (its "Keys" section) against the screens' bindings: every key it
lists is bound, to the id it names, on the screen it names, and every binding with an id is
listed. The quiz setup screen is left out: its keys are described with the quizzes."""

from __future__ import annotations

import re
from pathlib import Path

from textual.dom import DOMNode

from quizapp.tui.app import QuizApp, bound_nodes
from quizapp.tui.editing.dialogs import BrokenEditScreen, CopyDeckScreen, PickCardScreen
from quizapp.tui.keys import declared_bindings
from quizapp.tui.screens.browse import BrowseScreen
from quizapp.tui.screens.browse_due import SetDueScreen
from quizapp.tui.screens.help import HelpScreen
from quizapp.tui.screens.home import HomeScreen
from quizapp.tui.screens.leave_quiz import LeaveQuizScreen
from quizapp.tui.screens.optimize import OptimizeScreen
from quizapp.tui.screens.quiz import QuizScreen
from quizapp.tui.screens.quiz_setup import QuizSetupScreen
from quizapp.tui.screens.results import ResultsScreen
from quizapp.tui.screens.settings import SettingsScreen
from quizapp.tui.screens.stats import StatsScreen
from quizapp.tui.screens.study import StudyScreen
from quizapp.tui.screens.tag_picker import TagPickerScreen
from quizapp.tui.widgets.option_picker import OptionPicker

README = Path(__file__).resolve().parents[2] / "README.md"

SCREENS: dict[str, tuple[type[DOMNode], ...]] = {
    "Everywhere": (QuizApp,),
    "Home": (HomeScreen,),
    "Study by tag": (TagPickerScreen,),
    "Study and practice": (StudyScreen, OptionPicker),
    "Quiz setup": (QuizSetupScreen,),
    "Quiz": (QuizScreen,),
    "Leaving a quiz": (LeaveQuizScreen,),
    "Quiz results": (ResultsScreen,),
    "The card browser": (BrowseScreen,),
    "Setting a due date": (SetDueScreen,),
    "Statistics": (StatsScreen,),
    "Settings": (SettingsScreen,),
    "Optimize FSRS": (OptimizeScreen,),
    "Help": (HelpScreen,),
    "Editing a card": (CopyDeckScreen, BrokenEditScreen, PickCardScreen),
}
"""Each heading of the README's keys section (the words before any parenthesis) and the
classes whose bindings its table lists."""

NAMES = {"Space": "space", "Enter": "enter", "Escape": "escape", "?": "question_mark"}
NAMES |= {"/": "slash", "F1": "f1"}
"""Keys as the README writes them -> as bindings name them (the others are written alike)."""

KEY_RANGE = re.compile(r"`(\d)`-`(\d)`")
ID_RANGE = re.compile(r"`([a-z_.]+?)(\d)`-`\1(\d)`")

Listed = dict[str, dict[str, set[str]]]
"""Heading -> binding id -> the keys listed for it."""


def keys_section(text: str) -> list[str]:
    """The lines of the README's "## Keys" section."""
    lines = text.splitlines()
    start = lines.index("## Keys")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), None)
    return lines[start + 1 : end]


def row_pairs(key_cell: str, id_cell: str) -> list[tuple[str, str]]:
    """(key, binding id) of one row: "`1`-`9` | `quiz.option1`-`quiz.option9`" is nine."""
    keys, ids = KEY_RANGE.fullmatch(key_cell), ID_RANGE.fullmatch(id_cell)
    if keys and ids:
        first, last = int(keys[1]), int(keys[2])
        assert (first, last) == (int(ids[2]), int(ids[3])), f"ranges differ: {key_cell} {id_cell}"
        return [(str(n), f"{ids[1]}{n}") for n in range(first, last + 1)]
    names = re.findall(r"`([^`]+)`", id_cell)
    assert len(names) == 1, f"one id per row: {id_cell}"
    return [(NAMES.get(key, key), names[0]) for key in re.findall(r"`([^`]+)`", key_cell)]


def listed(text: str) -> Listed:
    tables: Listed = {}
    heading = ""
    for line in keys_section(text):
        if line.startswith("### "):
            heading = line[4:].split(" (")[0].strip()
            assert heading not in tables, f"two headings {heading!r}"
            tables[heading] = {}
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if not line.startswith("|") or cells[0] in ("key", "---"):
            continue
        assert heading, f"a keys table before any heading: {line}"
        for key, binding_id in row_pairs(cells[0], cells[1]):
            tables[heading].setdefault(binding_id, set()).add(key)
    return tables


def bound(nodes: tuple[type[DOMNode], ...]) -> dict[str, set[str]]:
    """Binding id -> its keys, as the classes `nodes` declare them (no keymap)."""
    return {
        binding.id: {key.strip() for key in binding.key.split(",")}
        for binding in declared_bindings(nodes)
        if binding.id
    }


def test_the_keys_section_has_a_table_for_every_screen_with_keys() -> None:
    tables = listed(README.read_text(encoding="utf-8"))
    assert set(tables) == set(SCREENS)
    assert all(tables.values()), "every heading has its rows"
    covered = {node for nodes in SCREENS.values() for node in nodes}
    assert covered == set(bound_nodes()), "a screen with keys has no table"


def test_every_key_listed_is_bound_and_every_binding_is_listed() -> None:
    tables = listed(README.read_text(encoding="utf-8"))
    problems: list[str] = []
    for heading, nodes in SCREENS.items():
        documented, declared = tables.get(heading, {}), bound(nodes)
        for binding_id in sorted(documented.keys() - declared.keys()):
            problems.append(f"{heading}: {binding_id} is listed but not bound there")
        for binding_id in sorted(declared.keys() - documented.keys()):
            problems.append(f"{heading}: {binding_id} ({', '.join(declared[binding_id])}) missing")
        for binding_id in sorted(documented.keys() & declared.keys()):
            if documented[binding_id] != declared[binding_id]:
                problems.append(
                    f"{heading}: {binding_id} listed as {sorted(documented[binding_id])}, "
                    f"bound to {sorted(declared[binding_id])}"
                )
    assert problems == []


def test_the_check_finds_a_wrong_key_and_a_missing_binding() -> None:
    """The parsing the tests above rely on: a table row read wrong would pass anything."""
    text = README.read_text(encoding="utf-8")
    assert listed(text)["Home"]["home.study"] == {"s"}
    assert listed(text)["Everywhere"]["app.help"] == {"question_mark", "f1"}
    assert listed(text)["Quiz"]["quiz.option9"] == {"9"}
    wrong = text.replace("| `s` | `home.study` |", "| `x` | `home.study` |")
    assert listed(wrong)["Home"]["home.study"] != bound((HomeScreen,))["home.study"]
    missing = text.replace("| `q` | `home.quit` | quits |\n", "")
    assert "home.quit" not in listed(missing)["Home"] and "home.quit" in bound((HomeScreen,))
