"""Errors as JSON, mapped from the ``CeasefireError`` tree in one place.

Every error answer is ``{"error": {"code", "message", ...}}``: a bad parameter is a
422 naming it (``"parameters": [{"name", "in", "message"}]``), a missing record a
404, a store that cannot be reached a 503; anything unexpected a 500 that says no
more than that (the traceback goes to the log, never to the caller).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from ..errors import (
    CeasefireError,
    ConfigError,
    Forbidden,
    InputError,
    InvalidParameter,
    NotFound,
    StoreError,
    Unauthorized,
)

__all__ = ["STATUS", "error_response", "install", "internal_error"]

log = logging.getLogger("ceasefire.api")

# the first class an error is an instance of decides: status, code
STATUS: tuple[tuple[type[CeasefireError], int, str], ...] = (
    (Unauthorized, 401, "unauthorized"),
    (Forbidden, 403, "forbidden"),
    (InvalidParameter, 422, "invalid_parameter"),
    (NotFound, 404, "not_found"),
    (ConfigError, 422, "invalid_request"),
    (InputError, 400, "bad_input"),
    (StoreError, 503, "store_unavailable"),
    (CeasefireError, 500, "error"),
)

_HTTP_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 401: "unauthorized", 403: "forbidden"}


def error_response(status: int, code: str, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message, **extra}}, status_code=status)


def internal_error() -> JSONResponse:
    return error_response(500, "internal_error", "internal error; the server log has the details")


def _ceasefire(request: Request, exc: Exception) -> JSONResponse:
    status, code = next((s, c) for cls, s, c in STATUS if isinstance(exc, cls))
    if isinstance(exc, InvalidParameter):
        where = "path" if exc.name in request.path_params else "query" if request.method == "GET" else "body"
        params = [{"name": exc.name, "in": where, "message": exc.reason}]
        return error_response(status, code, f"invalid parameter {exc.name}: {exc.reason}", parameters=params)
    extra = getattr(exc, "details", None) or {}
    if status >= 500:
        log.error("%s on %s: %s", type(exc).__name__, request.url.path, exc)
    response = error_response(status, code, str(exc), **extra)
    if status == 401:
        response.headers["WWW-Authenticate"] = "Bearer"
    return response


def _validation(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    params = []
    for problem in exc.errors():
        loc = [str(x) for x in problem.get("loc", ())]
        where, name = (loc[0], ".".join(loc[1:]) or loc[0]) if loc else ("query", "?")
        params.append({"name": name, "in": where, "message": str(problem.get("msg", "invalid"))})
    names = ", ".join(dict.fromkeys(p["name"] for p in params))
    first = params[0]["message"] if params else "invalid"
    return error_response(422, "invalid_parameter", f"invalid parameter {names}: {first}", parameters=params)


def _http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    code = _HTTP_CODES.get(exc.status_code, "http_error")
    message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
    response = error_response(exc.status_code, code, message)
    if exc.headers:
        response.headers.update(exc.headers)
    return response


def install(app: FastAPI) -> None:
    """Register the handlers that turn every error into the JSON error body."""
    app.add_exception_handler(CeasefireError, _ceasefire)
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(HTTPException, _http)
