"""Datelines at the start of a report, and page dates in a page header (pure).

Formats (general wire and web conventions, not any one page)::

    (September 18, 2016) —
    BEIRUT, Sept 17 (Reuters) -          month and day; the year comes from the publication date
    BEIRUT (Reuters) -
    SAN SALVADOR, 3 JAN 90 -- [REPORT]   upper-case wire style, two-digit year
    WASHINGTON, April 10, 2007 —
    KABUL, Afghanistan (AP) —
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..model import MONTHS as MONTH_NAMES
from ..model import month_number
from .outlets import canonical_outlet

__all__ = ["Dateline", "parse_dateline", "find_page_date", "MONTHS"]

#: The month words a dateline may hold: each month's name, its first three letters, and "Sept".
MONTHS: dict[str, int] = {
    **{name.lower(): i for i, name in enumerate(MONTH_NAMES, start=1)},
    **{name[:3].lower(): i for i, name in enumerate(MONTH_NAMES, start=1)},
    "sept": 9,
}

_MONTH = r"(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
_ORD = r"(?:st|nd|rd|th)?"
# "Sept 17", "April 10, 2007", "September 19th, 2016"
_MDY = rf"(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}}){_ORD}(?:,?\s+(?P<y1>\d{{4}}))?"
# "3 JAN 90", "17 September 2016"
_DMY = rf"(?P<d2>\d{{1,2}}){_ORD}\s+(?P<m2>{_MONTH})(?:,?\s+(?P<y2>\d{{4}}|\d{{2}}))?"
_DATE = rf"(?:{_MDY}|{_DMY}|(?P<nodate>NO DATE))"
_DASH = r"[ \t]*(?:--|—|–|-)(?=\s)"
_WIRE_END = r"[ \t]*(?=\[)"  # "BOGOTA, 27 APR 90 [TELEVISION] ...": upper-case wire copy without a dash
_WORD = r"[A-Z][A-Za-z'’.\-]*"
_PLACE = rf"{_WORD}(?:[ \t]+(?:{_WORD}|(?:al|el|ez|as|ad|ar|de|la|le|du|da|di)-?[A-Z]?[A-Za-z'’\-]*)){{0,3}}"
_OUTLET = r"\((?P<outlet>[A-Z][A-Za-z0-9.&'’ \-]{0,40})\)"

_PAREN = re.compile(rf"\(\s*{_DATE}\s*\){_DASH}")
_PLACED = re.compile(
    rf"(?P<place>{_PLACE})(?:[ \t]*\((?P<pregion>{_PLACE})\)(?=,))?(?:,[ \t]*(?P<region>{_PLACE}))??"
    rf"(?:,[ \t]*{_DATE})?(?:[ \t]*{_OUTLET})?(?:{_DASH}|(?P<wire>{_WIRE_END}))"
)
_PAGE_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")
_PAGE_TEXT = re.compile(rf"\b(?:{_MDY}|(?P<d2>\d{{1,2}}){_ORD}\s+(?P<m2>{_MONTH}),?\s+(?P<y2>\d{{4}}))")


@dataclass(frozen=True)
class Dateline:
    """A dateline as found: ``start``/``end`` are offsets in the text it was read from."""

    start: int
    end: int
    place: str | None
    date: date | None
    outlet: str | None  # canonical name, from "(Reuters)"
    as_written: str


def _year(two_or_four: str, published: date | None) -> int:
    year = int(two_or_four)
    if len(two_or_four) == 4:
        return year
    if published is not None:  # the century that puts it nearest the publication
        candidates = [published.year // 100 * 100 + year + c for c in (-100, 0, 100)]
        return min(candidates, key=lambda y: abs(y - published.year))
    return 1900 + year if year >= 50 else 2000 + year


def _make_date(month: str, day: str, year: str | None, published: date | None) -> date | None:
    number = month_number(month)
    if number is None:
        return None
    try:
        if year is not None:
            return date(_year(year, published), number, int(day))
        if published is None:
            return None
        found = date(published.year, number, int(day))
        return found if found <= published else date(published.year - 1, number, int(day))
    except ValueError:  # "February 30"
        return None


def _date_of(match: re.Match[str], published: date | None) -> date | None:
    if match.group("m1"):
        return _make_date(match.group("m1"), match.group("d1"), match.group("y1"), published)
    if match.group("m2"):
        return _make_date(match.group("m2"), match.group("d2"), match.group("y2"), published)
    return None


def parse_dateline(text: str, pos: int = 0, published: date | None = None) -> Dateline | None:
    """The dateline opening ``text`` at ``pos`` (leading spaces skipped), or ``None``.

    A month and day without a year take the year that puts them on or before
    ``published``; a two-digit year takes the century nearest to it.
    """
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    match = _PAREN.match(text, pos)
    if match is not None:
        written = match.group(0).rstrip()
        return Dateline(pos, pos + len(written), None, _date_of(match, published), None, written)
    match = _PLACED.match(text, pos)
    if match is None:
        return None
    place = match.group("place")
    outlet = match.group("outlet")
    has_date = bool(match.group("m1") or match.group("m2"))
    if not (has_date or outlet or match.group("nodate")) and place != place.upper():
        return None  # "Officials said -": a bare dateline must be an upper-case place
    if match.group("wire") is not None and not has_date:
        return None  # without a dash, only "PLACE, DATE [" counts
    region = match.group("pregion") or match.group("region")
    if region:
        place = f"{place}, {region}"
    written = match.group(0).rstrip()
    return Dateline(
        pos,
        pos + len(written),
        place,
        _date_of(match, published) if has_date else None,
        canonical_outlet(outlet) if outlet else None,
        written,
    )


def find_page_date(text: str) -> date | None:
    """The first full date in a page header: ``2016-09-19 02:02``, ``September 19th, 2016``, ``19 September 2016``."""
    found: list[tuple[int, date]] = []
    iso = _PAGE_ISO.search(text)
    if iso is not None:
        try:
            found.append((iso.start(), date(int(iso["y"]), int(iso["m"]), int(iso["d"]))))
        except ValueError:
            pass
    for match in _PAGE_TEXT.finditer(text):
        if match.group("y1") or match.group("y2"):
            value = _date_of(match, None)
            if value is not None:
                found.append((match.start(), value))
                break
    return min(found)[1] if found else None
