"""Agreement files: YAML in, :class:`~ceasefire.model.Agreement` out, or one line saying what is wrong where.

The YAML is read with a line-aware loader: every error names the file, the field
(``parties[1].actor``) and the line it stands on. Dates and datetimes are read as text
and parsed by the schema (a datetime needs its time zone). Parties, their forces and
allies, excluded groups and exception targets are resolved against the actor registry
(the caller passes its lookup: canonical name or alias -> canonical name); event types
against the ACLED taxonomy (``data/taxonomy.json``).
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Mapping

import yaml
from pydantic import ValidationError

from ..errors import InputError
from ..model import Agreement, Area, Exemption, Party, Term
from ..yamlfile import field_name, line_map
from .schema import AgreementFile, AreaFile

__all__ = ["ActorLookup", "parse_agreement", "read_agreement", "shipped_paths", "taxonomy"]

#: canonical name or alias of an actor -> its canonical name, ``None`` when the registry has no such actor
ActorLookup = Callable[[str], "str | None"]

Path_ = tuple[str | int, ...]


class _Loader(yaml.SafeLoader):
    """Safe YAML with timestamps left as text (the schema parses them, time zone included)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@lru_cache(maxsize=1)
def taxonomy() -> Mapping[str, str]:
    """ACLED sub-event type -> its event type (``data/taxonomy.json``)."""
    raw = json.loads(resources.files("ceasefire").joinpath("data/taxonomy.json").read_text("utf-8"))
    return {name: row["event_type"] for name, row in raw["sub_event_types"].items()}


def shipped_paths() -> list[Path]:
    """The agreement files shipped in the package (``data/agreements/*.yaml``), by name."""
    folder = resources.files("ceasefire").joinpath("data/agreements")
    return sorted((Path(str(folder)) / p.name for p in folder.iterdir() if p.name.endswith(".yaml")),
                  key=lambda p: p.name)


def read_agreement(path: str | Path, actors: ActorLookup) -> Agreement:
    """The agreement in the YAML file at ``path`` (``InputError``: one line naming file, field and line)."""
    origin = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(origin, f"cannot read: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(origin, f"not UTF-8 text (byte {exc.start})") from exc
    return parse_agreement(text, origin, actors)


def parse_agreement(text: str, origin: str, actors: ActorLookup) -> Agreement:
    """The agreement ``text`` states; ``origin`` names it in errors."""
    data, lines = _compose(text, origin)
    if not isinstance(data, dict):
        raise InputError(origin, "line 1: the file is not a mapping of fields (id, name, start, ...)")
    try:
        parsed = AgreementFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(first["loc"])
        raise InputError(origin, _where(loc, lines, data) + _message(first)) from None
    check = _Checks(origin, lines, actors)
    check.order(parsed.start, parsed.end)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    parties = tuple(
        Party(
            name=p.name,
            actor=check.actor(p.actor, ("parties", i, "actor")),
            forces=tuple(check.actor(f, ("parties", i, "forces", j)) for j, f in enumerate(p.forces)),
            allies=tuple(check.actor(a, ("parties", i, "allies", j)) for j, a in enumerate(p.allies)),
        )
        for i, p in enumerate(parsed.parties)
    )
    excluded = tuple(check.actor(name, ("excluded", j)) for j, name in enumerate(parsed.excluded))
    terms = tuple(
        Term(
            ref=t.ref,
            text=t.text,
            event_types=tuple(check.event_type(e, ("terms", i, "prohibits", "event_types", j))
                              for j, e in enumerate(t.prohibits.event_types)),
            sub_event_types=tuple(check.sub_event_type(e, ("terms", i, "prohibits", "sub_event_types", j))
                                  for j, e in enumerate(t.prohibits.sub_event_types)),
            parties=tuple(check.party(n, {p.name for p in parties}, ("terms", i, "parties", j))
                          for j, n in enumerate(t.parties)),
        )
        for i, t in enumerate(parsed.terms)
    )
    exemptions = tuple(
        Exemption(
            ref=x.ref,
            text=x.text,
            targets=tuple(check.actor(a, ("exceptions", i, "targets", j)) for j, a in enumerate(x.targets)),
            area=_area(x.area) if x.area is not None else None,
        )
        for i, x in enumerate(parsed.exceptions)
    )
    return Agreement(
        id=parsed.id,
        name=parsed.name,
        start=parsed.start,
        end=parsed.end,
        area=_area(parsed.area),
        parties=parties,
        terms=terms,
        excluded=excluded,
        exemptions=exemptions,
        source=parsed.source,
        sha256=sha,
    )


def _area(area: AreaFile) -> Area:
    ring = area.polygon.coordinates[0] if area.polygon is not None else []
    return Area(
        countries=tuple(area.countries),
        admin1=tuple(a for a in area.admin1 if isinstance(a, str)),
        geonames_ids=tuple(a for a in area.admin1 if isinstance(a, int)),
        polygon=tuple((float(lon), float(lat)) for lon, lat in ring),
    )


class _Checks:
    """The checks that need the registry or the taxonomy, each failing with the field's line."""

    def __init__(self, origin: str, lines: Mapping[Path_, int], actors: ActorLookup) -> None:
        self.origin, self.lines, self.actors = origin, lines, actors

    def fail(self, loc: Path_, message: str) -> InputError:
        return InputError(self.origin, _where(loc, self.lines, None) + message)

    def order(self, start: date | datetime, end: date | datetime | None) -> None:
        if end is None:
            return
        if isinstance(start, datetime) and isinstance(end, datetime):
            before = end <= start
        else:
            before = _day(end) < _day(start)
        if before:
            raise self.fail(("end",), f"ends ({end.isoformat()}) before it starts ({start.isoformat()})")

    def actor(self, name: str, loc: Path_) -> str:
        found = self.actors(name)
        if found is None:
            raise self.fail(loc, f"unknown actor {name!r}: not a name or alias of the actor registry "
                                 "(data/actors.json) nor a generic actor ('Military forces of Syria')")
        return found

    def party(self, name: str, names: set[str], loc: Path_) -> str:
        if name not in names:
            raise self.fail(loc, f"{name!r} is not one of the agreement's parties ({', '.join(sorted(names))})")
        return name

    def event_type(self, name: str, loc: Path_) -> str:
        if name not in set(taxonomy().values()):
            known = ", ".join(sorted(set(taxonomy().values())))
            raise self.fail(loc, f"unknown ACLED event type {name!r}; known: {known}")
        return name

    def sub_event_type(self, name: str, loc: Path_) -> str:
        if name not in taxonomy():
            raise self.fail(loc, f"unknown ACLED sub-event type {name!r} (see data/taxonomy.json)")
        return name


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _compose(text: str, origin: str) -> tuple[Any, dict[Path_, int]]:
    """The YAML document and the line (1-based) of every field and list item in it."""
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputError(origin, f"{line}not valid YAML: {problem}") from None
    return data, (line_map(node) if node is not None else {})


def _where(loc: Path_, lines: Mapping[Path_, int], data: Any) -> str:
    loc = tuple(p for p in loc if not (isinstance(p, str) and ("[" in p or p in ("date", "datetime"))))
    known = loc
    while known and known not in lines:
        known = known[:-1]
    line = lines.get(known, 1)
    name = field_name(loc) if loc else "the file"
    return f"line {line}: {name}: "


def _message(error: Mapping[str, Any]) -> str:
    kind = error.get("type", "")
    if kind == "missing":
        return "missing (required)"
    if kind == "extra_forbidden":
        return "unknown field (see docs/agreements.md for the fields)"
    msg = str(error.get("msg", "invalid"))
    return msg.removeprefix("Value error, ")
