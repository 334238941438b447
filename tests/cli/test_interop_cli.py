"""`quizapp import`, `export` and `new` as a person runs them: a separate process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import jsonschema
import pytest

from quizapp.core.deck.loading import load_deck
from quizapp.core.deck.model import json_schema
from tests.anki_fixtures import (
    add_reviews,
    current_apkg,
    declare_size,
    legacy_apkg,
    sqlite_bytes,
    zip_with,
)
from tests.conftest import BUNDLED_DECK

EVERY_KIND = Path(__file__).parent.parent / "core" / "data" / "interop" / "every_kind.toml"


def quizapp(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "quizapp", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
        check=False,
    )


def user_decks() -> Path:
    return Path(os.environ["QUIZAPP_DATA_DIR"]) / "decks"


def test_teacher_imports_a_quizlet_export(tmp_path: Path) -> None:
    source = tmp_path / "lezione_3.txt"
    source.write_text("il gatto\tthe cat\n(il) cane\tdog\nparlare\tto speak\n", encoding="utf-8")
    result = quizapp("import", "lezione_3.txt", "--tag", "lesson-3", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (
        "Read lezione_3.txt (text, tab between term and definition, new line between rows, "
        "detected): 3 rows, 3 cards (3 vocab), none skipped."
    ) in result.stdout
    written = user_decks() / "lezione-3.toml"
    assert f"Wrote {written} (deck 'lezione-3')." in result.stdout
    deck = load_deck(written)
    assert [card.id for card in deck.cards] == ["il-gatto", "il-cane", "parlare"]
    assert quizapp("validate", str(written), cwd=tmp_path).returncode == 0

    again = quizapp("import", "lezione_3.txt", cwd=tmp_path)
    assert again.returncode == 1
    assert "already exists; use --force to replace it" in again.stderr
    assert "Nothing was written." in again.stderr
    assert load_deck(written) == deck  # untouched
    forced = quizapp("import", "lezione_3.txt", "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert load_deck(written).cards[0].tags == []  # replaced: this import had no tag


def test_teacher_imports_anki_decks_of_both_formats(tmp_path: Path) -> None:
    legacy_apkg(tmp_path / "legacy.apkg")
    current_apkg(tmp_path / "current.apkg")
    old = quizapp("import", "legacy.apkg", "-o", "italiano.toml", cwd=tmp_path)
    assert old.returncode == 0, old.stderr
    assert (
        "Read legacy.apkg (Anki package, legacy format): 4 notes, 3 cards (1 qa, 1 vocab, "
        "1 cloze), 1 skipped:\n  legacy.apkg: note "
    ) in old.stdout
    assert "Not imported: 3 media files (gatto.jpg, gatto.mp3, solo.png)." in old.stdout
    assert load_deck(tmp_path / "italiano.toml").deck.title.it == "Italiano base"
    new = quizapp("import", "current.apkg", "-o", "moderno.toml", cwd=tmp_path)
    assert new.returncode == 0, new.stderr
    assert "(Anki package, current format): 3 notes, 3 cards" in new.stdout
    assert len(load_deck(tmp_path / "moderno.toml").cards) == 3


def test_learner_takes_a_deck_to_anki_and_back(tmp_path: Path) -> None:
    result = quizapp("export", "deepseek-it", "--to", "apkg", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    deck = load_deck(BUNDLED_DECK)
    assert f"Wrote deepseek-it.apkg: deck 'deepseek-it', {len(deck.cards)} cards (apkg)." in (
        result.stdout
    )
    with zipfile.ZipFile(tmp_path / "deepseek-it.apkg") as archive:
        assert "collection.anki2" in archive.namelist()
    back = quizapp("import", "deepseek-it.apkg", "-o", "back.toml", cwd=tmp_path)
    assert back.returncode == 0, back.stderr
    assert load_deck(tmp_path / "back.toml") == deck
    refused = quizapp("export", "deepseek-it", "--to", "apkg", cwd=tmp_path)
    assert refused.returncode == 1 and "already exists" in refused.stderr


def test_export_csv_and_json(tmp_path: Path) -> None:
    deck = load_deck(EVERY_KIND)
    csv_run = quizapp("export", str(EVERY_KIND), "--to", "csv", "-o", "cards.csv", cwd=tmp_path)
    assert csv_run.returncode == 0, csv_run.stderr
    back = quizapp("import", "cards.csv", "-o", "back.toml", cwd=tmp_path)
    assert back.returncode == 0, back.stderr
    assert "(quizapp CSV)" in back.stdout
    assert load_deck(tmp_path / "back.toml").cards == deck.cards
    json_run = quizapp("export", str(EVERY_KIND), "--to", "json", "-o", "-", cwd=tmp_path)
    assert json_run.returncode == 0, json_run.stderr
    data = json.loads(json_run.stdout)
    jsonschema.validate(data, json_schema())
    assert [card["id"] for card in data["cards"]] == [card.id for card in deck.cards]


def test_export_of_a_broken_or_unknown_deck(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[deck]\nid = 'x'\n", encoding="utf-8")
    result = quizapp("export", "broken.toml", "--to", "csv", cwd=tmp_path)
    assert result.returncode == 1
    assert "broken.toml" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.csv").exists()
    unknown = quizapp("export", "no-such-deck", "--to", "json", cwd=tmp_path)
    assert unknown.returncode == 1 and "no deck named 'no-such-deck'" in unknown.stderr


def test_new_writes_a_starter_deck_that_validates(tmp_path: Path) -> None:
    result = quizapp("new", "mio_mazzo", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Wrote mio_mazzo.toml (deck 'mio-mazzo', one card of each kind)." in result.stdout
    check = quizapp("validate", "--strict", "mio_mazzo.toml", cwd=tmp_path)
    assert check.returncode == 0, check.stdout
    again = quizapp("new", "mio_mazzo.toml", cwd=tmp_path)
    assert again.returncode == 1 and "already exists" in again.stderr


def test_with_history_saves_the_anki_reviews_as_progress(tmp_path: Path) -> None:
    from quizapp.core.settings import Settings
    from quizapp.core.store.database import Store
    from quizapp.core.study import Session, deck_prompts, today_counts

    day = 86_400_000
    start = 1_700_000_000_000
    path = legacy_apkg(tmp_path / "legacy.apkg")
    add_reviews(
        path,
        [
            (start, "basic-guid-1", 0, 3, 5_000, 0),
            (start + day, "basic-guid-1", 0, 4, 4_000, 1),
            (start + 2 * day, "reverse-guid-1", 1, 1, 6_000, 0),
            (start + 3 * day, "cloze-guid-1", 1, 2, 7_000, 0),
        ],
    )
    # The deck cannot be written: nothing reaches the store either.
    (tmp_path / "h.toml").write_text("mine\n", encoding="utf-8")
    refused = quizapp("import", "legacy.apkg", "-o", "h.toml", "--with-history", cwd=tmp_path)
    assert refused.returncode == 1 and "Nothing was written." in refused.stderr
    assert (tmp_path / "h.toml").read_text(encoding="utf-8") == "mine\n"
    with Store() as store:
        assert store.review_count() == 0

    args = ("import", "legacy.apkg", "-o", "h.toml", "--with-history", "--force")
    result = quizapp(*args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Review history: 4 answers for 3 cards read from Anki; 4 new rows saved" in result.stdout
    assert "Schedule: Anki's default FSRS parameters, desired retention 0.90" in result.stdout
    deck = load_deck(tmp_path / "h.toml")
    qa, vocab, cloze = deck.cards[0], deck.cards[1], deck.cards[2]
    with Store() as store:
        rows = [(r.key, r.rating, r.at, r.mode, r.duration_ms) for r in store.iter_reviews()]
        ids = sorted(r.id for r in store.iter_reviews())
    assert sorted(rows) == sorted(
        [
            ((deck.id, qa.id, "it"), 3, start, "study", 5_000),
            ((deck.id, qa.id, "it"), 4, start + day, "study", 4_000),
            ((deck.id, vocab.id, "en>it"), 1, start + 2 * day, "study", 6_000),
            ((deck.id, cloze.id, "it.2"), 2, start + 3 * day, "study", 7_000),
        ]
    )

    again = quizapp(*args, cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "0 new rows saved" in again.stdout
    with Store() as store:
        assert sorted(r.id for r in store.iter_reviews()) == ids

    doctor = quizapp("doctor", "--json", cwd=tmp_path)
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr

    with Store() as store:
        qa_state = store.state((deck.id, qa.id, "it"))
        assert qa_state is not None and qa_state.reps == 2
        assert qa_state.due is not None and qa_state.due > start + day
        settings = Settings()
        keys = {(deck.id, p.card.id, p.direction) for p in deck_prompts(deck, settings)}
        counts = today_counts(store, deck, settings)
        assert counts.new == len(keys) - 3
        assert counts.learning + counts.review == 3
        turn = Session(deck, store, settings).next()
        assert turn is not None and not turn.is_new
        assert turn.key in {r[0] for r in rows}


def _hostile(tmp_path: Path, kind: str) -> Path:
    if kind == "zip-slip":
        return zip_with(tmp_path / "slip.apkg", {"collection.anki2": b"x", "../../evil": b"x"})
    if kind == "zip-bomb":
        path = zip_with(tmp_path / "bomb.apkg", {"collection.anki2": b"\0" * 1000})
        return declare_size(path, 2**32 - 1)
    if kind == "not-anki-sqlite":
        data = sqlite_bytes("CREATE TABLE users (name text); INSERT INTO users VALUES ('a');")
        return zip_with(tmp_path / "users.apkg", {"collection.anki2": data})
    if kind == "not-a-zip":
        path = tmp_path / "deck.apkg"
        path.write_bytes(b"\x00\x01garbage")
        return path
    if kind == "million-columns":
        path = tmp_path / "wide.csv"
        path.write_text("italian,english\n" + "," * 1_000_000 + "\n", encoding="utf-8")
        return path
    path = tmp_path / "latin1.csv"
    path.write_bytes("perché,because\n".encode("latin-1"))
    return path


@pytest.mark.parametrize(
    "kind",
    [
        "zip-slip",
        "zip-bomb",
        "not-anki-sqlite",
        "not-a-zip",
        "million-columns",
        "not-utf8",
    ],
)
def test_hostile_files_give_one_clear_error_and_write_nothing(tmp_path: Path, kind: str) -> None:
    source = _hostile(tmp_path, kind)
    before = sorted(p.name for p in tmp_path.iterdir())
    result = quizapp("import", source.name, "-o", "out.toml", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr.startswith(f"error: {source.name}: ")
    assert "Nothing was written." in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert not user_decks().exists() or not any(user_decks().iterdir())


def test_interop_modules_do_not_import_the_ui() -> None:
    code = (
        "import quizapp.core.interop.anki_import, quizapp.core.interop.csv_import, "
        "quizapp.core.interop.apkg_write, quizapp.core.interop.anki_history, "
        "quizapp.core.interop.starter, quizapp.core.interop.json_export\n"
        "import sys\nprint(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('textual', 'rich')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_bundled_deck_back_from_anki_takes_the_bundled_decks_place(tmp_path: Path) -> None:
    assert quizapp("export", "deepseek-it", "--to", "apkg", cwd=tmp_path).returncode == 0
    back = quizapp("import", "deepseek-it.apkg", cwd=tmp_path)
    assert back.returncode == 0, back.stderr
    assert "It has the id of the bundled deck 'deepseek-it'" in back.stdout
    listed = json.loads(quizapp("decks", "--json", cwd=tmp_path).stdout)["decks"]
    assert [(row["id"], row["origin"]) for row in listed] == [("deepseek-it", "user")]
    assert Path(listed[0]["replaces"]).resolve() == BUNDLED_DECK.resolve()
    text = quizapp("decks", cwd=tmp_path).stdout
    assert text.count("deepseek-it ") == 1 and "instead of the bundled deck" in text
