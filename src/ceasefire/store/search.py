"""Searching the current incidents: filters, sorting, keyset pages, and the catalogues of sources and actors.

Every condition of an :class:`~ceasefire.model.IncidentFilter` becomes SQL, so a page
costs an indexed read and its count, never a scan in Python. Conditions on what an
incident's JSON payload lists (its actors, its flags) read the list with the
dialect's JSON table function (``json_each`` on SQLite, ``json_array_elements`` on
PostgreSQL); a condition on an agreement reads the violation check's current judgements.

Pages are keyset pages: sorted by one value (unknown values last, whichever the
direction) and then by id, a page starts behind the ``(value, id)`` of the last
incident seen, so incidents written meanwhile never shift or repeat a page.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import (
    JSON,
    ColumnElement,
    Connection,
    Date,
    Integer,
    Select,
    and_,
    column,
    distinct,
    exists,
    func,
    literal,
    or_,
    select,
    true,
    union_all,
)

from ..caching import Bounded
from ..model import ActorSummary, DayCount, IncidentFilter, IncidentOrder, IncidentPage, Report, SourceSummary
from . import rows as R
from . import tables as T
from .work import assemble

__all__ = ["find_incidents", "find_reports", "day_counts", "source_summaries", "actor_summaries", "conditions"]

_I = T.incidents.c
# the sort keys' columns, and the values that put an unknown one last: (ascending, descending)
_SORTS: dict[str, tuple[Any, Any, Any]] = {
    "date": (_I.date_start, date(9999, 12, 31), date(1, 1, 1)),
    "killed": (_I.killed_best, 2**31 - 1, -1),
    "wounded": (_I.wounded_best, 2**31 - 1, -1),
    "reports": (_I.n_reports, 2**31 - 1, -1),
    "sources": (_I.n_sources, 2**31 - 1, -1),
}


def _lowered(values: Sequence[str]) -> list[str]:
    return sorted({v.lower() for v in values})


def _like(text: str) -> str:
    return "%" + text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _elements(dialect: str, key: str) -> Any:
    """The elements of the JSON list ``payload[key]`` of each incident, as a table with a ``value`` column."""
    value = column("value", JSON)
    if dialect == "sqlite":
        fn = func.json_each(_I.payload, f"$.{key}")
    else:
        fn = func.json_array_elements(_I.payload[key])
    return fn.table_valued(value).alias(f"{key}_each")


def _lists(dialect: str, key: str, path: tuple[str, ...], wanted: Sequence[str]) -> ColumnElement[bool]:
    """The incident's JSON list ``key`` has an element whose ``path`` is one of ``wanted`` (case-insensitive)."""
    each = _elements(dialect, key)
    field = func.lower(each.c.value[path].as_string())
    return exists(select(literal(1)).select_from(each).where(field.in_(_lowered(wanted))))


def _by_claims(condition: ColumnElement[bool]) -> ColumnElement[bool]:
    """The incident has a mention with a claim meeting ``condition``."""
    links, claims = T.incident_mentions.c, T.claims.c
    inner = (
        select(links.incident_id)
        .select_from(T.incident_mentions.join(T.claims, claims.mention_key == links.mention_key))
        .where(condition)
    )
    return _I.id.in_(inner)


def _by_titles(pattern: str) -> ColumnElement[bool]:
    links, mentions, reports = T.incident_mentions.c, T.mentions.c, T.reports.c
    inner = (
        select(links.incident_id)
        .select_from(
            T.incident_mentions.join(T.mentions, mentions.key == links.mention_key).join(
                T.reports, reports.key == mentions.report_key
            )
        )
        .where(func.lower(reports.title).like(pattern, escape="\\"))
    )
    return _I.id.in_(inner)


def conditions(f: IncidentFilter, dialect: str) -> list[ColumnElement[bool]]:
    """The SQL conditions on ``incidents`` that keep what ``f`` keeps."""
    out: list[ColumnElement[bool]] = []
    if f.since is not None:
        out.append(func.coalesce(_I.date_end, _I.date_start) >= f.since)
    if f.until is not None:
        out.append(_I.date_start <= f.until)
    if f.bbox is not None:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        out.append(_I.lat.between(min_lat, max_lat))
        if min_lon <= max_lon:
            out.append(_I.lon.between(min_lon, max_lon))
        else:  # across the antimeridian
            out.append(or_(_I.lon >= min_lon, _I.lon <= max_lon))
    if f.countries:
        out.append(_I.country.in_(sorted({c.upper() for c in f.countries})))
    if f.admin1:
        out.append(func.lower(_I.admin1).in_(_lowered(f.admin1)))
    if f.types:
        types = _lowered(f.types)
        out.append(or_(func.lower(_I.event_type).in_(types), func.lower(_I.sub_event_type).in_(types)))
    if f.grades:
        out.append(func.lower(_I.grade).in_(_lowered(f.grades)))
    if f.sources:
        names = _lowered(f.sources)
        claims = T.claims.c
        out.append(_by_claims(or_(func.lower(claims.source).in_(names), func.lower(claims.carried_by).in_(names))))
    if f.actors:
        out.append(_lists(dialect, "actors", ("actor", "name"), f.actors))
    if f.flags:
        out.append(_lists(dialect, "flags", ("type",), f.flags))
    if f.text is not None and f.text.strip():
        pattern = _like(f.text.strip())
        claims = T.claims.c
        said = or_(
            *(func.lower(col).like(pattern, escape="\\") for col in (claims.quote, claims.source, claims.victims))
        )
        out.append(or_(_by_claims(said), _by_titles(pattern)))
    if f.agreement is not None or f.statuses:
        out.append(_judged(f.agreement, f.statuses))
    return out


def _judged(agreement: str | None, statuses: Sequence[str]) -> ColumnElement[bool]:
    """The incident's current judgement against ``agreement`` (any, when ``None``) has one of ``statuses``
    (any, when empty)."""
    w = T.violations.c
    inner = select(w.incident_id).where(w.current.is_(True))
    if agreement is not None:
        inner = inner.where(w.agreement_id == agreement)
    if statuses:
        inner = inner.where(w.status.in_(sorted(set(statuses))))
    return _I.id.in_(inner)


def find_reports(conn: Connection, f: IncidentFilter, after: str | None, limit: int) -> list[Report]:
    """At most ``limit`` of the reports that the incidents ``f`` keeps rest on, by key, behind ``after``."""
    links, mentions, reports = T.incident_mentions.c, T.mentions.c, T.reports.c
    kept = (
        select(mentions.report_key)
        .select_from(T.incident_mentions.join(T.mentions, mentions.key == links.mention_key))
        .join(T.incidents, _I.id == links.incident_id)
        .where(*conditions(f, conn.dialect.name))
    )
    query = select(T.reports).where(reports.key.in_(kept))
    if after is not None:
        query = query.where(reports.key > after)
    rows = conn.execute(query.order_by(reports.key).limit(limit)).mappings().all()
    return [R.report_from_row(r) for r in rows]


def _sort_value(order: IncidentOrder) -> ColumnElement[Any]:
    col, last_up, last_down = _SORTS[order.key]
    sentinel = last_down if order.descending else last_up
    kind = Date() if order.key == "date" else Integer()
    return func.coalesce(col, literal(sentinel, kind))


def _behind(value: ColumnElement[Any], order: IncidentOrder) -> ColumnElement[bool]:
    assert order.after is not None
    last, last_id = order.after
    if order.key == "id":
        return _I.id < last_id if order.descending else _I.id > last_id
    if last is None:  # an unknown value: the sentinel that sorted it last
        _, up, down = _SORTS[order.key]
        last = down if order.descending else up
    further = value < last if order.descending else value > last
    return or_(further, and_(value == last, _I.id > last_id))


def _ordered(query: Select[Any], value: ColumnElement[Any], order: IncidentOrder) -> Select[Any]:
    if order.key == "id":
        return query.order_by(_I.id.desc() if order.descending else _I.id.asc())
    return query.order_by(value.desc() if order.descending else value.asc(), _I.id.asc())


def find_incidents(
    conn: Connection, f: IncidentFilter, order: IncidentOrder, limit: int, cache: Bounded[str, Any]
) -> IncidentPage:
    """One page of at most ``limit`` incidents matching ``f``, in ``order``, and how many match in all.

    The incidents come without their tally (``tally`` is ``None``): decoding it costs
    more than the rest of the incident, and nothing a reader is shown derives from it.
    """
    where = conditions(f, conn.dialect.name)
    total = int(conn.execute(select(func.count()).select_from(T.incidents).where(*where)).scalar_one())
    value = _I.id if order.key == "id" else _sort_value(order)
    query = select(_I.payload, value.label("sort_value"), _I.id).where(*where)
    if order.after is not None:
        query = query.where(_behind(value, order))
    rows = conn.execute(_ordered(query, value, order).limit(limit + 1)).all()
    page = rows[:limit]
    heads = [R.head_from_row(r.payload) for r in page]  # without the tally: nothing shown derives from it
    incidents = tuple(assemble(conn, heads, cache))
    after = None
    if len(rows) > limit and page:
        last = page[-1]
        after = (None if order.key == "id" else _known(last.sort_value, order), last.id)
    return IncidentPage(incidents, total, after)


def _known(value: Any, order: IncidentOrder) -> Any:
    """The sort value as the incident has it: ``None`` for the sentinel of an unknown one."""
    _, up, down = _SORTS[order.key]
    return None if value in (up, down) else value


def day_counts(conn: Connection, f: IncidentFilter) -> list[DayCount]:
    """The incidents ``f`` keeps, counted per start day and event type, their killed figures added up."""
    known = func.count(_I.killed_best)
    query = (
        select(
            _I.date_start,
            _I.event_type,
            func.count(),
            func.coalesce(func.sum(_I.killed_low), 0),
            func.coalesce(func.sum(_I.killed_best), 0),
            func.coalesce(func.sum(_I.killed_high), 0),
            func.count() - known,
            known - func.count(_I.killed_high),
        )
        .where(*conditions(f, conn.dialect.name))
        .group_by(_I.date_start, _I.event_type)
    )
    out = [DayCount(d, t, *(int(x) for x in rest)) for d, t, *rest in conn.execute(query)]
    return sorted(out, key=lambda c: (c.day is None, c.day or date.min, c.event_type or ""))


def source_summaries(conn: Connection) -> list[SourceSummary]:
    """Every claimant (with its source type) and every outlet that carried claims, most incidents first.

    An outlet that speaks in its own voice and carries others' claims is one name: its
    claims and incidents are counted once.
    """
    claims, links = T.claims.c, T.incident_mentions.c
    named = select(claims.source.label("name"), claims.source_type.label("type"), claims.id, claims.mention_key)
    carried = select(claims.carried_by, literal("outlet"), claims.id, claims.mention_key).where(
        claims.carried_by.is_not(None)
    )
    both = union_all(named, carried).subquery("named")
    query = (
        select(both.c.name, both.c.type, func.count(distinct(both.c.id)), func.count(distinct(links.incident_id)))
        .select_from(both.outerjoin(T.incident_mentions, links.mention_key == both.c.mention_key))
        .group_by(both.c.name, both.c.type)
    )
    out = [SourceSummary(name, kind, int(n), int(k)) for name, kind, n, k in conn.execute(query)]
    return sorted(out, key=lambda s: (-s.incidents, s.name.lower(), s.type))


def actor_summaries(conn: Connection) -> list[ActorSummary]:
    """Every actor of the current incidents, per role, most incidents first."""
    each = _elements(conn.dialect.name, "actors")
    name = each.c.value[("actor", "name")].as_string()
    kind = each.c.value[("actor", "type")].as_string()
    role = each.c.value[("role",)].as_string()
    query = (
        select(name, kind, role, func.count(distinct(_I.id)))
        .select_from(T.incidents.join(each, true()))
        .group_by(name, kind, role)
    )
    out = [ActorSummary(n, k or "unknown", r, int(c)) for n, k, r, c in conn.execute(query) if n]
    return sorted(out, key=lambda a: (-a.incidents, a.name.lower(), a.role))
