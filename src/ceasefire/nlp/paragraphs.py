"""The ``ceasefire_paragraphs`` component: sentence starts at paragraph breaks.

Runs before the parser, which keeps boundaries set in advance. A blank line
always starts a sentence (a headline is never glued to the byline under it);
a single line break does when the line before ends a sentence. A line break
inside a headline ("Kill Dozens of\\nSyrian Soldiers") is left alone.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["ParagraphBreaks"]

_ENDINGS = frozenset({".", "!", "?", '"', "”", "’", "'", ")"})


class ParagraphBreaks:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for i in range(1, len(doc)):
            prev, tok = doc[i - 1], doc[i]
            if tok.is_space:
                continue
            ws = prev.whitespace_ + (prev.text if prev.is_space else "")
            if "\n" not in ws:
                continue
            before = prev
            j = i - 1
            while j > 0 and doc[j].is_space:
                j -= 1
                before = doc[j]
            if ws.count("\n") >= 2 or before.text[-1:] in _ENDINGS:
                tok.is_sent_start = True
        return doc
