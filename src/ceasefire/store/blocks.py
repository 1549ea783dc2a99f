"""The keys a stored mention is found by when a new mention's neighbourhood is read, windowed in time.

Incremental merging (``incidents.incremental``) asks the store for every stored
mention that could be compatible with a new one (a superset; ``merge.compatible``
decides). Two mentions can only be tied by a shared place, figure, wording or name of a
place the gazetteer lacks; wording ties only mentions that also share a figure or a
country, and such a name only mentions that share a country; a place named by both
reports but resolved two ways ties them by its name; so a mention is
filed under one **block** per way it can be found -- ``country:<code>`` (its place's
country), ``figure:<kind>:<min>:<max>`` (each claim's figure) and ``name:<folded name>``
(each place name it writes or was placed by) -- in the table ``mention_blocks``, with its
date range.

A candidate must also not conflict in date: two known dates are one event's only
when one touches the other's reach (``DateResolution.reach``: the range widened by
``model.DATE_SLACK`` each side), so a dated mention's lookup reads only stored
mentions whose range touches its reach. That cannot change what merging decides:
a stored mention outside it conflicts with the new one (``merge.dates_conflict``)
and is never tied to it.

To make that lookup an index range rather than a scan of every earlier date, each
row carries its **span class**: the bit length of its range's length in days (0 for
one day, 1 for two, 2 for three or four days, ... 9 for a year), so a row of class
``c`` that ends within the reach starts at most ``2**c - 1`` days before it. The
lookup is one index range per class (``block, span, date_start``) over a covering
index: its cost grows with the mentions of that block and time window, never with
the store.

Unknown dates (no date in the mention's words, and its report has no dateline and no
publication date: see ``docs/incidents.md``) have span class :data:`UNDATED` and no
dates. Such a mention may be any day's event, so merging compares it with mentions
of every date: its own lookup reads its blocks at all dates, and every dated lookup
reads the undated rows of its blocks too. A corpus whose reports carry a date (every
news feed, ``publication_date`` in JSON lines) has none; the cost of undated
mentions grows with the undated mentions (and, for the undated one looking up, with
its blocks) only.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import BindParameter, CompoundSelect, Connection, Select, bindparam, select, union_all

from ..model import Mention
from . import tables as T

__all__ = ["UNDATED", "MAX_SPAN_CLASS", "block_keys", "block_rows", "span_class", "candidate_keys"]

UNDATED = -1  # the span class of an unknown date
MAX_SPAN_CLASS = 12  # ranges longer than 2**11 - 1 days (over five years) share this class, read without a start bound


def block_keys(m: Mention) -> list[str]:
    """The blocks a mention is filed under and looked up by: its place's country, each claim's figure, and each
    place name it writes or was placed by (``Mention.place_names``)."""
    keys = set()
    if m.place is not None and m.place.country:
        keys.add(f"country:{m.place.country}")
    for c in m.claims:
        keys.add(f"figure:{c.kind.value}:{_int(c.figure.min)}:{_int(c.figure.max)}")
    keys.update(f"name:{n}" for n in m.place_names)
    return sorted(keys)


def _int(n: int | None) -> str:
    return "" if n is None else str(n)


def span_class(m: Mention) -> int:
    """:data:`UNDATED` for an unknown date, else the bit length of its length in days (capped)."""
    d = m.date
    if not d.known:
        return UNDATED
    days = max(0, (d.last - d.start).days)  # type: ignore[operator]
    return min(days.bit_length(), MAX_SPAN_CLASS)


def block_rows(mentions: Iterable[Mention]) -> list[dict[str, Any]]:
    """The ``mention_blocks`` rows of new mentions."""
    rows: list[dict[str, Any]] = []
    for m in mentions:
        span = span_class(m)
        start, end = (m.date.start, m.date.last) if span != UNDATED else (None, None)
        rows.extend({"mention_key": m.key, "block": b, "report_key": m.report_key, "span": span,
                     "date_start": start, "date_end": end} for b in block_keys(m))
    return rows


def candidate_keys(conn: Connection, mention: Mention, skip_reports: Collection[str] = ()) -> list[str]:
    """Keys of stored mentions sharing a block with ``mention`` whose dates may be its event's (module
    docstring), none of ``skip_reports``, and not the mention itself; sorted."""
    blocks = block_keys(mention)
    if not blocks:
        return []
    reach = mention.date.reach()
    if reach is None:  # any date may be this mention's
        rows = conn.execute(_any_date(), {"blocks": blocks})
    else:
        lo, hi = reach
        bounds = {f"from{c}": _minus(lo, 2**c - 1) for c in range(MAX_SPAN_CLASS)}
        rows = conn.execute(_within_reach(), {"blocks": blocks, "lo": lo, "hi": hi, **bounds})
    skip = set(skip_reports)
    keys = {key for key, report in rows if report not in skip}
    keys.discard(mention.key)
    return sorted(keys)


@lru_cache(maxsize=1)
def _any_date() -> Select[Any]:
    b = T.mention_blocks.c
    return select(b.mention_key, b.report_key).where(b.block.in_(bindparam("blocks", expanding=True)))


@lru_cache(maxsize=1)
def _within_reach() -> CompoundSelect:
    """One index range per span class (its start bound ``from<c>``), and the undated rows: built once."""
    b = T.mention_blocks.c
    cols = (b.mention_key, b.report_key)
    blocks: BindParameter[str] = bindparam("blocks", expanding=True)
    parts = [select(*cols).where(b.block.in_(blocks), b.span == UNDATED)]
    for c in range(MAX_SPAN_CLASS + 1):
        within = [b.date_start <= bindparam("hi"), b.date_end >= bindparam("lo")]
        if c < MAX_SPAN_CLASS:
            within.append(b.date_start >= bindparam(f"from{c}"))
        parts.append(select(*cols).where(b.block.in_(blocks), b.span == c, *within))
    return union_all(*parts)


def _minus(day: date, days: int) -> date:
    return date.fromordinal(max(1, day.toordinal() - days))
