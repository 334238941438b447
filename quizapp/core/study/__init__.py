"""One study or practice session: the next prompt, the answer, the grade, undo."""
