"""Reading a gold file: the article JSONL fields plus the annotation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import InputError

__all__ = ["read_gold", "article_lines", "ARTICLE_FIELDS"]

ARTICLE_FIELDS = ("id", "text", "title", "outlet", "url", "publication_date", "html")


def read_gold(path: Path) -> list[dict[str, Any]]:
    """Every gold article of a JSONL file; a malformed line is an InputError naming it."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read gold file: {exc}") from exc
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            art = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{n}", f"line {n}: invalid JSON ({exc.msg})") from exc
        if not isinstance(art, dict) or "id" not in art or not ("text" in art or "html" in art):
            raise InputError(f"{path}:{n}", f"line {n}: a gold article needs 'id' and 'text'")
        out.append(art)
    if not out:
        raise InputError(str(path), "no gold articles")
    return out


def article_lines(articles: list[dict[str, Any]]) -> list[str]:
    """The articles alone, as article JSONL lines (what the system is given).

    A title the page never showed (``title_source: url_slug``) is not given.
    """
    lines = []
    for a in articles:
        keep = {k: a[k] for k in ARTICLE_FIELDS if a.get(k) is not None}
        if a.get("title_source") == "url_slug":
            keep.pop("title", None)
        lines.append(json.dumps(keep, ensure_ascii=False))
    return lines
