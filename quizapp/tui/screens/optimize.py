"""Optimize (from the settings screen): FSRS parameters fitted to the learner's own reviews.

The fit runs in a thread worker on the app's store (as the statistics do; the dialog is
modal, so nothing else uses the store meanwhile); each stage moves the progress bar and the
line under it.
The result is the CLI's (`quizapp optimize`): the same fit, saved by the same `save_fit` when
it is better, and shown before and after.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Label, ProgressBar, Select, Static

from quizapp.core import settings as settings_file
from quizapp.core.settings import Settings
from quizapp.core.store import Store, StoreError
from quizapp.core.study import optimize as opt
from quizapp.tui.base import Localised, LocalisedModal, base_app
from quizapp.tui.format import data_text, decimal
from quizapp.tui.i18n import t, tn
from quizapp.tui.widgets.footer import KeyFooter


class OptimizeScreen(LocalisedModal[Settings | None]):
    """Fit, show and save; dismisses the settings in force after a saved fit, else None."""

    DEFAULT_CSS = """
    OptimizeScreen { align: center middle; }
    OptimizeScreen > Vertical {
        width: 90%; max-width: 76; height: auto; max-height: 95%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    OptimizeScreen #optimize-title { text-style: bold; }
    OptimizeScreen #optimize-scope-row { height: auto; }
    OptimizeScreen #optimize-scope-row Label { width: 10; padding: 1 1 0 0; }
    OptimizeScreen #optimize-scope { width: 1fr; }
    OptimizeScreen #optimize-progress { margin: 1 0 0 0; }
    OptimizeScreen #optimize-step, OptimizeScreen #optimize-result { height: auto; }
    OptimizeScreen #optimize-buttons { height: 3; align-horizontal: right; }
    OptimizeScreen #optimize-buttons Button { margin-left: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+r", "start", "Start", id="optimize.start", priority=True),
        Binding("escape", "close", "Close", id="optimize.close"),
    ]

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings.ui_language)
        self.settings = settings
        self.saved: Settings | None = None
        self.running = False

    def compose(self) -> ComposeResult:
        lang = self.lang
        store = base_app(self).open_store()
        decks = store.deck_ids() if store is not None else []
        options: list[tuple[str | Text, str]] = [(t(lang, "optimize.all"), opt.ALL_DECKS)]
        options += [(data_text(deck_id), deck_id) for deck_id in decks]
        with Vertical():
            yield Static(Content(t(lang, "optimize.title")), id="optimize-title")
            yield Static(Content(t(lang, "optimize.intro")))
            with Horizontal(id="optimize-scope-row"):
                yield Label(Content(t(lang, "optimize.scope")))
                first = decks[0] if len(decks) == 1 else opt.ALL_DECKS
                yield Select(options, value=first, allow_blank=False, id="optimize-scope")
            yield ProgressBar(total=opt.STEPS, show_eta=False, id="optimize-progress")
            yield Static(id="optimize-step")
            yield Static(id="optimize-result")
            with Horizontal(id="optimize-buttons"):
                yield Button(t(lang, "key.optimize.close"), id="close")
                yield Button(t(lang, "key.optimize.start"), id="start", variant="primary")
        yield KeyFooter().data_bind(Localised.lang)

    def action_start(self) -> None:
        store = base_app(self).open_store()
        if self.running or store is None:
            return
        self.running = True
        self.query_one("#start", Button).disabled = True
        self.query_one("#optimize-result", Static).update("")
        self.query_one("#optimize-progress", ProgressBar).update(progress=0)
        scope = self.query_one("#optimize-scope", Select).value
        deck_id = None if scope == opt.ALL_DECKS else str(scope)
        self._fit(store, deck_id, self.settings)

    @work(thread=True, exclusive=True, group="optimize")
    def _fit(self, store: Store, deck_id: str | None, settings: Settings) -> None:
        def step(stage: opt.Step) -> None:
            self.app.call_from_thread(self._show_step, stage)

        message: str
        saved: Settings | None = None
        try:
            fit = opt.optimize(store, settings, deck_id, step)
            message = self._result_text(fit)
            if fit.better:
                saved = opt.save_fit(store, fit)
                message += "\n" + t(self.lang, "optimize.saved")
            else:
                message += "\n" + t(self.lang, "optimize.kept")
        except opt.TooFewReviews as few:
            message = t(self.lang, "optimize.too_few", reviews=few.reviews, minimum=few.minimum)
        except (StoreError, settings_file.SettingsError) as error:
            message = t(self.lang, "optimize.failed", error=str(error))
        self.app.call_from_thread(self._finish, message, saved)

    def _result_text(self, fit: opt.Fit) -> str:
        lang = self.lang
        used = tn(lang, "optimize.used", fit.cards, reviews=fit.reviews)
        table = t(
            lang,
            "optimize.table",
            b_loss=decimal(fit.before.log_loss, 4, lang),
            b_rmse=decimal(fit.before.rmse * 100, 2, lang) + "%",
            a_loss=decimal(fit.after.log_loss, 4, lang),
            a_rmse=decimal(fit.after.rmse * 100, 2, lang) + "%",
        )
        return f"{used} ({decimal(fit.seconds, 2, lang)} s)\n{table}"

    def _show_step(self, stage: opt.Step) -> None:
        self.query_one("#optimize-progress", ProgressBar).update(progress=stage.value - 1)
        self.query_one("#optimize-step", Static).update(
            Content(t(self.lang, f"optimize.step.{stage.name}"))
        )

    def _finish(self, message: str, saved: Settings | None) -> None:
        self.running = False
        self.query_one("#start", Button).disabled = False
        self.query_one("#optimize-progress", ProgressBar).update(progress=opt.STEPS)
        self.query_one("#optimize-step", Static).update("")
        self.query_one("#optimize-result", Static).update(Content(message))
        if saved is not None:
            self.saved = saved
            self.settings = saved
            base_app(self).change_settings(saved, save=False)

    def action_close(self) -> None:
        if not self.running:
            self.dismiss(self.saved)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "start":
            self.action_start()
        else:
            self.action_close()
