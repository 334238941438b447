"""Settings: every setting of the settings file as a form; Save writes the file.

Values are validated by the same pydantic model that reads the file, so the form cannot save
what the file could not hold; a wrong value is named next to its field and nothing is saved.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Label, Select, Static

from quizapp.core import locations
from quizapp.core.schedule.new_order import NEW_ORDERS
from quizapp.core.settings import Settings
from quizapp.core.settings_lenient import SettingsProblems, load_or_defaults
from quizapp.tui.base import Localised, LocalisedModal, base_app
from quizapp.tui.format import data_text
from quizapp.tui.i18n import t
from quizapp.tui.widgets.field_input import FieldInput
from quizapp.tui.widgets.footer import KeyFooter

# Field -> its choices (value, i18n key of the label); fields not here are numbers.
CHOICES: dict[str, list[tuple[str, str]]] = {
    "ui_language": [("it", "lang.it"), ("en", "lang.en")],
    "study_language": [("it", "lang.it"), ("en", "lang.en")],
    "vocab_direction": [
        ("both", "direction.both"),
        ("it>en", "direction.it>en"),
        ("en>it", "direction.en>it"),
    ],
    "answer_mode": [("typed", "answer_mode.typed"), ("flip", "answer_mode.flip")],
    "new_order": [(order, f"new_order.{order}") for order in NEW_ORDERS],
    "learn_mode": [("false", "learn_mode.off"), ("true", "learn_mode.on")],
}
NUMBERS: dict[str, Literal["integer", "number"]] = {
    "new_per_day": "integer",
    "reviews_per_day": "integer",
    "desired_retention": "number",
    "day_start_hour": "integer",
    "quiz_length": "integer",
}
ORDER = (
    "ui_language",
    "study_language",
    "vocab_direction",
    "answer_mode",
    "new_per_day",
    "new_order",
    "learn_mode",
    "reviews_per_day",
    "desired_retention",
    "day_start_hour",
    "quiz_length",
    "theme",
)


class SettingsScreen(LocalisedModal[Settings | None]):
    """Edit the settings; dismisses the saved Settings, or None when cancelled."""

    DEFAULT_CSS = """
    SettingsScreen { align: center middle; }
    SettingsScreen > Vertical {
        width: 90%; max-width: 90; height: 95%;
        border: thick $primary; background: $surface;
    }
    SettingsScreen #settings-title { text-style: bold; padding: 0 1; }
    SettingsScreen VerticalScroll { height: 1fr; }
    SettingsScreen .field { height: auto; padding: 0 1; }
    SettingsScreen .field Label { width: 26; padding: 1 1 0 0; }
    SettingsScreen .field Select, SettingsScreen .field Input { width: 1fr; }
    SettingsScreen .field.-invalid Label { color: $error; text-style: bold; }
    SettingsScreen #settings-error { color: $error; padding: 0 1; height: auto; }
    SettingsScreen #settings-file { color: $text-muted; padding: 0 1; height: auto; }
    SettingsScreen #settings-buttons { height: 3; align-horizontal: right; padding: 0 1; }
    SettingsScreen #settings-buttons Button { margin-left: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="settings.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="settings.cancel"),
        Binding("ctrl+o", "optimize", "Optimize FSRS", id="settings.optimize"),
    ]

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings.ui_language)
        self.settings = settings
        self._file_problems = False
        """The file has bad entries (named on screen): saving keeps a copy of it first."""

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical():
            yield Static(Content(t(lang, "settings.title")), id="settings-title")
            with VerticalScroll():
                for name in ORDER:
                    with Horizontal(classes="field", id=f"field-{name}"):
                        yield Label(Content(t(lang, f"setting.{name}")))
                        yield self._editor(name, lang)
            yield Static(id="settings-error")
            yield Static(
                Content(t(lang, "settings.file", path=str(locations.settings_path()))),
                id="settings-file",
            )
            with Horizontal(id="settings-buttons"):
                yield Button(t(lang, "key.settings.optimize"), id="optimize")
                yield Button(t(lang, "key.settings.cancel"), id="cancel")
                yield Button(t(lang, "key.settings.save"), id="save", variant="primary")
        yield KeyFooter().data_bind(Localised.lang)

    def on_mount(self) -> None:
        self.query_one("#ui_language").focus()
        _settings, problem = load_or_defaults()
        self._file_problems = isinstance(problem, SettingsProblems)
        if isinstance(problem, SettingsProblems):
            lines = [t(self.lang, "settings.file_problems"), problem.format()]
            self.query_one("#settings-error", Static).update(Content("\n".join(lines)))

    def _editor(self, name: str, lang: str) -> Select[str] | Input:
        value = self.settings.model_dump()[name]
        if isinstance(value, bool):
            value = "true" if value else "false"
        if name in CHOICES:
            options = [(t(lang, label), choice) for choice, label in CHOICES[name]]
            return Select(options, value=value, allow_blank=False, id=name)
        if name == "theme":
            themes = sorted(self.app.available_themes)
            if value not in themes:
                themes.append(value)
            return Select(
                [(data_text(theme), theme) for theme in themes],
                value=value,
                allow_blank=False,
                id=name,
            )
        return FieldInput(str(value), type=NUMBERS[name], id=name)

    def _values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for name in ORDER:
            widget = self.query_one(f"#{name}")
            if isinstance(widget, Select):
                values[name] = widget.value
            elif isinstance(widget, Input):
                values[name] = widget.value.strip()
        return values

    def action_save(self) -> None:
        for field in self.query(".field"):
            field.remove_class("-invalid")
        data = {**self.settings.model_dump(), **self._values()}
        try:
            new = Settings.model_validate(data)
        except ValidationError as error:
            problems = []
            for item in error.errors():
                name = str(item["loc"][0]) if item["loc"] else ""
                if name:
                    self.query_one(f"#field-{name}").add_class("-invalid")
                label = t(self.lang, f"setting.{name}") if name in ORDER else name
                problems.append(f"{label}: {_problem(self.lang, dict(item))}")
            self.query_one("#settings-error", Static).update(Content("\n".join(problems)))
            return
        if base_app(self).change_settings(new, keep_broken=self._file_problems):
            self.notify(t(self.lang, "settings.saved"))
        self.dismiss(new)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_optimize(self) -> None:
        """FSRS parameters fitted to the reviews (screens/optimize.py); a saved fit is kept
        here too, so that saving the form afterwards does not write the old ones back."""
        from quizapp.tui.screens.optimize import OptimizeScreen

        def done(saved: Settings | None) -> None:
            if saved is not None:
                self.settings = self.settings.model_copy(
                    update={"fsrs_parameters": saved.fsrs_parameters}
                )

        self.app.push_screen(OptimizeScreen(self.settings), done)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "optimize":
            self.action_optimize()
        else:
            self.action_cancel()


def _problem(lang: str, error: dict[str, Any]) -> str:
    """A validation error in the UI language (pydantic's own text for the rare ones)."""
    kind, limits = error["type"], error.get("ctx") or {}
    if kind in ("int_parsing", "float_parsing", "int_from_float"):
        return t(lang, "settings.not_number")
    if kind in ("greater_than_equal", "greater_than"):
        return t(lang, "settings.at_least", limit=limits.get("ge", limits.get("gt")))
    if kind in ("less_than_equal", "less_than"):
        return t(lang, "settings.at_most", limit=limits.get("le", limits.get("lt")))
    return str(error["msg"])
