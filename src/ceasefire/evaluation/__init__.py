"""Evaluation against gold articles (``shared/spec/gold-format.md``)."""

from .gold import article_lines, read_gold
from .metrics import PRF, Metrics, evaluate_export

__all__ = ["article_lines", "read_gold", "evaluate_export", "Metrics", "PRF"]
