"""A "since" that completes a comparison (nlp.comparison)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def since_of(extractor, text: str):
    doc = extractor.nlp(text)
    return next(t for t in doc if t.lower_ == "since")


@pytest.mark.parametrize(
    "text",
    [
        "Sunday was the deadliest day in Varnok since the truce.",
        "The monitor counted the highest toll since March in the border villages.",
        "Jets bombed the grain market in Dreslo on Friday, the first air strike on the city since 2019.",
        "The army carried out the most intense shelling of Kelmar since March on Tuesday.",
        "Gunmen attacked the convoy on Friday for the first time since 2019.",
        "Militants killed 15 soldiers in their deadliest raid since 2019.",
        "Eight dockers were killed in the first such bombing in the port since 2012.",
    ],
)
def test_a_superlative_or_a_first_makes_since_a_comparison(extractor, text: str) -> None:
    from ceasefire.nlp.comparison import compares

    assert compares(since_of(extractor, text))


@pytest.mark.parametrize(
    "text",
    [
        "Militia gunners have been shelling the Tessel hills since March 15.",
        "Militia gunners have been shelling the largest town of the valley since March 15.",
        "At least 40 herders have been killed along the valley road since 2019.",
        "The alliance has been flying air strikes over the hills since 2014.",
        "The largest union says more than 300 teachers have been murdered since 1994.",
        "The newest tally from the rights group says some 9,000 villagers have died in the uplands since 1988.",
    ],
)
def test_a_plain_since_is_no_comparison(extractor, text: str) -> None:
    from ceasefire.nlp.comparison import compares

    assert not compares(since_of(extractor, text))
