"""Caps on what an import reads: imported files are untrusted until proven otherwise."""

from __future__ import annotations

MAX_CSV_BYTES = 64 * 1024 * 1024
"""A CSV/TSV file larger than this is refused before it is read."""
MAX_COLUMNS = 1_000
MAX_ROWS = 500_000
MAX_COLLECTION_BYTES = 1024 * 1024 * 1024
"""An Anki collection (the SQLite file inside a package) is read up to this size, decompressed."""
MAX_SMALL_MEMBER_BYTES = 16 * 1024 * 1024
"""The media list and other small files inside a package."""
MAX_NOTES = 500_000
MAX_FIELD_CHARS = 100_000
"""An Anki field longer than this is not card text; its note is skipped."""
MAX_NOTE_BYTES = 8 * 1024 * 1024
"""A note's fields are read only up to this size (and only up to what its note type's fields
can hold within MAX_FIELD_CHARS): a larger note is skipped without being read."""
MAX_REVIEWS = 5_000_000
SQLITE_SECONDS = 120.0
"""A collection whose queries run longer than this is given up on."""
