"""Local servers on 127.0.0.1 for the watcher's tests: a site (feeds and pages), a webhook receiver, an SMTP stub.

Every article text here is invented.
"""

from __future__ import annotations

import json
import socketserver
import threading
from collections import Counter
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

# invented reports: a market shelling told by two outlets (the second raising the toll), and a car bomb
SHELLING = (
    "IDLIB, Syria, May 2 (Wire One) - Government shelling killed at least 12 civilians in a market in "
    "Maarat al-Numan on Sunday, the Syrian Observatory for Human Rights said."
)
SHELLING_LATER = (
    "The death toll from Sunday's shelling of a market in Maarat al-Numan rose to 19, the Syrian "
    "Observatory for Human Rights said on Monday."
)
CAR_BOMB = "KABUL (Wire Three) - A car bomb killed 8 people in Kabul on Sunday, the interior ministry said."
FLOOD = "A river burst its banks near a farming town on Sunday and hundreds of families moved to higher ground."


def page(title: str, text: str, outlet: str = "Wire One", day: str = "2021-05-02") -> bytes:
    """An article page as a news site serves it."""
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    return (
        f"<!doctype html><html><head><title>{title}</title>"
        f'<meta property="og:site_name" content="{outlet}">'
        f'<meta name="date" content="{day}"></head>'
        f"<body><header>Menu Home World</header><article><h1>{title}</h1>{paragraphs}</article>"
        f"<footer>Copyright</footer></body></html>"
    ).encode("utf-8")


def rss(base: str, items: list[tuple[str, str]]) -> bytes:
    """An RSS 2.0 feed; each item (guid, path) links to ``base + path``."""
    entries = "".join(
        f"<item><title>{guid}</title><guid>{guid}</guid><link>{base}{path}</link>"
        f"<pubDate>Sun, 02 May 2021 10:00:00 GMT</pubDate><description>summary</description></item>"
        for guid, path in items
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire One</title>'
        f"<link>{base}/</link>{entries}</channel></rss>"
    ).encode("utf-8")


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class Site:
    """An HTTP server whose routes a test changes between polls; it counts requests and answers ETags with 304."""

    routes: dict[str, Route] = field(default_factory=dict)
    hits: Counter[str] = field(default_factory=Counter)
    conditional: Counter[str] = field(default_factory=Counter)
    agents: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                site.hits[self.path] += 1
                site.agents.add(self.headers.get("User-Agent", ""))
                route = site.routes.get(self.path)
                if route is None:
                    self._send(404, b"not found", "text/plain")
                    return
                given = self.headers.get("If-None-Match")
                since = self.headers.get("If-Modified-Since")
                if given or since:
                    site.conditional[self.path] += 1
                if (route.etag and given == route.etag) or (route.last_modified and since == route.last_modified):
                    self.send_response(304)
                    self.end_headers()
                    return
                self._send(route.status, route.body, route.content_type, route.etag, route.last_modified)

            def _send(self, status: int, body: bytes, ctype: str, etag: str | None = None,
                      modified: str | None = None) -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                if etag:
                    self.send_header("ETag", etag)
                if modified:
                    self.send_header("Last-Modified", modified)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@dataclass
class Receiver:
    """A webhook receiver: records each POST (headers and JSON body); answers ``fail`` 500s first."""

    fail: int = 0
    posts: list[tuple[dict[str, str], bytes]] = field(default_factory=list)
    attempts: int = 0

    def __post_init__(self) -> None:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                receiver.attempts += 1
                if receiver.fail > 0:
                    receiver.fail -= 1
                    self.send_response(500)
                    self.end_headers()
                    return
                receiver.posts.append(({k: v for k, v in self.headers.items()}, body))
                self.send_response(204)
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def alerts(self) -> list[dict[str, Any]]:
        return [json.loads(body) for _, body in self.posts]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class _SmtpHandler(socketserver.StreamRequestHandler):
    def _say(self, line: str) -> None:
        self.wfile.write((line + "\r\n").encode("ascii"))

    def handle(self) -> None:
        stub: SmtpStub = self.server.stub  # type: ignore[attr-defined]
        self._say("220 stub ESMTP")
        while True:
            raw = self.rfile.readline()
            if not raw:
                return
            verb = raw.decode("ascii", "replace").strip().split(" ")[0].upper()
            if verb in ("EHLO", "HELO"):
                self._say("250 stub")
            elif verb in ("MAIL", "RCPT", "RSET", "NOOP"):
                self._say("250 ok")
            elif verb == "DATA":
                self._say("354 go ahead")
                lines = []
                while True:
                    line = self.rfile.readline()
                    if line in (b".\r\n", b".\n", b""):
                        break
                    lines.append(line[1:] if line.startswith(b"..") else line)
                stub.messages.append(message_from_bytes(b"".join(lines)))
                self._say("250 queued")
            elif verb == "QUIT":
                self._say("221 bye")
                return
            else:
                self._say("502 not implemented")


class SmtpStub:
    """A minimal SMTP server on 127.0.0.1 keeping the messages it receives."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _SmtpHandler)
        self.server.daemon_threads = True
        self.server.stub = self  # type: ignore[attr-defined]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
