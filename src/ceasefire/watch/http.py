"""Polite HTTP for the watcher (httpx lives here): one User-Agent, robots.txt, a per-host pace, conditional GETs.

* robots.txt is read once per host (and again after :data:`ROBOTS_TTL`): a 4xx
  means everything is allowed, a 5xx or no answer that nothing is, for now (RFC 9309);
* two requests to one host are at least ``per_host_interval`` seconds apart;
* ``etag`` and ``last_modified`` are sent back as ``If-None-Match`` and
  ``If-Modified-Since``; a ``304`` comes back as a :class:`Response` with no body;
* a body over ``max_bytes`` is refused while it is read.

Every failure is one :class:`FetchError` line (``url: HTTP 500``).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from ..errors import FetchError
from .config import HttpConfig

__all__ = ["Fetcher", "Response", "ROBOTS_TTL"]

ROBOTS_TTL = 24 * 3600.0


@dataclass(frozen=True)
class Response:
    url: str
    status: int
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class _Robots:
    parser: RobotFileParser | None  # None: the verdict below holds for every path
    allow_all: bool
    read_at: float


@dataclass
class Fetcher:
    """GETs that respect robots.txt, a per-host pace and a size limit (use as a context manager)."""

    http: HttpConfig
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    transport: httpx.BaseTransport | None = None
    _robots: dict[str, _Robots] = field(default_factory=dict)
    _last: dict[str, float] = field(default_factory=dict)
    _client: httpx.Client | None = None

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                headers={"User-Agent": self.http.user_agent},
                timeout=self.http.timeout,
                follow_redirects=True,
                transport=self.transport,
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET ``url`` (conditionally when validators are given); raises :class:`FetchError` unless 2xx or 304."""
        if self.http.robots and not self.allowed(url):
            raise FetchError(url, "disallowed by robots.txt", permanent=True)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        response = self._request(url, headers)
        if response.status == 304 or 200 <= response.status < 300:
            return response
        raise FetchError(url, f"HTTP {response.status}", response.status)

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of ``url``'s host lets this User-Agent fetch it."""
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        robots = self._robots.get(host)
        if robots is None or self.clock() - robots.read_at > ROBOTS_TTL:
            robots = self._read_robots(host)
            self._robots[host] = robots
        if robots.parser is None:
            return robots.allow_all
        return robots.parser.can_fetch(self.http.user_agent, url)

    def _read_robots(self, host: str) -> _Robots:
        try:
            response = self._request(f"{host}/robots.txt", {})
        except FetchError:
            return _Robots(None, False, self.clock())
        if 400 <= response.status < 500:
            return _Robots(None, True, self.clock())
        if not 200 <= response.status < 300:
            return _Robots(None, False, self.clock())
        parser = RobotFileParser()
        parser.parse(response.body.decode("utf-8", "replace").splitlines())
        return _Robots(parser, True, self.clock())

    def _pace(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self._last.get(host)
        if last is not None:
            wait = last + self.http.per_host_interval - self.clock()
            if wait > 0:
                self.sleep(wait)
        self._last[host] = self.clock()

    def _request(self, url: str, headers: dict[str, str]) -> Response:
        self._pace(url)
        try:
            with self.client.stream("GET", url, headers=headers) as r:
                body = bytearray()
                if r.status_code != 304:
                    for chunk in r.iter_bytes():
                        body += chunk
                        if len(body) > self.http.max_bytes:
                            raise FetchError(url, f"over the limit of {self.http.max_bytes} bytes", r.status_code,
                                             permanent=True)
                return Response(
                    url=str(r.url),
                    status=r.status_code,
                    body=bytes(body),
                    etag=r.headers.get("ETag"),
                    last_modified=r.headers.get("Last-Modified"),
                    content_type=r.headers.get("Content-Type", ""),
                )
        except httpx.HTTPError as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise FetchError(url, f"cannot fetch ({reason})") from exc
