"""A small invented gazetteer for place-resolution tests."""

import pytest

from ceasefire.geo import MemoryGazetteer, PlaceCandidate

SYRIA = PlaceCandidate("Syria", "SY", None, 35.0, 38.0, 163843, "country", 22_000_000)
IRAQ = PlaceCandidate("Iraq", "IQ", None, 33.0, 44.0, 99237, "country", 38_000_000)
DEIR_CITY = PlaceCandidate("Deir ez-Zor", "SY", "Deir ez-Zor", 35.336, 40.141, 170794, "city", 271_800)
DEIR_GOV = PlaceCandidate("Deir ez-Zor Governorate", "SY", "Deir ez-Zor", 35.0, 40.5, None, "admin1", 1_200_000)
AIRPORT = PlaceCandidate("Deir ez-Zor Airport", "SY", "Deir ez-Zor", 35.285, 40.176, None, "airport")
THARDA = PlaceCandidate("Jebel Tharda", "SY", "Deir ez-Zor", 35.26, 40.16, None, "mountain")
DARAA_CITY = PlaceCandidate("Daraa", "SY", "Daraa", 32.62, 36.10, 170592, "city", 97_969)
DARAA_GOV = PlaceCandidate("Daraa Governorate", "SY", "Daraa", 32.8, 36.2, None, "admin1", 300_000)
IDLIB = PlaceCandidate("Idlib", "SY", "Idlib", 35.93, 36.63, 169389, "city", 128_840)
# two invented towns that share a name in different countries
HALFA_SY = PlaceCandidate("Qasr Halfa", "SY", "Homs", 34.7, 37.1, 1, "city", 4_000)
HALFA_IQ = PlaceCandidate("Qasr Halfa", "IQ", "Anbar", 33.4, 42.1, 2, "city", 9_000)
TINY = PlaceCandidate("Bab", "US", "Ohio", 40.0, -82.0, 3, "city", 600)


@pytest.fixture
def gazetteer() -> MemoryGazetteer:
    return MemoryGazetteer([
        (SYRIA, ("Syrian", "Syrians")),
        (IRAQ, ("Iraqi",)),
        (DEIR_CITY, ("Dayr az Zawr",)),
        (DEIR_GOV, ("Deir ez-Zor Province", "Deir ez-Zor")),
        (AIRPORT, ("Deir al-Zor airport", "Deir ez-Zor airbase")),
        (THARDA, ("Jabal Tharda",)),
        DARAA_CITY,
        (DARAA_GOV, ("Daraa Province", "Daraa")),
        IDLIB,
        HALFA_SY,
        HALFA_IQ,
        TINY,
    ])
