"""What one time expression means relative to an anchor date."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from ..model import DatePrecision

__all__ = ["Reading", "Anchor", "iso_week", "month_end", "week_bounds"]


@dataclass(frozen=True)
class Anchor:
    """The date relative expressions count from, and what it is ("dateline")."""

    day: date
    name: str = "document date"

    def __str__(self) -> str:
        return f"{self.name} {self.day.isoformat()}"


@dataclass(frozen=True)
class Reading:
    """One time expression, read.

    ``value`` is the TIMEX3-style value ("2016-09-17", "2016-W37", "2016-09",
    "PAST_REF", ...); ``start``/``end`` the dates it covers (``None`` for vague
    references and durations); ``kind`` is ``date``, ``duration`` or ``ref``.
    """

    value: str | None
    start: date | None
    end: date | None
    precision: DatePrecision
    basis: str
    kind: str = "date"

    @property
    def dated(self) -> bool:
        return self.kind == "date" and self.start is not None

    @classmethod
    def day(cls, d: date, basis: str, suffix: str = "") -> "Reading":
        return cls(d.isoformat() + suffix, d, d, DatePrecision.DAY, basis)

    @classmethod
    def week(cls, monday: date, basis: str) -> "Reading":
        return cls(iso_week(monday), monday, monday + timedelta(days=6), DatePrecision.WEEK, basis)

    @classmethod
    def month(cls, year: int, month: int, basis: str) -> "Reading":
        first = date(year, month, 1)
        return cls(f"{year:04d}-{month:02d}", first, month_end(first), DatePrecision.MONTH, basis)

    @classmethod
    def year(cls, year: int, basis: str) -> "Reading":
        return cls(f"{year:04d}", date(year, 1, 1), date(year, 12, 31), DatePrecision.YEAR, basis)

    @classmethod
    def quarter(cls, year: int, q: int, basis: str) -> "Reading":
        start = date(year, 3 * q - 2, 1)
        end = date(year + (q == 4), 1 if q == 4 else 3 * q + 1, 1) - timedelta(days=1)
        return cls(f"{year:04d}-Q{q}", start, end, DatePrecision.YEAR, basis + " (a quarter)")

    @classmethod
    def other(cls, value: str | None, kind: str, basis: str) -> "Reading":
        return cls(value, None, None, DatePrecision.UNKNOWN, basis, kind)


def iso_week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def week_bounds(d: date) -> tuple[date, date]:
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def month_end(d: date) -> date:
    return date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])
