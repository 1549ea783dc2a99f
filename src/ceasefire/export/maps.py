"""The data files the field exports read (``data/export_acled.json``, ``data/export_ucdp.json``,
``data/taxonomy.json``), loaded once, and the line that writes one claim with its source."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any, Mapping, Protocol

from ..model import Claim, Mention

__all__ = ["Country", "Countries", "table", "taxonomy", "claim_line", "figure_text"]


class Country(Protocol):
    """What the field exports read of a country (``geo.countries.CountryInfo`` has it)."""

    @property
    def name(self) -> str: ...

    @property
    def iso_numeric(self) -> int | None: ...


#: ISO 3166-1 alpha-2 -> the country, given by the caller (``Database`` passes the gazetteer's)
Countries = Mapping[str, Country]


@lru_cache(maxsize=None)
def table(name: str) -> Mapping[str, Any]:
    """The data file ``data/export_<name>.json``."""
    raw = resources.files("ceasefire").joinpath(f"data/export_{name}.json").read_text("utf-8")
    out: dict[str, Any] = json.loads(raw)
    return out


@lru_cache(maxsize=1)
def taxonomy() -> Mapping[str, str]:
    """ACLED sub-event type -> its event type (``data/taxonomy.json``): the only names the exports write."""
    raw = json.loads(resources.files("ceasefire").joinpath("data/taxonomy.json").read_text("utf-8"))
    return {sub: entry["event_type"] for sub, entry in raw["sub_event_types"].items()}


def figure_text(c: Claim) -> str:
    """A claim's figure as words: ``83``, ``at least 83``, ``up to 83``, ``24-83``, ``about 40``,
    ``at least 40 (approximate)``."""
    lo, hi = c.figure.min, c.figure.max
    if lo is not None and hi is not None:
        text = str(lo) if lo == hi else f"{lo}-{hi}"
    elif lo is not None:
        text = f"at least {lo}"
    else:
        text = f"up to {hi}"
    if c.figure.approx:
        return f"about {text}" if lo == hi else f"{text} (approximate)"
    return text


def claim_line(c: Claim, m: Mention, *, quote: bool = True) -> str:
    """One claim with its source, where it was carried and read: ``SOHR (via Reuters): at least 80 killed
    (soldiers) "quote" [report-id #2]``."""
    who = c.source.name + (f" (via {c.carried_by})" if c.carried_by and c.carried_by != c.source.name else "")
    what = f"{figure_text(c)} {c.kind.value}" + (f" ({c.victims})" if c.victims else "")
    if c.scope != "total":
        what += f" [{c.scope}]"
    if c.hedged:
        what += " [hedged]"
    said = f' "{c.evidence.quote}"' if quote else ""
    return f"{who}: {what}{said} [{m.article_id} #{m.part}]"
