"""Actor names canonicalised through data/actors.json (pure, no model)."""

from __future__ import annotations

import pytest

from ceasefire.model import Actor
from ceasefire.nlp.actors import ActorEntry, ActorRegistry, default_actors


@pytest.fixture(scope="module")
def actors() -> ActorRegistry:
    return default_actors()


@pytest.mark.parametrize(
    ("written", "name", "type_", "country"),
    [
        ("US-led coalition jets", "US-led coalition", "external", "US"),
        ("a Syrian army post by the old dam", "Syrian army", "state", "SY"),
        ("Dozens of Syrian soldiers", "Syrian army", "state", "SY"),
        ("Daesh", "Islamic State", "rebel", None),
        ("ISIL militants", "Islamic State", "rebel", None),
        ("the Nusra Front", "Nusra Front", "rebel", "SY"),
        ("Houthi rebels", "Houthis", "rebel", "YE"),
        ("Sudanese police", "Police forces of Sudan", "state", "SD"),
        ("two gunmen", "Unidentified armed group", "political_militia", None),
        ("civilians in Israel", "Civilians (Israel)", "civilians", "IL"),
        ("hooded rioters", "Rioters", "rioters", None),
    ],
)
def test_resolve(actors: ActorRegistry, written: str, name: str, type_: str, country: str | None) -> None:
    assert actors.resolve(written) == Actor(name, type_, country)


def test_short_capital_aliases_match_only_as_written(actors: ActorRegistry) -> None:
    assert actors.resolve("IS fighters") == Actor("Islamic State", "rebel", None)
    unknown = actors.resolve("this is the Lantern Society")
    assert unknown is not None and unknown.type == "unknown"


def test_unknown_names_are_kept_as_written(actors: ActorRegistry) -> None:
    assert actors.resolve(" the Lantern Society,") == Actor("the Lantern Society", "unknown", None)


def test_pronouns_and_time_words_are_no_actor(actors: ActorRegistry) -> None:
    assert actors.resolve("he") is None
    assert actors.resolve("Saturday") is None


def test_short_reference_to_an_actor_named_before(actors: ActorRegistry) -> None:
    seen = [Actor("US-led coalition", "external", "US")]
    assert actors.resolve("the coalition warplanes", seen) == seen[0]
    assert actors.resolve("the coalition warplanes").name != "US-led coalition"  # type: ignore[union-attr]


def test_registry_from_entries() -> None:
    reg = ActorRegistry([ActorEntry("Blue Brigade", "political_militia", "RU", ("Blues",))])
    assert reg.resolve("the Blues") == Actor("Blue Brigade", "political_militia", "RU")
    assert reg.is_state("the Blues") is False
