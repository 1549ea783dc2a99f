"""The HTTP inbox: article JSON lines POSTed with a bearer token, written to a spool folder.

``POST /inbox`` (``Authorization: Bearer TOKEN``, body: article JSON lines as in
``interchange.md``) checks every line; when all are good the body is written to the
source's spool folder (a temporary name, fsync, then a rename, so a reader never sees
half a file) and the answer is ``202 {"accepted": N}``. A bad token is ``401``, a bad
line ``400`` naming it (nothing is written), a body over the limit ``413``. The spool
is then read like a watched folder: once a post has been answered 202 it is on disk,
so a watcher killed before ingesting it loses nothing. ``GET /health`` answers
``{"ok": true}``.
"""

from __future__ import annotations

import hmac
import json
import os
import threading
import uuid
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..ingest.jsonl import line_problem
from .config import SourceConfig

__all__ = ["Inbox", "spool_post"]


def spool_post(spool: Path, body: bytes) -> Path:
    """Write a post's body durably into ``spool`` under a new name; returns the file."""
    spool.mkdir(parents=True, exist_ok=True)
    name = f"{uuid.uuid4().hex}.jsonl"
    tmp = spool / f".{name}.tmp"
    with tmp.open("wb") as fh:
        fh.write(body if body.endswith(b"\n") else body + b"\n")
        fh.flush()
        os.fsync(fh.fileno())
    final = spool / name
    os.replace(tmp, final)
    fd = os.open(spool, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    return final


def _check_lines(body: bytes) -> tuple[int, str | None]:
    """How many articles the body holds, and the first bad line's problem (None when all are good)."""
    count = 0
    for number, line in enumerate(body.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj: Any = json.loads(line)
        except (ValueError, UnicodeDecodeError) as exc:
            return count, f"line {number}: not JSON ({exc})"
        problem = line_problem(obj)
        if problem is not None:
            return count, f"line {number}: {problem}"
        count += 1
    return count, None if count else "no article lines"


class Inbox:
    """A threaded HTTP server for one inbox source; :meth:`start` and :meth:`stop` it."""

    def __init__(self, source: SourceConfig, *, max_bytes: int, on_post: Callable[[int], None],
                 log: Callable[..., None]) -> None:
        assert source.spool is not None and source.token is not None
        host, _, port = source.location.rpartition(":")
        spool, token = source.spool, source.token
        name = self.name = source.name

        class Handler(BaseHTTPRequestHandler):
            def _answer(self, status: int, payload: dict[str, Any]) -> None:
                body = json.dumps(payload).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:  # noqa: N802 -- http.server's name
                if self.path == "/health":
                    self._answer(200, {"ok": True})
                else:
                    self._answer(404, {"error": "not found"})

            def do_POST(self) -> None:  # noqa: N802
                if self.path not in ("/inbox", "/"):
                    self._answer(404, {"error": "not found"})
                    return
                given = self.headers.get("Authorization", "")
                if not hmac.compare_digest(given.encode("utf-8"), f"Bearer {token}".encode("utf-8")):
                    self._answer(401, {"error": "missing or wrong bearer token"})
                    return
                try:
                    length = int(self.headers.get("Content-Length", ""))
                except ValueError:
                    self._answer(411, {"error": "Content-Length required"})
                    return
                if length > max_bytes:
                    self._answer(413, {"error": f"over the limit of {max_bytes} bytes"})
                    return
                body = self.rfile.read(length)
                count, problem = _check_lines(body)
                if problem is not None:
                    self._answer(400, {"error": problem})
                    log("inbox_refused", source=name, error=problem)
                    return
                path = spool_post(spool, body)
                log("inbox_post", source=name, articles=count, file=path.name)
                self._answer(202, {"accepted": count})
                on_post(count)

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 -- the events log instead
                return

        try:
            self._server = ThreadingHTTPServer((host, int(port)), Handler)
        except OSError as exc:
            raise ConfigError(f"inbox {name}: cannot listen on {source.location} ({exc.strerror or exc})") from exc
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name=f"inbox-{name}", daemon=True)

    @property
    def address(self) -> tuple[str, int]:
        host, port = self._server.server_address[:2]
        return str(host), int(port)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
