"""normalize_name: spelling and transliteration variants meet on one key."""

import pytest

from ceasefire.geo import country_code, normalize_name


@pytest.mark.parametrize(
    "variants",
    [
        ("Deir ez-Zor", "Deir al-Zor", "Deir Ezzor", "Dayr az Zawr", "Deir el-Zour", "DEIR EZ-ZOR"),
        ("Idlib", "Idleb", "Idlîb"),
        ("Raqqa", "Ar-Raqqah", "al-Raqqa", "Arraqqa"),
        ("Daraa", "Dar'a", "Dar\u2019a"),
        ("Qamishli", "Kamishly"),
        ("Jebel Tharda", "Jabal Tharda"),
        ("Kobani", "Kobane"),
        ("Sana'a", "Sanaa"),
    ],
)
def test_variants_meet(variants: tuple[str, ...]) -> None:
    keys = {normalize_name(v) for v in variants}
    assert len(keys) == 1, keys


def test_different_places_stay_apart() -> None:
    assert normalize_name("Homs") != normalize_name("Hama")
    assert normalize_name("Aleppo") != normalize_name("Idlib")


def test_country_names_aliases_and_demonyms() -> None:
    assert country_code("Syrian") == "SY"
    assert country_code("Iraqis") == "IQ"
    assert country_code("U.S.") == "US"
    assert country_code("the United Kingdom") == "GB"
    assert country_code("Ukraine") == "UA"
    assert country_code("Deir ez-Zor") is None
