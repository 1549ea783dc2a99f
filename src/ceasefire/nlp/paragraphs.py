"""The ``ceasefire_paragraphs`` component: sentence starts at paragraph breaks.

Runs before the parser, which keeps boundaries set in advance. A blank line
always starts a sentence (a headline is never glued to the byline under it);
a single line break does when the line before ends a sentence, when that line
is longer than any wrapped line (a paragraph without its full stop), or when a
short line (a dateline, a time stamp) stands over a long one. A line break
inside a headline ("Kill Dozens of\\nSyrian Soldiers") or inside text wrapped
at a fixed width is left alone.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .doc_index import doc_lower, doc_text

__all__ = ["ParagraphBreaks"]

_ENDINGS = frozenset({".", "!", "?", '"', "”", "’", "'", ")"})
_WRAPPED = 90  # a line longer than this was not wrapped at a fixed width
_SHORT, _LONG = 50, 60  # a short line over a long one: "7:12pm BST" over the first paragraph


def _lines_around(text: str, at: int) -> tuple[int, int]:
    """Lengths of the line ending before character ``at`` and of the line starting there."""
    prev_end = text.rfind("\n", 0, at)
    prev_start = text.rfind("\n", 0, max(prev_end, 0)) + 1
    nxt_end = text.find("\n", at)
    nxt_end = len(text) if nxt_end < 0 else nxt_end
    return len(text[prev_start:prev_end].strip()), len(text[at:nxt_end].strip())


class ParagraphBreaks:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)  # Doc.text joins every token: read it once, for the later components too
        low = doc_lower(doc)
        for i in range(1, len(doc)):
            if "\n" not in low[i - 1]:
                continue  # no line break before: Token.whitespace_ is one space at most
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
            elif tok.text[:1].isupper() or tok.text[:1].isdigit() or tok.text[:1] in '"“':
                prev_len, next_len = _lines_around(text, tok.idx)
                if prev_len > _WRAPPED or (prev_len < _SHORT and next_len >= _LONG):
                    tok.is_sent_start = True
        return doc
