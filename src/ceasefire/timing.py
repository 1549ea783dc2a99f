"""Cheap timers of the ingest's stages (read, parse, extract, resolve, store, merge), off by default.

A benchmark turns them on with :func:`collect`; the pipeline marks its stages with
:func:`stage` (a context manager) and :func:`timed` (an iterator whose ``next`` is
the stage). Times are exclusive: a stage entered inside another (the merge inside the
store's transaction, the parse inside extraction) counts to itself, not to both. Off,
a mark costs one global look-up; on, four clock reads (wall and CPU). Only this process's stages are
counted (a run with ``--workers`` counts its writer's).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

__all__ = ["StageTimes", "collect", "on", "stage", "timed"]


class StageTimes:
    """Seconds spent in each stage, wall clock and this process's CPU, exclusive of the stages entered inside."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self._inner: list[list[float]] = []  # per open stage: the wall and CPU time of the stages inside it

    def add(self, name: str, wall: float, cpu: float) -> None:
        inner = self._inner.pop()
        self.seconds[name] = self.seconds.get(name, 0.0) + wall - inner[0]
        self.cpu[name] = self.cpu.get(name, 0.0) + cpu - inner[1]
        if self._inner:
            self._inner[-1][0] += wall
            self._inner[-1][1] += cpu


_current: StageTimes | None = None
T = TypeVar("T")


@contextmanager
def collect() -> Iterator[StageTimes]:
    """Count the stages of what runs inside (in this process) into the StageTimes yielded."""
    global _current
    before, _current = _current, StageTimes()
    try:
        yield _current
    finally:
        _current = before


def on() -> bool:
    """Whether the stages are being counted."""
    return _current is not None


@contextmanager
def stage(name: str) -> Iterator[None]:
    """The code inside is the stage ``name`` (when timers are on)."""
    times = _current
    if times is None:
        yield
        return
    times._inner.append([0.0, 0.0])
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        yield
    finally:
        times.add(name, time.perf_counter() - t0, time.process_time() - c0)


def timed(name: str, items: Iterable[T]) -> Iterator[T]:
    """``items``, each ``next`` of it counted as the stage ``name`` (when timers are on)."""
    if _current is None:
        yield from items
        return
    it = iter(items)
    while True:
        with stage(name):
            try:
                item = next(it)
            except StopIteration:
                return
        yield item
