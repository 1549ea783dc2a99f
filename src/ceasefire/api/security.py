"""Safe headers on every answer, and a last guard that turns an unexpected exception into a JSON 500.

Article text, titles, outlet names and URLs are attacker-controlled. The API answers
JSON only (never HTML), and every answer carries ``X-Content-Type-Options: nosniff``
(a browser never sniffs it into HTML), a Content-Security-Policy that allows nothing
(:data:`API_POLICY`; the web UI's pages and static files, every path outside the API,
get the page policy the app is given: ``web.page_policy``, still without
``unsafe-inline`` scripts or styles), ``X-Frame-Options: DENY`` and ``Referrer-Policy:
no-referrer``. No CORS headers are sent: other origins cannot read the API from a
browser unless a later setting opens it.
"""

from __future__ import annotations

import logging
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import internal_error

__all__ = ["API_POLICY", "HEADERS", "SafeHeaders"]

log = logging.getLogger("ceasefire.api")

API_PATHS = ("/api/",)
API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

HEADERS = {
    "x-content-type-options": "nosniff",
    "content-security-policy": API_POLICY,
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
}


class SafeHeaders:
    """ASGI middleware: the :data:`HEADERS` on every HTTP answer; an exception before the answer began
    becomes the JSON 500 of :func:`ceasefire.api.errors.internal_error` (logged with its traceback)."""

    def __init__(self, app: ASGIApp, page_policy: str | None = None) -> None:
        self.app = app
        self.page_policy = page_policy

    def headers_for(self, path: str) -> dict[str, str]:
        """The API's :data:`HEADERS`, with the page policy on the web UI's paths (when the app has one)."""
        api = path.startswith(API_PATHS) or path in ("/openapi.json", "/health")
        if api or self.page_policy is None:
            return HEADERS
        return {**HEADERS, "content-security-policy": self.page_policy}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False
        safe = self.headers_for(scope.get("path", ""))

        async def send_safe(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = [(k, v) for k, v in message.get("headers", []) if k.decode("latin-1").lower() not in safe]
                headers += [(k.encode("latin-1"), v.encode("latin-1")) for k, v in safe.items()]
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_safe)
        except Exception:
            log.exception("unexpected error on %s", scope.get("path", "?"))
            if started:
                raise
            response: Any = internal_error()
            await response(scope, receive, send_safe)
