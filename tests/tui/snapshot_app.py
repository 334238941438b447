"""The app as snapshot tests see it: settings fixed in code, UI language from QUIZAPP_TEST_UI
(the tests set the data folders to empty temp dirs and the config folder to a fixed path)."""

import os

from quizapp.core.settings import Settings
from quizapp.tui.app import QuizApp

app = QuizApp(settings=Settings(ui_language=os.environ.get("QUIZAPP_TEST_UI", "en")))  # type: ignore[arg-type]

if __name__ == "__main__":
    app.run()
