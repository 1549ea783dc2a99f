"""The one exception tree: everything raised to users subclasses CeasefireError."""

from __future__ import annotations

__all__ = [
    "CeasefireError",
    "ConfigError",
    "InputError",
    "OutputError",
    "ModelError",
    "StoreError",
    "GazetteerError",
    "NotFound",
    "InvalidParameter",
]


class CeasefireError(Exception):
    """Base class of every error ceasefire raises to its users."""


class ConfigError(CeasefireError):
    """A setting is missing or invalid."""


class InvalidParameter(ConfigError):
    """A request parameter (a filter, a cursor) is invalid; ``name`` names it for the caller."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.name = name
        self.reason = message


class InputError(CeasefireError):
    """An input cannot be read: unreadable, binary, bad encoding, malformed, too large.

    ``origin`` names the file (and line) so the message can say where.
    """

    def __init__(self, origin: str, message: str) -> None:
        super().__init__(f"{origin}: {message}")
        self.origin = origin
        self.reason = message


class OutputError(CeasefireError):
    """An output (an export file) cannot be written."""


class ModelError(CeasefireError):
    """The spaCy model cannot be loaded."""


class StoreError(CeasefireError):
    """The store cannot be opened, migrated or written."""


class GazetteerError(CeasefireError):
    """The gazetteer index cannot be built, opened or imported."""


class NotFound(CeasefireError):
    """A requested record (incident, report) does not exist."""
