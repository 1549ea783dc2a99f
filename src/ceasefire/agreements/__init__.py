"""Ceasefire agreements (``docs/agreements.md``): files in, incidents judged against them.

* ``schema`` -- what an agreement file may hold (pydantic);
* ``load`` -- YAML in, :class:`~ceasefire.model.Agreement` out, or one line naming file, field and line;
* ``area`` -- whether a place lies in an agreement's area (countries, admin1, polygon);
* ``check`` -- one incident judged against one agreement (pure): a :class:`~ceasefire.model.Violation`.
"""

from __future__ import annotations

from .check import judge
from .load import ActorLookup, parse_agreement, read_agreement, shipped_paths

__all__ = ["ActorLookup", "judge", "parse_agreement", "read_agreement", "shipped_paths"]
