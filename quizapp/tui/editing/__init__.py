"""Edit the card on show in the learner's own editor, from any screen (`e`).

`edit_card(screen, deck, card_id, done)` suspends the app, opens `$VISUAL` or `$EDITOR` (else
`editor`, `nano` or `vi`, the first found) at the card's line of its deck file (`+LINE
file`, which vi, nano, emacs and micro all read), then checks the file: a good edit calls
`done(deck)` with the deck read again, so the screen goes on with it; a broken one shows its
errors located as file:line:column and offers to edit again or to put the text back. A
bundled deck is read-only: the learner is offered a copy in their decks folder first (same
id, so it takes the bundled deck's place with its progress). Nothing here touches the
session or the progress: a screen decides what the new deck means for what it shows.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from textual.app import App, SuspendNotSupported

from quizapp.core import locations
from quizapp.core.deck.editing import CardEdit, EditError, copy_bundled, is_bundled
from quizapp.core.deck.model import Deck
from quizapp.core.store.database import StoreError
from quizapp.core.text import visible
from quizapp.tui.base import Localised
from quizapp.tui.editing.dialogs import BrokenEditScreen, CopyDeckScreen, PickCardScreen
from quizapp.tui.i18n import t

FALLBACK_EDITORS = ("editor", "nano", "vi")
"""Tried in this order when neither VISUAL nor EDITOR is set (`editor`: Debian's choice)."""

Done = Callable[[Deck], "str | None"]
"""Called with the deck read again after a good edit; a phrase key to say instead of "saved"."""


def editor_command(environ: Mapping[str, str] | None = None) -> list[str] | None:
    """The learner's editor as a command line: VISUAL, then EDITOR (either may carry
    options: `code --wait`), then the first of FALLBACK_EDITORS found; None if none is."""
    environ = os.environ if environ is None else environ
    for variable in ("VISUAL", "EDITOR"):
        try:
            parts = shlex.split(environ.get(variable, ""))
        except ValueError:
            continue
        if parts:
            return parts
    for name in FALLBACK_EDITORS:
        found = shutil.which(name, path=environ.get("PATH"))
        if found:
            return [found]
    return None


def editor_argv(command: Sequence[str], path: Path, line: int | None) -> list[str]:
    """The command that opens `path` at `line`."""
    return [*command, *([f"+{line}"] if line else []), str(path)]


def edit_card(screen: Localised, deck: Deck, card_id: str, done: Done) -> None:
    """Edit the card `card_id` of `deck` in the learner's editor (see the module docstring);
    runs as a worker of `screen`, which keeps its state whatever happens."""
    screen.run_worker(_edit(screen, deck, card_id, done), group="edit-card", exclusive=True)


def pick_and_edit(
    screen: Localised,
    deck: Deck,
    cards: Sequence[tuple[str, str]],
    done: Done,
    highlight: int = 0,
) -> None:
    """Edit one of several cards, given as (card id, what the learner knows it by): asked
    first when there are more than one."""
    if len(cards) == 1:
        edit_card(screen, deck, cards[0][0], done)
    elif cards:

        def picked(card_id: str | None) -> None:
            if card_id is not None:
                edit_card(screen, deck, card_id, done)

        screen.app.push_screen(PickCardScreen(cards, highlight, screen.lang), picked)


def _say(screen: Localised, key: str, severity: str = "information", **values: object) -> None:
    screen.notify(t(screen.lang, key, **values), severity=severity, markup=False)  # type: ignore[arg-type]


def _run_editor(app: App[object], argv: list[str]) -> str | None:
    """Run the editor with the terminal given back to it; why it failed, or None."""

    def run() -> str | None:
        try:
            subprocess.run(argv, check=False)
        except OSError as error:
            return error.strerror or str(error)
        return None

    try:
        with app.suspend():
            return run()  # inside: an exception here would leave the terminal suspended
    except SuspendNotSupported:
        if app.is_headless:  # tests: a scripted editor needs no terminal
            return run()
        raise


async def _edit(screen: Localised, deck: Deck, card_id: str, done: Done) -> None:
    app = screen.app
    path = deck.file
    command = editor_command()
    if path is None:
        _say(screen, "edit.no_file", "warning")
        return
    if command is None:
        _say(screen, "edit.no_editor", "error")
        return
    copied = False
    try:
        if is_bundled(path):
            folder = locations.user_decks_dir()
            if not await app.push_screen_wait(CopyDeckScreen(folder, screen.lang)):
                return
            path, copied = copy_bundled(path), True
            _say(screen, "edit.copied", path=visible(str(path)))
        edit = CardEdit(path, deck.id, card_id)
    except EditError as error:
        screen.notify(visible(str(error)), severity="error", markup=False)
        return
    line = edit.line()
    while True:
        try:
            failure = _run_editor(app, editor_argv(command, path, line))
        except SuspendNotSupported:
            _say(screen, "edit.cannot_suspend", "error")
            return
        if failure is not None:
            _say(screen, "edit.editor_failed", "error", editor=command[0], error=failure)
            return
        checked = edit.check()
        if checked.deck is not None:
            said = _go_on(screen, done, checked.deck) if edit.changed or copied else ""
            if said is not None:
                _say(screen, (said or "edit.saved") if edit.changed else "edit.unchanged")
            return
        broken = BrokenEditScreen(path, checked.problems, screen.lang)
        if await app.push_screen_wait(broken) != "again":
            break
        line = checked.problems[0].line or line
    try:
        edit.discard()
    except EditError as error:
        screen.notify(visible(str(error)), severity="error", markup=False)
        return
    _say(screen, "edit.discarded")
    if copied:  # the copy stands in for the bundled deck from now on: go on with it
        again = edit.check().deck
        if again is not None:
            _go_on(screen, done, again)


def _go_on(screen: Localised, done: Done, deck: Deck) -> str | None:
    """The screen goes on with the edited deck: what to say ("" for the usual), or None when
    the progress database failed it (said here; the file is saved all the same)."""
    try:
        return done(deck) or ""
    except StoreError as error:
        screen.notify_failure("edit.store_error", error)
        return None
