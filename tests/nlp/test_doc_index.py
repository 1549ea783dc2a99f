"""Reads of a whole Doc kept once (nlp.doc_index): the same tokens as a walk over them."""

from __future__ import annotations

import spacy

from ceasefire.nlp.doc_index import with_lower

TEXT = "Two days earlier, Before dawn, a convoy left Tarvik; the day BEFORE, rain fell before noon."


def test_with_lower_gives_the_tokens_of_those_words_in_order() -> None:
    doc = spacy.blank("en")(TEXT)
    words = frozenset({"before", "earlier"})
    assert [t.i for t in with_lower(doc, words)] == [t.i for t in doc if t.lower_ in words]
    sent = doc[7:]  # from "a convoy": a span reads only its own tokens
    assert [t.text for t in with_lower(sent, words)] == ["BEFORE", "before"]
    assert list(with_lower(doc, frozenset())) == []
