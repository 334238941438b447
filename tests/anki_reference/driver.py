"""Anki's own backend, driven over stdin/stdout with a fake clock (run under libfaketime).

Anki reads the time from the system clock (in Rust and in Python), so this script runs in a
process with libfaketime preloaded (`anki_process.AnkiProcess` starts it) and moves the clock
by setting FAKETIME before each command. One JSON command per line in, one JSON reply out.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from typing import Any


def _at(ms: int) -> None:
    os.environ["FAKETIME"] = f"@{ms // 1000}"


def main() -> None:
    _at(int(os.environ.get("QUIZAPP_ANKI_START_MS", "1709287200000")))
    from anki.collection import Collection, ExportAnkiPackageOptions

    folder = tempfile.mkdtemp(prefix="quizapp-anki-")
    col = Collection(os.path.join(folder, "collection.anki2"))
    col.set_config("fsrs", True)
    col.set_config("rollover", int(os.environ.get("QUIZAPP_ANKI_ROLLOVER", "4")))
    model = col.models.by_name("Basic")
    assert model is not None
    deck_id = col.decks.id("Reference")
    assert deck_id is not None

    def card_state(card_id: int) -> dict[str, Any]:
        card = col.get_card(card_id)  # type: ignore[arg-type]
        memory = card.memory_state
        timing = col.sched._timing_today()  # type: ignore[attr-defined]
        return {
            "type": card.type,
            "queue": card.queue,
            "ivl": card.ivl,
            "due": card.due,
            "reps": card.reps,
            "lapses": card.lapses,
            "stability": memory.stability if memory else None,
            "difficulty": memory.difficulty if memory else None,
            "today": timing.days_elapsed,
            "next_day_at": timing.next_day_at,
        }

    def handle(command: dict[str, Any]) -> Any:
        op = command["op"]
        if "at" in command:
            _at(int(command["at"]))
        if op == "config":
            config = col.decks.config_dict_for_deck_id(deck_id)
            if "desired_retention" in command:
                config["desiredRetention"] = command["desired_retention"]
            if "params" in command:
                config["fsrsParams6"] = command["params"]
            col.decks.update_config(config)
            return None
        if op == "add":
            note = col.new_note(model)
            note["Front"] = command["front"]
            note["Back"] = command.get("back", "back")
            col.add_note(note, deck_id)
            return note.cards()[0].id
        card_id = command.get("cid")
        if op == "answer":
            # Anki keeps the day's end it first computed until that moment passes, so on the
            # night daylight saving changes it depends on whether the collection was open
            # before the change. Changing the day-start hour recomputes it, as opening does.
            preferences = col.get_preferences()
            hour = preferences.scheduling.rollover
            preferences.scheduling.rollover = (hour + 1) % 24
            col.set_preferences(preferences)
            preferences.scheduling.rollover = hour
            col.set_preferences(preferences)
            card = col.get_card(card_id)
            card.start_timer()
            col.sched.answerCard(card, command["ease"])
            return card_state(card_id)
        if op == "forget":
            col.sched.schedule_cards_as_new([card_id])
            return card_state(card_id)
        if op == "set_due":
            col.sched.set_due_date([card_id], str(command["days"]))
            return card_state(card_id)
        if op == "suspend":
            col.sched.suspend_cards([card_id])
            return card_state(card_id)
        if op == "bury":
            col.sched.bury_cards([card_id])
            return card_state(card_id)
        if op == "state":
            return card_state(card_id)
        if op == "revlog":
            rows = col.db.all(
                "SELECT id, ease, ivl, lastIvl, factor, type FROM revlog WHERE cid = ? ORDER BY id",
                card_id,
            )
            return [list(row) for row in rows]
        if op == "export":
            options = ExportAnkiPackageOptions(
                with_scheduling=True,
                with_deck_configs=True,
                with_media=False,
                legacy=bool(command["legacy"]),
            )
            return col.export_anki_package(out_path=command["path"], options=options, limit=None)
        raise ValueError(f"unknown command {op!r}")

    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            reply: Any = {"ok": handle(json.loads(line))}
        except Exception as error:  # reported to the test, which fails with it
            reply = {"error": f"{type(error).__name__}: {error}"}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()
    col.close()


if __name__ == "__main__":
    main()
