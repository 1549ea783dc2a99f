"""Who may do what: the place for the tokens of issue 11 (review with audit, ``ceasefire user add``).

Today the API is read-only and reading is open: :func:`reader` lets every request
through. Write routes (confirm, correct, merge, split, mark a claim wrong) will
depend on an ``editor`` check here that reads a token from the ``Authorization:
Bearer`` header (never a cookie, so no CSRF), compares its hash in constant time,
and answers 401 without one; a setting will make :func:`reader` require a token too.
"""

from __future__ import annotations

from fastapi import Request

__all__ = ["reader"]


def reader(request: Request) -> None:
    """Reading is open (a later setting may require a token here)."""
    return None
