"""``ceasefire watch status``: each source's last poll, last new item, errors and next poll (from the store)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ..store.watch import WatchState
from .config import WatchConfig

__all__ = ["watch_status", "watch_lag", "HEALTHY_LAG"]

HEALTHY_LAG = 30.0  # a running watcher writes a quiet source's poll at least this often (runner.HEARTBEAT)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value is not None else None


def watch_status(state: WatchState, config: WatchConfig | None = None) -> dict[str, Any]:
    """Every source the store knows (and those of ``config`` not polled yet), and the alert outbox."""
    known = {s.name: s for s in state.sources()}
    counts = state.item_counts()
    names = list(known)
    if config is not None:
        names = [s.name for s in config.sources] + [n for n in names if n not in {s.name for s in config.sources}]
    configured = {s.name: s for s in config.sources} if config is not None else {}
    sources = []
    for name in names:
        s = known.get(name)
        c = configured.get(name)
        sources.append({
            "name": name,
            "kind": s.kind if s else c.kind if c else None,
            "location": s.location if s else c.location if c else None,
            "configured": config is None or name in configured,
            "last_poll": _iso(s.last_poll_at) if s else None,
            "last_ok": _iso(s.last_ok_at) if s else None,
            "last_new_item": _iso(s.last_new_at) if s else None,
            "next_poll": _iso(s.next_poll_at) if s else None,
            "errors_in_a_row": s.errors if s else 0,
            "errors": s.error_total if s else 0,
            "last_error": s.last_error if s else None,
            "items": counts.get(name, {}),
        })
    return {"sources": sources, "alerts": state.outbox_counts(), "alerts_since": state.alerts_since()}


def watch_lag(state: WatchState, now: datetime | None = None) -> float | None:
    """Seconds the most overdue source is past its next poll (0 when none is); None when nothing is watched.

    For a ``/health`` beside a running watcher: a watcher writes each source's poll at
    least every :data:`HEALTHY_LAG` seconds, so a lag above that (plus the longest
    backoff a failing source may be in) means the watcher is not running or is stuck.
    """
    health = state.health(now)
    return health.lag_seconds if health is not None else None
