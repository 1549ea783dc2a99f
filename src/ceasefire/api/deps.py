"""What a route gets from the app: the open ``Database``."""

from __future__ import annotations

from fastapi import Request

from ..database import Database

__all__ = ["database"]


def database(request: Request) -> Database:
    db: Database = request.app.state.db
    return db
