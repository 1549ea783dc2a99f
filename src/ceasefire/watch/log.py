"""The watcher's events: one JSON object a line (``--log-json``), or short readable lines (rich).

Every event has ``time`` (UTC, ISO 8601), ``event`` and its fields, e.g.
``{"time": "...", "event": "poll", "source": "wire", "new": 2, "status": 200}``.
The events are listed in docs/watch.md ("Logs").
"""

from __future__ import annotations

import json
import sys
import threading
from datetime import datetime, timezone
from typing import IO, Any

from rich.console import Console
from rich.markup import escape

__all__ = ["EventLog"]

_STYLE = {"error": "red", "retry": "yellow", "backoff": "yellow", "dead": "red", "alert": "green", "new": "cyan"}


class EventLog:
    """Writes events to ``stream`` (stderr by default); thread-safe (the inbox logs from its own thread)."""

    def __init__(self, *, json_lines: bool = False, stream: IO[str] | None = None, quiet: bool = False) -> None:
        self.json_lines = json_lines
        self.quiet = quiet
        self._stream = stream or sys.stderr
        self._console = Console(file=self._stream, highlight=False, soft_wrap=True)
        self._lock = threading.Lock()
        self.events: list[dict[str, Any]] = []  # kept for callers that inspect a round (tests, --once summary)

    def __call__(self, event: str, **fields: Any) -> None:
        record = {"time": datetime.now(timezone.utc).isoformat(timespec="milliseconds"), "event": event, **fields}
        with self._lock:
            self.events.append(record)
            if len(self.events) > 10_000:
                del self.events[:5_000]
            if self.quiet and event not in ("error", "dead"):
                return
            if self.json_lines:
                self._stream.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
                self._stream.flush()
            else:
                shown = " ".join(f"{k}={v}" for k, v in fields.items() if v not in (None, "", [], {}))
                style = _STYLE.get(event, "dim" if event in ("poll", "idle") else "")
                label = f"[{style}]{event}[/]" if style else event
                self._console.print(f"{record['time'][11:23]} {label} {escape(shown)}")
