"""Bounded caches of decoded things: the one helper for every cache that lives as long as a process.

A long ingest (100,000 articles) or a watcher running for weeks must not hold more
the more it has stored, so each cache of decoded things (stored mentions, stored
reports, reports' shingle sets) is a :class:`Bounded` dict: at most ``limit``
entries, emptied whole when the next ones would not fit. Emptying whole (rather than
evicting the least recently used) needs no bookkeeping on a read, so readers in
several threads (the REST API's) only ever read or add entries; what a cache holds is
never a result, only a shortcut to one, so emptying it changes no answer.
"""

from __future__ import annotations

from typing import TypeVar

__all__ = ["Bounded"]

K = TypeVar("K")
V = TypeVar("V")


class Bounded(dict[K, V]):
    """A dict of at most ``limit`` entries: :meth:`room` (or :meth:`keep`) empties it when more would not fit."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def room(self, count: int = 1) -> None:
        """Make room for ``count`` more entries: empty the cache when they would not fit beside what it holds."""
        if len(self) + count > self.limit:
            self.clear()

    def keep(self, key: K, value: V) -> V:
        """Add one entry (making room first); returns ``value``."""
        self.room()
        self[key] = value
        return value
