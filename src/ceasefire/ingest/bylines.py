"""Byline lines: ``Author Name / Outlet``, ``By Author Name, Outlet``, ``By Author (Outlet)`` (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .outlets import canonical_outlet

__all__ = ["Byline", "parse_byline"]

_PARTICLE = r"(?:al|el|bin|ibn|abu|de|del|da|di|du|la|le|van|von|der|den|ter|dos|das)"
_NAME_WORD = r"[A-Z][\w'’.\-]*"
_NAME = rf"{_NAME_WORD}(?:[ \t]+(?:{_NAME_WORD}|{_PARTICLE}(?:-[\w'’]+)?)){{1,4}}"
_AUTHORS = rf"{_NAME}(?:(?:,[ \t]*|[ \t]+and[ \t]+|[ \t]*&[ \t]*){_NAME})*"
_OUTLET = r"[A-Z0-9][\w.&'’\-]*(?:[ \t]+[\w.&'’\-]+){0,5}"

_SLASH = re.compile(rf"(?P<author>{_NAME})[ \t]*/[ \t]*(?P<outlet>{_OUTLET})")
_BY_COMMA = re.compile(rf"(?i:by)[ \t]+(?P<author>{_AUTHORS}?),[ \t]*(?P<outlet>{_OUTLET})")
_BY_PAREN = re.compile(rf"(?i:by)[ \t]+(?P<author>{_AUTHORS})[ \t]*\([ \t]*(?P<outlet>{_OUTLET})[ \t]*\)")
_BY_ONLY = re.compile(rf"(?i:by)[ \t]+(?P<author>{_AUTHORS})")


@dataclass(frozen=True)
class Byline:
    author: str
    outlet: str | None  # canonical name


def parse_byline(line: str) -> Byline | None:
    """The author and outlet of a whole byline line, or ``None`` when the line is not one."""
    line = line.strip()
    if not line or len(line) > 120 or line.endswith((".", ":", "?", "!")) and not line.endswith(".com"):
        return None
    for pattern in (_SLASH, _BY_PAREN, _BY_COMMA, _BY_ONLY):
        match = pattern.fullmatch(line)
        if match is not None:
            outlet = match.groupdict().get("outlet")
            return Byline(" ".join(match.group("author").split()), canonical_outlet(outlet) if outlet else None)
    return None
