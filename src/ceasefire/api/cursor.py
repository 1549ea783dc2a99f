"""The opaque page cursor: where the next page starts, bound to the query it was made for.

A cursor is URL-safe base64 of a small JSON object: the sort, the keyset ``(value,
id)`` of the last incident of the page, and a digest of the filter. A cursor used
with another filter or sort is refused (422 naming ``cursor``) rather than giving a
page of some other list.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from datetime import date
from typing import Any

from ..errors import InvalidParameter
from ..model import IncidentFilter

__all__ = ["digest", "encode", "decode"]


def digest(where: IncidentFilter, sort: str) -> str:
    """A short digest of the filter and the sort, the same for the same query."""
    return hashlib.sha256(f"{where!r}|{sort}".encode()).hexdigest()[:16]


def encode(after: tuple[Any, str], query: str) -> str:
    value, last_id = after
    if isinstance(value, date):
        value = value.isoformat()
    raw = json.dumps({"v": value, "i": last_id, "q": query}, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _bad(message: str) -> InvalidParameter:
    return InvalidParameter("cursor", message)


def decode(token: str, key: str, query: str) -> tuple[Any, str]:
    """The keyset a cursor holds, for the sort ``key``; :class:`InvalidParameter` when it is not ours."""
    try:
        raw = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    except (binascii.Error, ValueError):
        raise _bad("not a cursor of this API (give the next_cursor of a previous page)") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("i"), str) or "v" not in raw:
        raise _bad("not a cursor of this API (give the next_cursor of a previous page)")
    if raw.get("q") != query:
        raise _bad("this cursor was made for another filter or sort; start again without it")
    value = raw["v"]
    try:
        if value is None or key == "id":
            return (None, raw["i"])
        if key == "date":
            return (date.fromisoformat(value), raw["i"])
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2**31:
            return (value, raw["i"])
    except (TypeError, ValueError):
        pass
    raise _bad("the cursor is damaged; start again without it")
