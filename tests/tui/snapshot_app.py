"""The app as snapshot tests see it (the tests set the data folders to empty temp dirs)."""

from quizapp.tui.app import QuizApp

app = QuizApp()

if __name__ == "__main__":
    app.run()
