"""German words for SQLite's errors, shared by the gradebook and the trainer's progress file."""

from __future__ import annotations

_SQLITE_MESSAGES = (
    ("database or disk is full", "der Datenträger ist voll"),
    ("attempt to write a readonly database", "die Datei oder ihr Ordner ist schreibgeschützt"),
    ("unable to open database file", "die Datei kann nicht geöffnet werden (fehlt der Ordner, oder "
                                     "fehlen Schreibrechte?)"),
    ("file is not a database", "die Datei ist keine SQLite-Datenbank"),
    ("database disk image is malformed", "die Datei ist beschädigt"),
    ("database is locked", "die Datei wird gerade von einem anderen Vorgang benutzt"),
    ("disk I/O error", "Ein-/Ausgabefehler des Datenträgers"),
)


def sqlite_message(exc: BaseException) -> str:
    """An SQLite error as a German phrase (the common ones; else its own text)."""
    text = str(exc)
    for english, german in _SQLITE_MESSAGES:
        if english in text:
            return german
    return text
