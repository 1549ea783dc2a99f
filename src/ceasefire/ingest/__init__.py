"""Ingest: paths -> Documents (raw bytes + sha256) -> Articles -> Reports.

* :func:`list_inputs` -- files under the given paths (directories expanded).
* :func:`read_input` -- one file -> its Documents, and an :class:`IngestProblem`
  for every bad input (never raised).
* :func:`to_article` -- a Document -> its :class:`Article` (JSONL, text, HTML, feed item).
* :func:`split_reports` -- an Article -> its Reports (compilation pages split).
* :func:`fingerprint`, :func:`copy_window`, :func:`find_originals` -- copies of a report already stored
  (the same content, or nearly: ``copies``).
* :func:`clean_text` -- the one normalisation of every stored string (one character for one).
* :func:`as_problem`, :func:`display_path` -- problems and origins as clean single lines.
"""

from .articles import to_article
from .copies import copy_window, find_originals, fingerprint
from .datelines import Dateline, find_page_date, parse_dateline
from .documents import (
    ARTICLE_JSON,
    FEED_ITEM_JSON,
    TEXT_HTML,
    TEXT_PLAIN,
    as_problem,
    clean_article,
    clean_text,
    clean_value,
    display_path,
)
from .files import list_inputs, read_input
from .reports import split_reports

__all__ = [
    "list_inputs",
    "read_input",
    "to_article",
    "split_reports",
    "fingerprint",
    "find_originals",
    "copy_window",
    "clean_text",
    "clean_value",
    "clean_article",
    "as_problem",
    "display_path",
    "parse_dateline",
    "find_page_date",
    "Dateline",
    "ARTICLE_JSON",
    "FEED_ITEM_JSON",
    "TEXT_HTML",
    "TEXT_PLAIN",
]
