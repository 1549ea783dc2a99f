"""Claimant canonicalisation and reference resolution (no model needed)."""

from __future__ import annotations

from ceasefire.model import Source, SourceType
from ceasefire.nlp.sources import default_registry, normalise_name, outlet_source


def test_aliases_resolve_to_the_canonical_entry() -> None:
    reg = default_registry()
    for written in ("SOHR", "the Observatory", "The Syrian Observatory for Human Rights"):
        src = reg.canonical(written)
        assert src.name == "Syrian Observatory for Human Rights"
        assert src.type == SourceType.MONITOR
        assert src.as_written == written
    for written in ("Russia's Defence Ministry", "The defense ministry in Russia", "Russian defense ministry"):
        assert reg.canonical(written).name == "Russian Defence Ministry"


def test_generic_claimants_are_kept_as_written() -> None:
    src = default_registry().canonical("Russia and a war monitor")
    assert src.name == "Russia and a war monitor"


def test_unknown_claimants_get_a_type_from_keywords() -> None:
    reg = default_registry()
    assert reg.canonical("the provincial health directorate").type == SourceType.MEDICAL
    assert reg.canonical("a police spokesman").type == SourceType.OFFICIAL
    assert reg.canonical("Zorblax").type == SourceType.UNKNOWN


def test_pronouns_and_short_references_take_the_last_full_name() -> None:
    reg = default_registry()
    seen = [reg.canonical("Kandahar Provincial Council"), reg.canonical("Wire Daily staff")]
    assert reg.resolve("he", seen).name == "Wire Daily staff"
    assert reg.resolve("the council", seen).name == "Kandahar Provincial Council"
    assert reg.resolve("the council", seen).as_written == "the council"


def test_a_surname_takes_the_full_name_given_earlier() -> None:
    reg = default_registry()
    assert reg.resolve("Mr Halvorsen", [], persons=["Anna Berg", "Tomas Halvorsen"]).name == "Tomas Halvorsen"
    assert reg.resolve("Halvorsen", [], persons=[]).name == "Halvorsen"


def test_normalise_name() -> None:
    assert normalise_name("The  Defence Ministry’s ") == "defense ministry's"


def test_outlet_voice() -> None:
    assert outlet_source("Wire Daily") == Source("Wire Daily", SourceType.OUTLET)
    assert outlet_source(None).name == "unknown outlet"


def test_united_nations_and_u_n_are_read_as_un() -> None:
    registry = default_registry()
    for written in ("the United Nations refugee agency", "the U.N. refugee agency", "UN refugee agency"):
        assert registry.canonical(written).name == "UNHCR", written
    assert registry.canonical("United Nations Children's Fund").name == "UNICEF"
    assert registry.canonical("United Nationsx agency").name != "UNHCR"
