"""Who may do what: the tokens of review (``ceasefire user add``; docs/api.md, "Writing").

Every write needs ``Authorization: Bearer <token>`` -- a header, never a cookie, so a
page of another site cannot make a browser send it (no CSRF) -- checked by
``db.users.authenticate`` (scrypt hash, constant-time comparison): no token or an
unknown one is a 401, a revoked token or a role that may not write a 403. Reading is
open unless the settings say ``read_token`` (``ceasefire serve --read-token``).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from ..database import Database
from ..model import User
from .deps import database

__all__ = ["reader", "editor", "bearer"]

#: the scheme, declared in ``/openapi.json``; the check itself is ours (auto_error off: our JSON errors)
bearer = HTTPBearer(auto_error=False, description="A token of `ceasefire user add NAME`.")

Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


def _token(request: Request, credentials: HTTPAuthorizationCredentials | None) -> str | None:
    return credentials.credentials if credentials is not None else None


def reader(request: Request, credentials: Credentials) -> None:
    """Reading is open, unless the app was made with ``read_token``: then any valid token may read."""
    if getattr(request.app.state, "read_token", False):
        db: Database = request.app.state.db
        db.users.authenticate(_token(request, credentials), "read")


def editor(request: Request, credentials: Credentials, db: Annotated[Database, Depends(database)]) -> User:
    """The user a write acts for: a valid, unrevoked token of an ``editor`` or ``admin``."""
    return db.users.authenticate(_token(request, credentials), "review")
