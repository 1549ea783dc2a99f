"""Upper-case wire text ("50 PEASANTS WERE KILLED"): a same-length case-normalised copy.

The small English model parses ALL-CAPS text badly. For such a text the
pipeline runs on a copy in sentence case whose every character stands where
the original's stands, so offsets found in the copy cut quotes from the
original. Pure functions, no spaCy.
"""

from __future__ import annotations

import re
import string

__all__ = ["is_mostly_upper", "sentence_case"]

_SENTENCE_START = re.compile(r"(?:^|[.!?]['\"”’)]*\s+|\n\s*\n\s*|--\s+|\[[A-Z ]+\]\s+)([^\W\d_])", re.MULTILINE)
_ASCII_UPPER, _ASCII_LOWER = string.ascii_uppercase.encode(), string.ascii_lowercase.encode()
_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")


def is_mostly_upper(text: str, threshold: float = 0.8, min_letters: int = 20) -> bool:
    """True when at least ``threshold`` of the cased letters are upper case."""
    upper, lower = _cased(text)
    total = upper + lower
    return total >= min_letters and upper / total >= threshold


def _cased(text: str) -> tuple[int, int]:
    """How many characters of ``text`` are upper case and how many lower case (``str.isupper``, ``str.islower``);
    the ASCII ones counted by ``bytes.translate``, not one by one."""
    plain = text.encode("ascii", "ignore")
    upper = len(plain) - len(plain.translate(None, _ASCII_UPPER))
    lower = len(plain) - len(plain.translate(None, _ASCII_LOWER))
    for run in () if text.isascii() else _NOT_ASCII.findall(text):
        for ch in run:
            if ch.isupper():
                upper += 1
            elif ch.islower():
                lower += 1
    return upper, lower


def sentence_case(text: str) -> str:
    """``text`` in lower case with sentence starts capitalised, same length, char for char.

    A character whose lower (or upper) case is not one character (e.g. 'İ')
    is left as it is, so ``len(result) == len(text)`` always holds.
    """
    chars = [_one(ch, ch.lower()) for ch in text]
    for m in _SENTENCE_START.finditer(text):
        i = m.start(1)
        chars[i] = _one(text[i], text[i].upper())
    # the pronoun "I" stays upper case
    for m in re.finditer(r"(?<![\w'])I(?![\w'])", text):
        chars[m.start()] = "I"
    out = "".join(chars)
    assert len(out) == len(text)
    return out


def _one(original: str, changed: str) -> str:
    return changed if len(changed) == 1 else original
