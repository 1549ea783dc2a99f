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
    "ClusterError",
    "NotFound",
    "InvalidParameter",
    "FetchError",
    "AuthError",
    "Unauthorized",
    "Forbidden",
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


class FetchError(CeasefireError):
    """A watched source or page could not be fetched (network, HTTP status, robots.txt, too large).

    ``url`` names what was fetched; ``status`` is the HTTP status when there was one;
    ``permanent`` says that trying again would not help (robots.txt forbids it, too large).
    """

    def __init__(self, url: str, message: str, status: int | None = None, *, permanent: bool = False) -> None:
        super().__init__(f"{url}: {message}")
        self.url = url
        self.reason = message
        self.status = status
        self.permanent = permanent


class AuthError(CeasefireError):
    """A request is not allowed: no valid token (:class:`Unauthorized`) or not this one's (:class:`Forbidden`)."""


class Unauthorized(AuthError):
    """No token, or a token that is not one of ours."""


class Forbidden(AuthError):
    """A revoked token, or a role that may not do this."""


class ClusterError(CeasefireError):
    """The Dask cluster of ``ceasefire batch`` cannot be started or reached, or lost a shard."""
