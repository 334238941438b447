"""Decks in and out of quizapp.

In: CSV/TSV files (Quizlet exports, spreadsheets) and Anki packages (.apkg, both the legacy
and the current zstd-compressed collection). Out: Anki packages, CSV and JSON. Also the
starter deck of `quizapp new` and the TOML writer every import goes through.

Imported files are untrusted: every reader caps what it reads and turns any problem into an
`InteropError` that names the file. Nothing is written until the whole deck has been built and
validated.
"""

from quizapp.core.interop.errors import InteropError, OutputExists

__all__ = ["InteropError", "OutputExists"]
