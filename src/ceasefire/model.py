"""The domain types of ceasefire.

Every stage of the pipeline (ingest -> nlp/dates/geo -> incidents -> store ->
export) talks to the next through these types and nothing else. They import
only the standard library, are immutable, and carry no behaviour beyond small
derived properties.

The words are the domain's own (see ``shared/spec/product.md``):

* :class:`Document` -- one thing ingested (a file, a JSONL line, a feed item, a
  WARC record), its raw bytes and their hash.
* :class:`Article` -- the article as the interchange format sees it: the
  caller's id, ``text`` and ``title`` fields against which every offset counts.
* :class:`Report` -- one article inside a document; a compilation page holds
  several, each with its own headline, byline and dateline. A report whose text
  was stored before (another container, another outlet carrying it word for
  word) is a copy: ``copy_of`` names the :class:`Original`.
* :class:`Claim` -- one attributed casualty assertion: kind, figure (a
  :class:`Quantity` range), victims, :class:`Source`, and its
  :class:`Evidence` span.
* :class:`Mention` -- one event mentioned in a report, with its claims, date,
  place and actors.
* :class:`Incident` -- mentions merged across reports, with derived figures.
* :class:`Agreement` -- a ceasefire agreement: its time, :class:`Area`,
  :class:`Party` list, excluded groups, :class:`Term` list and exceptions
  (:class:`Exemption`); a :class:`Violation` is one incident judged against it.

Two small helpers live here because every stage may import this module and each
concept has one helper: :func:`km_between` (the one great-circle distance, with its inverse
:func:`point_from`) and
:data:`MONTHS` with :func:`month_number` (the one month table). :data:`DATE_SLACK`
with :meth:`DateResolution.reach` is the one rule of how far apart two dates may be
and still be one event's: merging refuses dates further apart, and the store looks a
mention's neighbours up within that reach only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timedelta
from enum import Enum
from typing import Any, Mapping

Day = date  # for fields declared after a field named ``date``

#: The months' English names, January first (``MONTHS[d.month - 1]``; ``[:3]`` for the short form).
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")

EARTH_RADIUS_KM = 6371.0

#: Two known dates are one event's only when one's range, widened by this on each side, touches the other's
#: ("Saturday night" and "Sunday" reports of one raid). Merging refuses dates further apart
#: (``incidents.merge.dates_conflict``), so the store reads a mention's neighbours within this reach only.
DATE_SLACK = timedelta(days=1)


def month_number(word: str) -> int | None:
    """1-12 for a month's name or any start of it of three letters or more ("Sept", "dec.", "Janu"), else None."""
    w = word.strip().rstrip(".").lower()
    if len(w) < 3:
        return None
    for i, name in enumerate(MONTHS, start=1):
        if name.lower().startswith(w):
            return i
    return None


def place_name_key(written: str | None) -> str:
    """A written place name, compared loosely: case, spacing and a leading "the" aside."""
    name = " ".join((written or "").casefold().split())
    return name[4:] if name.startswith("the ") else name


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle (haversine) distance in km between two points in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def point_from(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    """The point ``km`` along the great circle from (lat, lon) at ``bearing`` degrees (0 north, 90 east): the
    inverse of :func:`km_between` on the same sphere."""
    p1, l1, b = math.radians(lat), math.radians(lon), math.radians(bearing)
    d = km / EARTH_RADIUS_KM
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
    return math.degrees(p2), (math.degrees(l2) + 540.0) % 360.0 - 180.0

__all__ = [
    "MONTHS",
    "month_number",
    "km_between",
    "place_name_key",
    "point_from",
    "DATE_SLACK",
    "ClaimKind",
    "DatePrecision",
    "PlacePrecision",
    "SourceType",
    "Quantity",
    "Evidence",
    "Source",
    "Claim",
    "StatementKind",
    "Statement",
    "DateResolution",
    "INHERITED_DATE",
    "STATEMENT_DAY",
    "NAMED_TIME",
    "Place",
    "Actor",
    "ActorRole",
    "Document",
    "Article",
    "Report",
    "Original",
    "Fingerprint",
    "CopyWindow",
    "Toponym",
    "Timex",
    "Mention",
    "MentionRole",
    "Figures",
    "Flag",
    "Firsts",
    "TypeVote",
    "DateVote",
    "PlaceVote",
    "ActorVote",
    "FigureVote",
    "IncidentTally",
    "IncidentHead",
    "Incident",
    "IncidentVersion",
    "Growth",
    "IncidentFilter",
    "IncidentOrder",
    "IncidentPage",
    "SORT_KEYS",
    "SourceSummary",
    "WatcherHealth",
    "ActorSummary",
    "DayCount",
    "IngestProblem",
    "CheckFailure",
    "Area",
    "Party",
    "Term",
    "Exemption",
    "Agreement",
    "ViolationStatus",
    "Accuser",
    "Violation",
]


class ClaimKind(str, Enum):
    """What a figure counts (``interchange.md``: ``kind``)."""

    KILLED = "killed"
    WOUNDED = "wounded"
    CASUALTIES = "casualties"  # killed and wounded, undivided
    MISSING = "missing"
    CAPTURED = "captured"
    DISPLACED = "displaced"


class DatePrecision(str, Enum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    UNKNOWN = "unknown"


class MentionRole(str, Enum):
    """What a mention is to its report (``incidents.roles``, ``docs/incidents.md``, "Roles").

    ``reported``: an event the report tells as its news; ``secondary``: another concrete
    event it tells in passing (dated to another day than its lead); ``background``: an
    older event recalled for context, a conflict-level statement ("the fighting has
    raged for years") -- kept in the store with its claims, but making no incident
    unless it merges with a concrete mention of another report.
    """

    REPORTED = "reported"
    SECONDARY = "secondary"
    BACKGROUND = "background"


class PlacePrecision(str, Enum):
    POINT = "point"
    NEAR = "near"
    LOCALITY = "locality"
    ADMIN2 = "admin2"
    ADMIN1 = "admin1"
    COUNTRY = "country"
    UNKNOWN = "unknown"


class SourceType(str, Enum):
    MONITOR = "monitor"  # monitor or NGO
    GOVERNMENT = "government"
    MILITARY = "military"
    STATE_MEDIA = "state_media"
    BELLIGERENT = "belligerent"
    WITNESS = "witness"
    MEDICAL = "medical"
    UN_AGENCY = "un_agency"
    OUTLET = "outlet"  # the outlet's own voice
    OFFICIAL = "official"  # police, local authority, unnamed officials
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Quantity:
    """A figure as a range: ``at least 83`` is ``Quantity(83, None)``.

    ``min``/``max`` are ``None`` when unbounded or unknown; an exact figure has
    ``min == max``. ``approx`` marks hedged or vague figures ("about",
    "nearly", "dozens").
    """

    min: int | None
    max: int | None
    approx: bool = False

    def __post_init__(self) -> None:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"Quantity min {self.min} > max {self.max}")

    @property
    def exact(self) -> bool:
        return self.min is not None and self.min == self.max and not self.approx

    @property
    def headline(self) -> int | None:
        """The number a reader would quote: the lower bound, else the upper."""
        return self.min if self.min is not None else self.max


@dataclass(frozen=True)
class Evidence:
    """Where a claim stands: ``article[field][start:end] == quote``."""

    field: str  # "text" or "title" of the input article
    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class Source:
    """Who makes a claim; ``name`` is canonical where an alias is known."""

    name: str
    type: SourceType = SourceType.UNKNOWN
    as_written: str | None = None
    aligned_with: str | None = None


@dataclass(frozen=True)
class Claim:
    """One attributed casualty assertion."""

    kind: ClaimKind
    figure: Quantity
    source: Source
    evidence: Evidence
    victims: str | None = None
    scope: str = "total"  # "total" or a subset: civilians, children, a partial count
    carried_by: str | None = None  # the outlet that carried it
    origin: str | None = None  # whom the claimant cites ("a military source")
    hedged: bool = False


class StatementKind(str, Enum):
    """What a statement about responsibility says."""

    ACCUSATION = "accusation"  # X says Y did it
    DENIAL = "denial"  # "denied", "would not intentionally strike", "rejected the claims"
    ACKNOWLEDGMENT = "acknowledgment"  # "admitted", "expressed regret", "may have hit"


@dataclass(frozen=True)
class Statement:
    """An attributed statement about who is responsible, with its evidence span."""

    kind: StatementKind
    source: Source
    evidence: Evidence
    about: str | None = None  # what is denied, acknowledged or alleged, as written
    carried_by: str | None = None
    hedged: bool = False


@dataclass(frozen=True)
class DateResolution:
    """A resolved date range with its precision and the reason for it."""

    start: date | None
    end: date | None
    precision: DatePrecision
    basis: str

    @classmethod
    def unknown(cls, basis: str) -> "DateResolution":
        return cls(None, None, DatePrecision.UNKNOWN, basis)

    @property
    def known(self) -> bool:
        """Whether this says when at all (an unknown date may be any day's, and conflicts with none)."""
        return self.start is not None and self.precision is not DatePrecision.UNKNOWN

    @property
    def last(self) -> date | None:
        """The range's last day (its start when it has no end)."""
        return self.end or self.start

    def reach(self) -> tuple[date, date] | None:
        """The days another known date must touch to be the same event's: this range widened by
        :data:`DATE_SLACK` on each side; ``None`` when this date is unknown."""
        if self.start is None or self.precision is DatePrecision.UNKNOWN:
            return None
        return self.start - DATE_SLACK, (self.end or self.start) + DATE_SLACK

    @property
    def inherited(self) -> bool:
        """Whether the date was not told of this event but taken from the report's earlier event."""
        return INHERITED_DATE in self.basis

    @property
    def stated(self) -> bool:
        """Whether the date only bounds the event by the day of a statement about it ("the ministry said on Monday
        that ..."): the range is the week that ends on that day."""
        return STATEMENT_DAY in self.basis

    @property
    def named(self) -> bool:
        """Whether the date was told by a time that modifies the event's own noun ("Oct. 4's attacks", "the March 3
        raid"): the writer names the event by it, so it is no day of the telling."""
        return NAMED_TIME in self.basis

    @property
    def day(self) -> date | None:
        """The one day the date stands for: a day's own (the first of a night's two), or the day of the statement
        that bounds it (``stated``); ``None`` for any other date."""
        if self.stated:
            return self.last
        return self.start if self.precision is DatePrecision.DAY else None


INHERITED_DATE = "the date of the report's earlier event"  # in the basis of a date taken from another event
STATEMENT_DAY = "the day of a statement about the event"  # in the basis of a date a statement's day bounds
NAMED_TIME = "a time naming the event"  # in the basis of a date told by a time that modifies the event's noun


@dataclass(frozen=True)
class Place:
    """A gazetteer entry matched to a mention, with the precision of the match."""

    name: str
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    feature: str | None = None  # city, admin1, country, airport, mountain, base, ...
    precision: PlacePrecision = PlacePrecision.UNKNOWN
    as_written: str | None = None
    basis: str = ""


@dataclass(frozen=True)
class Actor:
    """A canonical armed or political actor (ACLED-style ``type``)."""

    name: str
    type: str = "unknown"
    country: str | None = None


@dataclass(frozen=True)
class ActorRole:
    actor: Actor
    role: str  # "perpetrator" or "target"


@dataclass(frozen=True)
class Document:
    """One thing ingested: raw bytes, their hash, and where they came from."""

    sha256: str
    origin: str  # path, "path:line" for JSONL, "path#record" for WARC/feeds
    media_type: str
    raw: bytes
    meta: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Article:
    """The article as ``interchange.md`` names it; every offset counts in it."""

    id: str  # the caller's id (JSONL ``id``; for files the path)
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    publication_date: date | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    def field_text(self, name: str) -> str:
        if name == "text":
            return self.text
        if name == "title":
            return self.title or ""
        raise KeyError(name)


@dataclass(frozen=True)
class Original:
    """The first stored report whose text a copy carries again (see ``docs/ingest.md``, "Copies")."""

    report_key: str  # Report.key
    article_id: str
    part: int


@dataclass(frozen=True)
class Fingerprint:
    """What finds a report's copies: the hash of its normalised body, the LSH bands of its shingles, and its
    date (its dateline's, else its publication date; ``None`` when it has neither), around which near copies
    are looked for (``docs/ingest.md``, "Copies").

    ``body_hash`` is ``None`` (and ``bands`` empty) for a body too short to tell a copy by.
    """

    report_key: str
    body_hash: str | None
    bands: tuple[str, ...] = ()
    day: date | None = None


@dataclass(frozen=True)
class CopyWindow:
    """Where a report's near copies are looked for: per LSH band, at most ``per_band`` originals each side of the
    report's date within ``days`` (and as many undated), so the candidates stay few however many are stored
    (``data/ingest_copies.json``, ``docs/ingest.md``, "Copies")."""

    days: int
    per_band: int


@dataclass(frozen=True)
class Report:
    """One article inside a document, with its own outlet and dateline.

    ``body_start``/``body_end`` delimit the report's body in ``article.text``;
    ``headline`` is where its headline stands (in ``title`` or in ``text``);
    ``dateline_start``/``dateline_end`` where its dateline stands in
    ``article.text`` ("(September 17, 2016) —"), when it has one. ``copy_of``
    is set when the same text (or nearly) was stored before: this report is then
    a carrier of that one, not an independent report.
    """

    article: Article
    document_id: str  # Document.sha256
    part: int  # 1-based
    body_start: int
    body_end: int
    headline: Evidence | None = None
    outlet: str | None = None
    byline: str | None = None
    dateline: date | None = None
    published: date | None = None
    dateline_start: int | None = None
    dateline_end: int | None = None
    copy_of: Original | None = None

    @property
    def key(self) -> str:
        return f"{self.document_id}#{self.part}"

    @property
    def body(self) -> str:
        return self.article.text[self.body_start : self.body_end]

    @property
    def anchor_date(self) -> date | None:
        """The date relative expressions resolve against."""
        return self.dateline or self.published


@dataclass(frozen=True)
class Toponym:
    """A place name as found in the text, before the gazetteer resolves it.

    ``context`` is the phrase around it that qualifies it: "near", "province",
    "outskirts", "12 km south of" (empty when bare). ``within`` is the written
    name of the place the text puts it in ("the X camp in Y State", "X, Calif."),
    else empty.
    """

    name: str
    evidence: Evidence
    context: str = ""
    within: str = ""


@dataclass(frozen=True)
class Timex:
    """A date or time expression as found in the text, before resolution.

    A ``frame`` is told before the mention's own sentences ("two shootings last
    week. In X on Tuesday, ..."): it never dates the event itself, it sets the
    week the mention's weekdays fall in. A ``statement`` time dates the telling
    of the event, not the event ("the ministry said on Monday that jets struck
    X", "in a briefing on Tuesday"): taken only when the mention's sentences give
    the event no time of their own, it bounds the event, which happened on or
    before it. An ``offset`` is a distance back from the event the report told
    before the mention ("a week earlier", "the previous day", "the attack came a
    day after" this event): it dates the event only from that event's date
    (``dates.date_before``), never from the report's -- or, when a ``base`` time
    is told in the same sentence, from that time ("police deployed on Monday, a
    day after gunmen killed eight": the killing a day before Monday; "the army
    said on Wednesday it had repelled an assault the night before"). A ``named``
    time modifies the event's own noun ("Tuesday's attacks", "the March 3
    raid"): it dates that event before any other.
    """

    text: str
    evidence: Evidence
    frame: bool = False
    statement: bool = False
    offset: bool = False
    named: bool = False
    base: bool = False


@dataclass(frozen=True)
class Mention:
    """One event mentioned in a report.

    ``toponyms`` and ``timexes`` are what the text says in the mention's own
    sentences (found by ``nlp``); ``context_toponyms`` are the places named
    elsewhere in the report, nearest earlier ones first, for a mention whose own
    sentences name none. ``place`` and ``date`` are what ``geo`` and ``dates``
    resolved from them.
    """

    report_key: str  # Report.key
    article_id: str
    part: int
    trigger: Evidence
    event_type: str | None = None  # ACLED event type
    sub_event_type: str | None = None  # ACLED sub-event type
    date: DateResolution = DateResolution(None, None, DatePrecision.UNKNOWN, "not resolved")
    place: Place | None = None
    actors: tuple[ActorRole, ...] = ()
    claims: tuple[Claim, ...] = ()
    toponyms: tuple[Toponym, ...] = ()
    timexes: tuple[Timex, ...] = ()
    context_toponyms: tuple[Toponym, ...] = ()
    reported_on: Day | None = None  # the report's dateline, else its publication date
    statements: tuple[Statement, ...] = ()
    wording: tuple[str, ...] = ()  # distinctive nouns of the mention's own sentences (lemmas, sorted)
    copy_of: Original | None = None  # its report's Report.copy_of: a carrier, not an independent report
    role: MentionRole = MentionRole.REPORTED  # what it is to its report (``incidents.roles``)
    role_basis: str = ""  # why: the cue that made it background or secondary ("" for a reported one)
    cues: tuple[str, ...] = ()  # what its words say of its time (``nlp``): "recalled", "conflict", "durative"
    unknown_places: tuple[str, ...] = ()  # names its own sentences give a place the gazetteer lacks (folded)

    @property
    def key(self) -> str:
        return f"{self.report_key}@{self.trigger.field}:{self.trigger.start}"

    @property
    def background(self) -> bool:
        return self.role is MentionRole.BACKGROUND

    @property
    def place_names(self) -> frozenset[str]:
        """The place names its own sentences write, and the one its place was resolved from, folded
        (``place_name_key``): how the mentions of two reports that name one place are found and compared."""
        names = {place_name_key(t.name) for t in self.toponyms}
        if self.place is not None and self.place.as_written:
            names.add(place_name_key(self.place.as_written))
        names.discard("")
        return frozenset(names)


@dataclass(frozen=True)
class Figures:
    """Derived low/best/high for one claim kind."""

    low: int | None
    best: int | None
    high: int | None


@dataclass(frozen=True)
class Flag:
    type: str
    detail: str


@dataclass(frozen=True)
class Firsts:
    """The first few of a list of texts, by mention key, and how many there were in all.

    ``items`` are ``(mention key, text)`` pairs, each text once with the smallest key
    that gave it, smallest keys first, at most a few; ``total`` counts every text
    added, repeats included. Both depend only on the set of mentions added.
    """

    items: tuple[tuple[str, str], ...] = ()
    total: int = 0


@dataclass(frozen=True)
class TypeVote:
    """How many of an incident's mentions give one ACLED type (``claimed``: of those with claims; ``guessed``: told
    by a word that names no weapon, "a strike" -- such votes count only when no other does)."""

    event_type: str | None
    sub_event_type: str
    count: int
    claimed: int
    guessed: bool = False


@dataclass(frozen=True)
class DateVote:
    """How many mentions give one date, and the reports they are in (``where``: "article part N")."""

    date: DateResolution
    count: int
    claimed: int
    where: Firsts = Firsts()


@dataclass(frozen=True)
class PlaceVote:
    """How many mentions give one place; ``first`` is the smallest mention key that gives it."""

    place: Place
    count: int
    claimed: int
    first: str
    where: str  # the report of that first mention: "article part N"


@dataclass(frozen=True)
class ActorVote:
    """An actor in a role, first named by mention ``first`` (the ``index``-th actor of that mention)."""

    actor: ActorRole
    first: str
    index: int


@dataclass(frozen=True)
class FigureVote:
    """One source's total-count figure of one kind, and that source's latest claim of it.

    ``latest`` orders claims as they were reported: (the report's date, mention key,
    the claim's position in the mention).
    """

    kind: str
    source: str
    min: int | None
    max: int | None
    source_type: SourceType
    latest: tuple[str, str, int]


@dataclass(frozen=True)
class IncidentTally:
    """What an incident's derived fields are computed from, kept with the incident.

    Counts and small sets over the incident's mentions, independent of the order
    they came in, so that a new report updates an incident from its tally and the
    new mentions alone, without reading the others (``ceasefire.incidents.tally``).
    """

    mentions: int
    first: str  # the smallest mention key: the incident's id derives from it
    reports: int
    independent: tuple[str, ...]  # the first two independent reports (a copy counts as its original's key)
    types: tuple[TypeVote, ...] = ()
    dates: tuple[DateVote, ...] = ()
    places: tuple[PlaceVote, ...] = ()
    actors: tuple[ActorVote, ...] = ()
    figures: tuple[FigureVote, ...] = ()
    sources: tuple[str, ...] = ()  # every claimant's name
    claimants: tuple[str, ...] = ()  # the names of the claimants that are not an outlet's own voice
    voices: tuple[tuple[str, tuple[str, ...]], ...] = ()  # a report (a copy: its original's key), its outlets' voices
    groups: tuple[str, ...] = ()  # independence groups of the named (not outlet-voice) claimants
    claims: int = 0
    hedged: int = 0
    documented: int = 0  # claims by monitors, UN agencies, medical sources
    acknowledged: bool = False
    taken: Firsts = Firsts()
    retaken: Firsts = Firsts()
    accusations: Firsts = Firsts()
    denials: Firsts = Firsts()


@dataclass(frozen=True)
class IncidentHead:
    """An incident without its mentions: what is derived from them, as the store keeps it in the incident's row."""

    id: str
    event_type: str | None
    sub_event_type: str | None
    date: DateResolution
    place: Place | None
    actors: tuple[ActorRole, ...]
    figures: Mapping[str, Figures]
    flags: tuple[Flag, ...] = ()
    grade: str = "single_source"
    policy: str = "conservative"
    tally: IncidentTally | None = None
    review: "IncidentReview | None" = None  # what people confirmed, corrected or marked wrong


@dataclass(frozen=True, kw_only=True)
class Incident(IncidentHead):
    """Mentions merged across reports, with what follows from their claims."""

    mentions: tuple[Mention, ...]

    @property
    def claims(self) -> tuple[Claim, ...]:
        return tuple(c for m in self.mentions for c in m.claims)

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.article_id for m in self.mentions))

    @property
    def head(self) -> IncidentHead:
        return IncidentHead(**{f.name: getattr(self, f.name) for f in fields(IncidentHead)})

    @classmethod
    def of(cls, head: IncidentHead, mentions: tuple[Mention, ...]) -> "Incident":
        return cls(**{f.name: getattr(head, f.name) for f in fields(IncidentHead)}, mentions=mentions)


@dataclass(frozen=True)
class IncidentVersion:
    """One change to an incident: what it became (``None`` once merged away or split) and why.

    ``incident`` is the incident as it became, without its mentions; ``added`` and
    ``removed`` are the keys of the mentions that joined or left it in this change.
    ``successors`` names the incidents that carry its mentions on when it is
    merged into another or split; ``recorded_at`` is set by the store.
    """

    incident_id: str
    version: int
    cause: str
    incident: IncidentHead | None
    successors: tuple[str, ...] = ()
    recorded_at: datetime | None = None
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    by: str | None = None  # who made a review change (None: the machine)
    why: str | None = None  # the reviewer's reason

    @property
    def kind(self) -> str:
        """``review`` for a person's change, ``machine`` for one of the pipeline."""
        return "machine" if self.by is None else "review"


@dataclass(frozen=True)
class Growth:
    """A new document's mentions joining one stored incident, and nothing else changing.

    ``previous`` is the incident's id before; ``head`` what it is now (its id changes
    when a new mention has the smallest key); ``added`` the keys of the mentions it gained.
    """

    previous: str
    head: IncidentHead
    added: tuple[str, ...]


# -- review (docs/incidents.md, "Review") --------------------------------------------------

REVIEW_ACTIONS = ("confirm", "correct", "merge", "split", "wrong")
CORRECTABLE = ("killed", "wounded", "date", "place", "event_type", "actor")
ROLES = ("reader", "editor", "admin")


def claim_id(mention_key: str, seq: int) -> str:
    """The id of the ``seq``-th claim (from 0) of a mention."""
    return f"{mention_key}/{seq}"


@dataclass(frozen=True)
class ReviewAction:
    """One person's review action, stored as its own record and applied whenever incidents are derived.

    ``anchor`` is a mention key: the incident holding that mention carries a confirmation
    or correction (the incident's smallest key when reviewed), and a claim marked wrong
    (its mention). ``value`` is a correction's value as given (JSON); ``groups`` the
    mention keys of a merge (one group) or a split (the parts).
    """

    id: int
    action: str  # one of REVIEW_ACTIONS
    incident_id: str
    anchor: str
    by: str
    at: datetime
    why: str
    field: str | None = None
    value: Any = None
    claim: str | None = None
    groups: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class ReviewMark:
    """Who did something to an incident, when and why."""

    by: str
    at: datetime
    why: str


@dataclass(frozen=True)
class Correction:
    """A field a person corrected: the value given and the machine's value it replaces (JSON values)."""

    field: str
    value: Any
    machine: Any
    mark: ReviewMark


@dataclass(frozen=True)
class WrongClaim:
    claim: str  # its id (:func:`claim_id`)
    mark: ReviewMark


@dataclass(frozen=True)
class IncidentReview:
    """What people did to an incident: confirmed it, corrected fields, marked claims wrong."""

    confirmed: ReviewMark | None = None
    corrections: tuple[Correction, ...] = ()
    wrong: tuple[WrongClaim, ...] = ()


@dataclass(frozen=True)
class User:
    """Someone who may review (``role`` one of :data:`ROLES`); ``revoked_at`` set once their token is revoked."""

    name: str
    role: str
    created_at: datetime
    revoked_at: datetime | None = None


SORT_KEYS = ("date", "killed", "wounded", "reports", "sources", "id")


@dataclass(frozen=True)
class IncidentFilter:
    """Which incidents a search keeps; every condition given must hold (an empty one is no condition).

    ``since``/``until`` keep incidents whose date range overlaps them (undated ones are
    then left out). ``bbox`` is ``(min_lon, min_lat, max_lon, max_lat)``; ``min_lon >
    max_lon`` crosses the antimeridian; incidents without coordinates are then left out.
    The tuples hold alternatives (any of them matches, case-insensitively): ``countries``
    (ISO alpha-2), ``admin1``, ``types`` (event or sub-event type), ``actors`` (an actor's
    name), ``sources`` (a claimant, or the outlet that carried a claim), ``grades``,
    ``flags`` (a flag type). ``text`` is looked for in the incident's claims (their
    sentences, sources and victims) and in the titles of its reports. ``agreement`` keeps the
    incidents the violation check judged against that agreement (their current judgement);
    ``statuses`` then keeps only those judged so (``possible_violation``, ...).
    """

    since: date | None = None
    until: date | None = None
    bbox: tuple[float, float, float, float] | None = None
    countries: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    grades: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    text: str | None = None
    agreement: str | None = None  # with ``statuses``: incidents judged against this agreement
    statuses: tuple[str, ...] = ()  # ViolationStatus values (any of them), with ``agreement``


@dataclass(frozen=True)
class IncidentOrder:
    """How a search sorts: by ``key`` (one of :data:`SORT_KEYS`; ``killed``/``wounded`` by the best
    figure, ``reports``/``sources`` by their counts), unknown values last, ties by id ascending.

    ``after`` is the keyset of the last incident already seen (see :attr:`IncidentPage.after`):
    the search starts behind it.
    """

    key: str = "date"
    descending: bool = True
    after: tuple[Any, str] | None = None

    def __post_init__(self) -> None:
        if self.key not in SORT_KEYS:
            raise ValueError(f"unknown sort key {self.key!r}; choose one of {', '.join(SORT_KEYS)}")


@dataclass(frozen=True)
class IncidentPage:
    """One page of a search: its incidents, how many match in all, and where the next page starts.

    ``after`` is the keyset ``(sort value, id)`` of the page's last incident when more
    follow, else ``None``; the sort value is a date, an int or ``None`` (unknown).
    """

    incidents: tuple[Incident, ...]
    total: int
    after: tuple[Any, str] | None


@dataclass(frozen=True)
class SourceSummary:
    """A name that claims or carries figures: ``type`` is the claimant's source type, or ``outlet``
    for an outlet carrying others' claims; ``claims`` and ``incidents`` count where it appears."""

    name: str
    type: str
    claims: int
    incidents: int


@dataclass(frozen=True)
class WatcherHealth:
    """What the watcher (``ceasefire watch``) left in the store, for ``/health`` beside it.

    ``sources`` counts the sources it polled; ``last_round_at`` is its latest poll written
    (a quiet poll is written at most every 30 s); ``lag_seconds`` how far the most overdue
    source is past its next poll (0: none is); ``pending_items`` the items waiting for a
    retry; ``pending_alerts`` the alerts not yet delivered; ``errors`` the sources whose
    last poll failed.
    """

    sources: int
    last_round_at: datetime | None
    lag_seconds: float
    pending_items: int
    pending_alerts: int
    errors: int


@dataclass(frozen=True)
class DayCount:
    """The incidents of one event type starting on one day (``day`` ``None``: undated), for a timeline.

    ``killed_low``/``killed_best``/``killed_high`` add up the incidents' figures where
    known; ``without_killed`` counts the incidents with no killed figure at all, and
    ``open_ended`` those whose high is unknown ("at least").
    """

    day: date | None
    event_type: str | None
    incidents: int
    killed_low: int
    killed_best: int
    killed_high: int
    without_killed: int
    open_ended: int


@dataclass(frozen=True)
class ActorSummary:
    """An actor of the current incidents, in one role, and how many incidents name it so."""

    name: str
    type: str
    role: str
    incidents: int


@dataclass(frozen=True)
class IngestProblem:
    """One input that could not be ingested, and why (one line for users)."""

    origin: str  # file, or file:line
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


@dataclass(frozen=True)
class CheckFailure:
    """One broken invariant of a store, found by ``ceasefire check`` (one line for users).

    ``check`` names the invariant (``mentions``, ``versions``, ``incidents``,
    ``claims``, ``reports``); ``subject`` the record that breaks it (a mention
    key, an incident id, a claim id, a report key).
    """

    check: str
    subject: str
    problem: str

    def __str__(self) -> str:
        return f"{self.check}: {self.subject}: {self.problem}"


# -- ceasefire agreements (docs/agreements.md) ------------------------------------------


@dataclass(frozen=True)
class Area:
    """Where an agreement applies: countries (ISO 3166-1 alpha-2), admin1 regions (by name or
    GeoNames id), or a polygon (a ring of ``(lon, lat)`` points). Empty everywhere: no limit."""

    countries: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()
    geonames_ids: tuple[int, ...] = ()
    polygon: tuple[tuple[float, float], ...] = ()


@dataclass(frozen=True)
class Party:
    """A party to an agreement: its actor (a canonical name of the actor registry), the forces
    that are that actor's own, and the allies or backers acting on its side.

    ``name`` is what the agreement calls the party ("Syrian government"); an act by any of
    :attr:`members` counts as the party's.
    """

    name: str
    actor: str
    forces: tuple[str, ...] = ()
    allies: tuple[str, ...] = ()

    @property
    def members(self) -> tuple[str, ...]:
        return (self.actor, *self.forces, *self.allies)


@dataclass(frozen=True)
class Term:
    """One term of an agreement ("Art. 1"), its text, and the ACLED event types and sub-event
    types it prohibits (a sub-event type is prohibited when it or its event type is listed).
    ``parties`` names the parties it binds (the agreement's names for them); empty: every party."""

    ref: str
    text: str
    event_types: tuple[str, ...] = ()
    sub_event_types: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()


@dataclass(frozen=True)
class Exemption:
    """An exception of an agreement: acts against ``targets`` (actor names), or inside ``area``, are
    permitted. ``ref`` and ``text`` are the agreement's own words for it."""

    ref: str
    text: str
    targets: tuple[str, ...] = ()
    area: Area | None = None


@dataclass(frozen=True)
class Agreement:
    """A ceasefire agreement as its file states it (``docs/agreements.md``).

    ``start`` and ``end`` are a ``date`` (the whole day) or a ``datetime`` with its time
    zone; ``end`` ``None``: open. ``excluded`` names the groups it does not bind and that
    may be fought (canonical actor names). ``sha256`` is the hash of the file's content.
    """

    id: str
    name: str
    start: date | datetime
    end: date | datetime | None
    area: Area
    parties: tuple[Party, ...]
    terms: tuple[Term, ...]
    excluded: tuple[str, ...] = ()
    exemptions: tuple[Exemption, ...] = ()
    source: str = ""
    sha256: str = ""


class ViolationStatus(str, Enum):
    """What the check says of one incident against one agreement (``docs/agreements.md``)."""

    POSSIBLE_VIOLATION = "possible_violation"
    UNATTRIBUTED = "unattributed"
    PERMITTED = "permitted"
    OUT_OF_SCOPE = "out_of_scope"


@dataclass(frozen=True)
class Accuser:
    """A source that attributes an incident to the accused, with its casualty claims and accusations."""

    name: str
    type: SourceType = SourceType.UNKNOWN
    claims: tuple[Claim, ...] = ()
    accusations: tuple[Statement, ...] = ()


@dataclass(frozen=True)
class Violation:
    """One incident (at one of its versions) judged against one agreement.

    ``term`` is the term it may breach (``None`` when no term prohibits the act);
    ``accused`` the party it is attributed to (the agreement's name for it) and
    ``perpetrator`` the incident's actor that makes it so; ``accusers`` the sources
    that attribute it; ``denials`` and ``acknowledgments`` the statements of the
    incident; ``grade`` and ``flags`` the incident's; ``reason`` one sentence a person
    can check; ``straddles`` marks an incident whose date range holds the agreement's
    start (it may predate it). ``incident`` is the incident as judged (its head at
    ``version`` and its mentions), attached when read, never stored with the result.
    """

    agreement_id: str
    incident_id: str
    version: int
    status: ViolationStatus
    reason: str
    term: Term | None = None
    accused: str | None = None
    perpetrator: str | None = None
    target: str | None = None
    accusers: tuple[Accuser, ...] = ()
    denials: tuple[Statement, ...] = ()
    acknowledgments: tuple[Statement, ...] = ()
    grade: str = "single_source"
    flags: tuple[Flag, ...] = ()
    straddles: bool = False
    incident: Incident | None = None
