"""What a brief is made of: the plain, frozen types the brief renders.

A :class:`Brief` is one agreement, one period, and the incidents of that period
(and of the period before, for the comparison) as :class:`BriefRow` records.
They hold only model types (``Place``, ``DateResolution``, ``Flag``), ``str``,
``int`` and ``date``: whoever checks incidents against an agreement builds them
(``ceasefire.brief.rows.row_from_incident`` does the incident part), and the
brief renders them without asking anything else. ``docs/brief.md`` documents
every field; it is the template context's input.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ..errors import ConfigError
from ..model import DateResolution, Flag, Place

__all__ = ["STATUSES", "SourceFigure", "EvidenceLine", "BriefRow", "Brief"]

#: The statuses of a violation check, in the order a brief lists them.
STATUSES = ("possible_violation", "unattributed", "permitted", "out_of_scope")

#: What an evidence line is, as a brief names it.
EVIDENCE_KINDS = ("claim", "accusation", "denial", "acknowledgment")


@dataclass(frozen=True)
class SourceFigure:
    """One source's figure of one kind for an incident ("Health Ministry: killed 12-15").

    ``kind`` is a ``ClaimKind`` value (``killed``, ``wounded``, ...); ``min`` and
    ``max`` are the figure's range as the source gave it (``None``: open or unknown;
    "at least 12" is ``min=12, max=None``).
    """

    source: str
    kind: str
    min: int | None
    max: int | None


@dataclass(frozen=True)
class EvidenceLine:
    """A sentence a row rests on, and where it was published.

    ``quote`` is the sentence (or the span) as stored; ``outlet`` and ``url`` are
    the report's (either may be unknown); ``report_id`` is the article id the quote
    is in; ``source`` is who says it (the claimant, the accuser, the one who
    denies); ``kind`` is one of :data:`EVIDENCE_KINDS`: a casualty ``claim``, an
    ``accusation``, a ``denial`` or an ``acknowledgment``.
    """

    quote: str
    outlet: str | None
    url: str | None
    report_id: str
    source: str | None = None
    kind: str = "claim"

    def __post_init__(self) -> None:
        if self.kind not in EVIDENCE_KINDS:
            raise ValueError(f"evidence kind {self.kind!r} is not one of {', '.join(EVIDENCE_KINDS)}")


@dataclass(frozen=True)
class BriefRow:
    """One incident of the period as the violation check judged it.

    * ``incident_id`` -- the incident's id in the store.
    * ``when`` -- its date range with precision (``DateResolution``; ``basis`` says why).
    * ``place`` -- where (``Place``: name, admin1, country, lat/lon and ``precision``);
      ``None`` when unknown. A place known only to its district, province or
      country is drawn as an area, never as a pin.
    * ``status`` -- one of :data:`STATUSES`.
    * ``what`` -- what happened, in the ACLED sub-event type's words ("Air/drone strike").
    * ``term_ref`` / ``term_text`` -- the agreement's term it may breach ("Art. 1",
      "Cessation of hostilities: ..."); ``None`` when no term applies.
    * ``accused`` -- the party accused (a party of the agreement); ``None`` when the
      incident could not be attributed.
    * ``accusers`` -- the names of the sources that attribute it to the accused.
    * ``figures`` -- each source's figures (``SourceFigure``), as they were claimed.
    * ``killed_low`` / ``killed_high`` -- the incident's killed range (``None``: no
      figure, or no upper bound: "at least 12" is ``12``/``None``).
    * ``grade`` -- the incident's evidence grade (``single_source``, ...).
    * ``flags`` -- its flags (``Flag``: type and detail), e.g. contradicting figures.
    * ``evidence`` -- the sentences it rests on (``EvidenceLine``), claims and statements.
    * ``reason`` -- one sentence a person can check: why this status.
    * ``target`` -- whom the act was aimed at, when known.
    """

    incident_id: str
    when: DateResolution
    place: Place | None
    status: str
    what: str
    term_ref: str | None = None
    term_text: str | None = None
    accused: str | None = None
    accusers: tuple[str, ...] = ()
    figures: tuple[SourceFigure, ...] = ()
    killed_low: int | None = None
    killed_high: int | None = None
    grade: str = "single_source"
    flags: tuple[Flag, ...] = ()
    evidence: tuple[EvidenceLine, ...] = ()
    reason: str = ""
    target: str | None = None

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"status {self.status!r} is not one of {', '.join(STATUSES)}")
        if self.killed_low is not None and self.killed_high is not None and self.killed_low > self.killed_high:
            raise ValueError(f"killed_low {self.killed_low} > killed_high {self.killed_high}")

    @property
    def day(self) -> date | None:
        """The first day the incident may have happened on (its date's start)."""
        return self.when.start


@dataclass(frozen=True)
class Brief:
    """A situation brief: one agreement, one period, its incidents and the period before.

    * ``agreement_id`` / ``agreement_name`` -- the agreement as its file names it.
    * ``agreement_start`` / ``agreement_end`` -- when it took or takes effect and ends
      (a ``date``, or a ``datetime`` with its time zone; ``end`` ``None``: open).
    * ``period_from`` / ``period_to`` -- the days the brief covers, both included.
    * ``rows`` -- the period's incidents as the check judged them (every status: the
      map shows them all, the tables list possible violations and unattributed ones).
    * ``previous_rows`` -- the same for the period of the same length just before
      (:attr:`previous_from` .. :attr:`previous_to`), for the headline's comparison.
    * ``generated_on`` -- the date the brief is issued: the only date in it that is
      not the data's (no clock is read while rendering).
    * ``parties`` -- the agreement's parties, in its order: each gets a headline line
      (zeros included) and a fixed colour; accused names not among them follow.
    * ``area`` -- the agreement's area as a box ``(west, south, east, north)`` in degrees,
      when known: the map shows at least that box and every incident.
    """

    agreement_id: str
    agreement_name: str
    agreement_start: date | datetime
    agreement_end: date | datetime | None
    period_from: date
    period_to: date
    rows: tuple[BriefRow, ...]
    previous_rows: tuple[BriefRow, ...]
    generated_on: date
    parties: tuple[str, ...] = ()
    area: tuple[float, float, float, float] | None = None

    def __post_init__(self) -> None:
        if self.period_to < self.period_from:
            raise ConfigError(f"the period ends ({self.period_to}) before it starts ({self.period_from})")
        if self.area is not None:
            west, south, east, north = self.area
            if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
                raise ConfigError(f"area {self.area} is not a box (west, south, east, north) in degrees")

    @property
    def days(self) -> int:
        """How many days the period covers."""
        return (self.period_to - self.period_from).days + 1

    @property
    def previous_from(self) -> date:
        """The first day of the period of the same length just before."""
        return self.period_from - timedelta(days=self.days)

    @property
    def previous_to(self) -> date:
        """The last day of the period just before (the day before ``period_from``)."""
        return self.period_from - timedelta(days=1)
