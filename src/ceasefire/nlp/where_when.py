"""Raw toponyms and timexes of a sentence, with the words that qualify a place.

Read from the NER entities of a parsed sentence (labels in
``data/nlp_places.json``) plus weekday and relative words the NER misses.
Returns character spans relative to the Doc; ``records`` turns them into
:class:`~ceasefire.model.Toponym` / :class:`~ceasefire.model.Timex`.

A time that dates a statement ("police said Friday", "told reporters on
Monday") is no date of the event the statement reports, unless the statement
itself reports the event in the same sentence ("the army said on Saturday that
jets bombed the town"), where it bounds it: ``sentence_timexes`` gives a sentence's
timexes with and without it. A time that modifies an event noun ("Sunday's strike")
dates that event first (``noun_timexes``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Collection, Sequence

from spacy.tokens import Doc, Span, Token

from .actors import default_actors
from .doc_index import doc_lower, doc_pos, doc_text, sentence_ents
from .lexicon import load_json
from .phrases import CharSpan

__all__ = [
    "PlaceWords",
    "place_words",
    "toponyms_in",
    "sentence_timexes",
    "noun_timexes",
    "noun_times",
    "noun_head",
    "occurrence_timexes",
]


@dataclass(frozen=True)
class PlaceWords:
    toponym_labels: frozenset[str]
    timex_labels: frozenset[str]
    before: tuple[tuple[str, ...], ...]  # longest first
    after: frozenset[str]
    directions: frozenset[str]
    units: frozenset[str]
    timex_words: tuple[tuple[str, ...], ...]
    timex_prefixes: frozenset[str]
    clock_zones: frozenset[str]  # "1415 GMT": a clock time
    other_labels: frozenset[str]
    misread_labels: frozenset[str]  # an entity so labelled before a lower-case admin noun: a name ("Tamble region")
    admin_nouns: frozenset[str]
    appositive_nouns: frozenset[str]  # "X, a town in Y"
    appositive_areas: frozenset[str]  # "X, a town in the municipality of Y"
    seat_nouns: frozenset[str]
    speaker_nouns: frozenset[str]
    place_verbs: frozenset[str]
    origin_preps: frozenset[str]
    origin_heads: frozenset[str]
    frame_words: frozenset[str]
    admit_after: frozenset[str]
    statement_heads: frozenset[str]
    timex_breaks: frozenset[str]
    follow_up_nouns: frozenset[str]
    telling_nouns: frozenset[str]
    aside_markers: frozenset[str]
    numeric_date: re.Pattern[str]
    ordinal_date: re.Pattern[str]
    numeric_date_prefixes: frozenset[str]
    occurrence_verbs: tuple[tuple[str, ...], ...]  # a lemma, then the particle or object it needs
    container_nouns: frozenset[str]  # from geo_words.json: "the X camp in Y", "X, Y"
    container_adjectives: frozenset[str]
    container_stop: frozenset[str]
    not_places: frozenset[str]  # words of an organisation's name: "Ruritania's Defence Ministry" is no place
    offset: re.Pattern[str]  # "12 km south of (the town of)" right before a name
    possessor_heads: frozenset[str]  # "Tarsk's warplanes": a town so written names an actor


@lru_cache(maxsize=1)
def place_words() -> PlaceWords:
    raw = load_json("nlp_places.json")
    geo = load_json("geo_words.json")
    return PlaceWords(
        toponym_labels=frozenset(raw["toponym_labels"]),
        timex_labels=frozenset(raw["timex_labels"]),
        before=tuple(sorted((tuple(p.lower().split()) for p in raw["before"]), key=len, reverse=True)),
        after=frozenset(w.lower() for w in raw["after"]),
        directions=frozenset(raw["directions"]),
        units=frozenset(raw["units"]),
        timex_words=tuple(sorted((tuple(p.split()) for p in raw["timex_words"]), key=len, reverse=True)),
        timex_prefixes=frozenset(raw["timex_prefixes"]),
        clock_zones=frozenset(raw["clock_zones"]),
        other_labels=frozenset(raw["other_labels"]),
        misread_labels=frozenset(raw["misread_labels"]),
        admin_nouns=frozenset(raw["admin_nouns"]),
        appositive_nouns=frozenset(raw["appositive_nouns"]),
        appositive_areas=frozenset(raw["appositive_areas"]),
        seat_nouns=frozenset(raw["seat_nouns"]),
        speaker_nouns=frozenset(raw["speaker_nouns"]),
        place_verbs=frozenset(raw["place_verbs"]),
        origin_preps=frozenset(raw["origin_preps"]),
        origin_heads=frozenset(raw["origin_heads"]),
        frame_words=frozenset(raw["frame_words"]),
        admit_after=frozenset(raw["admit_after"]),
        statement_heads=frozenset(w.lower() for w in raw["statement_heads"]),
        timex_breaks=frozenset(raw["timex_breaks"]),
        follow_up_nouns=frozenset(raw["follow_up_nouns"]),
        telling_nouns=frozenset(raw["follow_up_nouns"]) | frozenset(raw["statement_nouns"]),
        aside_markers=frozenset(raw["aside_markers"]),
        numeric_date=re.compile(raw["numeric_date"]),
        ordinal_date=re.compile(raw["ordinal_date"]),
        numeric_date_prefixes=frozenset(raw["numeric_date_prefixes"]),
        occurrence_verbs=tuple(tuple(p.split()) for p in raw["occurrence_verbs"]),
        container_nouns=frozenset(w for p in geo["container_nouns"] for w in p.split()),
        container_adjectives=frozenset(geo["container_adjectives"]),
        container_stop=frozenset(geo["container_stop"]),
        not_places=frozenset(geo["institution_words"]) | frozenset(raw["group_words"]),
        offset=_offset_pattern(raw["units"], raw["directions"], geo["offset_reference_words"]),
        possessor_heads=frozenset(raw["possessor_heads"]),
    )


def _offset_pattern(units: Collection[str], directions: Collection[str], reference: Collection[str]) -> re.Pattern[str]:
    """A distance and bearing right before a name: "12 km south of", "40 kilometres (25 miles) to the northeast of
    the capital" (a second unit in brackets, reference words such as "the border town of" before the name)."""
    def alternatives(ws: Collection[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(ws, key=len, reverse=True))
    return re.compile(rf"\b\d+(?:[.,]\d+)?\s*-?\s*(?:{alternatives(units)})\.?(?:\s*\([^()]{{1,25}}\))?\s+"
                      rf"(?:to\s+the\s+)?(?:{alternatives(directions)})\s+of\s+(?:(?:{alternatives(reference)})\s+){{0,4}}$",
                      re.I)


def _context(doc: Doc, ent: Span, words: PlaceWords) -> str:
    parts: list[str] = []
    s = ent.start
    low = doc_lower(doc)[max(0, s - 5) : s]
    # "12 km south of X", "12 kilometres to the south of X", "40 kilometres (25 miles) northeast of the capital X"
    offset = words.offset.search(doc_text(doc)[max(0, ent.start_char - 90) : ent.start_char])
    if offset:
        parts.append(" ".join(offset.group(0).split()))
    else:
        for phrase in words.before:
            if tuple(low[-len(phrase) :]) == phrase:
                k = s - len(phrase) - 1  # "the Y district of X": the district is Y, X holds it
                named = phrase[-1] == "of" and k >= 0 and doc[k].is_title and doc[k].is_alpha
                if not (named and not doc[k].is_sent_start):
                    parts.append(" ".join(phrase))
                break
    last = ent[-1].lower_
    if last in words.after and len(ent) > 1:
        parts.append(last)
    elif ent.end < len(doc) and doc[ent.end].lower_ in words.after:
        parts.append(doc[ent.end].lower_)
    elif _appositive(doc, ent, words):
        parts.append(doc[ent.end + 2].lower_)  # "X, a town in Y": X is a town
    return "; ".join(parts)


def _appositive(doc: Doc, ent: Span, words: PlaceWords) -> str:
    """The place an appositive puts the entity in: "X, a town in Y", "X, a village in the municipality of Y"
    ("" when none)."""
    i = ent.end
    if i + 4 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in ("a", "an"):
        return ""
    if doc[i + 2].lower_ not in words.appositive_nouns or doc[i + 3].lower_ not in ("in", "of"):
        return ""
    j = i + 4
    if doc[j].lower_ == "the":
        j += 1
    if j < len(doc) and doc[j].lower_ in words.container_adjectives:
        j += 1
    areas = words.admin_nouns | words.appositive_areas
    if j + 1 < len(doc) and doc[j].lower_ in areas and doc[j + 1].lower_ == "of":
        j += 2  # "in the municipality of Y"
    return _name_at(doc, j, words)[0] if j < len(doc) else ""


def _name_at(doc: Doc, i: int, words: PlaceWords) -> tuple[str, int]:
    """The capitalised name starting at token ``i`` ("Upper Vale State", "Conn.") and the token after it."""
    j = i
    while j < len(doc) and j - i < 4 and doc[j].text[:1].isupper() and (doc[j].is_alpha or doc[j].text.endswith(".")):
        j += 1
    if j > i and doc[i].ent_iob_ == "B" and doc[i].ent_type_ in words.toponym_labels:
        while j < len(doc) and doc[j].ent_iob_ == "I":  # an entity's lower-case parts: "Deir ez-Zor", "Ras al-Ain"
            j += 1
    kept = [doc[i:j].text] if any(not t.text[:1].isupper() for t in doc[i:j]) else [t.text for t in doc[i:j]]
    while kept and kept[-1].rstrip(".") in words.container_stop:
        kept.pop()
    if not kept or kept[0].rstrip(".") in words.container_stop:
        return "", j
    return " ".join(kept), j


def _within(doc: Doc, ent: Span, words: PlaceWords) -> str:
    """The place the text puts the entity in: "X, Calif.", "X, eastern Y", "the X refugee camp in war-torn
    Y State", "the X district of Y" (the same reading as ``geo.qualifiers.container`` on plain text), "X, a town
    in the municipality of Y" (``_appositive``, read from the parse only); also
    "the X Region of Y" (the noun inside the entity), else the name whose possessive stands before it ("Y's X
    region", "Y province's X")."""
    i = ent.end
    if ent[-1].lower_ in words.container_nouns and len(ent) > 1 and i + 1 < len(doc) and doc[i].lower_ == "of":
        name = _name_at(doc, i + 1, words)[0]  # "the X Region of Y": the noun is the entity's own last word
        if name:
            return name
    told = _appositive(doc, ent, words)
    if told:
        return told
    if i + 1 < len(doc) and doc[i].text == ",":
        start = i + 2 if doc[i + 1].lower_ in words.container_adjectives else i + 1  # "X, eastern Y"
        name, j = _name_at(doc, start, words) if start < len(doc) else ("", start)
        nxt = doc[j] if j < len(doc) else None
        then = doc[j + 1] if j + 1 < len(doc) else None
        listed = nxt is not None and (nxt.lower_ in ("and", "or") or (
            nxt.text == "," and then is not None and (then.text[:1].isupper() or then.lower_ in ("and", "or"))))
        if name or listed:
            return "" if listed else name
        return _possessor(doc, ent, words)  # "Y's X province, a local official said": no name after the comma
    k = 0
    while i < len(doc) and k < 2 and doc[i].lower_ in words.container_nouns:
        i, k = i + 1, k + 1
    if i >= len(doc) or not (doc[i].lower_ == "in" or (k > 0 and doc[i].lower_ == "of")):  # "the X district of Y"
        return _possessor(doc, ent, words)
    i += 1
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    if i < len(doc) and doc[i].lower_ in words.container_adjectives:
        i += 1
    elif i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i].is_lower and doc[i + 2].is_lower:
        i += 3  # "war-torn"
    return _name_at(doc, i, words)[0] if i < len(doc) else ""


_POSSESSIVE = ("'s", "\u2019s")


def _possessor(doc: Doc, ent: Span, words: PlaceWords) -> str:
    """The capitalised name whose possessive stands right before the entity ("Y's X region", "Y province's
    X"): the place the text puts it in when that name is a place (the gazetteer decides; "Y's X" of a
    person is no place)."""
    i = ent.start
    if i < 2 or doc[i - 1].lower_ not in _POSSESSIVE:
        return ""
    noun = doc[i - 2].lower_ in words.admin_nouns  # "Y province's X": the province Y
    end = i - 2 if noun else i - 1
    j = end
    while j > 0 and end - j < _MAX_NAME_TOKENS and doc[j - 1].is_title and doc[j - 1].is_alpha:
        j -= 1
    if j == end or doc[j].text in words.container_stop:
        return ""
    name = " ".join(t.text for t in doc[j:end])
    return f"{name} {doc[i - 2].lower_}" if noun else name


def _province_of_next(doc: Doc, ent: Span, words: PlaceWords) -> bool:
    """'Y province's X': Y names the province that holds the place X named next (X's ``within``), not a
    place of its own; only when the NER tags X as a place."""
    low = [t.lower_ for t in ent]
    i = ent.end
    if len(low) > 2 and low[-1] in _POSSESSIVE and low[-2] in words.admin_nouns:
        nxt = i  # the NER took "Y province's" whole
    elif len(low) > 1 and low[-1] in words.admin_nouns:
        nxt = i + 1 if i < len(doc) and doc[i].lower_ in _POSSESSIVE else -1
    else:
        ok = i + 1 < len(doc) and doc[i].lower_ in words.admin_nouns and doc[i + 1].lower_ in _POSSESSIVE
        nxt = i + 2 if ok else -1
    if not 0 <= nxt < len(doc) or doc[nxt].ent_iob_ != "B":
        return False
    label = doc[nxt].ent_type_  # an X the NER calls a person or an organisation is taken after a GPE's possessive
    return label in words.toponym_labels or (label in words.other_labels and doc[nxt - 2].ent_type_ == "GPE")


def toponyms_in(sent: Span, words: PlaceWords, *, seats: bool = True) -> list[tuple[CharSpan, str, str]]:
    """(span, context, within) of each place entity of the sentence.

    ``seats=False`` leaves out the places where someone speaks or sits ("the
    government in the capital", "X denied"): no event is placed there.
    """
    doc = sent.doc
    out = []
    admin = _admin_names(sent, words)
    named = {(s.start, s.end - 1) for s in admin}  # "Tamble region": the name and its noun, read once
    for ent in sentence_ents(sent):
        if all(t.is_stop or t.is_punct or not t.is_alpha for t in ent):
            continue  # NER noise such as "n't"
        if (ent.start, ent.end) in named:
            continue
        if not seats and _seat(ent, words):
            continue
        if _province_of_next(doc, ent, words):
            continue
        if ent.label_ in words.toponym_labels or _country_name(ent, words):
            out.append(((ent.start_char, ent.end_char), _context(doc, ent, words), _within(doc, ent, words)))
        elif ent.label_ in words.misread_labels and ent.start > sent.start:
            i = ent.start
            if i - 3 > sent.start and doc[i - 2].text == "-" and doc[i - 1].is_lower and doc[i - 3].is_lower:
                i -= 3  # "in war-torn X State"
            prev = doc[i - 1].lower_
            prev2 = doc[i - 2].lower_ if i - 2 >= sent.start else ""
            of_phrase = any(len(b) >= 2 and b[-2:] == (prev2, prev) for b in words.before if b[-1] == "of")
            located = prev == "of" and (prev2 in words.directions or of_phrase)  # "the outskirts of X"
            if ent.label_ not in words.other_labels:  # a work of art, an event, a law: only so placed
                admitted = located and len(ent) <= _MAX_NAME_TOKENS and ent[0].is_title and ent[-1].is_title and (
                    not any(t.lower_ in words.not_places for t in ent))  # "Vila da Serra": a particle inside
            else:
                admitted = prev in words.admit_after or located or (
                    (_after_country(doc, i, sent.start) or _place_object(ent, words)) and _proper_name(ent, words))
            if admitted:
                out.append(((ent.start_char, ent.end_char), _context(doc, ent, words), _within(doc, ent, words)))
    for span in [*admin, *_unnamed_places(sent, words)]:
        out.append(((span.start_char, span.end_char), _context(doc, span, words), _within(doc, span, words)))
    return sorted(out)


def _country_name(ent: Span, words: PlaceWords) -> bool:
    """A country's name the NER took for a person or an organisation ("Ruritania's army said", "in Ruritania"):
    the name alone, a closed list (``data/actors.json``), is a place."""
    return ent.label_ in words.other_labels and default_actors().names_country(ent.text)


def _after_country(doc: Doc, i: int, start: int) -> bool:
    """Token ``i`` follows a country's possessive: "Ruritania's Tamble"."""
    return i - 2 >= start and doc[i - 1].lower_ in ("'s", "\u2019s") and doc[i - 2].ent_type_ == "GPE"


def _place_object(ent: Span, words: PlaceWords) -> bool:
    """The entity is what a verb that only places take acts on: "rebels shelled X", "troops stormed X"."""
    return ent.root.dep_ == "dobj" and ent.root.head.lemma_.lower() in words.place_verbs


def _proper_name(ent: Span, words: PlaceWords) -> bool:
    """A short capitalised name that holds no word of an organisation's or a group's name."""
    return len(ent) <= _MAX_NAME_TOKENS and all(
        t.text[:1].isupper() or not t.is_alpha for t in ent) and not any(t.lower_ in words.not_places for t in ent)


def _unnamed_places(sent: Span, words: PlaceWords) -> list[Span]:
    """'on the edge of Tamble', 'in Lorwa': a capitalised proper noun the NER left without a label, where a place is
    expected (after 'in', 'at', 'near', a phrase such as 'district of', or 'between X and'), and not a modifier
    ('at Molotov cocktails'); the gazetteer decides."""
    doc = sent.doc
    pos = doc_pos(doc)
    out = []
    i = sent.start + 1
    while i < sent.end:
        if pos[i] != "PROPN" or not _bare_name(doc[i]):
            i += 1
            continue
        j = i
        while j < sent.end and j - i < _MAX_NAME_TOKENS and _bare_name(doc[j]):
            j += 1
        prev = doc[i - 1].lower_
        prev2 = doc[i - 2].lower_ if i - 2 >= sent.start else ""
        of_phrase = prev == "of" and any(len(b) >= 2 and b[-2:] == (prev2, prev) for b in words.before if b[-1] == "of")
        last = doc[j - 1]
        modifier = last.dep_ in ("compound", "amod", "nmod") and last.head.i >= j  # "Molotov cocktails"
        between = prev == "and" and any(doc[k].lower_ == "between" for k in range(max(sent.start, i - 5), i - 1))
        if (prev in words.admit_after or of_phrase or between) and not modifier and not (
            j < sent.end and doc[j].lower_ in words.admin_nouns
        ):
            out.append(Span(doc, i, j, label="GPE"))
        i = j
    return out


def _unlabelled(tok: Token) -> bool:
    """A capitalised word the NER gave no label."""
    return tok.is_title and tok.is_alpha and not tok.is_stop and not tok.ent_type_


def _bare_name(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and _unlabelled(tok)


_MAX_NAME_TOKENS = 3


def _seat(ent: Span, words: PlaceWords) -> bool:
    """'the government in the capital', 'officials in X', 'told reporters in X', 'X denied', 'an X-based firm',
    'escaping from X': a speaker's or a traveller's place, not an event's."""
    root = ent.root
    head = root.head
    after = ent.doc[ent.end : ent.end + 3]
    if head.lower_.endswith("-based") or [t.lower_ for t in after[:2]] == ["-", "based"]:
        return True  # "a Port Leman-based firm"
    if root.dep_ == "pobj" and head.lower_ == "in" and (
        head.head.lower_ in words.seat_nouns or head.head.lemma_.lower() in words.statement_heads
    ):
        return True  # "the government in X", "told journalists in X", "said in X"
    if root.dep_ == "pobj" and head.lower_ == "in" and head.head.lower_ in words.speaker_nouns and (
        head.head.dep_ == "nsubj" and head.head.head.lemma_.lower() in words.statement_heads
    ):
        return True  # "police in X said": where they speak ("gunmen killed police in X": where it happened)
    if root.dep_ == "nsubj" and head.lemma_.lower() in words.statement_heads:
        return True
    if root.dep_ == "poss" and head.lower_ in words.possessor_heads and not default_actors().names_country(ent.text):
        return True  # "Tarsk's warplanes struck ...": the side that struck, not where ("Ruritania's army" stays)
    return _origin(root, words)


def _origin(root: Token, words: PlaceWords) -> bool:
    """'escaping from fighting in X', 'gunmen from X': where someone comes from; 'the toll from the shelling in
    X', '12 km from X' are no origins."""
    tok = root.head if root.dep_ == "poss" else root  # "from fighting in Ruritania's hills"
    while tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        prep = tok.head
        if prep.lower_ in words.origin_preps:  # "the toll from the shelling in X" is no origin: only who comes
            return prep.head.lemma_.lower() in words.origin_heads
        tok = prep.head
        if tok.dep_ != "pobj":
            break
    return False


def _admin_names(sent: Span, words: PlaceWords) -> list[Span]:
    """'Upper Vale State', 'Tamble county': a capitalised name the NER left out, right before an admin noun; also
    a name the NER took whole for a person, an organisation or a product right before a lower-case one ("Tamble
    region")."""
    doc = sent.doc
    low = doc_lower(doc)
    out = []
    for end in range(sent.start + 1, sent.end):  # the admin noun, never the sentence's first word
        if low[end] not in words.admin_nouns or doc[end].ent_type_:
            continue
        i = end
        while i > sent.start and end - i < _MAX_NAME_TOKENS and _unlabelled(doc[i - 1]):
            i -= 1
        if i == end and doc[end].is_lower:
            i = _misread_name(doc, end, sent.start, words)
        if i < end:
            out.append(Span(doc, i, end + 1, label="GPE"))
    return out


def _misread_name(doc: Doc, end: int, start: int, words: PlaceWords) -> int:
    """Where the entity that ends right before token ``end`` starts, when it is a short capitalised name with one of
    the misread labels ("Tamble" of "Tamble region", an ORG or PRODUCT to the NER); else ``end``."""
    last = doc[end - 1]
    if last.ent_type_ not in words.misread_labels or (end < len(doc) and doc[end].ent_iob_ == "I"):
        return end
    i = end - 1
    while i > start and doc[i].ent_iob_ == "I":
        i -= 1
    if doc[i].ent_iob_ != "B" or end - i > _MAX_NAME_TOKENS or i <= start:
        return end
    if not all(t.pos_ == "PROPN" and t.is_title and t.is_alpha for t in doc[i:end]):
        return end
    return i


def _dates_statement(ent: Span, words: PlaceWords) -> bool:
    """'police said Friday', 'told reporters on Monday', 'in a statement on Sunday': the time of a statement;
    'funerals were held on Tuesday', 'opened an investigation on Wednesday': the time of what followed; 'a
    statement issued on 7 June': the time of a statement told by its noun."""
    root = ent.root
    head = root.head
    if root.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif root.dep_ not in ("npadvmod", "tmod", "obl"):
        return False
    lemma = head.lemma_.lower()
    if lemma in words.statement_heads or lemma in words.follow_up_nouns:
        return True
    if head.dep_ == "acl" and head.head.lemma_.lower() in words.telling_nouns:  # 'a statement issued on 7 June'
        return True
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj", "obj") and c.lemma_.lower() in words.follow_up_nouns
        for c in head.children
    )


def _aside(ent: Span, words: PlaceWords) -> bool:
    """'since the president took office in December': a time in a clause that measures from another event."""
    marks = words.aside_markers
    return any(
        up.lower_ in marks or any(c.dep_ == "mark" and c.lower_ in marks for c in up.children)
        for up in ent.root.ancestors
    )


def sentence_timexes(sent: Span, words: PlaceWords) -> tuple[list[CharSpan], list[CharSpan], list[CharSpan]]:
    """Date/time entities of a sentence of the Doc ("on Saturday" keeps its 'on'), and weekday words the NER
    missed: all of them; those of the event (a time that dates a statement, "police said Friday", left out); and
    those of the event in its own words (also one inside a clause that measures from another event, "since the
    president took office in December", left out). The entities are read once for the three.
    """
    ents = []
    for ent in (p for e in sentence_ents(sent) for p in _pieces(e, words)):
        if ent.label_ in words.timex_labels or _numeric_date(ent, sent, words):
            statement = _dates_statement(ent, words)
            ents.append((ent, statement, not statement and _aside(ent, words)))
    low = doc_lower(sent.doc)
    first = _timex_words_by_first(words.timex_words)
    opening = [i for i in range(sent.start, sent.end) if low[i] in first]  # words a time phrase may start at
    return (
        _timexes(sent, [(e, False) for e, _, _ in ents], opening, words),
        _timexes(sent, [(e, statement) for e, statement, _ in ents], opening, words),
        _timexes(sent, [(e, statement or aside) for e, statement, aside in ents], opening, words),
    )


def _timexes(sent: Span, ents: list[tuple[Span, bool]], opening: list[int], words: PlaceWords) -> list[CharSpan]:
    """The sentence's timexes: its time entities but those left out (``ents``: each with whether it is left out;
    its words are taken all the same), then the time words no entity took (phrases starting at ``opening``)."""
    doc = sent.doc
    low = doc_lower(doc)
    out: list[CharSpan] = []
    covered: set[int] = set()
    for ent, left_out in ents:
        if left_out or _clock(ent, sent, words):
            covered.update(range(ent.start, ent.end))
            continue
        start = ent.start
        if start > sent.start and low[start - 1] in words.timex_prefixes:
            start -= 1
        out.append((doc[start].idx, ent.end_char))
        covered.update(range(start, ent.end))
    first = _timex_words_by_first(words.timex_words)
    after = sent.start  # the first word not yet taken by a phrase
    for i in opening:
        if i < after:
            continue
        for phrase in first[low[i]]:
            j = i + len(phrase)
            if j <= sent.end and tuple(low[i:j]) == phrase and not covered & set(range(i, j)):
                start = i - 1 if i > sent.start and low[i - 1] in words.timex_prefixes else i
                out.append((doc[start].idx, doc[j - 1].idx + len(doc[j - 1].text)))
                covered.update(range(start, j))
                after = j
                break
    return sorted(out)


def _clock(ent: Span, sent: Span, words: PlaceWords) -> bool:
    """'at 1415 GMT': four figures before a time zone or 'hrs' are a clock time, never a year."""
    return len(ent) == 1 and ent.text.isdigit() and len(ent.text) == 4 and ent.end < sent.end and (
        doc_lower(ent.doc)[ent.end] in words.clock_zones)


def _numeric_date(ent: Span, sent: Span, words: PlaceWords) -> bool:
    """'on 03/03': a day and month in figures the NER calls a number; 'on the 14th': a day of the month it calls an
    ordinal (the object of the preposition itself, not 'on the 3rd floor')."""
    low = doc_lower(ent.doc)
    if ent.start > sent.start and low[ent.start - 1] in words.numeric_date_prefixes:
        return bool(words.numeric_date.match(ent.text))
    return (
        ent.start - 1 > sent.start
        and low[ent.start - 1] == "the"
        and low[ent.start - 2] in words.numeric_date_prefixes
        and ent.root.dep_ == "pobj"
        and bool(words.ordinal_date.match(ent.text))
    )


def _pieces(ent: Span, words: PlaceWords) -> list[Span]:
    """'Saturday that Friday's', one entity to the NER: the times on either side of a break word, each alone."""
    low = doc_lower(ent.doc)
    if ent.label_ not in words.timex_labels or not any(low[i] in words.timex_breaks for i in range(ent.start, ent.end)):
        return [ent]
    out, start = [], ent.start
    for tok in ent:
        if tok.lower_ in words.timex_breaks:
            if tok.i > start:
                out.append(Span(ent.doc, start, tok.i, label=ent.label_))
            start = tok.i + 1
    if start < ent.end:
        out.append(Span(ent.doc, start, ent.end, label=ent.label_))
    return out


_NOUN_DATE_DEPS = ("poss", "nmod", "compound", "npadvmod", "amod")


def noun_timexes(sent: Span, triggers: Sequence[Span], words: PlaceWords) -> list[CharSpan]:
    """The times that modify an event noun of the sentence itself ("Sunday's missile strike", "the March 3
    massacre", "Oct. 4's attacks"): each dates its event, whatever other time the sentence gives ("rescuers on
    Tuesday searched the rubble after Sunday's strike"). Spans as ``sentence_timexes`` gives them."""
    nouns = {noun_head(t.root).i for t in triggers if t.root.pos_ in ("NOUN", "PROPN")}
    doc = sent.doc
    out = []
    for ent in noun_times(sent, nouns, words):
        start = ent.start
        if start > sent.start and doc_lower(doc)[start - 1] in words.timex_prefixes:
            start -= 1
        out.append((doc[start].idx, ent.end_char))
    return out


def noun_times(sent: Span, nouns: Collection[int], words: PlaceWords) -> list[Span]:
    """The time entities of ``sent`` that modify one of the nouns at token indexes ``nouns``: "Tuesday's" of
    "Tuesday's attacks", "March 3" of "the March 3 raid", "Oct. 4's" (one piece each of an entity that a break
    word splits)."""
    if not nouns:
        return []
    return [
        ent
        for e in sentence_ents(sent)
        for ent in _pieces(e, words)
        if ent.label_ in words.timex_labels and _on_noun(ent.root, nouns)
    ]


def _on_noun(root: Token, nouns: Collection[int]) -> bool:
    """'Tuesday's' of 'Tuesday's attacks', 'the March 3 raid'; 'on 5 June' of 'a strike on 5 June'."""
    if root.dep_ in _NOUN_DATE_DEPS:
        return root.head.i in nouns
    return root.dep_ == "pobj" and root.head.lower_ == "on" and root.head.head.i in nouns


def noun_head(tok: Token) -> Token:
    """The noun a trigger word is part of: "strike" of "missile strike", "incident" of "the bombing incident"."""
    while tok.dep_ == "compound" and tok.head is not tok and tok.head.pos_ == "NOUN":
        tok = tok.head
    return tok


def occurrence_timexes(sent: Span, words: PlaceWords) -> list[CharSpan]:
    """The times that say when an event named by a definite noun happened: 'The attack, which happened early
    Sunday, ...', 'the blast occurred on Friday', 'the raid took place at dawn on Monday'."""
    out = []
    for ent in (p for e in sentence_ents(sent) for p in _pieces(e, words)):
        if ent.label_ not in words.timex_labels:
            continue
        verb = ent.root.head
        if ent.root.dep_ == "pobj" and verb.dep_ == "prep":
            verb = verb.head
        if _occurrence_verb(verb, words) and _definite_subject(verb):
            start = ent.start
            if start > sent.start and sent.doc[start - 1].lower_ in words.timex_prefixes:
                start -= 1
            out.append((sent.doc[start].idx, ent.end_char))
    return out


def _occurrence_verb(verb: Token, words: PlaceWords) -> bool:
    lemma = verb.lemma_.lower()
    rest = {c.lower_ for c in verb.children}
    return any(p[0] == lemma and all(w in rest for w in p[1:]) for p in words.occurrence_verbs)


def _definite_subject(verb: Token) -> bool:
    """'the attack happened', 'the attack, which happened', 'Sunday's blast occurred': a noun told of before."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.tag_ == "WDT" and verb.dep_ == "relcl":
        subj = verb.head
    if subj is None or subj.pos_ != "NOUN":
        return False
    return any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "another") for c in subj.children)


@lru_cache(maxsize=4)
def _timex_words_by_first(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrases by their first word, each word's in the order given (the longest first)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        out.setdefault(phrase[0], []).append(phrase)
    return {w: tuple(ps) for w, ps in out.items()}
