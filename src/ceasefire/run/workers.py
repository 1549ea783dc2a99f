"""Parsing and extraction in several processes, the results handed back in input order.

``ceasefire ingest --workers N`` (``Settings.workers``) reads and splits documents
into reports, runs spaCy and resolves dates and places in N worker processes, a
batch of documents (``Settings.batch_size``) at a time; this process stays the
one writer: it stores each document and updates incidents in input order, so the
store is the one a single process makes of the same input (a test compares them).

Streaming: at most ``2 * N`` batches are in flight (sent to a worker, or extracted
and waiting for their turn to be written), so memory stays flat however long the
input is. Each worker loads the model and the gazetteer once (``spawn``: a fresh
interpreter, nothing inherited from this one's threads or open store). A run whose
documents fit in one batch is extracted here, in this process: starting workers
that each load the model would cost more than it saves.

Only a missing model or gazetteer (``ModelError``, ``GazetteerError``) stops the
run, as in one process; a worker that dies takes the run with it (a
``BrokenProcessPool``), never silently a document.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING, TypeVar

from ..config import Settings

if TYPE_CHECKING:
    from .local import Pipeline

__all__ = ["in_order", "worker_pipeline", "IN_FLIGHT_PER_WORKER"]

IN_FLIGHT_PER_WORKER = 2  # batches per worker sent ahead of the writer

Batch = TypeVar("Batch")
Out = TypeVar("Out")

_pipeline: "Pipeline | None" = None  # the worker's own, made by _start


def in_order(
    batches: Iterator[Batch],
    work: Callable[[Batch], Out],
    settings: Settings,
    remote: Callable[[Batch], Out],
) -> Iterator[tuple[Batch, Out]]:
    """Each batch with what ``work`` (here) or ``remote`` (in a worker) made of it, in input order.

    With ``settings.workers`` of 1, or when the input is a single batch, every batch
    is done here by ``work``, one after the other: the next batch is read only after
    the previous one was handed on (so the writer's checks see all it wrote).
    ``remote`` must be a module-level function (it is pickled by name).
    """
    if settings.workers <= 1:
        for batch in batches:
            yield batch, work(batch)
        return
    first = next(batches, None)
    if first is None:
        return
    second = next(batches, None)
    if second is None:
        yield first, work(first)
        return
    yield from _pooled(_chain(first, second, batches), remote, settings)


def _chain(first: Batch, second: Batch, rest: Iterator[Batch]) -> Iterator[Batch]:
    yield first
    yield second
    yield from rest


def _pooled(
    batches: Iterator[Batch], remote: Callable[[Batch], Out], settings: Settings
) -> Iterator[tuple[Batch, Out]]:
    limit = IN_FLIGHT_PER_WORKER * settings.workers
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=settings.workers, mp_context=context, initializer=_start,
                               initargs=(settings,))
    pending: deque[tuple[Batch, Future[Out]]] = deque()
    try:
        for batch in batches:
            pending.append((batch, pool.submit(remote, batch)))
            while len(pending) >= limit:
                done, future = pending.popleft()
                yield done, future.result()
        while pending:
            done, future = pending.popleft()
            yield done, future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _start(settings: Settings) -> None:
    """A worker's start: its own pipeline (model and gazetteer load at its first batch)."""
    global _pipeline
    from .local import Pipeline

    _pipeline = Pipeline(settings)


def worker_pipeline() -> "Pipeline":
    """The pipeline of this worker process (made by the pool's initializer)."""
    if _pipeline is None:  # pragma: no cover -- only called in a worker
        raise RuntimeError("not in a worker process")
    return _pipeline
