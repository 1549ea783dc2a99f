"""Extraction on a Dask cluster, the store written here in input order (``ceasefire batch``).

The input records (JSONL lines, Parquet rows, files: anything ``ingest`` reads) are
read here and cut into shards of ``shard_size`` records, in input order. Each shard
is sent to the cluster, where a task runs the same extraction as ``ingest`` does
(:func:`run.local.extract_batch`: split into reports, spaCy, dates, places) and
returns the shard's Parquet files (:mod:`run.shards`), which this process writes
under ``shards``. Shards are then read back in input order and every document is
stored by the one writer exactly as ``ingest`` stores it (:func:`run.local.store_extracted`),
its incidents merged in the same order: the store equals a single-process run.

At most ``2 *`` (the cluster's workers) shards are in flight, so memory stays flat.
A shard directory already there with this schema version and the same input records
(its digest) is not extracted again: running the same command again resumes an
interrupted run, and documents already stored are skipped as ``ingest`` skips them.

Workers need the ``ceasefire`` package and the spaCy model (``Settings.model``)
installed; each worker process loads them once, and runs one shard at a time
(spaCy is not shared between threads). The address is ``local:N`` (a cluster of N
processes on this machine, started and stopped here) or the scheduler of a running
cluster, ``tcp://HOST:PORT``; one that cannot be reached is a :class:`ClusterError`.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from .. import ingest
from ..config import Settings
from ..errors import CeasefireError, ClusterError, ConfigError, OutputError
from ..model import Document, IngestProblem
from ..store import Store
from . import shards as S
from .local import Extracted, IngestResult, Pipeline, _failure, batched, extract_batch, store_extracted

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["batch_paths", "ShardProgress", "SHARD_SIZE", "connect"]

SHARD_SIZE = 500  # input records per shard
CONNECT_TIMEOUT = "10s"
IN_FLIGHT_PER_WORKER = 2


class ShardProgress(Protocol):
    """Told as each shard is stored: the shard's number, its records, and whether it was extracted (False:
    reused from an earlier run)."""

    def __call__(self, shard: int, records: int, extracted: bool, /) -> None: ...


@contextmanager
def connect(address: str) -> Iterator["Client"]:
    """A client of the cluster at ``address`` (``local:N`` or ``tcp://HOST:PORT``), closed on exit."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover -- a dependency
        raise ClusterError(f"Dask is not installed ({exc}); install 'dask[distributed]'") from exc
    if address.startswith("local:"):
        count = address.removeprefix("local:")
        if not count.isdigit() or int(count) < 1:
            raise ClusterError(f"not a local cluster size: {address!r} (write local:N, N >= 1)")
        cluster = LocalCluster(n_workers=int(count), threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=logging.ERROR)
        try:
            with Client(cluster) as client:
                yield client
        finally:
            cluster.close()
        return
    if not address.startswith(("tcp://", "tls://")):
        raise ClusterError(f"not a Dask address: {address!r} (write local:N or tcp://HOST:PORT)")
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        reason = str(exc).strip().splitlines()
        raise ClusterError(f"cannot reach the Dask scheduler at {address} "
                           f"({reason[0] if reason else type(exc).__name__})") from None
    try:
        yield client
    finally:
        client.close()


def batch_paths(
    paths: Sequence[str | Path],
    store: Store,
    settings: Settings,
    *,
    cluster: str,
    shards: Path,
    shard_size: int = SHARD_SIZE,
    progress: ShardProgress | None = None,
) -> IngestResult:
    """Extract ``paths`` on the cluster into Parquet shards under ``shards``, then store them in input order."""
    if shard_size < 1:
        raise ConfigError("shard_size must be positive")
    files, problems = ingest.list_inputs(paths)
    result = IngestResult(files=len(files), problems=list(problems))
    with connect(cluster) as client:
        try:
            shards.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot write the shards to {shards}: {exc.strerror or exc}") from exc
        in_shards = batched(_records(files, settings), shard_size)
        for index, records, extracted in _stored_in_order(client, in_shards, settings, shards):
            for item in S.load_shard(shards / S.shard_name(index)):
                _store(store, item, settings, result)
            if progress is not None:
                progress(index, records, extracted)
    for problem in result.problems:
        store.record_problem(problem.origin, problem.message)
    result.incidents = store.counts()["incidents"]
    return result


def _store(store: Store, item: S.ShardItem, settings: Settings, result: IngestResult) -> None:
    """One record as ``ingest`` stores it: a problem listed, a stored hash skipped, else written."""
    if isinstance(item.record, IngestProblem) or item.extracted is None:
        if isinstance(item.record, IngestProblem):
            result.problems.append(item.record)
        return
    if store.has_document(item.record.sha256):
        result.documents_skipped += 1
        return
    store_extracted(store, item.record, item.extracted, settings, result)


def _records(files: Sequence[Path], settings: Settings) -> Iterator[Document | IngestProblem]:
    for path in files:
        try:
            yield from ingest.read_input(path, max_bytes=settings.max_bytes)
        except Exception as exc:  # noqa: BLE001 -- read_input yields its problems; this is the last guard
            yield _failure(ingest.display_path(path), "cannot read", exc)


def _stored_in_order(
    client: "Client", shards: Iterator[list[Document | IngestProblem]], settings: Settings, directory: Path
) -> Iterator[tuple[int, int, bool]]:
    """Each shard's number once its directory is whole, in input order, with its number of records and whether
    it was extracted now (a shard whole from an earlier run with the same records is not sent)."""
    task_settings = settings.with_(db_url="")  # the workers never see the store, nor its password
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    limit = IN_FLIGHT_PER_WORKER * workers
    pending: deque[tuple[int, list[Document | IngestProblem], Any]] = deque()

    def finish() -> tuple[int, int, bool]:
        index, records, future = pending.popleft()
        if future is not None:
            S.save_shard(directory / S.shard_name(index), _result(future))
        return index, len(records), future is not None

    for index, records in enumerate(shards):
        key = S.digest(records)
        if S.shard_version(directory / S.shard_name(index)) == (S.SCHEMA, key):
            pending.append((index, records, None))
        else:
            [sent] = client.scatter([records], hash=False)  # one piece of data, however large the shard
            pending.append((index, records, client.submit(extract_shard, task_settings, sent, key, pure=False)))
        while len(pending) >= limit:
            yield finish()
    while pending:
        yield finish()


def _result(future: Any) -> dict[str, bytes]:
    try:
        return future.result()  # type: ignore[no-any-return]
    except CeasefireError:  # a missing model or gazetteer on a worker stops the run, as in one process
        raise
    except Exception as exc:  # noqa: BLE001 -- a worker died, the scheduler went away
        lines = str(exc).strip().splitlines()
        raise ClusterError(f"a shard failed on the cluster ({type(exc).__name__}"
                           f"{': ' + lines[0] if lines else ''})") from exc


_lock = threading.Lock()  # one shard at a time in a worker process, whatever its threads
_pipeline: tuple[Settings, Pipeline] | None = None


def extract_shard(settings: Settings, records: Sequence[Document | IngestProblem], key: str) -> dict[str, bytes]:
    """The cluster's task: extract a shard's documents (``settings.batch_size`` at a time) into its Parquet files."""
    global _pipeline
    with _lock:
        if _pipeline is None or _pipeline[0] != settings:
            _pipeline = (settings, Pipeline(settings))
        pipeline = _pipeline[1]
        docs = [(i, r) for i, r in enumerate(records) if isinstance(r, Document)]
        got: dict[int, Extracted] = {}
        for part in batched(docs, settings.batch_size):
            for (i, _), out in zip(part, extract_batch(pipeline, [(Path(d.origin), d) for _, d in part]), strict=True):
                got[i] = out
        items = [S.ShardItem(r, got.get(i)) for i, r in enumerate(records)]
        return S.shard_tables(items, key)
