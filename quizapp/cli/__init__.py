"""The `quizapp` command. Only the TUI commands import textual, and only when they run."""
