"""The two Jinja2 environments of a brief: HTML (autoescape) and Markdown (escaped through ``finalize``).

Templates are in ``templates/`` and see one name, ``v``: the :class:`~ceasefire.brief.view.View`.
In Markdown every ``{{ value }}`` passes through :func:`md_escape` unless it is an
:class:`MdRaw` made here from escaped parts (a link, a picture): stored text can become
neither Markdown markup nor HTML there either.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined, Template

from .view import safe_link

__all__ = ["MdRaw", "md_escape", "md_link", "html_template", "markdown_template"]

_MD_SPECIAL = {c: "\\" + c for c in "\\`*_[]|~"}
_MD_SPECIAL.update({"<": "&lt;", ">": "&gt;", "&": "&amp;", "\r": " ", "\n": " ", "\t": " "})
_MD_TABLE = str.maketrans(_MD_SPECIAL)


_MD_LINE_START = re.compile(r"[#+=-]|(\d+)[.)]")  # markup only where a line starts: escaped wherever text starts
_URL_SAFE = ":/?#@!$&'*+,;=%-._~"  # not "(", ")", "<", ">", spaces: they would end a Markdown link


class MdRaw(str):
    """Markdown already escaped: ``finalize`` passes it through."""


def md_escape(value: Any) -> str:
    """``value`` as Markdown text that shows as itself: the characters that make inline markup (emphasis,
    code, links and images, tables, strike-through) backslashed, ``<``/``>``/``&`` as entities (no HTML), line
    breaks as spaces (a table cell stays one line), and a start that would open a heading, a list or a
    rule backslashed."""
    if isinstance(value, MdRaw):
        return value
    if value is None:
        return ""
    text = str(value).translate(_MD_TABLE)
    start = _MD_LINE_START.match(text)
    if start is None:
        return text
    at = len(start[1]) if start[1] else 0  # "12." -> "12\.", "#" -> "\#"
    return text[:at] + "\\" + text[at:]


def md_link(text: Any, url: str | None) -> MdRaw:
    """``[text](url)`` when ``url`` is an http(s) URL (percent-encoded so it cannot end the link), else the text."""
    link = safe_link(url)
    if link is None:
        return MdRaw(md_escape(text))
    return MdRaw(f"[{md_escape(text)}]({quote(link, safe=_URL_SAFE)})")


def md_image(alt: Any, src: str) -> MdRaw:
    return MdRaw(f"![{md_escape(alt)}]({quote(src, safe='/-._~')})")


def _environment(**options: Any) -> Environment:
    return Environment(loader=PackageLoader("ceasefire.brief", "templates"), undefined=StrictUndefined,
                       keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True, **options)


@lru_cache(maxsize=1)
def _html_env() -> Environment:
    return _environment(autoescape=True)


@lru_cache(maxsize=1)
def _md_env() -> Environment:
    env = _environment(autoescape=False, finalize=md_escape)
    env.globals.update(md_link=md_link, md_image=md_image)
    return env


def html_template() -> Template:
    return _html_env().get_template("brief.html")


def markdown_template() -> Template:
    return _md_env().get_template("brief.md")
