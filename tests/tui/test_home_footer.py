"""The home footer at 80x24 in both languages: every key that starts something on the
highlighted deck, `f` (study by tag) and `i` (learn mode) among them, fits; the words get
shorter and the spare keys go before any of those is lost."""

from __future__ import annotations

import pytest

from quizapp.core.settings import Settings
from quizapp.tui.app import QuizApp
from quizapp.tui.widgets.footer import FooterKey

AT_80 = {
    "en": [
        ("s", "Study"),
        ("p", "Practice"),
        ("t", "Quiz"),
        ("g", "Stats"),
        ("f", "Tags"),
        ("i", "Learn"),
        ("?", "Help"),
        ("^l", "Italiano"),
    ],
    "it": [
        ("s", "Studia"),
        ("p", "Pratica"),
        ("t", "Quiz"),
        ("f", "Etichette"),
        ("i", "Impara"),
        ("?", "Aiuto"),
        ("^l", "English"),
    ],
}


def _footer(app: QuizApp) -> list[tuple[str, str]]:
    return [(key.shown.key_display, key.description) for key in app.screen.query(FooterKey)]


@pytest.mark.parametrize("lang", ["en", "it"])
async def test_home_footer_at_80x24_offers_by_tag_and_learn_mode(lang: str) -> None:
    app = QuizApp(settings=Settings(ui_language=lang))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert _footer(app) == AT_80[lang]
        assert list(app.screen.query(FooterKey))[-1].region.right <= 80, "none is cut off"
        await pilot.press("ctrl+l")  # the other language: its own words, still fitting
        await pilot.pause()
        await pilot.pause()
        assert _footer(app) == AT_80["it" if lang == "en" else "en"]
        assert list(app.screen.query(FooterKey))[-1].region.right <= 80


async def test_a_wide_home_footer_keeps_every_key_in_its_whole_words() -> None:
    app = QuizApp(settings=Settings(ui_language="it"))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        shown = _footer(app)
        assert ("f", "Per etichetta") in shown and ("i", "Modo Impara") in shown
        assert ("g", "Statistiche") in shown and ("b", "Sfoglia") in shown
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert _footer(app) == AT_80["it"]
