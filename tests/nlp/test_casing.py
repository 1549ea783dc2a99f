"""The same-length case normalisation of upper-case wire text (no model needed)."""

from __future__ import annotations

from ceasefire.nlp.casing import is_mostly_upper, sentence_case


def test_detects_wire_caps() -> None:
    assert is_mostly_upper("PORT LEMAN, 4 MAR 91 -- [TEXT] TWELVE VILLAGERS WERE KILLED TODAY.")
    assert not is_mostly_upper("Twelve villagers were killed on Monday, the army said.")
    assert not is_mostly_upper("OK")  # too short to say


def test_sentence_case_keeps_every_offset() -> None:
    text = "PORT LEMAN, 4 MAR 91 -- TWELVE VILLAGERS WERE KILLED. THE ARMY SAID SO.\n\nİSTANBUL IS FAR."
    out = sentence_case(text)
    assert len(out) == len(text)
    assert out.startswith("Port leman, 4 mar 91 -- Twelve villagers were killed. The army said so.")
    assert out[text.index("İ")] == "İ"  # 'İ'.lower() is two characters: left as it is
    for i, (a, b) in enumerate(zip(text, out, strict=True)):
        assert a.lower() == b.lower() or a == b, i
